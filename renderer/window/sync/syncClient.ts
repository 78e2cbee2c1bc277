// The window's side of the sync worker: starts it when the first sync is asked for, hands it its
// own port to the main process, starts feed syncs in it and passes progress back to the caller.
// Every sync it starts settles: a worker that dies or falls silent ends its running syncs with a
// failure and is replaced on the next sync (which also frees the Web Locks it held).
import { errorMessages } from '../../../shared/errorMessages';
import type { ItemPictures } from '../../../shared/pictures/pictureUrls';
import type { ArticleCandidate } from '../../../shared/articles/articleCandidates';
import type { Result } from '../../../shared/result';
import type { ThreadChannel, ThreadFailure } from '../../../shared/threads/threadChannel';
import type { SyncCalls, SyncEvents } from '../../threads/syncContract';
import { quietOutcome, type SyncOutcome, type SyncProgress } from '../../threads/syncOutcome';
import { createWorkerThread, type WorkerLike } from '../../threads/workerThread';

export interface SyncClient {
  syncFeed(feedUrl: string, options: { maxPages: number; manual: boolean }, onProgress: (progress: SyncProgress) => void): Promise<SyncOutcome>;
}

export interface SyncClientOptions {
  startWorker: () => WorkerLike;
  /** A port to the main process for the new worker, or null where there is none (web mode). */
  openShellPort: () => Promise<MessagePort | null>;
  /** How long running syncs may go without any word from the worker before they are given up. */
  quietLimitMs: number;
  /** Where the pictures of stored pages go (the picture queue). */
  onPicturesNamed: (pictures: ItemPictures[]) => void;
  /** Where the articles stored pages want saved go (the article worker, after the syncs). */
  onArticlesWanted: (candidates: ArticleCandidate[]) => void;
  log: (level: 'warn' | 'error', message: string) => void;
}

type SyncChannel = ThreadChannel<SyncCalls, SyncEvents, Record<string, never>>;

export const createSyncClient = (options: SyncClientOptions): SyncClient => {
  const progressListeners = new Map<number, (progress: SyncProgress) => void>();
  let nextSyncId = 1;
  let ready: { channel: SyncChannel; shellGiven: Promise<Result<null, ThreadFailure>> } | null = null;

  const thread = createWorkerThread<SyncCalls, SyncEvents>({
    start: options.startWorker,
    onStopped: (detail) => {
      ready = null;
      options.log('error', `The sync worker stopped: ${detail}`);
    },
  });

  /** The running worker's channel, once the worker has its port: a sync never starts before its shell. */
  const connected = async (): Promise<Result<SyncChannel, ThreadFailure>> => {
    if (ready === null) {
      const channel = thread.channel();
      channel.on('progress', ({ syncId, progress }) => progressListeners.get(syncId)?.(progress));
      channel.on('pictures', ({ pictures }) => options.onPicturesNamed(pictures));
      channel.on('articles', ({ candidates }) => options.onArticlesWanted(candidates));
      const shellGiven = options
        .openShellPort()
        .then((port) => channel.call('useShell', { port }, { transfer: port === null ? [] : [port], quietLimitMs: options.quietLimitMs }));
      ready = { channel, shellGiven };
    }
    const { channel, shellGiven } = ready;
    const given = await shellGiven;
    return given.ok ? { ok: true, value: channel } : given;
  };

  const failedOutcome = (feedUrl: string, failure: ThreadFailure, channel: SyncChannel | null): SyncOutcome => {
    if (failure.reason === 'timeout') {
      // Silent for the whole limit: the worker is ended (its locks go with it) and the next sync starts another.
      if (channel === null || ready?.channel === channel) thread.end(`no answer for ${Math.round(options.quietLimitMs / 1000)} s`);
      return quietOutcome(feedUrl, 'failed', { error: errorMessages.syncNoAnswer(Math.round(options.quietLimitMs / 60_000)), failureReason: 'no-answer', cause: failure.detail });
    }
    return quietOutcome(feedUrl, 'failed', { error: errorMessages.syncWorkerStopped, failureReason: 'worker-stopped', cause: `${failure.reason}: ${failure.detail}` });
  };

  return {
    syncFeed: async (feedUrl, { maxPages, manual }, onProgress) => {
      const syncId = nextSyncId++;
      progressListeners.set(syncId, onProgress);
      try {
        const channel = await connected();
        if (!channel.ok) return failedOutcome(feedUrl, channel.error, null);
        const answer = await channel.value.call('syncFeed', { syncId, feedUrl, maxPages, manual }, { quietLimitMs: options.quietLimitMs });
        return answer.ok ? answer.value : failedOutcome(feedUrl, answer.error, channel.value);
      } finally {
        progressListeners.delete(syncId);
      }
    },
  };
};
