// The sync worker: parses feed pages and writes them into IndexedDB off the UI thread, so the list
// and the search field stay responsive during a large sync. One sync per feed at a time, across
// every window and tab, through a Web Lock.
import { defaultFetchPolicy } from '../../shared/sync/fetchPolicy';
import { FieldNewsDb } from '../db/fieldNewsDb';
import { createNewsRepository } from '../db/newsRepository';
import type { FromSyncWorker, ToSyncWorker } from './syncMessages';
import { createSyncDispatch } from './syncDispatch.worker';
import { createFeedParser } from './feedParser';
import { workerLog } from '../log/workerLog';

interface WorkerScope {
  postMessage(message: FromSyncWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSyncWorker>) => void): void;
  navigator: Navigator;
}

const scope = globalThis as unknown as WorkerScope;
const db = new FieldNewsDb();

const dispatch = createSyncDispatch({
  db,
  repository: createNewsRepository(db),
  post: (message) => scope.postMessage(message),
  locks: scope.navigator.locks,
  // The window's download gives up after the policy's total timeout; a minute more covers a
  // redirect chain and a busy window, and still never leaves a sync (and its lock) hanging.
  downloadTimeoutMs: defaultFetchPolicy(__APP_VERSION__).totalTimeoutMs + 60_000,
  // A statfs takes milliseconds; a window this slow to answer is busy, and the page is written unchecked.
  freeSpaceTimeoutMs: 10_000,
  now: () => new Date(),
  random: Math.random,
  parseDocument: createFeedParser({
    // Started on the first page, so a window that never syncs never starts it.
    startWorker: () => new Worker(new URL('./feedParseWorker.ts', import.meta.url), { type: 'module', name: 'field-news-feed-parse' }),
    onWorkerFailed: (reason) => workerLog.warn('sync', 'The feed parse worker failed; pages are read on the sync worker from now on', reason),
  }),
});

scope.addEventListener('message', (event) => dispatch(event.data));
