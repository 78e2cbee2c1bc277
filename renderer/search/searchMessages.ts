// The messages between the window and the search worker, and the answer they carry, typed once
// for both sides.
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
  /** Places of the item to mark: the matched place and the places inside it the item names. The
   *  window marks their names where the tagger found them (the item's stored placeMentions). */
  highlightPlaceIds: string[];
  /** Query words that named no place, to mark in a hit of the text fallback ("psychosocial"). */
  highlightWords: string[];
}

export interface SearchAnswer {
  query: string;
  suggestions: PlaceSuggestion[];
  hits: SearchHit[];
  /** All matching items, beyond the hits returned. */
  total: number;
  nothingMatched: boolean;
  nearestPlaces: PlaceSuggestion[];
  chips: { placeId: string; label: string }[];
}

export type ToSearchWorker =
  | { type: 'start'; gazetteerUrl: string }
  | { type: 'refresh' }
  | { type: 'search'; searchId: number; query: string; filters: SearchFilters }
  | { type: 'mapMarkers'; requestId: number; query: string; filters: SearchFilters };

export type FromSearchWorker =
  | { type: 'ready'; indexedCount: number }
  | { type: 'unavailable'; message: UserMessage }
  | { type: 'answer'; searchId: number; answer: SearchAnswer }
  | { type: 'mapMarkers'; requestId: number; markers: PlaceMarker[] };
