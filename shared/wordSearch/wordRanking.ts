// The ranking of one word-index search: each item slot the matches of a query word reach gathers
// how many query words it has and the sum of their best match qualities, in scratch arrays kept
// from one search to the next; the best few are then taken without sorting them all.
import { noValueAt, readInt32At, readUint32At } from '../checkedRead';
import type { PostingStore } from './postingStore';
import { topSlots } from './topSlots';
import type { Vocabulary } from './vocabulary';
import { maxQueryWords, type QueryWord } from './wordTokens';

/** A title match counts a little more than a match in the text. */
const titleBonus = 0.1;

/** What a search reads of the word index. */
export interface RankedWordIndex {
  /** Item keys by slot; undefined for the dead slot of a removed or replaced item. */
  keys: readonly (string | undefined)[];
  /** Item dates by slot, at least as many as keys. */
  dates: Float64Array;
  vocabulary: Vocabulary;
  postings: PostingStore;
}

/** The live slots that have the query words, best first, at most `wanted`. */
export type WordRanking = (index: RankedWordIndex, words: readonly QueryWord[], wanted: number) => number[];

/** A matched query word adds this to a slot's strength, more than all its qualities can (at most
 *  maxQueryWords × 110 hundredths): strength orders by words matched, then by match quality. */
const wordStrength = 1 << 16;

/** Scratch for search, one cell per slot, valid where seenEpoch[slot] is from this search.
 *  Qualities in hundredths, as integers, so equal matches tie exactly and sort by date. */
interface Tally {
  /** Query words matched × wordStrength + the sum of their best qualities. */
  strength: Int32Array;
  /** The best quality of the current query word. */
  wordBest: Int32Array;
  seenEpoch: Uint32Array;
  /** Counts up once per query word. */
  epoch: number;
}

const newTally = (size: number): Tally => ({
  strength: new Int32Array(size),
  wordBest: new Int32Array(size),
  seenEpoch: new Uint32Array(size),
  epoch: 0,
});

/** Higher is better: more query words matched, then better matches, then newer, then the later
 *  slot (the later stored): a total order, so ties never depend on the order items were seen. */
// Checked inline, not through readInt32At: for a word every item has, this runs a million times a
// search, and inside topSlots the reader calls overflow V8's inlining budget (a third slower).
const betterIn = ({ strength }: Tally, dates: Float64Array) => (a: number, b: number): boolean => {
  const strengthA = strength[a];
  const strengthB = strength[b];
  const dateA = dates[a];
  const dateB = dates[b];
  if (strengthA === undefined || dateA === undefined) throw noValueAt(a, Math.min(strength.length, dates.length));
  if (strengthB === undefined || dateB === undefined) throw noValueAt(b, Math.min(strength.length, dates.length));
  if (strengthA !== strengthB) return strengthA > strengthB;
  if (Number.isNaN(dateA) || Number.isNaN(dateB)) return Number.isNaN(dateB) ? !Number.isNaN(dateA) || a > b : false;
  return dateA !== dateB ? dateA > dateB : a > b;
};

/** Counts one query word (the tally's current epoch) for every live slot its matches reach;
 *  slots not yet touched by this search (marked before `firstEpoch`) join `touched`. */
const tallyWord = (tally: Tally, { keys, vocabulary, postings }: RankedWordIndex, { word, asPrefix }: QueryWord, firstEpoch: number, touched: number[]): void => {
  const { strength, wordBest, seenEpoch, epoch } = tally;
  for (const match of vocabulary.match(word, asPrefix)) {
    const textQuality = Math.round(match.quality * 100);
    const titleQuality = Math.round((match.quality + titleBonus) * 100);
    const count = postings.decode(match.word);
    const { decoded } = postings;
    for (let at = 0; at < count; at += 1) {
      const value = readInt32At(decoded, at);
      const slot = value >>> 1;
      if (keys[slot] === undefined) continue;
      const quality = (value & 1) === 1 ? titleQuality : textQuality;
      const mark = readUint32At(seenEpoch, slot);
      if (mark === epoch) {
        // Another spelling of the same query word: keep the better of the two.
        const kept = readInt32At(wordBest, slot);
        if (quality > kept) {
          strength[slot] = readInt32At(strength, slot) + quality - kept;
          wordBest[slot] = quality;
        }
        continue;
      }
      if (mark < firstEpoch) {
        strength[slot] = 0;
        touched.push(slot);
      }
      seenEpoch[slot] = epoch;
      strength[slot] = readInt32At(strength, slot) + wordStrength + quality;
      wordBest[slot] = quality;
    }
  }
};

export const createWordRanking = (): WordRanking => {
  let tally = newTally(0);
  return (index, words, wanted) => {
    if (tally.strength.length < index.keys.length) tally = newTally(Math.max(index.keys.length * 2, 1024));
    if (tally.epoch + maxQueryWords + 1 >= 0xffffffff) {
      tally.seenEpoch.fill(0);
      tally.epoch = 0;
    }
    // A slot was touched by this search when its mark is from one of this search's words.
    const firstEpoch = tally.epoch + 1;
    const touched: number[] = [];
    for (const word of words) {
      tally.epoch += 1;
      tallyWord(tally, index, word, firstEpoch, touched);
    }
    return topSlots(touched, wanted, betterIn(tally, index.dates));
  };
};
