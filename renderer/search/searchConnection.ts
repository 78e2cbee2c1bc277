// The window's side of the search worker's messages, over any port (the worker in the app, an
// in-process stand-in in tests). One search is in flight at a time: a query typed while it runs
// replaces any query still waiting, so the worker answers the newest keystroke, never a backlog,
// and an answer reaches only the request that asked for it.
import { assertNever } from '../../shared/assertNever';
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import type { UserMessage } from '../../shared/i18n/userMessage';
import type { FromSearchWorker, SearchAnswer, SearchFilters, ToSearchWorker } from './searchMessages';

export type SearchReadiness = { state: 'starting' } | { state: 'ready'; indexedCount: number } | { state: 'unavailable'; message: UserMessage };

export interface SearchPort {
  postMessage(message: ToSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromSearchWorker>) => void): void;
}

export interface SearchConnection {
  send(message: Extract<ToSearchWorker, { type: 'start' | 'refresh' }>): void;
  /** Asks for the answer to a query; `onAnswer` is called once, unless cancelled or superseded
   *  first. Returns the cancel function. */
  search(query: string, filters: SearchFilters, onAnswer: (answer: SearchAnswer) => void): () => void;
  mapMarkers(query: string, filters: SearchFilters, onMarkers: (markers: PlaceMarker[]) => void): () => void;
  readonly readiness: SearchReadiness;
  onReadiness(listener: () => void): () => void;
}

interface PendingSearch {
  searchId: number;
  query: string;
  filters: SearchFilters;
  onAnswer: (answer: SearchAnswer) => void;
}

export const createSearchConnection = (port: SearchPort): SearchConnection => {
  const mapListeners = new Map<number, (markers: PlaceMarker[]) => void>();
  const readinessListeners = new Set<() => void>();
  let readiness: SearchReadiness = { state: 'starting' };
  let nextId = 1;
  let inFlight: PendingSearch | null = null;
  let waiting: PendingSearch | null = null;

  const sendWaiting = (): void => {
    if (inFlight !== null || waiting === null) return;
    inFlight = waiting;
    waiting = null;
    port.postMessage({ type: 'search', searchId: inFlight.searchId, query: inFlight.query, filters: inFlight.filters });
  };

  port.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'answer': {
        const answered = inFlight?.searchId === message.searchId ? inFlight : null;
        if (answered === null) return;
        inFlight = null;
        answered.onAnswer(message.answer);
        sendWaiting();
        return;
      }
      case 'mapMarkers':
        mapListeners.get(message.requestId)?.(message.markers);
        mapListeners.delete(message.requestId);
        return;
      case 'ready':
        readiness = { state: 'ready', indexedCount: message.indexedCount };
        break;
      case 'unavailable':
        readiness = { state: 'unavailable', message: message.message };
        break;
      default:
        assertNever(message);
    }
    readinessListeners.forEach((listener) => listener());
  });

  return {
    send: (message) => port.postMessage(message),
    search(query, filters, onAnswer) {
      const request: PendingSearch = { searchId: nextId++, query, filters, onAnswer };
      waiting = request;
      sendWaiting();
      return () => {
        if (waiting === request) waiting = null;
        // An answer in flight still arrives (it frees the worker for the next query), but unheard.
        if (inFlight === request) inFlight = { ...request, onAnswer: () => undefined };
      };
    },
    mapMarkers(query, filters, onMarkers) {
      const requestId = nextId++;
      mapListeners.set(requestId, onMarkers);
      port.postMessage({ type: 'mapMarkers', requestId, query, filters });
      return () => mapListeners.delete(requestId);
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
