// The sync worker: parses feed pages and writes them into IndexedDB off the UI thread, so the list
// and the search field stay responsive during a large sync. One sync per feed at a time, across
// every window and tab, through a Web Lock.
import { FieldNewsDb } from '../db/fieldNewsDb';
import { createNewsRepository } from '../db/newsRepository';
import type { FeedFetchResult } from '../../shared/sync/fetchFeedDocument';
import type { FromSyncWorker, ToSyncWorker } from './syncMessages';
import { syncFeed } from './syncFeed';
import type { SyncOutcome } from './syncOutcome';

interface WorkerScope {
  postMessage(message: FromSyncWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSyncWorker>) => void): void;
  navigator: Navigator;
}

const scope = globalThis as unknown as WorkerScope;
const db = new FieldNewsDb();
const repository = createNewsRepository(db);
const pendingDownloads = new Map<number, (result: FeedFetchResult) => void>();
let nextFetchId = 1;

const busy = (feedUrl: string): SyncOutcome => ({
  feedUrl,
  feedTitle: feedUrl,
  result: 'busy',
  newItems: 0,
  updatedItems: 0,
  droppedItems: 0,
  error: null,
  nextAttemptAt: null,
});

const runSync = async (syncId: number, feedUrl: string, maxPages: number, manual: boolean): Promise<SyncOutcome> =>
  syncFeed({
    manual,
    db,
    repository,
    feedUrl,
    maxPages,
    fetchDocument: (request) =>
      new Promise<FeedFetchResult>((resolve) => {
        const fetchId = nextFetchId++;
        pendingDownloads.set(fetchId, resolve);
        scope.postMessage({ type: 'fetch', fetchId, request });
      }),
    onProgress: (progress) => scope.postMessage({ type: 'progress', syncId, progress }),
    now: () => new Date(),
    random: Math.random,
  });

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'fetched') {
    pendingDownloads.get(message.fetchId)?.(message.result);
    pendingDownloads.delete(message.fetchId);
    return;
  }
  const { syncId, feedUrl, maxPages, manual } = message;
  void scope.navigator.locks
    .request(`field-news-sync ${feedUrl}`, { ifAvailable: true }, (lock) => (lock ? runSync(syncId, feedUrl, maxPages, manual) : busy(feedUrl)))
    .then((outcome: SyncOutcome) => scope.postMessage({ type: 'done', syncId, outcome }))
    .catch((error: unknown) =>
      scope.postMessage({
        type: 'done',
        syncId,
        outcome: { ...busy(feedUrl), result: 'failed', error: error instanceof Error ? error.message : String(error) },
      }),
    );
});
