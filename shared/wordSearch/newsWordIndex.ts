// Inverted index of the words of item titles and texts, for the text fallback of place search: a
// query word is matched fuzzily against the vocabulary, never against the items, so a keystroke
// costs the vocabulary bucket of its first letter plus the postings of the words it matched.
import { createPostingStore, type PostingStore } from './postingStore';
import type { TextSearch } from './textSearch';
import { topSlots } from './topSlots';
import { createVocabulary, type Vocabulary } from './vocabulary';
import { indexableWords, maxQueryWords, queryWords } from './wordTokens';

export interface NewsWordIndex {
  /** Adds an item or replaces its words and date. */
  setItem(key: string, title: string, text: string, date: number): void;
  removeItem(key: string): void;
  /** Items with the query words, best match first, then newest; at most `limit`. */
  search: TextSearch;
  readonly itemCount: number;
  /** Distinct words indexed (including, until the next compaction, words of removed items). */
  readonly wordCount: number;
}

/** A slot of a removed or replaced item is reclaimed when this many are dead and they are a
 *  quarter of all slots: compaction rewrites every posting list once. */
const compactAfterDead = 1024;
/** A title match counts a little more than a match in the text. */
const titleBonus = 0.1;

const growFloat64 = (array: Float64Array, size: number): Float64Array => {
  if (size <= array.length) return array;
  const grown = new Float64Array(Math.max(size, array.length * 2, 1024));
  grown.set(array);
  return grown;
};

export const createNewsWordIndex = (): NewsWordIndex => {
  // Slots only ever grow, so postings stay sorted and their gaps small; a replaced or removed
  // item leaves a dead slot (keys[slot] === undefined) that compaction reclaims.
  let keys: (string | undefined)[] = [];
  let dates: Float64Array = new Float64Array(1024);
  const slotOfKey = new Map<string, number>();
  let deadSlots = 0;
  let vocabulary: Vocabulary = createVocabulary();
  let postings: PostingStore = createPostingStore();

  // Scratch for search, one cell per slot. Qualities in hundredths, as integers, so equal matches
  // tie exactly and sort by date.
  let matchedWords = new Uint8Array(0);
  let scores = new Int32Array(0);
  let wordBest = new Int32Array(0);
  let seenEpoch = new Uint32Array(0);
  let epoch = 0;

  /** Rewrites the live slots densely, with the words they still use. */
  const compact = (): void => {
    const newSlotOf = new Int32Array(keys.length).fill(-1);
    const liveKeys: string[] = [];
    const liveDates = new Float64Array(Math.max(1024, slotOfKey.size * 2));
    keys.forEach((key, slot) => {
      if (key === undefined) return;
      newSlotOf[slot] = liveKeys.length;
      liveDates[liveKeys.length] = dates[slot] ?? Number.NaN;
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
        const value = decoded[at] ?? 0;
        const newSlot = newSlotOf[value >>> 1] ?? -1;
        if (newSlot < 0) continue;
        if (keptId < 0) {
          keptId = keptVocabulary.add(vocabulary.wordOf(id));
          keptPostings.addWord();
        }
        keptPostings.add(keptId, newSlot, (value & 1) === 1);
      }
    }
    keys = liveKeys;
    dates = liveDates;
    vocabulary = keptVocabulary;
    postings = keptPostings;
    deadSlots = 0;
  };

  const kill = (slot: number): void => {
    keys[slot] = undefined;
    deadSlots += 1;
    if (deadSlots >= compactAfterDead && deadSlots * 4 >= keys.length) compact();
  };

  /** Higher is better: more query words matched, then better matches, then newer, then the later
   *  slot (the later stored): a total order, so ties never depend on the order items were seen. */
  const better = (a: number, b: number): boolean => {
    const countA = matchedWords[a] ?? 0;
    const countB = matchedWords[b] ?? 0;
    if (countA !== countB) return countA > countB;
    const scoreA = scores[a] ?? 0;
    const scoreB = scores[b] ?? 0;
    if (scoreA !== scoreB) return scoreA > scoreB;
    const dateA = dates[a] ?? Number.NaN;
    const dateB = dates[b] ?? Number.NaN;
    if (Number.isNaN(dateA) || Number.isNaN(dateB)) return Number.isNaN(dateB) ? !Number.isNaN(dateA) || a > b : false;
    return dateA !== dateB ? dateA > dateB : a > b;
  };

  const ensureScratch = (): void => {
    if (scores.length < keys.length) {
      const size = Math.max(keys.length * 2, 1024);
      matchedWords = new Uint8Array(size);
      scores = new Int32Array(size);
      wordBest = new Int32Array(size);
      seenEpoch = new Uint32Array(size);
      epoch = 0;
    }
    if (epoch + maxQueryWords + 1 >= 0xffffffff) {
      seenEpoch.fill(0);
      epoch = 0;
    }
  };

  const search: TextSearch = (words, limit) => {
    const wanted = typeof limit === 'number' && limit > 0 ? Math.min(Math.floor(limit), slotOfKey.size) : 0;
    if (wanted === 0 || !Array.isArray(words)) return [];
    const used = queryWords(words);
    if (used.length === 0) return [];
    ensureScratch();
    // A slot was touched by this search when its mark is from one of this search's words.
    const firstEpoch = epoch + 1;
    const touched: number[] = [];
    for (const { word, asPrefix } of used) {
      epoch += 1;
      for (const match of vocabulary.match(word, asPrefix)) {
        const textQuality = Math.round(match.quality * 100);
        const titleQuality = Math.round((match.quality + titleBonus) * 100);
        const count = postings.decode(match.word);
        const { decoded } = postings;
        for (let at = 0; at < count; at += 1) {
          const value = decoded[at] ?? 0;
          const slot = value >>> 1;
          if (keys[slot] === undefined) continue;
          const quality = (value & 1) === 1 ? titleQuality : textQuality;
          const mark = seenEpoch[slot] ?? 0;
          if (mark === epoch) {
            // Another spelling of the same query word: keep the better of the two.
            const kept = wordBest[slot] ?? 0;
            if (quality > kept) {
              scores[slot] = (scores[slot] ?? 0) + quality - kept;
              wordBest[slot] = quality;
            }
            continue;
          }
          if (mark < firstEpoch) {
            matchedWords[slot] = 0;
            scores[slot] = 0;
            touched.push(slot);
          }
          seenEpoch[slot] = epoch;
          matchedWords[slot] = (matchedWords[slot] ?? 0) + 1;
          scores[slot] = (scores[slot] ?? 0) + quality;
          wordBest[slot] = quality;
        }
      }
    }
    return topSlots(touched, wanted, better).map((slot) => ({ key: keys[slot] ?? '', date: dates[slot] ?? Number.NaN }));
  };

  return {
    setItem(key, title, text, date) {
      const known = slotOfKey.get(key);
      const slot = keys.length;
      keys.push(key);
      slotOfKey.set(key, slot);
      dates = growFloat64(dates, slot + 1);
      dates[slot] = typeof date === 'number' ? date : Number.NaN;
      const titleWords = indexableWords(typeof title === 'string' ? title : '');
      const allWords = indexableWords(typeof text === 'string' ? text : '');
      for (const word of titleWords) allWords.add(word);
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
  };
};
