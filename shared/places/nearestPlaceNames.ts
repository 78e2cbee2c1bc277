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
  const places = index.gazetteer.places;
  // Letter pair → the names that have it, with how often: a miss then compares only the names that
  // share a pair with the query, not every name (a scan of all of them was the slowest keystroke).
  const namesOfPair = new Map<string, number[]>();
  const pairTotals: number[] = [];
  let shared = new Float64Array(0);
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
    const best = new Map<number, MatchedPlace>();
    for (const refIndex of touched) {
      const name = names.names[refIndex];
      const place = name === undefined ? undefined : places[name.ordinal];
      const common = shared[refIndex] ?? 0;
      shared[refIndex] = 0;
      if (name === undefined || place === undefined || index.countAt(name.ordinal) === 0) continue;
      // The Sørensen–Dice coefficient of the two multisets of letter pairs.
      const score = 1 - (2 * common) / (queryTotal + (pairTotals[refIndex] ?? 0));
      const known = best.get(name.ordinal);
      if (known === undefined || score < known.score) best.set(name.ordinal, { ordinal: name.ordinal, score, matchedName: name.spelling });
    }
    return [...best.values()].sort((a, b) => a.score - b.score || a.ordinal - b.ordinal).slice(0, limit);
  };
};
