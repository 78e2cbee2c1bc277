// The window's side of the sync worker: starts feed syncs in the worker, downloads through the
// bridge what the worker asks for, and passes progress back to the caller. Every sync it starts
// settles: a rejected download becomes a failure value, a worker that dies or falls silent ends
// its running syncs with a failure and is replaced (which also frees the Web Locks it held).
import { assertNever } from '../../shared/assertNever';
import type { FieldNewsBridge, FreeDiskSpace } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import { fail } from '../../shared/result';
import type { FeedDocumentRequest, FeedFetchResult } from '../../shared/sync/fetchFeedDocument';
import { quietOutcome } from './syncOutcome';
import type { FromSyncWorker, ToSyncWorker } from './syncMessages';
import type { SyncOutcome, SyncProgress } from './syncOutcome';
import type { UserMessage } from '../../shared/i18n/userMessage';

export interface SyncClient {
  syncFeed(feedUrl: string, options: { maxPages: number; manual: boolean }, onProgress: (progress: SyncProgress) => void): Promise<SyncOutcome>;
}

/** What the client needs of a worker: a Web Worker, or a stand-in in tests. */
export interface SyncWorkerPort {
  postMessage(message: ToSyncWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromSyncWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface SyncClientOptions {
  createWorker: () => SyncWorkerPort;
  /** How long running syncs may go without any word from the worker before they are given up. */
  quietLimitMs: number;
  /** Where the pictures of stored pages go (the picture queue); none when absent. */
  onPicturesNamed?: (pictures: ItemPictures[]) => void;
}

interface RunningSync {
  feedUrl: string;
  onProgress: (progress: SyncProgress) => void;
  resolve: (outcome: SyncOutcome) => void;
}

const startWebWorker = (): SyncWorkerPort => new Worker(new URL('./syncWorker.ts', import.meta.url), { type: 'module', name: 'field-news-sync' });

/** A download the bridge rejected (it should answer with a value; a dead main process does not). */
const downloadThrew = (request: FeedDocumentRequest): FeedFetchResult => ({
  ok: false,
  reason: 'no-connection',
  error: errorMessages.fetchNoConnection,
  status: null,
  bytesRead: 0,
  url: request.url,
});

export const defaultSyncClientOptions: SyncClientOptions = { createWorker: startWebWorker, quietLimitMs: 3 * 60_000 };

export const createSyncClient = (bridge: Pick<FieldNewsBridge, 'fetchFeedDocument' | 'getFreeDiskSpace'>, options: SyncClientOptions = defaultSyncClientOptions): SyncClient => {
  const running = new Map<number, RunningSync>();
  let nextSyncId = 1;
  let quietTimer: ReturnType<typeof setTimeout> | null = null;
  let worker: SyncWorkerPort;

  /** Ends every running sync with a failure and starts a fresh worker for the next ones. */
  const giveUp = (failureReason: 'worker-stopped' | 'no-answer', error: UserMessage) => {
    for (const [syncId, sync] of running) {
      running.delete(syncId);
      sync.resolve(quietOutcome(sync.feedUrl, 'failed', { error, failureReason }));
    }
    worker.terminate();
    worker = connect();
  };

  const stillWaiting = () => {
    if (quietTimer !== null) clearTimeout(quietTimer);
    quietTimer =
      running.size > 0
        ? setTimeout(() => giveUp('no-answer', errorMessages.syncNoAnswer(Math.round(options.quietLimitMs / 60_000))), options.quietLimitMs)
        : null;
  };

  const connect = (): SyncWorkerPort => {
    const port = options.createWorker();
    const send = (message: ToSyncWorker) => port.postMessage(message);
    port.addEventListener('message', (event: MessageEvent<FromSyncWorker>) => {
      if (port !== worker) return;
      const message = event.data;
      switch (message.type) {
        case 'fetch':
          void bridge
            .fetchFeedDocument(message.request)
            .catch(() => downloadThrew(message.request))
            .then((result) => {
              if (port !== worker) return;
              stillWaiting();
              send({ type: 'fetched', fetchId: message.fetchId, result });
            });
          break;
        case 'free-space':
          void bridge
            .getFreeDiskSpace()
            .catch((error: unknown) => {
              console.warn('Field News: the free disk space could not be read', error);
              return fail<FreeDiskSpace, UserMessage>(errorMessages.freeSpaceUnknown);
            })
            .then((result) => {
              if (port === worker) send({ type: 'free-space', requestId: message.requestId, result });
            });
          break;
        case 'progress':
          running.get(message.syncId)?.onProgress(message.progress);
          break;
        case 'pictures':
          options.onPicturesNamed?.(message.pictures);
          break;
        case 'done':
          running.get(message.syncId)?.resolve(message.outcome);
          running.delete(message.syncId);
          break;
        default:
          assertNever(message);
      }
      stillWaiting();
    });
    port.addEventListener('error', (event) => {
      if (port !== worker) return;
      // The event is the worker's uncaught error; the syncs it was running cannot be trusted to end.
      event.preventDefault();
      giveUp('worker-stopped', errorMessages.syncWorkerStopped);
      stillWaiting();
    });
    return port;
  };
  worker = connect();

  return {
    syncFeed: (feedUrl, { maxPages, manual }, onProgress) =>
      new Promise<SyncOutcome>((resolve) => {
        const syncId = nextSyncId++;
        running.set(syncId, { feedUrl, onProgress, resolve });
        worker.postMessage({ type: 'sync', syncId, feedUrl, maxPages, manual });
        stillWaiting();
      }),
  };
};
