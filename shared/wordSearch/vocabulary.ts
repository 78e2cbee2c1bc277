// The word index's vocabulary: every distinct word with its id, and the fuzzy matching of a typed
// word against it (edits allowed by length, a prefix for the word being typed), cached per query.
import { readAt } from '../checkedRead';
import { editDistances } from './editDistance';
import { longestWord, stopWords } from './wordTokens';

export interface WordMatch {
  word: number;
  /** 1 for the very word, less for a prefix or a word a few edits away. */
  quality: number;
}

export interface Vocabulary {
  idOf(word: string): number | undefined;
  /** Adds a word that is not there yet; returns its id (ids count up from 0). */
  add(word: string): number;
  wordOf(id: number): string;
  readonly size: number;
  /** Vocabulary words close to the query word, best first. */
  match(query: string, asPrefix: boolean): readonly WordMatch[];
  /** Every word by id (a copy), to keep on disk: `createVocabulary(saved)` gives the same ids back. */
  save(): string[];
}

/** Edits allowed between a query word and a vocabulary word: none for short words, where one
 *  edit makes another common word, up to two for long ones ("trafiking", "psicosocial"). */
const editsAllowed = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

/** Match quality of one query word against one vocabulary word. Each edit costs more than any
 *  bonus: a longer shared beginning breaks ties between equally distant words ("trafiking" is as
 *  far from "training" as from "trafficking"). */
const exactQuality = 1;
const prefixQuality = 0.8;
const editPenalty = 0.3;
const sharedStartBonus = 0.02;
const sharedStartCounted = 5;
const cachedQueries = 256;

const sharedStart = (a: string, b: string): number => {
  let length = 0;
  while (length < sharedStartCounted && length < a.length && a.charCodeAt(length) === b.charCodeAt(length)) length += 1;
  return length;
};

export const createVocabulary = (saved: readonly string[] = []): Vocabulary => {
  const words: string[] = [...saved];
  const idOf = new Map<string, number>();
  words.forEach((word, id) => idOf.set(word, id));
  // Words by first letter, rebuilt lazily after words were added; the cache is dropped with them.
  const byLetter = new Map<string, number[]>();
  let bucketsSize = -1;
  const matchCache = new Map<string, WordMatch[]>();
  const distanceRows = [new Int32Array(longestWord + 2), new Int32Array(longestWord + 2), new Int32Array(longestWord + 2)] as const;

  const refreshBuckets = (): void => {
    if (bucketsSize === words.length) return;
    for (let id = Math.max(bucketsSize, 0); id < words.length; id += 1) {
      const letter = readAt(words, id).charAt(0);
      const bucket = byLetter.get(letter);
      if (bucket === undefined) byLetter.set(letter, [id]);
      else bucket.push(id);
    }
    bucketsSize = words.length;
    matchCache.clear();
  };

  return {
    idOf: (word) => idOf.get(word),
    add(word) {
      const id = words.length;
      words.push(word);
      idOf.set(word, id);
      return id;
    },
    wordOf: (id) => readAt(words, id),
    get size() {
      return words.length;
    },
    /** The last word of a query is still being typed, so it also matches words it begins ("traff"
     *  → trafficking). A typo in the first letter is not forgiven here: only words sharing it are
     *  compared, which keeps a keystroke to one letter's bucket. */
    match(query, asPrefix) {
      refreshBuckets();
      const cacheKey = `${asPrefix ? '>' : '='}${query}`;
      const cached = matchCache.get(cacheKey);
      if (cached !== undefined) return cached;
      const limit = editsAllowed(query.length);
      const found: WordMatch[] = [];
      const wholeAllowed = !stopWords.has(query);
      // No word starts with the query's first letter: nothing to compare.
      for (const id of byLetter.get(query.charAt(0)) ?? []) {
        const word = readAt(words, id);
        let quality = 0;
        if (word === query) {
          quality = wholeAllowed ? exactQuality : 0;
        } else if (asPrefix && word.startsWith(query)) {
          quality = prefixQuality;
        } else if (limit > 0 && word.length >= query.length - limit && (asPrefix || word.length <= query.length + limit)) {
          const { whole, prefix } = editDistances(query, word, limit, distanceRows);
          const bonus = sharedStartBonus * sharedStart(query, word);
          if (whole <= limit && wholeAllowed) quality = exactQuality - editPenalty * whole + bonus;
          if (asPrefix && prefix <= limit) quality = Math.max(quality, prefixQuality - editPenalty * prefix + bonus);
        }
        if (quality > 0) found.push({ word: id, quality });
      }
      // Equal qualities keep vocabulary order, so the same query always matches in the same order.
      found.sort((a, b) => b.quality - a.quality || a.word - b.word);
      if (matchCache.size >= cachedQueries) matchCache.clear();
      matchCache.set(cacheKey, found);
      return found;
    },
    save: () => [...words],
  };
};
