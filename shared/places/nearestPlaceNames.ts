// When a query matched nothing: the present place names that share the most letter pairs with it,
// offered as "did you mean".
import { readAt, readFloat64At, readInt32At, readUint32At } from '../checkedRead';
import type { NewsPlaceIndex } from './newsPlaceIndex';
import type { PlaceNameIndex } from './placeNameIndex';
import type { MatchedPlace } from './placeSearchResult';

const letterPairs = (text: string): Map<string, number> => {
  const pairs = new Map<string, number>();
  const padded = ` ${text} `;
  for (let at = 0; at + 2 <= padded.length; at += 1) {
    const pair = padded.slice(at, at + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
};

export type NearestPlaces = (query: string, limit: number) => MatchedPlace[];

export const createNearestPlaces = (index: NewsPlaceIndex, names: PlaceNameIndex): NearestPlaces => {
  // Letter pair → the names that have it, with how often: a miss then compares only the names that
  // share a pair with the query, not every name (a scan of all of them was the slowest keystroke).
  const namesOfPair = new Map<string, number[]>();
  const pairTotals: number[] = [];
  const ordinalOfName: number[] = [];
  let shared = new Float64Array(0);
  // Each place's best name so far, by gazetteer position, valid where seen[ordinal] === epoch: one
  // or two letters share a pair with thousands of names.
  const placeCount = index.gazetteer.places.length;
  const bestScore = new Float64Array(placeCount);
  const bestName = new Int32Array(placeCount);
  const seen = new Uint32Array(placeCount);
  let epoch = 0;
  return (query, limit) => {
    for (let refIndex = pairTotals.length; refIndex < names.names.length; refIndex += 1) {
      const name = readAt(names.names, refIndex);
      let total = 0;
      for (const [pair, count] of letterPairs(name.folded)) {
        total += count;
        const list = namesOfPair.get(pair);
        if (list === undefined) namesOfPair.set(pair, [refIndex, count]);
        else list.push(refIndex, count);
      }
      pairTotals.push(total);
      ordinalOfName.push(name.ordinal);
    }
    if (shared.length < pairTotals.length) shared = new Float64Array(pairTotals.length * 2);
    const wanted = letterPairs(query);
    let queryTotal = 0;
    const touched: number[] = [];
    for (const [pair, queryCount] of wanted) {
      queryTotal += queryCount;
      // No list: no name has the pair.
      const list = namesOfPair.get(pair) ?? [];
      for (let at = 0; at + 1 < list.length; at += 2) {
        const refIndex = readAt(list, at);
        const sharedSoFar = readFloat64At(shared, refIndex);
        if (sharedSoFar === 0) touched.push(refIndex);
        shared[refIndex] = sharedSoFar + Math.min(queryCount, readAt(list, at + 1));
      }
    }
    epoch = epoch === 0xffffffff ? 1 : epoch + 1;
    if (epoch === 1) seen.fill(0);
    const candidates: number[] = [];
    for (const refIndex of touched) {
      const ordinal = readAt(ordinalOfName, refIndex);
      const common = readFloat64At(shared, refIndex);
      shared[refIndex] = 0;
      if (index.countAt(ordinal) === 0) continue;
      // The Sørensen–Dice coefficient of the two multisets of letter pairs.
      const score = 1 - (2 * common) / (queryTotal + readAt(pairTotals, refIndex));
      if (readUint32At(seen, ordinal) !== epoch) {
        seen[ordinal] = epoch;
        candidates.push(ordinal);
      } else if (score >= readFloat64At(bestScore, ordinal)) {
        continue;
      }
      bestScore[ordinal] = score;
      bestName[ordinal] = refIndex;
    }
    // The best `limit` places by score, then gazetteer order, kept in order as they come.
    const before = (a: number, b: number): boolean => {
      const scoreA = readFloat64At(bestScore, a);
      const scoreB = readFloat64At(bestScore, b);
      return scoreA < scoreB || (scoreA === scoreB && a < b);
    };
    const top: number[] = [];
    for (const ordinal of candidates) {
      // Full: only a place before the last kept one gets in (none when the limit is 0).
      if (top.length >= limit && (top.length === 0 || !before(ordinal, readAt(top, top.length - 1)))) continue;
      let at = Math.min(top.length, limit - 1);
      while (at > 0 && before(ordinal, readAt(top, at - 1))) at -= 1;
      top.splice(at, 0, ordinal);
      if (top.length > limit) top.pop();
    }
    return top.map((ordinal) => ({ ordinal, score: readFloat64At(bestScore, ordinal), matchedName: readAt(names.names, readInt32At(bestName, ordinal)).spelling }));
  };
};
