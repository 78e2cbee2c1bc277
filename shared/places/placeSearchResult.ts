// What place search answers: suggestions as structured data (the window words them) and the
// matching items as keys, each with the place that brought it.
import type { PlaceLabelParts } from './gazetteer';
import type { TextSearch } from '../wordSearch/textSearch';

export interface PlaceSuggestion {
  placeId: string;
  name: string;
  /** The spelling of the place that matched the query ("Ciudad Juárez", "Salvadoran"). */
  matchedName: string;
  /** Name, state and country as data; the window words the label ("Tapachula — Chiapas, México"). */
  parts: PlaceLabelParts;
  /** Items naming the place or a place inside it. */
  count: number;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
}

export interface NewsSearchHit {
  itemKey: string;
  date: number;
  /** Why the item is here: the place that matched, or null for a text match. */
  placeId: string | null;
  matchedName: string | null;
}

export interface NewsSearchResult {
  /** The query as matched: lower case, without accents. */
  normalizedQuery: string;
  suggestions: PlaceSuggestion[];
  hits: NewsSearchHit[];
  /** Distinct items of the matched places, beyond the hits returned too. */
  placeItemCount: number;
  /** Query words that named no place and went to the text search. */
  textWords: string[];
  /** Nothing matched: show this, with the nearest place names to try instead. */
  nothingMatched: boolean;
  nearestPlaces: PlaceSuggestion[];
}

export interface SearchOptions {
  /** Most hits returned (the place item count still covers all). Default 100. */
  limit?: number;
  /** Most suggestions. Default 8. */
  suggestionLimit?: number;
  textSearch?: TextSearch;
}

export interface PlaceSearch {
  search(query: string, options?: SearchOptions): NewsSearchResult;
}

/** A place one spelling of the query matched, with how well (0 perfect). */
export interface MatchedPlace {
  ordinal: number;
  score: number;
  matchedName: string;
}

/** A query shorter than this lists only the items of a place it spells in full ("la"): one or two
 *  letters start hundreds of names, and they suggest places rather than list their news. */
export const shortestListingQuery = 3;
