// Splits a query into the places it names and the words that name none: the query as a whole
// names a place ("san jose"), or else its longest runs of words do ("psychosocial tapachula").
import { confidentPartScore, confidentWholeScore, exactEnoughScore, type PlaceMatcher } from './matchPlaceNames';
import type { MatchedPlace } from './placeSearchResult';

export interface QueryPlaces {
  /** Best first. When the best spells a name or starts one (exactEnoughScore), the list may stop
   *  after the places scoring up to confidentWholeScore, holding at least `wanted` of them: the
   *  caller then takes items only from matches up to confidentPartScore, and suggests the best few. */
  matched: MatchedPlace[];
  /** Words no place covered: they go to the text search. */
  textWords: string[];
}

export interface QueryNeeds {
  /** How many places the caller suggests. */
  wanted: number;
  /** Whether a place name starts with the text: only then can a match score exactEnoughScore. */
  startsAName: (text: string) => boolean;
}

export const placesOfQuery = (matchPlaces: PlaceMatcher, words: readonly string[], { wanted, startsAName }: QueryNeeds): QueryPlaces => {
  const phrase = words.join(' ');
  // First only the close matches ("san" starts hundreds of names): every place up to
  // confidentWholeScore, which is all the rest of this needs when a name is spelled or started
  // and they are at least as many as wanted. The full list only when they are not, and at once
  // for one word that starts no name (a longer query may yet go by its words).
  const close = matchPlaces(phrase, words.length > 1 || startsAName(phrase) ? confidentWholeScore : Number.POSITIVE_INFINITY);
  const closeEnough = close.completeTo === Number.POSITIVE_INFINITY
    || ((close.places[0]?.score ?? 1) <= exactEnoughScore && close.places.length >= wanted);
  const wholeQuery = (): QueryPlaces => {
    const whole = closeEnough ? close.places : matchPlaces(phrase).places;
    return { matched: whole, textWords: whole.length === 0 ? [...words] : [] };
  };
  if (words.length === 1 || (close.places[0]?.score ?? 1) <= confidentWholeScore) return wholeQuery();
  const covered = new Array<boolean>(words.length).fill(false);
  const matched: MatchedPlace[] = [];
  for (let length = words.length - 1; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      if (covered.slice(start, start + length).some(Boolean)) continue;
      const run = matchPlaces(words.slice(start, start + length).join(' '), confidentPartScore);
      const found = run.places.filter((match) => match.score <= confidentPartScore);
      if (found.length === 0) continue;
      matched.push(...found);
      covered.fill(true, start, start + length);
    }
  }
  if (matched.length === 0) return wholeQuery();
  // Stable: equal scores keep the order of the runs and of each run's own ranking.
  matched.sort((a, b) => a.score - b.score);
  return { matched, textWords: words.filter((_, position) => !covered[position]) };
};
