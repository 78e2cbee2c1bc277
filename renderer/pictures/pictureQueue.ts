// Saves the pictures that stored items name, after their page is stored: a few downloads at a time,
// each picture once (items naming a saved picture just join it), with a back-off per host so a
// failing server costs one try, and a refusal (too large, not a picture) never tried again this session.
// Nothing here can fail or slow the item sync: it runs beside it and every failure is a logged value.
import type { PictureFetchResult, PictureRequest } from '../../shared/pictures/fetchPicture';
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import { backoffAfterFailure, initialBackoff, type BackoffState } from '../../shared/sync/backoff';
import type { PictureRepository } from '../db/pictureRepository';
import type { ShrinkPicture } from './pictureResizer';
import { englishText } from '../../shared/i18n/formatMessages';

/** The pictures of one stored item to save, its own first, already chosen under the setting. */
export type PictureJob = ItemPictures;

export interface PictureProgress {
  saved: number;
  total: number;
}

export interface PictureQueueOptions {
  fetchPicture: (request: PictureRequest) => Promise<PictureFetchResult>;
  shrink: ShrinkPicture;
  repository: Pick<PictureRepository, 'addPictureUsers' | 'storePicture' | 'releaseUnusedPictures' | 'keepWithinBudget'>;
  /** The budget in bytes, read when a round of saving ends. */
  budgetBytes: () => Promise<number>;
  /** Downloads at once. */
  concurrency: number;
  now: () => number;
  random: () => number;
  /** Progress of the current round; null when it has ended. */
  onProgress: (progress: PictureProgress | null) => void;
  log: (level: 'info' | 'warn', message: string) => void;
}

/** Failures that the same address would answer again: not worth another download this session. */
const lastingReasons = new Set(['too-large', 'not-a-picture', 'gone', 'bad-address', 'address-refused', 'unreadable', 'redirect-loop', 'too-many-redirects', 'redirect-unusable', 'redirect-insecure']);

/** A 4xx is about this picture (missing, forbidden), not its host: the host's other pictures are still asked for. */
const isLasting = (reason: string, status: number | null): boolean => lastingReasons.has(reason) || (status !== null && status >= 400 && status < 500);

const hostOf = (url: string): string => (URL.canParse(url) ? new URL(url).host : '');

/** Bytes that can be moved to the worker: the picture's own buffer when it holds nothing else. */
const movable = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();

export const createPictureQueue = (options: PictureQueueOptions) => {
  /** Addresses waiting or downloading, with the items that name them and the feed that named them first. */
  const pending = new Map<string, { feedUrl: string; itemKeys: Set<string> }>();
  const waiting: string[] = [];
  const refused = new Set<string>();
  const hostBackoff = new Map<string, BackoffState>();
  let running = 0;
  let progress: PictureProgress = { saved: 0, total: 0 };
  let idle: Promise<void> = Promise.resolve();
  let settleIdle: () => void = () => undefined;

  const report = () => options.onProgress(progress.total === 0 ? null : progress);

  const failed = (url: string, reason: string, error: string, status: number | null = null) => {
    if (isLasting(reason, status)) refused.add(url);
    else {
      const host = hostOf(url);
      hostBackoff.set(host, backoffAfterFailure(hostBackoff.get(host) ?? initialBackoff, options.now(), options.random));
    }
    // The host only: a picture's address may carry a key, and the log may reach support.
    options.log('warn', `A picture on ${hostOf(url)} was not saved (${reason}): ${error}`);
  };

  const saveOne = async (url: string): Promise<void> => {
    const job = pending.get(url);
    if (job === undefined) return;
    const backoff = hostBackoff.get(hostOf(url));
    if (backoff?.nextAttemptAt != null && backoff.nextAttemptAt > options.now()) return; // Tried at the next round after the wait.
    const result = await options.fetchPicture({ url, feedUrl: job.feedUrl });
    if (!result.ok) return failed(url, result.reason, englishText(result.error), result.status);
    hostBackoff.delete(hostOf(url));
    const picture = await options.shrink(movable(result.value.bytes), result.value.contentType);
    if (picture === null) return failed(url, 'unreadable', 'the picture could not be decoded');
    await options.repository.storePicture({ url, ...picture }, [...job.itemKeys]);
  };

  const endRound = async () => {
    try {
      await options.repository.releaseUnusedPictures();
      await options.repository.keepWithinBudget(await options.budgetBytes());
    } catch (error) {
      options.log('warn', `Saved pictures could not be tidied: ${error instanceof Error ? error.message : String(error)}`);
    }
    progress = { saved: 0, total: 0 };
    report();
    settleIdle();
  };

  const pump = () => {
    while (running < options.concurrency && waiting.length > 0) {
      const url = waiting.shift();
      if (url === undefined) break;
      running += 1;
      void saveOne(url)
        .catch((error: unknown) => failed(url, 'not-saved', error instanceof Error ? error.message : String(error)))
        .finally(() => {
          pending.delete(url);
          running -= 1;
          progress = { ...progress, saved: progress.saved + 1 };
          report();
          if (waiting.length === 0 && running === 0) void endRound();
          else pump();
        });
    }
  };

  return {
    /** Queues the pictures of stored items; a picture already saved only gains the item as a user. */
    async enqueue(jobs: readonly PictureJob[]): Promise<void> {
      const uses = jobs.flatMap((job) => job.urls.filter((url) => !refused.has(url)).map((url) => ({ url, itemKey: job.itemKey, feedUrl: job.feedUrl })));
      if (uses.length === 0) return;
      // One read for the whole page: saved pictures only gain their items, the rest are downloaded.
      const saved = await options.repository.addPictureUsers(uses);
      let added = 0;
      for (const { url, itemKey, feedUrl } of uses) {
        if (saved.has(url)) continue;
        const queued = pending.get(url);
        if (queued !== undefined) {
          queued.itemKeys.add(itemKey);
          continue;
        }
        pending.set(url, { feedUrl, itemKeys: new Set([itemKey]) });
        waiting.push(url);
        added += 1;
      }
      if (added === 0) return;
      if (progress.total === 0) idle = new Promise<void>((resolve) => (settleIdle = resolve));
      progress = { ...progress, total: progress.total + added };
      report();
      pump();
    },
    /** Resolves when nothing is left to save (at once when nothing is queued). */
    whenIdle: (): Promise<void> => (progress.total === 0 ? Promise.resolve() : idle),
  };
};

export type PictureQueue = ReturnType<typeof createPictureQueue>;
