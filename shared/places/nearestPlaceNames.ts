// When a query matched nothing: the present place names that share the most letter pairs with it,
// offered as "did you mean".
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
      let total = 0;
      for (const [pair, count] of letterPairs(names.names[refIndex]?.folded ?? '')) {
        total += count;
        const list = namesOfPair.get(pair);
        if (list === undefined) namesOfPair.set(pair, [refIndex, count]);
        else list.push(refIndex, count);
      }
      pairTotals.push(total);
      ordinalOfName.push(names.names[refIndex]?.ordinal ?? -1);
    }
    if (shared.length < pairTotals.length) shared = new Float64Array(pairTotals.length * 2);
    const wanted = letterPairs(query);
    let queryTotal = 0;
    const touched: number[] = [];
    for (const [pair, queryCount] of wanted) {
      queryTotal += queryCount;
      const list = namesOfPair.get(pair) ?? [];
      for (let at = 0; at + 1 < list.length; at += 2) {
        const refIndex = list[at] ?? 0;
        if (shared[refIndex] === 0) touched.push(refIndex);
        shared[refIndex] = (shared[refIndex] ?? 0) + Math.min(queryCount, list[at + 1] ?? 0);
      }
    }
    epoch = epoch === 0xffffffff ? 1 : epoch + 1;
    if (epoch === 1) seen.fill(0);
    const candidates: number[] = [];
    for (const refIndex of touched) {
      const ordinal = ordinalOfName[refIndex] ?? -1;
      const common = shared[refIndex] ?? 0;
      shared[refIndex] = 0;
      if (ordinal < 0 || ordinal >= placeCount || index.countAt(ordinal) === 0) continue;
      // The Sørensen–Dice coefficient of the two multisets of letter pairs.
      const score = 1 - (2 * common) / (queryTotal + (pairTotals[refIndex] ?? 0));
      if (seen[ordinal] !== epoch) {
        seen[ordinal] = epoch;
        candidates.push(ordinal);
      } else if (score >= (bestScore[ordinal] ?? 0)) {
        continue;
      }
      bestScore[ordinal] = score;
      bestName[ordinal] = refIndex;
    }
    // The best `limit` places by score, then gazetteer order, kept in order as they come.
    const before = (a: number, b: number): boolean => {
      const scoreA = bestScore[a] ?? 0;
      const scoreB = bestScore[b] ?? 0;
      return scoreA < scoreB || (scoreA === scoreB && a < b);
    };
    const top: number[] = [];
    for (const ordinal of candidates) {
      if (top.length >= limit && !before(ordinal, top[top.length - 1] ?? 0)) continue;
      let at = Math.min(top.length, limit - 1);
      while (at > 0 && before(ordinal, top[at - 1] ?? 0)) at -= 1;
      top.splice(at, 0, ordinal);
      if (top.length > limit) top.pop();
    }
    return top.map((ordinal) => ({ ordinal, score: bestScore[ordinal] ?? 1, matchedName: names.names[bestName[ordinal] ?? 0]?.spelling ?? '' }));
  };
};
