// The messages between the window and the search worker, typed once for both sides.
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import type { SearchAnswer, SearchFilters } from './newsSearchEngine';
import type { UserMessage } from '../../shared/i18n/userMessage';

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
