// Saves the pictures that stored items name, once no item sync is running (each step first waits for
// the syncs to finish, so pictures never compete with them for the CPU, the network or the database):
// a few downloads at a time, each picture once (items naming a saved picture just join it), stored in
// batches, with a back-off per host so a failing server costs one try, and a refusal (too large, not a
// picture) never tried again this session. Nothing here can fail the item sync: every failure is a logged value.
import type { PictureFetchResult, PictureRequest } from '../../../shared/pictures/fetchPicture';
import type { ItemPictures } from '../../../shared/pictures/pictureUrls';
import { backoffAfterFailure, initialBackoff, type BackoffState } from '../../../shared/sync/backoff';
import type { PictureRepository } from '../../db/pictureRepository';
import type { ShrinkPicture } from './pictureResizer';
import { englishText } from '../../../shared/i18n/formatMessages';
import { storableAsServed } from '../../../shared/pictures/pictureHeader';
import { maxPictureSide } from '../../../shared/pictures/pictureBudget';
import type { PictureToStore } from '../../db/pictureRepository';

/** The pictures of one stored item to save, its own first, already chosen under the setting. */
export type PictureJob = ItemPictures;

export interface PictureProgress {
  saved: number;
  total: number;
}

export interface PictureQueueOptions {
  fetchPicture: (request: PictureRequest) => Promise<PictureFetchResult>;
  /** Scales a picture that does not fit (or moves, or whose header is unknown); one that fits is stored as served. */
  shrink: ShrinkPicture;
  repository: Pick<PictureRepository, 'addPictureUsers' | 'storePictures' | 'releaseUnusedPictures' | 'keepWithinBudget'>;
  /** Resolves when no item sync is running: every step of the picture work waits on it. */
  whenSyncsQuiet: () => Promise<void>;
  /** Pictures written to the database in one transaction. */
  storeBatch: number;
  /** The budget in bytes, read when a round of saving ends. */
  budgetBytes: () => Promise<number>;
  /** Downloads at once. */
  concurrency: number;
  /** With more pictures than this still waiting, the resize worker writes the faster format. */
  hasteAbove: number;
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
  /** Pages handed over by the sync, looked at only once the syncs are quiet. */
  const inbox: PictureJob[] = [];
  /** Addresses waiting or downloading, with the items that name them and the feed that named them first. */
  const pending = new Map<string, { feedUrl: string; itemKeys: Set<string> }>();
  const waiting: string[] = [];
  const refused = new Set<string>();
  const hostBackoff = new Map<string, BackoffState>();
  /** Pictures ready to be written, with their items; written together by `flush`. */
  let ready: { picture: PictureToStore; itemKeys: string[] }[] = [];
  let writing: Promise<void> = Promise.resolve();
  let progress: PictureProgress = { saved: 0, total: 0 };
  let round: Promise<void> | null = null;

  const report = () => options.onProgress(progress.total === 0 ? null : progress);
  const advance = (count: number) => {
    progress = { ...progress, saved: progress.saved + count };
    report();
  };
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const failed = (url: string, reason: string, error: string, status: number | null = null) => {
    if (isLasting(reason, status)) refused.add(url);
    else {
      const host = hostOf(url);
      hostBackoff.set(host, backoffAfterFailure(hostBackoff.get(host) ?? initialBackoff, options.now(), options.random));
    }
    // The host only: a picture's address may carry a key, and the log may reach support.
    options.log('warn', `A picture on ${hostOf(url)} was not saved (${reason}): ${error}`);
  };

  /** Writes the pictures ready so far in one transaction, one write after another. */
  const flush = (): Promise<void> => {
    const batch = ready;
    ready = [];
    if (batch.length === 0) return writing;
    writing = writing.then(async () => {
      await options.whenSyncsQuiet();
      try {
        await options.repository.storePictures(batch);
      } catch (error) {
        for (const { picture } of batch) failed(picture.url, 'not-saved', message(error));
      }
      advance(batch.length);
    });
    return writing;
  };

  /** Downloads one picture and makes it ready to write; true when it was, false when it failed or waits for its host. */
  const saveOne = async (url: string, job: { feedUrl: string; itemKeys: Set<string> }): Promise<boolean> => {
    const backoff = hostBackoff.get(hostOf(url));
    if (backoff?.nextAttemptAt != null && backoff.nextAttemptAt > options.now()) return false; // Tried at the next round after the wait.
    const result = await options.fetchPicture({ url, feedUrl: job.feedUrl });
    if (!result.ok) {
      failed(url, result.reason, englishText(result.error), result.status);
      return false;
    }
    hostBackoff.delete(hostOf(url));
    // A still picture that fits is kept byte for byte, without the worker (no decode, no quality lost).
    const header = storableAsServed(result.value.bytes, maxPictureSide);
    await options.whenSyncsQuiet();
    const picture = header !== null ? { blob: new Blob([movable(result.value.bytes)], { type: header.type }), width: header.width, height: header.height } : await options.shrink(movable(result.value.bytes), result.value.contentType, waiting.length > options.hasteAbove);
    if (picture === null) {
      failed(url, 'unreadable', 'the picture could not be decoded');
      return false;
    }
    ready.push({ picture: { url, ...picture }, itemKeys: [...job.itemKeys] });
    if (ready.length >= options.storeBatch) void flush();
    return true;
  };

  /** One of `concurrency` lanes: takes waiting pictures one by one until none is left. */
  const lane = async (): Promise<void> => {
    for (;;) {
      await options.whenSyncsQuiet();
      const url = waiting.shift();
      if (url === undefined) return;
      const job = pending.get(url);
      let readied = false;
      try {
        if (job !== undefined) readied = await saveOne(url, job);
      } catch (error) {
        failed(url, 'not-saved', message(error));
      } finally {
        pending.delete(url);
        // A picture ready to write counts when it is written; a failure counts now.
        if (!readied) advance(1);
      }
    }
  };

  /** Takes the pages handed over so far: saved pictures only gain their items, the rest wait for a download. */
  const admit = async (jobs: readonly PictureJob[]): Promise<void> => {
    const uses = jobs.flatMap((job) => job.urls.filter((url) => !refused.has(url)).map((url) => ({ url, itemKey: job.itemKey, feedUrl: job.feedUrl })));
    if (uses.length === 0) return;
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
    progress = { ...progress, total: progress.total + added };
    report();
  };

  const runRound = async (): Promise<void> => {
    while (inbox.length > 0) {
      await options.whenSyncsQuiet();
      try {
        await admit(inbox.splice(0));
      } catch (error) {
        // Storage refused even the lookups: these pictures stay unsaved, and the news is untouched.
        options.log('warn', `Pictures could not be queued: ${message(error)}`);
      }
      await Promise.all(Array.from({ length: options.concurrency }, lane));
      await flush();
    }
    try {
      await options.repository.releaseUnusedPictures();
      await options.repository.keepWithinBudget(await options.budgetBytes());
    } catch (error) {
      options.log('warn', `Saved pictures could not be tidied: ${message(error)}`);
    }
    progress = { saved: 0, total: 0 };
    report();
  };

  /** One round at a time; pages handed over while a round tidies up start the next. */
  const startRound = () => {
    round ??= runRound().finally(() => {
      round = null;
      if (inbox.length > 0) startRound();
    });
  };

  return {
    /** Hands over the pictures of stored items; they are looked at and saved once no sync is running. */
    enqueue(jobs: readonly PictureJob[]): void {
      if (jobs.length === 0) return;
      inbox.push(...jobs);
      startRound();
    },
    /** Resolves when nothing is left to save (at once when nothing is queued). */
    async whenIdle(): Promise<void> {
      while (round !== null) await round;
    },
  };
};

export type PictureQueue = ReturnType<typeof createPictureQueue>;
