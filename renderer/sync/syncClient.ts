// The window's side of the sync worker: starts feed syncs in the worker, downloads through the
// bridge what the worker asks for, and passes progress back to the caller.
import type { FieldNewsBridge } from '../../shared/bridge';
import type { FromSyncWorker, ToSyncWorker } from './syncMessages';
import type { SyncOutcome, SyncProgress } from './syncOutcome';

export interface SyncClient {
  syncFeed(feedUrl: string, options: { maxPages: number; manual: boolean }, onProgress: (progress: SyncProgress) => void): Promise<SyncOutcome>;
}

interface RunningSync {
  onProgress: (progress: SyncProgress) => void;
  resolve: (outcome: SyncOutcome) => void;
}

export const createSyncClient = (bridge: FieldNewsBridge): SyncClient => {
  const worker = new Worker(new URL('./syncWorker.ts', import.meta.url), { type: 'module', name: 'field-news-sync' });
  const running = new Map<number, RunningSync>();
  let nextSyncId = 1;
  const send = (message: ToSyncWorker) => worker.postMessage(message);

  worker.addEventListener('message', (event: MessageEvent<FromSyncWorker>) => {
    const message = event.data;
    if (message.type === 'fetch') {
      void bridge.fetchFeedDocument(message.request).then((result) => send({ type: 'fetched', fetchId: message.fetchId, result }));
    } else if (message.type === 'progress') {
      running.get(message.syncId)?.onProgress(message.progress);
    } else {
      running.get(message.syncId)?.resolve(message.outcome);
      running.delete(message.syncId);
    }
  });

  return {
    syncFeed: (feedUrl, { maxPages, manual }, onProgress) =>
      new Promise<SyncOutcome>((resolve) => {
        const syncId = nextSyncId++;
        running.set(syncId, { onProgress, resolve });
        send({ type: 'sync', syncId, feedUrl, maxPages, manual });
      }),
  };
};
