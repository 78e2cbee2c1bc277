// This window's search: the worker that holds the indexes, and the hooks the UI reads answers through.
import { assertNever } from '../../shared/assertNever';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import type { SearchAnswer, SearchFilters } from './newsSearchEngine';
import type { FromSearchWorker, ToSearchWorker } from './searchMessages';
import type { UserMessage } from '../../shared/i18n/userMessage';

export type SearchReadiness = { state: 'starting' } | { state: 'ready'; indexedCount: number } | { state: 'unavailable'; message: UserMessage };

const worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'field-news-search' });
const send = (message: ToSearchWorker) => worker.postMessage(message);
const answerListeners = new Map<number, (answer: SearchAnswer) => void>();
const mapListeners = new Map<number, (markers: PlaceMarker[]) => void>();
const readinessListeners = new Set<() => void>();
let readiness: SearchReadiness = { state: 'starting' };
let nextSearchId = 1;

worker.addEventListener('message', (event: MessageEvent<FromSearchWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'answer':
      answerListeners.get(message.searchId)?.(message.answer);
      answerListeners.delete(message.searchId);
      return;
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

/** Starts loading the gazetteer; called after the first paint so it never delays it. */
export const startSearch = () => send({ type: 'start', gazetteerUrl: new URL('gazetteer/gazetteer.json', document.baseURI).href });

/** Tells the worker that stored items changed, so it tags new ones and updates its indexes. */
export const refreshSearch = () => send({ type: 'refresh' });

export const useSearchReadiness = (): SearchReadiness =>
  useSyncExternalStore(
    (listener) => {
      readinessListeners.add(listener);
      return () => readinessListeners.delete(listener);
    },
    () => readiness,
  );

/** The answer to the latest query and filters; earlier answers that arrive late are dropped. */
export const useSearchAnswer = (query: string, filters: SearchFilters, active: boolean): SearchAnswer | null => {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const readinessState = useSearchReadiness();
  useEffect(() => {
    if (!active) return;
    const searchId = nextSearchId++;
    let current = true;
    answerListeners.set(searchId, (received) => {
      if (current) setAnswer(received);
    });
    send({ type: 'search', searchId, query, filters });
    return () => {
      current = false;
      answerListeners.delete(searchId);
    };
  }, [query, filters, active, readinessState]);
  return active ? answer : null;
};

/** The map's markers for the view the list shows; null until the index can answer. Late answers are dropped. */
export const useMapMarkers = (query: string, filters: SearchFilters, active: boolean): PlaceMarker[] | null => {
  const [markers, setMarkers] = useState<PlaceMarker[] | null>(null);
  const readinessState = useSearchReadiness();
  useEffect(() => {
    if (!active) return;
    const requestId = nextSearchId++;
    let current = true;
    mapListeners.set(requestId, (received) => {
      if (current) setMarkers(received);
    });
    send({ type: 'mapMarkers', requestId, query, filters });
    return () => {
      current = false;
      mapListeners.delete(requestId);
    };
  }, [query, filters, active, readinessState]);
  return active ? markers : null;
};
