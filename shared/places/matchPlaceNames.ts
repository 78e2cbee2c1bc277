// Matches one phrase of a query against the filed place names: fuse.js among the names sharing
// its first letter, and only when that finds nothing confident, edit distance among the names
// sharing its letters 2–4 (a typo in the first letter: "rapachula").
import { editDistances } from '../wordSearch/editDistance';
import type { NewsPlaceIndex } from './newsPlaceIndex';
import type { PlaceNameIndex } from './placeNameIndex';
import type { MatchedPlace } from './placeSearchResult';

/** A whole query this close to a place name is taken as meant ("cuidad juarez"); a part of a
 *  longer query must be closer, or every word would find some place. */
export const confidentWholeScore = 0.3;
export const confidentPartScore = 0.2;
/** Scores of a whole-name or prefix match: fuse.js scores a prefix about as well as a whole
 *  name, and a whole-name match must win. */
export const exactEnoughScore = 0.01;
const prefixScore = 0.01;
const fuzzyFloorScore = 0.02;
/** A name found through the door for a typo in the first letter starts from this score. */
const firstLetterTypoScore = 0.05;
/** Fuse's field-length norm can push a score above its threshold; such matches are noise. */
const weakestScore = 0.5;
export const maxQueryCharacters = 200;
const fuseResults = 200;
const kindRank = { country: 0, state: 1, town: 2 } as const;

export type PlaceMatcher = (phrase: string) => MatchedPlace[];

export const createPlaceMatcher = (index: NewsPlaceIndex, names: PlaceNameIndex): PlaceMatcher => {
  const places = index.gazetteer.places;
  const rowLength = maxQueryCharacters * 4 + 2;
  const distanceRows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(rowLength), new Int32Array(rowLength), new Int32Array(rowLength)];

  return (phrase) => {
    const best = new Map<number, MatchedPlace>();
    const offer = (refIndex: number, score: number): void => {
      const name = names.names[refIndex];
      const place = name === undefined ? undefined : places[name.ordinal];
      if (name === undefined || place === undefined || index.countOf(place.id) === 0) return;
      const known = best.get(name.ordinal);
      if (known === undefined || score < known.score) best.set(name.ordinal, { ordinal: name.ordinal, score, matchedName: name.spelling });
    };
    if (phrase.length < 3) {
      // One or two letters: fuzzy matching would match everything; offer names that start so.
      names.names.forEach((name, refIndex) => {
        if (name.folded.startsWith(phrase)) offer(refIndex, name.folded === phrase ? 0 : 0.1);
      });
    } else {
      const bucket = names.bucketOf(phrase[0] ?? '');
      for (const result of bucket?.fuse.search(phrase, { limit: fuseResults }) ?? []) {
        const refIndex = bucket?.refs[result.refIndex] ?? -1;
        const name = names.names[refIndex]?.folded ?? '';
        const score = name === phrase ? 0 : Math.max(result.score ?? 1, name.startsWith(phrase) ? prefixScore : fuzzyFloorScore);
        if (score <= weakestScore) offer(refIndex, score);
      }
      if (phrase.length >= 4 && ![...best.values()].some((match) => match.score <= confidentWholeScore)) {
        // At most one edit per four letters; the name from the matched word on, as typed so far.
        // Letters 2–4 of the query find a wrong first letter, 1–3 a dropped one, 3–5 an added one.
        const limit = Math.max(1, Math.floor(phrase.length / 4));
        for (const tail of new Set([phrase.slice(1, 4), phrase.slice(0, 3), phrase.slice(2, 5)])) {
          const list = names.tailsOf(tail);
          for (let at = 0; at + 1 < list.length; at += 2) {
            const refIndex = list[at] ?? -1;
            const rest = (names.names[refIndex]?.folded ?? '').slice(list[at + 1] ?? 0);
            const { prefix } = editDistances(phrase, rest, limit, distanceRows);
            if (prefix <= limit) offer(refIndex, firstLetterTypoScore + prefix / phrase.length / 2);
          }
        }
      }
    }
    // Best score, then more items, then the wider kind, then gazetteer order: a total order, so
    // one query always lists the same places in the same order.
    return [...best.values()].sort((a, b) => {
      const placeA = places[a.ordinal];
      const placeB = places[b.ordinal];
      if (placeA === undefined || placeB === undefined) return a.ordinal - b.ordinal;
      return a.score - b.score || index.countOf(placeB.id) - index.countOf(placeA.id) ||
        kindRank[placeA.kind] - kindRank[placeB.kind] || a.ordinal - b.ordinal;
    });
  };
};
