// The sync worker's work: runs each requested sync under a per-feed Web Lock, downloads through the
// shell it was given (the main process's port, or the browser), checks the disk before each page,
// and logs how each sync ended, with its cause. Every sync settles, and its lock is always released.
import { englishText } from '../../../shared/i18n/formatMessages';
import type { ItemPictures } from '../../../shared/pictures/pictureUrls';
import type { ArticleCandidate } from '../../../shared/articles/articleCandidates';
import { describeThrown } from '../../../shared/describeThrown';
import { syncLockName } from '../../../shared/sync/syncLockName';
import type { WalkFeedOptions } from '../../../shared/sync/walkFeedPages';
import { hostOf } from '../../../shared/webAddress';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { NewsRepository } from '../../db/newsRepository';
import { workerLog } from '../../log/workerLog';
import type { SyncShell } from '../../threads/browserShell';
import type { AccountSyncRequest, SyncRequest } from '../../threads/syncContract';
import { syncAccount } from './syncAccount';
import { quietOutcome, type SyncOutcome, type SyncProgress } from '../../threads/syncOutcome';
import { createDiskSpaceGuard } from './diskSpaceGuard';
import { pageWriteFailure } from './pageWriteFailure';
import { firstRowsPause, syncFeed } from './syncFeed';

/** The part of the Web Locks API the worker uses (navigator.locks in a worker). */
export interface SyncLocks {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

export interface SyncRunnerOptions {
  db: FieldNewsDb;
  repository: NewsRepository;
  locks: SyncLocks;
  /** The shell in use now (it is set once the window hands the worker its port). */
  shell: () => SyncShell;
  onProgress: (syncId: number, progress: SyncProgress) => void;
  onPicturesNamed: (pictures: ItemPictures[]) => void;
  onArticlesWanted: (candidates: ArticleCandidate[]) => void;
  now: () => Date;
  random: () => number;
  /** Reads the downloaded pages (createFeedParser); default: on the sync worker's thread. */
  parseDocument?: WalkFeedOptions['parseDocument'];
}

const logOutcome = (outcome: SyncOutcome): void => {
  // A feed's host only: its full address may carry an access key, and the log may reach support.
  // An account by its service and server host only (its id holds the user name).
  const where = outcome.account ? `${outcome.account.service} (${outcome.account.server})` : hostOf(outcome.feedUrl, 'a feed');
  if (outcome.account && outcome.result === 'synced') {
    workerLog.info('sync', `${where}: synced, ${outcome.newItems} new, ${outcome.account.readElsewhere} read elsewhere, ${outcome.account.bytes} bytes downloaded in ${outcome.cause ?? 'some requests'}`);
    return;
  }
  if (outcome.result === 'failed' || outcome.result === 'gone') {
    const why = outcome.error === null ? '' : englishText(outcome.error);
    const cause = outcome.cause ? ` [cause: ${outcome.cause}]` : '';
    workerLog.warn('sync', `${where}: ${outcome.result} (${outcome.failureReason ?? 'no reason given'}): ${why}${cause}`);
  } else {
    workerLog.info('sync', `${where}: ${outcome.result}, ${outcome.newItems} new, ${outcome.updatedItems} updated, ${outcome.droppedItems} dropped`);
  }
};

export const createSyncRunner = (options: SyncRunnerOptions) => {
  // One guard for every sync of this worker, so its few seconds of cached free space serve them all.
  const diskSpace = createDiskSpaceGuard({
    readFreeSpace: () => options.shell().getFreeDiskSpace(),
    now: () => options.now().getTime(),
    onUnknown: (error) => workerLog.warn('sync', `Free disk space unknown, writing anyway: ${englishText(error)}`),
    onReadFailure: (thrown) => workerLog.warn('sync', 'Reading the free disk space threw', thrown),
  });

  const runSync = ({ syncId, feedUrl, maxPages, manual }: SyncRequest): Promise<SyncOutcome> =>
    syncFeed({
      manual,
      db: options.db,
      repository: options.repository,
      feedUrl,
      maxPages,
      fetchDocument: (request) => options.shell().fetchFeedDocument(request),
      diskSpace,
      ...(options.parseDocument === undefined ? {} : { parseDocument: options.parseDocument }),
      afterFirstRows: firstRowsPause,
      onProgress: (progress) => options.onProgress(syncId, progress),
      // Every stored page's pictures go to the window's picture queue, which alone reads the picture setting.
      onPicturesNamed: options.onPicturesNamed,
      // The articles stay in this worker until a round of article saving asks; then they go straight to the
      // article worker (serveSyncCalls.ts), which writes them and saves them after the syncs (writing
      // 1,000 of them here made a first sync twice as long).
      onArticlesWanted: options.onArticlesWanted,
      now: options.now,
      random: options.random,
    });

  const runAccountSync = ({ syncId, accountId }: AccountSyncRequest): Promise<SyncOutcome> =>
    syncAccount({
      db: options.db,
      repository: options.repository,
      accountId,
      callReader: (call) => options.shell().callReader({ accountId, call }),
      now: options.now,
      onProgress: (progress) => options.onProgress(syncId, progress),
      onPicturesNamed: options.onPicturesNamed,
      onArticlesWanted: options.onArticlesWanted,
    });

  return {
    /** Syncs an aggregator account; "busy" when another window or tab is syncing it. */
    syncAccount: async (request: AccountSyncRequest): Promise<SyncOutcome> => {
      let outcome: SyncOutcome;
      try {
        outcome = await options.locks.request(syncLockName(`account:${request.accountId}`), { ifAvailable: true }, (lock) =>
          lock ? runAccountSync(request) : quietOutcome(request.accountId, 'busy'),
        );
      } catch (thrown) {
        const { error, reason } = pageWriteFailure(thrown);
        outcome = quietOutcome(request.accountId, 'failed', { error, failureReason: reason, cause: describeThrown(thrown) });
      }
      logOutcome(outcome);
      return outcome;
    },
    /** Syncs one feed; "busy" when another sync (any window or tab) holds the feed's lock. */
    syncFeed: async (request: SyncRequest): Promise<SyncOutcome> => {
      let outcome: SyncOutcome;
      try {
        // The lock is released when the callback's promise settles, fulfilled or rejected.
        outcome = await options.locks.request(syncLockName(request.feedUrl), { ifAvailable: true }, (lock) =>
          lock ? runSync(request) : quietOutcome(request.feedUrl, 'busy'),
        );
      } catch (thrown) {
        const { error, reason } = pageWriteFailure(thrown);
        outcome = quietOutcome(request.feedUrl, 'failed', { error, failureReason: reason, cause: describeThrown(thrown) });
      }
      logOutcome(outcome);
      return outcome;
    },
  };
};
