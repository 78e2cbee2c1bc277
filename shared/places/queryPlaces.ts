// Splits a query into the places it names and the words that name none: the query as a whole
// names a place ("san jose"), or else its longest runs of words do ("psychosocial tapachula").
import { confidentPartScore, confidentWholeScore, type PlaceMatcher } from './matchPlaceNames';
import type { MatchedPlace } from './placeSearchResult';

export interface QueryPlaces {
  matched: MatchedPlace[];
  /** Words no place covered: they go to the text search. */
  textWords: string[];
}

export const placesOfQuery = (matchPlaces: PlaceMatcher, words: readonly string[]): QueryPlaces => {
  const whole = matchPlaces(words.join(' '));
  if (words.length === 1 || (whole[0]?.score ?? 1) <= confidentWholeScore) {
    return { matched: whole, textWords: whole.length === 0 ? [...words] : [] };
  }
  const covered = new Array<boolean>(words.length).fill(false);
  const matched: MatchedPlace[] = [];
  for (let length = words.length - 1; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      if (covered.slice(start, start + length).some(Boolean)) continue;
      const found = matchPlaces(words.slice(start, start + length).join(' ')).filter((match) => match.score <= confidentPartScore);
      if (found.length === 0) continue;
      matched.push(...found);
      covered.fill(true, start, start + length);
    }
  }
  if (matched.length === 0) return { matched: whole, textWords: whole.length === 0 ? [...words] : [] };
  // Stable: equal scores keep the order of the runs and of each run's own ranking.
  matched.sort((a, b) => a.score - b.score);
  return { matched, textWords: words.filter((_, position) => !covered[position]) };
};
