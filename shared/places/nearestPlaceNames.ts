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

const diceSimilarity = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number => {
  let shared = 0;
  let total = 0;
  for (const [pair, count] of a) {
    shared += Math.min(count, b.get(pair) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
};

export type NearestPlaces = (query: string, limit: number) => MatchedPlace[];

export const createNearestPlaces = (index: NewsPlaceIndex, names: PlaceNameIndex): NearestPlaces => {
  const places = index.gazetteer.places;
  // Letter pairs of each name, computed the first time a query misses and kept.
  const namePairs: Map<string, number>[] = [];
  return (query, limit) => {
    const wanted = letterPairs(query);
    const best = new Map<number, MatchedPlace>();
    for (let refIndex = namePairs.length; refIndex < names.names.length; refIndex += 1) namePairs.push(letterPairs(names.names[refIndex]?.folded ?? ''));
    namePairs.forEach((pairs, refIndex) => {
      const name = names.names[refIndex];
      const place = name === undefined ? undefined : places[name.ordinal];
      if (name === undefined || place === undefined || index.countOf(place.id) === 0) return;
      const score = 1 - diceSimilarity(wanted, pairs);
      const known = best.get(name.ordinal);
      if (known === undefined || score < known.score) best.set(name.ordinal, { ordinal: name.ordinal, score, matchedName: name.spelling });
    });
    return [...best.values()].sort((a, b) => a.score - b.score || a.ordinal - b.ordinal).slice(0, limit);
  };
};
