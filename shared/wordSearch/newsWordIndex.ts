// Inverted index of the words of item titles and texts, for the text fallback of place search: a
// query word is matched fuzzily against the vocabulary, never against the items, so a keystroke
// costs the vocabulary bucket of its first letter plus the postings of the words it matched.
import { readAt, readFloat64At, readInt32At } from '../checkedRead';
import { createPostingStore, isSavedPostings, type PostingStore, type SavedPostings } from './postingStore';
import type { TextSearch } from './textSearch';
import { createVocabulary, type Vocabulary } from './vocabulary';
import { createWordRanking } from './wordRanking';
import { indexableWords, isIndexableWord, queryWords } from './wordTokens';

export interface NewsWordIndex {
  /** Adds an item or replaces its words and date. `foldedWords` are more words of its text,
   *  already folded as `indexableWords` folds them (kept that way for a saved article, so that
   *  start-up does not fold them again). */
  setItem(key: string, title: string, text: string, date: number, foldedWords?: readonly string[]): void;
  removeItem(key: string): void;
  /** Items with the query words, best match first, then newest; at most `limit`. */
  search: TextSearch;
  readonly itemCount: number;
  /** Distinct words indexed (including, until the next compaction, words of removed items). */
  readonly wordCount: number;
  /** The index as plain arrays (copies, live items only), to keep on disk: start-up reads it back
   *  with `createNewsWordIndex(saved)` instead of folding every item's text again. */
  save(): SavedWordIndex;
}

/** A word index at rest: the items' keys and dates by slot, the words by id, their postings. */
export interface SavedWordIndex {
  keys: string[];
  dates: Float64Array;
  words: string[];
  postings: SavedPostings;
}

/** Whether a value read back from disk has the shape `save` gives, its parts of one size. */
export const isSavedWordIndex = (value: unknown): value is SavedWordIndex => {
  if (typeof value !== 'object' || value === null) return false;
  const { keys, dates, words, postings } = value as Partial<Record<keyof SavedWordIndex, unknown>>;
  return (
    Array.isArray(keys) &&
    keys.every((key) => typeof key === 'string') &&
    dates instanceof Float64Array &&
    dates.length === keys.length &&
    Array.isArray(words) &&
    words.every((word) => typeof word === 'string') &&
    isSavedPostings(postings) &&
    postings.lastSlots.length === words.length &&
    postings.lastSlots.every((slot) => slot < keys.length)
  );
};

/** A slot of a removed or replaced item is reclaimed when this many are dead and they are a
 *  quarter of all slots: compaction rewrites every posting list once. */
const compactAfterDead = 1024;

const growFloat64 = (array: Float64Array, size: number): Float64Array => {
  if (size <= array.length) return array;
  const grown = new Float64Array(Math.max(size, array.length * 2, 1024));
  grown.set(array);
  return grown;
};

/** What compaction rewrites. */
interface WordStore {
  /** Item keys by slot; undefined for a dead slot. */
  keys: (string | undefined)[];
  dates: Float64Array;
  vocabulary: Vocabulary;
  postings: PostingStore;
}

/** Rewrites the live slots densely, with the words they still use; `slotOfKey` follows them. */
const compact = ({ keys, dates, vocabulary, postings }: WordStore, slotOfKey: Map<string, number>): WordStore => {
  const newSlotOf = new Int32Array(keys.length).fill(-1);
  const liveKeys: string[] = [];
  const liveDates = new Float64Array(Math.max(1024, slotOfKey.size * 2));
  keys.forEach((key, slot) => {
    if (key === undefined) return;
    newSlotOf[slot] = liveKeys.length;
    liveDates[liveKeys.length] = readFloat64At(dates, slot);
    slotOfKey.set(key, liveKeys.length);
    liveKeys.push(key);
  });
  const keptVocabulary = createVocabulary();
  const keptPostings = createPostingStore();
  for (let id = 0; id < vocabulary.size; id += 1) {
    let keptId = -1;
    const count = postings.decode(id);
    const { decoded } = postings;
    for (let at = 0; at < count; at += 1) {
      const value = readInt32At(decoded, at);
      const newSlot = readInt32At(newSlotOf, value >>> 1);
      if (newSlot < 0) continue;
      if (keptId < 0) {
        keptId = keptVocabulary.add(vocabulary.wordOf(id));
        keptPostings.addWord();
      }
      keptPostings.add(keptId, newSlot, (value & 1) === 1);
    }
  }
  return { keys: liveKeys, dates: liveDates, vocabulary: keptVocabulary, postings: keptPostings };
};

export const createNewsWordIndex = (saved?: SavedWordIndex): NewsWordIndex => {
  // Slots only ever grow, so postings stay sorted and their gaps small; a replaced or removed
  // item leaves a dead slot (keys[slot] === undefined) that compaction reclaims.
  let keys: (string | undefined)[] = saved ? [...saved.keys] : [];
  let dates: Float64Array = growFloat64(saved ? saved.dates.slice() : new Float64Array(1024), keys.length);
  const slotOfKey = new Map<string, number>();
  for (const [slot, key] of keys.entries()) if (key !== undefined) slotOfKey.set(key, slot);
  let deadSlots = 0;
  let vocabulary: Vocabulary = createVocabulary(saved?.words);
  let postings: PostingStore = createPostingStore(saved?.postings);
  const rank = createWordRanking();

  const kill = (slot: number): void => {
    keys[slot] = undefined;
    deadSlots += 1;
    if (deadSlots >= compactAfterDead && deadSlots * 4 >= keys.length) {
      ({ keys, dates, vocabulary, postings } = compact({ keys, dates, vocabulary, postings }, slotOfKey));
      deadSlots = 0;
    }
  };

  const search: TextSearch = (words, limit) => {
    const wanted = typeof limit === 'number' && limit > 0 ? Math.min(Math.floor(limit), slotOfKey.size) : 0;
    if (wanted === 0 || !Array.isArray(words)) return [];
    const used = queryWords(words);
    if (used.length === 0) return [];
    return rank({ keys, dates, vocabulary, postings }, used, wanted).map((slot) => ({ key: readAt(keys, slot), date: readFloat64At(dates, slot) }));
  };

  return {
    setItem(key, title, text, date, foldedWords = []) {
      const known = slotOfKey.get(key);
      const slot = keys.length;
      keys.push(key);
      slotOfKey.set(key, slot);
      dates = growFloat64(dates, slot + 1);
      dates[slot] = typeof date === 'number' ? date : Number.NaN;
      const titleWords = indexableWords(typeof title === 'string' ? title : '');
      const allWords = indexableWords(typeof text === 'string' ? text : '');
      for (const word of titleWords) allWords.add(word);
      if (Array.isArray(foldedWords)) {
        for (const word of foldedWords) if (typeof word === 'string' && isIndexableWord(word)) allWords.add(word);
      }
      for (const word of allWords) {
        let id = vocabulary.idOf(word);
        if (id === undefined) {
          id = vocabulary.add(word);
          postings.addWord();
        }
        postings.add(id, slot, titleWords.has(word));
      }
      // The old slot dies after the new one is written, so a compaction it starts keeps the new one.
      if (known !== undefined) kill(known);
    },
    removeItem(key) {
      const slot = slotOfKey.get(key);
      if (slot === undefined) return;
      slotOfKey.delete(key);
      kill(slot);
    },
    search,
    get itemCount() {
      return slotOfKey.size;
    },
    get wordCount() {
      return vocabulary.size;
    },
    save() {
      // Dead slots are left out: a copy compacted, the index in use untouched.
      const live = deadSlots === 0 ? { keys, dates, vocabulary, postings } : compact({ keys, dates, vocabulary, postings }, new Map(slotOfKey));
      const liveKeys = live.keys.filter((key): key is string => key !== undefined);
      return { keys: liveKeys, dates: live.dates.slice(0, liveKeys.length), words: live.vocabulary.save(), postings: live.postings.save() };
    },
  };
};
