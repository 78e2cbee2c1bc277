// The saved articles as the search worker reads them: which items have one (keys only, from the
// status index, never the articles themselves), the texts of one batch's articles for the tagger,
// and the words of an article's start that the item keeps for the word index.
import { scannedCharacters } from '../../../shared/places/tagPlaces';
import { indexableWords } from '../../../shared/wordSearch/wordTokens';
import type { FieldNewsDb } from '../../db/fieldNewsDb';

/**
 * The word search reads an article's first 2,000 characters (its lede and a few paragraphs; the
 * median article of the test corpus has 2,844): some 120 distinct words, kept on the item, so that
 * start-up reads no article and an item with one costs the index about what an item whose feed
 * carries 2,000 characters of text costs. At 100,000 items, 40% with an article, the rebuild took
 * 5.2 s instead of 3.3 s (fake-indexeddb); 5,000 characters took 7.9 s, 10,000 took 8.9 s.
 */
export const articleWordCharacters = 2_000;

/** The tagger reads as much of the article as of the item's own text: its first 50,000 characters. */
export const articlePlaceCharacters = scannedCharacters;

const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

/** The saved articles: the status index's saved range. */
const savedRange = (db: FieldNewsDb) => db.articles.where('[status+nextTryAt]').between(['saved', 0], ['saved', Number.MAX_SAFE_INTEGER], true, true);

/** The keys of the items whose article is saved: the index's keys, no article read. */
export const savedArticleKeys = async (db: FieldNewsDb): Promise<string[]> => savedRange(db).primaryKeys();

/**
 * What the search worker's watch reads to hear of articles being saved: one key of the saved range.
 * Dexie's liveQuery runs it again whenever a write puts a record into that range of the index,
 * whatever it returned; a count would run again on every write to the table (Dexie cannot tell
 * which records a count saw), and so would wake on each article queued or failing.
 */
export const firstSavedArticle = async (db: FieldNewsDb): Promise<string[]> => savedRange(db).limit(1).primaryKeys();

/** The text of each saved article of `keys`; an article waiting, refused or failed is none. */
export const savedArticleTexts = async (db: FieldNewsDb, keys: readonly string[]): Promise<Map<string, string>> => {
  const texts = new Map<string, string>();
  if (keys.length === 0) return texts;
  for (const record of await db.articles.bulkGet([...keys])) {
    // A saved record always holds its article; were it missing, the item still counts as having one,
    // as savedArticleKeys says, so it is not tagged again on every refresh.
    if (record?.status === 'saved') texts.set(record.itemKey, record.article?.text ?? '');
  }
  return texts;
};

/** The distinct words of the article's first `articleWordCharacters`, folded, joined by spaces,
 *  but for those the item's own title and text have already (a summary is often the lede). */
export const articleWordsOf = (text: string, ownWords: ReadonlySet<string>): string => {
  let end = Math.min(text.length, articleWordCharacters);
  // A word cut in two at the bound is no word of the article.
  if (end < text.length) while (end > 0 && wordCharacter.test(text.charAt(end))) end -= 1;
  return [...indexableWords(text.slice(0, end))].filter((word) => !ownWords.has(word)).join(' ');
};
