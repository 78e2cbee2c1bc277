// The search worker's entry (started by searchClient.ts): loads the gazetteer after the first
// paint, tags stored items and keeps the place and word indexes (newsSearch.worker.ts), and answers
// every keystroke, so typing never waits on the UI thread.
import { workerLog } from '../log/workerLog';
import { assertNever } from '../../shared/assertNever';
import { errorMessages } from '../../shared/errorMessages';
import { loadGazetteer } from '../../shared/places/gazetteer';
import { createNewsWordIndex } from '../../shared/wordSearch/newsWordIndex';
import { FieldNewsDb } from '../db/fieldNewsDb';
import { createNewsSearchEngine, type NewsSearchEngine } from './newsSearch.worker';
import { watchItems } from './watchItems.worker';
import { stepAsideForSyncs } from '../sync/waitWhileSyncing';
import type { FromSearchWorker, ToSearchWorker } from './searchMessages';
import { englishText } from '../../shared/i18n/formatMessages';

interface WorkerScope {
  postMessage(message: FromSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const db = new FieldNewsDb();
let engine: NewsSearchEngine | null = null;
let pendingSearch: Extract<ToSearchWorker, { type: 'search' }> | null = null;
let refreshing: Promise<void> | null = null;
let refreshAgain = false;

const answer = (message: Extract<ToSearchWorker, { type: 'search' }>) => {
  if (!engine) {
    pendingSearch = message;
    return;
  }
  scope.postMessage({ type: 'answer', searchId: message.searchId, answer: engine.search(message.query, message.filters) });
};

/** Refreshes run one at a time; requests during a run fold into one more run after it. */
const refresh = async (): Promise<void> => {
  if (!engine) return;
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  const running = engine;
  refreshing = (async () => {
    do {
      refreshAgain = false;
      // Tagging writes every new item again: while a feed syncs, it waits (up to a bound) so the
      // sync's pages do not queue behind it; the new items are tagged as soon as the sync ends.
      await stepAsideForSyncs(60_000);
      await running.refresh();
    } while (refreshAgain);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
  workerLog.debug('search', `index refreshed: ${running.indexedCount} items`);
  scope.postMessage({ type: 'ready', indexedCount: running.indexedCount });
};

const start = async (gazetteerUrl: string) => {
  try {
    const response = await fetch(gazetteerUrl);
    const gazetteer = loadGazetteer(response.ok ? ((await response.json()) as unknown) : null);
    if (!gazetteer.ok) throw new Error(englishText(gazetteer.error));
    engine = createNewsSearchEngine(db, gazetteer.value, createNewsWordIndex);
    await refresh();
    if (pendingSearch) answer(pendingSearch);
    pendingSearch = null;
    // New, changed and removed items are searchable within about a second, whoever stored them.
    watchItems(db, () => void refresh().then(() => pendingSearch && answer(pendingSearch)));
  } catch (error) {
    workerLog.error('search', 'the gazetteer could not be loaded; place search is off', error);
    scope.postMessage({ type: 'unavailable', message: errorMessages.gazetteerUnreadable });
  }
};

scope.addEventListener('message', (event) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      void start(message.gazetteerUrl);
      return;
    case 'refresh':
      void refresh().then(() => pendingSearch && answer(pendingSearch));
      return;
    case 'search':
      answer(message);
      return;
    case 'mapMarkers':
      // Before the index is ready there is nothing to count; the map asks again when it is.
      if (engine) scope.postMessage({ type: 'mapMarkers', requestId: message.requestId, markers: engine.mapMarkers(message.query, message.filters) });
      return;
    default:
      assertNever(message);
  }
});
