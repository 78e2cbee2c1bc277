// The window's search: starts the search worker (search.worker.ts) and gives the UI hooks that read
// its answers; the messages go through searchConnection.ts.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import { placeLabel } from './placeLabel';
import { createSearchConnection, type SearchReadiness } from './searchConnection';
import type { SearchAnswer, SearchFilters } from './searchMessages';

export type { SearchReadiness } from './searchConnection';

// Vite bundles the worker from this exact form, in the web build and in Electron's.
const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'field-news-search' });
const connection = createSearchConnection(worker);

/** Starts loading the gazetteer; called after the first paint so it never delays it. */
export const startSearch = () => connection.send({ type: 'start', gazetteerUrl: new URL('gazetteer/gazetteer.json', document.baseURI).href });

/** Tells the worker that stored items changed, so it tags new ones and updates its indexes. */
export const refreshSearch = () => connection.send({ type: 'refresh' });

// One subscribe function for every render: a new one each time would make React resubscribe.
const subscribeReadiness = (listener: () => void) => connection.onReadiness(listener);
const readReadiness = () => connection.readiness;

export const useSearchReadiness = (): SearchReadiness => useSyncExternalStore(subscribeReadiness, readReadiness);

/** The answer to the latest query and filters; an answer to an earlier one is never shown. */
export const useSearchAnswer = (query: string, filters: SearchFilters, active: boolean): SearchAnswer | null => {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const readinessState = useSearchReadiness();
  useEffect(() => (active ? connection.search(query, filters, setAnswer) : undefined), [query, filters, active, readinessState]);
  return active ? answer : null;
};

/** The map's markers for the view the list shows; null until the index can answer. Late answers are dropped. */
export const useMapMarkers = (query: string, filters: SearchFilters, active: boolean): PlaceMarker[] | null => {
  const [markers, setMarkers] = useState<PlaceMarker[] | null>(null);
  const readinessState = useSearchReadiness();
  useEffect(() => (active ? connection.mapMarkers(query, filters, setMarkers) : undefined), [query, filters, active, readinessState]);
  // Worded in the interface language ("México" in Spanish), from the parts the worker sends.
  const { locale } = useIntl();
  const worded = useMemo(() => markers?.map((marker) => ({ ...marker, label: placeLabel(marker.parts, locale) })) ?? null, [markers, locale]);
  return active ? worded : null;
};
