// The window's side of the sync worker: starts it when the first sync is asked for, hands it its
// own port to the main process, starts feed syncs in it and passes progress back to the caller.
// Every sync it starts settles: a worker that dies or falls silent ends its running syncs with a
// failure and is replaced on the next sync (which also frees the Web Locks it held).
import { errorMessages } from '../../../shared/errorMessages';
import type { ItemPictures } from '../../../shared/pictures/pictureUrls';
import type { Result } from '../../../shared/result';
import type { ThreadChannel, ThreadFailure } from '../../../shared/threads/threadChannel';
import type { AccountFeedEdit, SyncCalls, SyncEvents } from '../../threads/syncContract';
import type { ReaderCredentials } from '../../../shared/aggregator/readerSession';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { quietOutcome, type SyncOutcome, type SyncProgress } from '../../threads/syncOutcome';
import { createWorkerThread, type WorkerLike } from '../../threads/workerThread';

export interface SyncClient {
  syncFeed(feedUrl: string, options: { maxPages: number; manual: boolean }, onProgress: (progress: SyncProgress) => void): Promise<SyncOutcome>;
  syncAccount(accountId: string, onProgress: (progress: SyncProgress) => void): Promise<SyncOutcome>;
  editAccountFeed(edit: AccountFeedEdit): Promise<Result<null, UserMessage>>;
  /** Web mode: hands the worker the accounts' credentials again (after connecting or disconnecting). */
  refreshAccountSecrets(): Promise<void>;
  /**
   * Has the worker hand the articles its syncs' pages want saved to the article worker at the other
   * end of `port`; how many it handed (0 when no sync worker runs: it is not started for this).
   */
  handArticles(port: MessagePort): Promise<number>;
}

export interface SyncClientOptions {
  startWorker: () => WorkerLike;
  /** A port to the main process for the new worker, or null where there is none (web mode). */
  openShellPort: () => Promise<MessagePort | null>;
  /** How long running syncs may go without any word from the worker before they are given up. */
  quietLimitMs: number;
  /** Where the pictures of stored pages go (the picture queue). */
  onPicturesNamed: (pictures: ItemPictures[]) => void;
  log: (level: 'warn' | 'error', message: string) => void;
  /** Web mode's account credentials for a worker with no port to a main process (the desktop app keeps them there). */
  accountSecrets: () => Promise<[string, ReaderCredentials][] | null>;
  /** Web mode: the worker signed in again; keep the new token. */
  onAccountToken: (accountId: string, token: string) => void;
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
      channel.on('accountToken', ({ accountId, token }) => options.onAccountToken(accountId, token));
      const shellGiven = options.openShellPort().then(async (port) => {
        const given = await channel.call('useShell', { port }, { transfer: port === null ? [] : [port], quietLimitMs: options.quietLimitMs });
        if (!given.ok || port !== null) return given;
        return channel.call('useAccountSecrets', { secrets: (await options.accountSecrets()) ?? [] }, { quietLimitMs: options.quietLimitMs });
      });
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
    syncAccount: async (accountId, onProgress) => {
      const syncId = nextSyncId++;
      progressListeners.set(syncId, onProgress);
      try {
        const channel = await connected();
        if (!channel.ok) return failedOutcome(accountId, channel.error, null);
        const answer = await channel.value.call('syncAccount', { syncId, accountId }, { quietLimitMs: options.quietLimitMs });
        return answer.ok ? answer.value : failedOutcome(accountId, answer.error, channel.value);
      } finally {
        progressListeners.delete(syncId);
      }
    },
    editAccountFeed: async (edit) => {
      const channel = await connected();
      if (!channel.ok) return { ok: false, error: errorMessages.syncWorkerStopped };
      const answer = await channel.value.call('editAccountFeed', edit, { quietLimitMs: options.quietLimitMs });
      return answer.ok ? answer.value : { ok: false, error: errorMessages.syncWorkerStopped };
    },
    refreshAccountSecrets: async () => {
      if (ready === null) return; // The next worker gets them as it starts.
      const secrets = await options.accountSecrets();
      // The desktop app's secrets stay in the main process: nothing to hand over.
      if (secrets === null) return;
      const channel = await connected();
      if (!channel.ok) return;
      await channel.value.call('useAccountSecrets', { secrets }, { quietLimitMs: options.quietLimitMs });
    },
    handArticles: async (port) => {
      if (ready === null) {
        // No sync worker, so no articles kept in one.
        port.close();
        return 0;
      }
      const channel = await connected();
      if (!channel.ok) {
        port.close();
        return 0;
      }
      const answer = await channel.value.call('handArticles', { port }, { transfer: [port], quietLimitMs: options.quietLimitMs });
      if (answer.ok) return answer.value;
      options.log('warn', `The sync worker did not hand over the wanted articles (${answer.error.reason}: ${answer.error.detail})`);
      return 0;
    },
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
