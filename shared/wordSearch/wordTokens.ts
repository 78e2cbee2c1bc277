// How titles, texts and queries are cut into indexable words: folded as place names are (lower
// case, no accents), stop words and very short or very long words left out.
import { normalizePlaceName } from '../places/normalizePlaceName';

/** Words too common to tell items apart, folded as the index folds them. */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'the and for are but not you all any can her his its was one our out has had how who with that this from they ' +
    'have were been will would there their what which when where about into than then them these those also more ' +
    'other some such only over after before under between while during each both very said says per via ' +
    'los las del por con una uno unos unas para como mas pero sus que este esta estos estas ese esa son fue han ' +
    'sin sobre entre tambien desde hasta todo todos cuando donde muy les nos ante segun durante ser hay'
  ).split(' '),
);
/** Names how words are cut and folded here and laid out in the word index: change it with either,
 *  and a word index saved by an older version is built again from the items instead of read back. */
export const wordIndexVersion = 'words.1';
export const shortestWord = 3;
export const longestWord = 40;
export const maxQueryWords = 8;

/** Whether a folded word goes into the index: not too short or too long, and no stop word. */
export const isIndexableWord = (word: string): boolean => word.length >= shortestWord && word.length <= longestWord && !stopWords.has(word);

/** The distinct indexable words of a text. */
export const indexableWords = (text: string): Set<string> => {
  const words = new Set<string>();
  for (const word of normalizePlaceName(text).split(' ')) {
    if (isIndexableWord(word)) words.add(word);
  }
  return words;
};

export interface QueryWord {
  word: string;
  /** The last word is still being typed: it also matches the words it begins. */
  asPrefix: boolean;
}

/** The words of a query worth looking up. Finished stop words say nothing; the word being typed
 *  may be the start of a real word, so it stays. */
export const queryWords = (words: readonly unknown[]): QueryWord[] => {
  const folded = normalizePlaceName(words.filter((word): word is string => typeof word === 'string').join(' ').slice(0, 400));
  const all = folded === '' ? [] : folded.split(' ');
  return all
    .map((word, position) => ({ word: word.slice(0, longestWord), asPrefix: position === all.length - 1 }))
    .filter(({ word, asPrefix }) => word.length >= shortestWord && (asPrefix || !stopWords.has(word)))
    .slice(-maxQueryWords);
};
