// Matches one phrase of a query against the filed place names: fuse.js among the names sharing
// its first letter (only those it could match), and only when that finds nothing confident, edit
// distance among the names sharing its letters 2–4 (a typo in the first letter: "rapachula").
import Fuse from 'fuse.js';
import { readAt } from '../checkedRead';
import { editDistances } from '../wordSearch/editDistance';
import { createFuseMatchBound, longestBoundedPattern } from './fuseScoreBound';
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

/** The places a phrase matches, best first. */
export interface PhraseMatches {
  places: MatchedPlace[];
  /** The list is the start of the full ranking that holds every place scoring at most this
   *  (Infinity: it is the full ranking). */
  completeTo: number;
}

/** Matches a phrase; `scoreLimit` (Infinity by default) says which places the caller needs: fewer
 *  needed, less fuse.js work. */
export type PlaceMatcher = (phrase: string, scoreLimit?: number) => PhraseMatches;

const fuseCouldMatch = createFuseMatchBound(fuseOptions);

/** fuse.js's results in the bucket with a score of at most `scoreLimit` (all by default), each as
 *  [position in the bucket, score], as fuse.js ranks them over the whole bucket. fuse.js scores each
 *  record alone, so searching only the records it could match within the limit (fuseScoreBound.ts)
 *  gives the same records, scores and order, at a fraction of the cost (its bitap scan of every
 *  name of a first letter was most of a keystroke). The records searched keep their positions in
 *  the bucket, which fuse.js orders equal scores by; those over the limit rank after the rest, so
 *  the first `limit` within it are the same as when it searched every record. */
export const searchBucket = (bucket: NameBucket, phrase: string, limit: number, scoreLimit = Number.POSITIVE_INFINITY): [number, number][] => {
  const pattern = fuseKeyOf(phrase);
  let fuse = bucket.fuse;
  if (pattern.length <= longestBoundedPattern && pattern.trim().length > 0) {
    const couldMatch = fuseCouldMatch(pattern, scoreLimit);
    // A record's i is its position among the documents, which bucket.keys mirrors.
    const kept = bucket.fuse.getIndex().records.filter((record) => couldMatch(record.v ?? '', record.n ?? 1));
    fuse = new Fuse(bucket.keys, fuseOptions, Fuse.parseIndex<string>({ keys: [], records: kept }));
  }
  const results: [number, number][] = [];
  for (const result of fuse.search(pattern, { limit })) {
    const score = result.score ?? 1;
    if (score <= scoreLimit) results.push([result.refIndex, score]);
  }
  return results;
};

export const createPlaceMatcher = (index: NewsPlaceIndex, names: PlaceNameIndex): PlaceMatcher => {
  const places = index.gazetteer.places;
  const rowLength = maxQueryCharacters * 4 + 2;
  const distanceRows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(rowLength), new Int32Array(rowLength), new Int32Array(rowLength)];

  return (phrase, scoreLimit = Number.POSITIVE_INFINITY) => {
    const best = new Map<number, MatchedPlace>();
    // Matches up to confidentWholeScore are always all found: they decide whether the door for a
    // typo in the first letter opens. Above weakestScore nothing is offered anyway.
    const completeTo = phrase.length < 3 || Math.max(scoreLimit, confidentWholeScore) >= weakestScore
      ? Number.POSITIVE_INFINITY : Math.max(scoreLimit, confidentWholeScore);
    const offer = (refIndex: number, score: number): void => {
      const name = readAt(names.names, refIndex);
      if (index.countAt(name.ordinal) === 0) return;
      const known = best.get(name.ordinal);
      if (known === undefined || score < known.score) best.set(name.ordinal, { ordinal: name.ordinal, score, matchedName: name.spelling });
    };
    if (phrase.length < 3) {
      // One or two letters: fuzzy matching would match everything; offer names that start so.
      for (const refIndex of names.startingWith(phrase)) offer(refIndex, readAt(names.names, refIndex).folded === phrase ? 0 : 0.1);
    } else {
      // No bucket: no name has a word starting with the phrase's first letter.
      const bucket = names.bucketOf(phrase.charAt(0));
      // A match scores at least fuse.js's score, and at most completeTo if that does (the floors
      // are lower): fuse.js's matches up to completeTo give every place up to it.
      if (bucket !== undefined) {
        for (const [record, fuseScore] of searchBucket(bucket, phrase, fuseResults, completeTo)) {
          const refIndex = readAt(bucket.refs, record);
          const name = readAt(names.names, refIndex).folded;
          const score = name === phrase ? 0 : Math.max(fuseScore, name.startsWith(phrase) ? prefixScore : fuzzyFloorScore);
          if (score <= weakestScore) offer(refIndex, score);
        }
      }
      if (phrase.length >= 4 && ![...best.values()].some((match) => match.score <= confidentWholeScore)) {
        // At most one edit per four letters; the name from the matched word on, as typed so far.
        // Letters 2–4 of the query find a wrong first letter, 1–3 a dropped one, 3–5 an added one.
        const limit = Math.max(1, Math.floor(phrase.length / 4));
        for (const tail of new Set([phrase.slice(1, 4), phrase.slice(0, 3), phrase.slice(2, 5)])) {
          const list = names.tailsOf(tail);
          for (let at = 0; at + 1 < list.length; at += 2) {
            const refIndex = readAt(list, at);
            const rest = readAt(names.names, refIndex).folded.slice(readAt(list, at + 1));
            const { prefix } = editDistances(phrase, rest, limit, distanceRows);
            if (prefix <= limit) offer(refIndex, firstLetterTypoScore + prefix / phrase.length / 2);
          }
        }
      }
    }
    // Best score, then more items, then the wider kind, then gazetteer order: a total order, so
    // one query always lists the same places in the same order. Counts are read once per match,
    // not twice per comparison (hundreds of names start with one letter).
    const ranked = [...best.values()].map((match) => ({ match, count: index.countAt(match.ordinal), kind: kindRank[readAt(places, match.ordinal).kind] }));
    ranked.sort((a, b) => a.match.score - b.match.score || b.count - a.count || a.kind - b.kind || a.match.ordinal - b.match.ordinal);
    return { places: ranked.map(({ match }) => match), completeTo };
  };
};
