// Matches one phrase of a query against the filed place names: fuse.js among the names sharing
// its first letter (and enough of its letters), and only when that finds nothing confident, edit
// distance among the names sharing its letters 2–4 (a typo in the first letter: "rapachula").
import Fuse from 'fuse.js';
import { editDistances } from '../wordSearch/editDistance';
import { letterSlots, queryLetters, sharesEnoughLetters } from './nameLetters';
import type { NewsPlaceIndex } from './newsPlaceIndex';
import { fuseKeyOf, fuseOptions, type NameBucket, type PlaceNameIndex } from './placeNameIndex';
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
/** fuse.js splits longer patterns into pieces that match alone: the letter bound does not hold. */
const longestFilteredPattern = 32;

export type PlaceMatcher = (phrase: string) => MatchedPlace[];

/** The most edits fuse.js's bitap search allows a pattern of this length under its threshold
 *  (errors / length ≤ threshold, computed as fuse.js does). */
const fuseEditLimit = (length: number): number => {
  let edits = 0;
  while (edits < length && (edits + 1) / length <= fuseOptions.threshold) edits += 1;
  return edits;
};

/** fuse.js's results in the bucket, each as [position in the bucket, score]. fuse.js scores each
 *  record alone, so searching only the records that keep enough of the pattern's letters gives
 *  the same records, scores and order as searching them all, at a fraction of the cost (the
 *  bitap scan of every name of a first letter was most of a keystroke). */
export const searchBucket = (bucket: NameBucket, phrase: string, limit: number): [number, number][] => {
  const pattern = fuseKeyOf(phrase);
  const records = bucket.keys.length;
  let kept: number[] | undefined;
  if (pattern.length <= longestFilteredPattern) {
    const letters = queryLetters(pattern);
    const edits = fuseEditLimit(pattern.length);
    kept = [];
    for (let record = 0; record < records; record += 1) {
      if (sharesEnoughLetters(bucket.letters, record * letterSlots, letters, edits)) kept.push(record);
    }
  }
  // Building a small fuse.js collection pays only when the filter dropped most of the bucket.
  if (kept === undefined || kept.length * 2 > records) {
    return bucket.fuse.search(pattern, { limit }).map((result) => [result.refIndex, result.score ?? 1]);
  }
  const survivors = kept;
  const fuse = new Fuse(survivors.map((record) => bucket.keys[record] ?? ''), fuseOptions);
  return fuse.search(pattern, { limit }).map((result) => [survivors[result.refIndex] ?? -1, result.score ?? 1]);
};

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
      for (const refIndex of names.startingWith(phrase)) offer(refIndex, names.names[refIndex]?.folded === phrase ? 0 : 0.1);
    } else {
      const bucket = names.bucketOf(phrase[0] ?? '');
      for (const [record, fuseScore] of bucket === undefined ? [] : searchBucket(bucket, phrase, fuseResults)) {
        const refIndex = bucket?.refs[record] ?? -1;
        const name = names.names[refIndex]?.folded ?? '';
        const score = name === phrase ? 0 : Math.max(fuseScore, name.startsWith(phrase) ? prefixScore : fuzzyFloorScore);
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
    // one query always lists the same places in the same order. Counts are read once per match,
    // not twice per comparison (hundreds of names start with one letter).
    const ranked = [...best.values()].map((match) => {
      const place = places[match.ordinal];
      return { match, count: place === undefined ? 0 : index.countOf(place.id), kind: place === undefined ? 0 : kindRank[place.kind] };
    });
    ranked.sort((a, b) => a.match.score - b.match.score || b.count - a.count || a.kind - b.kind || a.match.ordinal - b.match.ordinal);
    return ranked.map(({ match }) => match);
  };
};
