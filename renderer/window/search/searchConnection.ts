// The window's side of the search worker's calls, over its thread channel. One search is in flight
// at a time: a query typed while it runs replaces any query still waiting, so the worker answers the
// newest keystroke, never a backlog, and an answer reaches only the request that asked for it.
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import type { ThreadChannel, ThreadFailure } from '../../../shared/threads/threadChannel';
import type { SearchAnswer, SearchCalls, SearchEvents, SearchFilters } from '../../threads/searchContract';

export type SearchReadiness = { state: 'starting' } | { state: 'ready'; indexedCount: number } | { state: 'unavailable'; message: UserMessage };

export type SearchChannel = ThreadChannel<SearchCalls, SearchEvents, Record<string, never>>;

export interface SearchConnection {
  /** Asks for the answer to a query; `onAnswer` is called once, unless cancelled or superseded
   *  first. Returns the cancel function. */
  search(query: string, filters: SearchFilters, onAnswer: (answer: SearchAnswer) => void): () => void;
  mapMarkers(query: string, filters: SearchFilters, onMarkers: (markers: PlaceMarker[]) => void): () => void;
  readonly readiness: SearchReadiness;
  onReadiness(listener: () => void): () => void;
}

interface PendingSearch {
  query: string;
  filters: SearchFilters;
  onAnswer: (answer: SearchAnswer) => void;
}

export interface SearchConnectionOptions {
  /** A call the worker could not answer (it stopped, or its index failed): for the log. */
  onFailure: (what: string, failure: ThreadFailure) => void;
}

export const createSearchConnection = (channel: SearchChannel, options: SearchConnectionOptions): SearchConnection => {
  const readinessListeners = new Set<() => void>();
  let readiness: SearchReadiness = { state: 'starting' };
  let inFlight: PendingSearch | null = null;
  let waiting: PendingSearch | null = null;

  const setReadiness = (next: SearchReadiness) => {
    readiness = next;
    readinessListeners.forEach((listener) => listener());
  };
  channel.on('ready', ({ indexedCount }) => setReadiness({ state: 'ready', indexedCount }));
  channel.on('unavailable', ({ message }) => setReadiness({ state: 'unavailable', message }));

  const sendWaiting = (): void => {
    if (inFlight !== null || waiting === null) return;
    const asked = waiting;
    inFlight = asked;
    waiting = null;
    void channel.call('search', { query: asked.query, filters: asked.filters }).then((answer) => {
      // Cancelled meanwhile: `inFlight` was replaced by a copy that listens to nothing.
      const listener = inFlight?.onAnswer;
      inFlight = null;
      if (answer.ok) listener?.(answer.value);
      else options.onFailure('search', answer.error);
      sendWaiting();
    });
  };

  return {
    search(query, filters, onAnswer) {
      const request: PendingSearch = { query, filters, onAnswer };
      waiting = request;
      sendWaiting();
      return () => {
        if (waiting === request) waiting = null;
        // An answer in flight still arrives (it frees the worker for the next query), but unheard.
        if (inFlight === request) inFlight = { ...request, onAnswer: () => undefined };
      };
    },
    mapMarkers(query, filters, onMarkers) {
      let cancelled = false;
      void channel.call('mapMarkers', { query, filters }).then((markers) => {
        if (!markers.ok) options.onFailure('map markers', markers.error);
        else if (!cancelled) onMarkers(markers.value);
      });
      return () => {
        cancelled = true;
      };
    },
    get readiness() {
      return readiness;
    },
    onReadiness(listener) {
      readinessListeners.add(listener);
      return () => readinessListeners.delete(listener);
    },
  };
};
