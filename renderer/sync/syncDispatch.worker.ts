// The sync worker's side of the messages: runs each requested sync under a per-feed Web Lock and
// answers downloads the window made for it. Every call settles: a download the window never answers
// times out, so a sync always ends and its lock is always released.
import { workerLog } from '../log/workerLog';
import { assertNever } from '../../shared/assertNever';
import type { FreeDiskSpace } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import { parsePictureMode, pictureModeSettingKey } from '../../shared/pictures/pictureSettings';
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import { fail, type Result } from '../../shared/result';
import type { FeedFetchResult, FeedDocumentRequest } from '../../shared/sync/fetchFeedDocument';
import type { WalkFeedOptions } from '../../shared/sync/walkFeedPages';
import type { FieldNewsDb } from '../db/fieldNewsDb';
import type { NewsRepository } from '../db/newsRepository';
import { createDiskSpaceGuard } from './diskSpaceGuard';
import type { FromSyncWorker, ToSyncWorker } from './syncMessages';
import { syncFeed } from './syncFeed';
import { quietOutcome, type SyncOutcome } from './syncOutcome';
import { englishText } from '../../shared/i18n/formatMessages';
import type { UserMessage } from '../../shared/i18n/userMessage';
import { syncLockName } from '../../shared/sync/syncLockName';

/** The part of the Web Locks API the worker uses (navigator.locks in a worker). */
export interface SyncLocks {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

export interface SyncDispatchOptions {
  db: FieldNewsDb;
  repository: NewsRepository;
  post: (message: FromSyncWorker) => void;
  locks: SyncLocks;
  /** How long a download may stay unanswered by the window; longer than the fetch policy's own total timeout. */
  downloadTimeoutMs: number;
  /** How long the window may take to say how much disk space is left; the page is written without it after that. */
  freeSpaceTimeoutMs: number;
  now: () => Date;
  random: () => number;
  /** Reads the downloaded pages (createFeedParser); default: on the sync worker's thread. */
  parseDocument?: WalkFeedOptions['parseDocument'];
}

/** A feed's host only: its full address may carry an access key, and the log may reach support. */
const hostOf = (feedUrl: string): string => (URL.canParse(feedUrl) ? new URL(feedUrl).host : 'a feed');

const logOutcome = (outcome: SyncOutcome): void => {
  const where = hostOf(outcome.feedUrl);
  if (outcome.result === 'failed' || outcome.result === 'gone') {
    workerLog.warn('sync', `${where}: ${outcome.result} (${outcome.failureReason ?? 'unknown reason'}): ${outcome.error === null ? '' : englishText(outcome.error)}`);
  } else {
    workerLog.info('sync', `${where}: ${outcome.result}, ${outcome.newItems} new, ${outcome.updatedItems} updated, ${outcome.droppedItems} dropped`);
  }
};

/** Questions of one kind to the window (downloads, free space): each answered once, or given up after `timeoutMs`. */
const questionsToWindow = <T>(post: (message: FromSyncWorker) => void, timeoutMs: number) => {
  const pending = new Map<number, (answer: T) => void>();
  let nextId = 1;
  return {
    ask: (question: (id: number) => FromSyncWorker, whenSilent: () => T): Promise<T> =>
      new Promise<T>((resolve) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(whenSilent());
        }, timeoutMs);
        pending.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        post(question(id));
      }),
    answer: (id: number, answer: T): void => {
      pending.get(id)?.(answer);
      pending.delete(id);
    },
  };
};

export const createSyncDispatch = (options: SyncDispatchOptions): ((message: ToSyncWorker) => void) => {
  const downloads = questionsToWindow<FeedFetchResult>(options.post, options.downloadTimeoutMs);
  const freeSpaceQuestions = questionsToWindow<Result<FreeDiskSpace, UserMessage>>(options.post, options.freeSpaceTimeoutMs);

  const download = (request: FeedDocumentRequest): Promise<FeedFetchResult> =>
    downloads.ask(
      (fetchId) => ({ type: 'fetch', fetchId, request }),
      () => {
        const seconds = Math.round(options.downloadTimeoutMs / 1000);
        return { ok: false, reason: 'timeout', error: errorMessages.fetchTimeout(seconds), status: null, bytesRead: 0, url: request.url };
      },
    );

  // One guard for every sync of this worker, so its few seconds of cached free space serve them all.
  const diskSpace = createDiskSpaceGuard({
    readFreeSpace: () => freeSpaceQuestions.ask((requestId) => ({ type: 'free-space', requestId }), () => fail(errorMessages.freeSpaceUnknown)),
    now: () => options.now().getTime(),
    onUnknown: (error) => workerLog.warn('sync', `Free disk space unknown, writing anyway: ${englishText(error)}`),
  });

  const runSync = async (syncId: number, feedUrl: string, maxPages: number, manual: boolean): Promise<SyncOutcome> => {
    // With "Save pictures: none" the pages' pictures are not even looked for.
    const savesPictures = parsePictureMode((await options.db.settings.get(pictureModeSettingKey))?.value) !== 'none';
    return syncFeed({
      manual,
      db: options.db,
      repository: options.repository,
      feedUrl,
      maxPages,
      fetchDocument: download,
      diskSpace,
      ...(options.parseDocument === undefined ? {} : { parseDocument: options.parseDocument }),
      onProgress: (progress) => options.post({ type: 'progress', syncId, progress }),
      ...(savesPictures ? { onPicturesNamed: (pictures: ItemPictures[]) => options.post({ type: 'pictures', pictures }) } : {}),
      now: options.now,
      random: options.random,
    });
  };

  const startSync = ({ syncId, feedUrl, maxPages, manual }: Extract<ToSyncWorker, { type: 'sync' }>) => {
    // The lock is released when the callback's promise settles, fulfilled or rejected.
    void options.locks
      .request(syncLockName(feedUrl), { ifAvailable: true }, (lock) => (lock ? runSync(syncId, feedUrl, maxPages, manual) : quietOutcome(feedUrl, 'busy')))
      .then((outcome: SyncOutcome) => {
        logOutcome(outcome);
        options.post({ type: 'done', syncId, outcome });
      })
      .catch((error: unknown) => {
        workerLog.error('sync', `${hostOf(feedUrl)}: sync stopped`, error);
        options.post({
          type: 'done',
          syncId,
          outcome: quietOutcome(feedUrl, 'failed', { error: errorMessages.syncPageNotSaved, failureReason: 'not-saved' }),
        });
      });
  };

  return (message) => {
    switch (message.type) {
      case 'fetched':
        downloads.answer(message.fetchId, message.result);
        return;
      case 'free-space':
        freeSpaceQuestions.answer(message.requestId, message.result);
        return;
      case 'sync':
        startSync(message);
        return;
      default:
        assertNever(message);
    }
  };
};
