// The window's search: starts the search worker when asked (startSearch, after the first paint),
// and gives the UI hooks that read its answers; the calls go through searchConnection.ts.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import { placeLabel } from '../../../shared/places/placeLabel';
import type { SearchAnswer, SearchCalls, SearchEvents, SearchFilters } from '../../threads/searchContract';
import { createWorkerThread } from '../../threads/workerThread';
import { log } from '../log';
import { createSearchConnection, type SearchConnection, type SearchReadiness } from './searchConnection';
// A build asset with its content's hash in its name: the service worker's install then finds it in the
// browser's cache, where the search worker's first fetch put it, instead of downloading 676 KB again.
import gazetteerAsset from './gazetteer.json?url';

export type { SearchReadiness } from './searchConnection';

let connection: SearchConnection | null = null;
const waitingForStart = new Set<() => void>();

/**
 * Starts the search worker and its gazetteer; called once the list's first rows are on screen, so
 * it never delays them. Before it, the hooks below answer nothing and readiness is 'starting'.
 */
export const startSearch = (): void => {
  if (connection !== null) return;
  const thread = createWorkerThread<SearchCalls, SearchEvents>({
    // Vite bundles the worker from this exact form, in the web build and in Electron's.
    start: () => new Worker(new URL('../../workers/search/search.worker.ts', import.meta.url), { type: 'module', name: 'field-news-search' }),
    onStopped: (detail) => log.error('search', `The search worker stopped: ${detail}`),
  });
  const channel = thread.channel();
  connection = createSearchConnection(channel, { onFailure: (what, failure) => log.warn('search', `A ${what} call got no answer (${failure.reason}: ${failure.detail})`) });
  void channel.call('start', { gazetteerUrl: new URL(gazetteerAsset, document.baseURI).href }).then((started) => {
    if (!started.ok) log.error('search', `The search worker did not start (${started.error.reason}: ${started.error.detail})`);
  });
  connection.onReadiness(() => waitingForStart.forEach((listener) => listener()));
  waitingForStart.forEach((listener) => listener());
};

const starting: SearchReadiness = { state: 'starting' };

// One subscribe function for every render: a new one each time would make React resubscribe.
const subscribeReadiness = (listener: () => void) => {
  waitingForStart.add(listener);
  return () => waitingForStart.delete(listener);
};
const readReadiness = () => connection?.readiness ?? starting;

export const useSearchReadiness = (): SearchReadiness => useSyncExternalStore(subscribeReadiness, readReadiness);

/** The answer to the latest query and filters; an answer to an earlier one is never shown. */
export const useSearchAnswer = (query: string, filters: SearchFilters, active: boolean): SearchAnswer | null => {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const readinessState = useSearchReadiness();
  useEffect(() => (active && connection !== null ? connection.search(query, filters, setAnswer) : undefined), [query, filters, active, readinessState]);
  return active ? answer : null;
};

/** The map's markers for the view the list shows; null until the index can answer. Late answers are dropped. */
export const useMapMarkers = (query: string, filters: SearchFilters, active: boolean): PlaceMarker[] | null => {
  const [markers, setMarkers] = useState<PlaceMarker[] | null>(null);
  const readinessState = useSearchReadiness();
  useEffect(() => (active && connection !== null ? connection.mapMarkers(query, filters, setMarkers) : undefined), [query, filters, active, readinessState]);
  // Worded in the interface language ("México" in Spanish), from the parts the worker sends.
  const { locale } = useIntl();
  const worded = useMemo(() => markers?.map((marker) => ({ ...marker, label: placeLabel(marker.parts, locale) })) ?? null, [markers, locale]);
  return active ? worded : null;
};
