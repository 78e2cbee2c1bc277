// The calls the search worker answers and the events it sends (workers/search/search.worker.ts),
// and the answer they carry, typed once for the window and the worker.
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import type { PlaceSuggestion } from '../../shared/places/placeSearch';
import type { UserMessage } from '../../shared/i18n/userMessage';

export interface SearchFilters {
  /** Place chips: items about any of these places (or places inside them). */
  placeIds: string[];
  /** Inclusive calendar days, "YYYY-MM-DD", or null for an open end. */
  from: string | null;
  to: string | null;
}

export interface SearchHit {
  key: string;
  /** The place that brought the item, or null for a match of its words. */
  placeId: string | null;
  /** What the window marks in the item: the names of the matched place and of the places inside it
   *  the item names, as the tagger found them (its placeMentions), and the query words that named
   *  no place in a hit of the text fallback ("psychosocial"). Worked out by the worker, so the
   *  window reads no item to mark a hit. */
  highlightNames: string[];
}

export interface SearchAnswer {
  query: string;
  suggestions: PlaceSuggestion[];
  hits: SearchHit[];
  /** All matching items, beyond the hits returned. */
  total: number;
  /** Matched nothing, and is not a query still being typed (see keepTyping). */
  nothingMatched: boolean;
  /** One or two letters that start place names but list no news yet: type on, or choose a place. */
  keepTyping: boolean;
  nearestPlaces: PlaceSuggestion[];
}

export interface SearchQuestion {
  query: string;
  filters: SearchFilters;
}

export type SearchCalls = {
  /** Loads the gazetteer and indexes what is stored; answers once place search can answer (or cannot). */
  start(argument: { gazetteerUrl: string }): null;
  search(question: SearchQuestion): SearchAnswer;
  /** The map's markers for the view; waits for the index. */
  mapMarkers(question: SearchQuestion): PlaceMarker[];
};

export type SearchEvents = {
  /** The indexes changed (stored items changed): answers given before may be out of date. */
  ready: { indexedCount: number };
  /** Place search cannot run (the gazetteer is unreadable): what to tell the user. */
  unavailable: { message: UserMessage };
};
