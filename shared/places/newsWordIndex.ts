// Inverted index of the words of item titles and texts, for the text fallback of place search: a
// query word is matched fuzzily against the vocabulary, never against the items, so a keystroke
// costs the vocabulary bucket of its first letter plus the postings of the words it matched.
import { editDistances } from './editDistance';
import { normalizePlaceName } from './normalizePlaceName';
import type { TextSearch } from './placeSearch';

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

/** Words too common to tell items apart, folded as the index folds them. */
const stopWords = new Set(
  (
    'the and for are but not you all any can her his its was one our out has had how who with that this from they ' +
    'have were been will would there their what which when where about into than then them these those also more ' +
    'other some such only over after before under between while during each both very said says per via ' +
    'los las del por con una uno unos unas para como mas pero sus que este esta estos estas ese esa son fue han ' +
    'sin sobre entre tambien desde hasta todo todos cuando donde muy les nos ante segun durante ser hay'
  ).split(' '),
);
const shortestWord = 3;
const longestWord = 40;
const maxQueryWords = 8;
/** A slot of a removed or replaced item is reclaimed when this many are dead and they are a
 *  quarter of all slots: compaction rewrites every posting list once. */
const compactAfterDead = 1024;

/** Edits allowed between a query word and a vocabulary word: none for short words, where one
 *  edit makes another common word, up to two for long ones ("trafiking", "psicosocial"). */
const editsAllowed = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

/** Match quality of one query word against one vocabulary word. Each edit costs more than any
 *  bonus: a longer shared beginning breaks ties between equally distant words ("trafiking" is as
 *  far from "training" as from "trafficking"), and a title match counts a little more. */
const exactQuality = 1;
const prefixQuality = 0.8;
const editPenalty = 0.3;
const sharedStartBonus = 0.02;
const sharedStartCounted = 5;
const titleBonus = 0.1;

const sharedStart = (a: string, b: string): number => {
  let length = 0;
  while (length < sharedStartCounted && length < a.length && a.charCodeAt(length) === b.charCodeAt(length)) length += 1;
  return length;
};

interface WordMatch {
  word: number;
  quality: number;
}

/** The postings of every word, by word id: the slots of the items that have it, ascending, each
 *  kept as a variable-length number (7 bits a byte) of (gap from the previous slot) × 2 + (1 when
 *  the word is in the title). Most words of a large vocabulary occur once (names, numbers, typos):
 *  their one posting is kept as a plain number, without an array of its own. */
interface PostingStore {
  /** Adds a word with no postings; returns its id. */
  addWord(): number;
  /** Slots must ascend for each word. */
  add(word: number, slot: number, inTitle: boolean): void;
  /** Writes slot × 2 + (1 when in the title) of every posting of the word to `decoded`; returns
   *  how many. */
  decode(word: number): number;
  readonly decoded: Int32Array;
}

const createPostingStore = (): PostingStore => {
  const bytesOf: (Uint8Array | undefined)[] = [];
  const usedOf: number[] = [];
  const lastOf: number[] = [];
  const singleOf: number[] = [];
  let decoded = new Int32Array(1024);

  const write = (bytes: Uint8Array, at: number, value: number): number => {
    let next = at;
    let rest = value >>> 0;
    while (rest >= 0x80) {
      bytes[next] = (rest & 0x7f) | 0x80;
      next += 1;
      rest >>>= 7;
    }
    bytes[next] = rest;
    return next + 1;
  };

  return {
    addWord() {
      bytesOf.push(undefined);
      usedOf.push(0);
      lastOf.push(-1);
      singleOf.push(0);
      return lastOf.length - 1;
    },
    add(word, slot, inTitle) {
      const last = lastOf[word];
      if (last === undefined) return;
      const titleBit = inTitle ? 1 : 0;
      lastOf[word] = slot;
      if (last === -1) {
        singleOf[word] = slot * 2 + titleBit;
        return;
      }
      let bytes = bytesOf[word];
      let used = usedOf[word] ?? 0;
      if (bytes === undefined) {
        bytes = new Uint8Array(16);
        // The single posting becomes the first gap, counted from slot -1.
        used = write(bytes, 0, (singleOf[word] ?? 0) + 2);
      } else if (used + 5 > bytes.length) {
        const grown = new Uint8Array(bytes.length * 2);
        grown.set(bytes.subarray(0, used));
        bytes = grown;
      }
      bytesOf[word] = bytes;
      usedOf[word] = write(bytes, used, (slot - last) * 2 + titleBit);
    },
    decode(word) {
      const last = lastOf[word] ?? -1;
      if (last === -1) return 0;
      if (decoded.length <= last) decoded = new Int32Array(Math.max(last + 1, decoded.length * 2));
      const bytes = bytesOf[word];
      if (bytes === undefined) {
        decoded[0] = singleOf[word] ?? 0;
        return 1;
      }
      const used = usedOf[word] ?? 0;
      let count = 0;
      let slot = -1;
      let at = 0;
      while (at < used) {
        // Gaps of common words fit in one byte: read those without the loop.
        let byte = bytes[at] ?? 0;
        at += 1;
        let value = byte & 0x7f;
        let scale = 0x80;
        while (byte >= 0x80 && at < used) {
          byte = bytes[at] ?? 0;
          at += 1;
          value += (byte & 0x7f) * scale;
          scale *= 0x80;
        }
        slot += value >>> 1;
        decoded[count] = slot * 2 + (value & 1);
        count += 1;
      }
      return count;
    },
    get decoded() {
      return decoded;
    },
  };
};

/** The distinct indexable words of a text, folded as place names are. */
const wordsOf = (text: string): Set<string> => {
  const words = new Set<string>();
  for (const word of normalizePlaceName(text).split(' ')) {
    if (word.length >= shortestWord && word.length <= longestWord && !stopWords.has(word)) words.add(word);
  }
  return words;
};

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

  let words: string[] = [];
  let wordIdOf = new Map<string, number>();
  let postings = createPostingStore();
  let vocabularyRevision = 0;

  // Vocabulary words by first letter, rebuilt lazily when words were added or dropped.
  let byLetter = new Map<string, number[]>();
  let bucketsRevision = -1;
  const matchCache = new Map<string, WordMatch[]>();
  let cacheRevision = -1;

  // Scratch for search, one cell per slot.
  let matchedWords = new Uint8Array(0);
  // Qualities in hundredths, as integers, so equal matches tie exactly and sort by date.
  let scores = new Int32Array(0);
  let wordBest = new Int32Array(0);
  let seenEpoch = new Uint32Array(0);
  let epoch = 0;
  const distanceRows = [new Int32Array(longestWord + 2), new Int32Array(longestWord + 2), new Int32Array(longestWord + 2)] as const;

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
    const keptWords: string[] = [];
    const keptPostings = createPostingStore();
    const keptIds = new Map<string, number>();
    words.forEach((word, id) => {
      let keptId = -1;
      const count = postings.decode(id);
      const { decoded } = postings;
      for (let at = 0; at < count; at += 1) {
        const value = decoded[at] ?? 0;
        const newSlot = newSlotOf[value >>> 1] ?? -1;
        if (newSlot < 0) continue;
        if (keptId < 0) {
          keptId = keptPostings.addWord();
          keptIds.set(word, keptId);
          keptWords.push(word);
        }
        keptPostings.add(keptId, newSlot, (value & 1) === 1);
      }
    });
    keys = liveKeys;
    dates = liveDates;
    words = keptWords;
    wordIdOf = keptIds;
    postings = keptPostings;
    deadSlots = 0;
    vocabularyRevision += 1;
  };

  const kill = (slot: number): void => {
    keys[slot] = undefined;
    deadSlots += 1;
  };

  const compactIfWorth = (): void => {
    if (deadSlots >= compactAfterDead && deadSlots * 4 >= keys.length) compact();
  };

  const refreshBuckets = (): void => {
    if (bucketsRevision === vocabularyRevision) return;
    bucketsRevision = vocabularyRevision;
    byLetter = new Map();
    words.forEach((word, id) => {
      const letter = word[0] ?? '';
      let bucket = byLetter.get(letter);
      if (bucket === undefined) {
        bucket = [];
        byLetter.set(letter, bucket);
      }
      bucket.push(id);
    });
  };

  /** Vocabulary words close to the query word, best first. The last word of a query is still
   *  being typed, so it also matches words it begins ("traff" → trafficking). A typo in the first
   *  letter is not forgiven: only words sharing it are compared. */
  const matchWord = (query: string, asPrefix: boolean): WordMatch[] => {
    const cacheKey = `${asPrefix ? '>' : '='}${query}`;
    const cached = matchCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const limit = editsAllowed(query.length);
    const found: WordMatch[] = [];
    const wholeAllowed = !stopWords.has(query);
    for (const id of byLetter.get(query[0] ?? '') ?? []) {
      const word = words[id] ?? '';
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
    found.sort((a, b) => b.quality - a.quality);
    if (matchCache.size >= 256) matchCache.clear();
    matchCache.set(cacheKey, found);
    return found;
  };

  /** Higher is better: more query words matched, then better matches, then newer. */
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

  /** The best `wanted` of the touched slots, best first: a bounded heap whose root is the worst. */
  const topSlots = (touched: readonly number[], wanted: number): number[] => {
    const heap: number[] = [];
    const siftDown = (from: number): void => {
      let at = from;
      for (;;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let worst = at;
        if (left < heap.length && better(heap[worst] ?? 0, heap[left] ?? 0)) worst = left;
        if (right < heap.length && better(heap[worst] ?? 0, heap[right] ?? 0)) worst = right;
        if (worst === at) return;
        const swap = heap[at] ?? 0;
        heap[at] = heap[worst] ?? 0;
        heap[worst] = swap;
        at = worst;
      }
    };
    for (const slot of touched) {
      if (heap.length < wanted) {
        heap.push(slot);
        let at = heap.length - 1;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!better(heap[parent] ?? 0, heap[at] ?? 0)) break;
          const swap = heap[at] ?? 0;
          heap[at] = heap[parent] ?? 0;
          heap[parent] = swap;
          at = parent;
        }
      } else if (heap.length > 0 && better(slot, heap[0] ?? 0)) {
        heap[0] = slot;
        siftDown(0);
      }
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  };

  const search: TextSearch = (queryWords, limit) => {
    const wanted = typeof limit === 'number' && limit > 0 ? Math.min(Math.floor(limit), slotOfKey.size) : 0;
    if (wanted === 0 || !Array.isArray(queryWords)) return [];
    const folded = normalizePlaceName(queryWords.filter((word) => typeof word === 'string').join(' ').slice(0, 400));
    const all = folded === '' ? [] : folded.split(' ');
    // Finished stop words say nothing; the word being typed may be the start of a real word.
    const used = all
      .map((word, position) => ({ word: word.slice(0, longestWord), asPrefix: position === all.length - 1 }))
      .filter(({ word, asPrefix }) => word.length >= shortestWord && (asPrefix || !stopWords.has(word)))
      .slice(-maxQueryWords);
    if (used.length === 0) return [];
    refreshBuckets();
    if (cacheRevision !== vocabularyRevision) {
      matchCache.clear();
      cacheRevision = vocabularyRevision;
    }
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
    // A slot was touched by this search when its mark is from one of this search's words.
    const firstEpoch = epoch + 1;
    const touched: number[] = [];
    for (const { word, asPrefix } of used) {
      epoch += 1;
      for (const match of matchWord(word, asPrefix)) {
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
    return topSlots(touched, wanted).map((slot) => ({ key: keys[slot] ?? '', date: dates[slot] ?? Number.NaN }));
  };

  return {
    setItem(key, title, text, date) {
      const known = slotOfKey.get(key);
      if (known !== undefined) kill(known);
      const slot = keys.length;
      keys.push(key);
      slotOfKey.set(key, slot);
      dates = growFloat64(dates, slot + 1);
      dates[slot] = typeof date === 'number' ? date : Number.NaN;
      const titleWords = wordsOf(typeof title === 'string' ? title : '');
      const allWords = wordsOf(typeof text === 'string' ? text : '');
      for (const word of titleWords) allWords.add(word);
      for (const word of allWords) {
        let id = wordIdOf.get(word);
        if (id === undefined) {
          id = words.length;
          words.push(word);
          wordIdOf.set(word, id);
          postings.addWord();
          vocabularyRevision += 1;
        }
        postings.add(id, slot, titleWords.has(word));
      }
      compactIfWorth();
    },
    removeItem(key) {
      const slot = slotOfKey.get(key);
      if (slot === undefined) return;
      slotOfKey.delete(key);
      kill(slot);
      compactIfWorth();
    },
    search,
    get itemCount() {
      return slotOfKey.size;
    },
    get wordCount() {
      return words.length;
    },
  };
};
