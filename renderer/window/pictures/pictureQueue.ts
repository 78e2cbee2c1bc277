// Saves the pictures that stored items name, once no item sync is running (each step first waits for
// the syncs to finish, so pictures never compete with them for the CPU, the network or the database):
// a few downloads at a time, each picture once (items naming a saved picture just join it), stored in
// batches, with a back-off per host so a failing server costs one try, and a refusal (too large, not a
// picture) never tried again this session. Nothing here can fail the item sync: every failure is a logged value.
import type { PictureFetchResult, PictureRequest } from '../../../shared/pictures/fetchPicture';
import type { ItemPictures } from '../../../shared/pictures/pictureUrls';
import type { PictureRepository } from '../../db/pictureRepository';
import { createPictureFailures, failureText, type PictureFailures } from './pictureFailures';
import type { ShrinkPicture } from './pictureResizer';
import { createPictureWrites, type PictureProgress, type PictureWrites } from './pictureWrites';
import { createPictureSaver, type PendingPicture, type SavePicture } from './savePicture';

export type { PictureProgress } from './pictureWrites';

/** The pictures of one stored item to save, its own first, already chosen under the setting. */
export type PictureJob = ItemPictures;

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

/** What a round works with: the queue's parts, built once and kept from round to round. */
interface RoundParts {
  options: PictureQueueOptions;
  /** Pages handed over by the sync, looked at only once the syncs are quiet. */
  inbox: PictureJob[];
  /** Addresses waiting or downloading, with the items that name them and the feed that named them first. */
  pending: Map<string, PendingPicture>;
  waiting: string[];
  failures: PictureFailures;
  writes: PictureWrites;
  saveOne: SavePicture;
}

/** Takes the pages handed over so far: saved pictures only gain their items, the rest wait for a download. */
const admit = async ({ options, pending, waiting, failures, writes }: RoundParts, jobs: readonly PictureJob[]): Promise<void> => {
  const uses = jobs.flatMap((job) => job.urls.filter((url) => !failures.isRefused(url)).map((url) => ({ url, itemKey: job.itemKey, feedUrl: job.feedUrl })));
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
  if (added > 0) writes.counted(added);
};

/** One of `concurrency` lanes: takes waiting pictures one by one until none is left. */
const lane = async ({ options, pending, waiting, failures, writes, saveOne }: RoundParts): Promise<void> => {
  for (;;) {
    await options.whenSyncsQuiet();
    const url = waiting.shift();
    if (url === undefined) return;
    const job = pending.get(url);
    let readied = false;
    try {
      if (job !== undefined) readied = await saveOne(url, job);
    } catch (error) {
      failures.failed(url, 'not-saved', failureText(error));
    } finally {
      pending.delete(url);
      // A picture ready to write counts when it is written; a failure counts now.
      if (!readied) writes.advance(1);
    }
  }
};

/** Saves everything handed over until the inbox stays empty, then keeps the saved pictures within the budget. */
const runRound = async (parts: RoundParts): Promise<void> => {
  const { options, inbox, writes } = parts;
  while (inbox.length > 0) {
    await options.whenSyncsQuiet();
    try {
      await admit(parts, inbox.splice(0));
    } catch (error) {
      // Storage refused even the lookups: these pictures stay unsaved, and the news is untouched.
      options.log('warn', `Pictures could not be queued: ${failureText(error)}`);
    }
    await Promise.all(Array.from({ length: options.concurrency }, () => lane(parts)));
    await writes.flush();
  }
  try {
    await options.repository.releaseUnusedPictures();
    await options.repository.keepWithinBudget(await options.budgetBytes());
  } catch (error) {
    options.log('warn', `Saved pictures could not be tidied: ${failureText(error)}`);
  }
  writes.ended();
};

export const createPictureQueue = (options: PictureQueueOptions) => {
  const waiting: string[] = [];
  const failures = createPictureFailures(options);
  const writes = createPictureWrites(options, failures.failed);
  const saveOne = createPictureSaver(options, failures, writes, () => waiting.length);
  const parts: RoundParts = { options, inbox: [], pending: new Map(), waiting, failures, writes, saveOne };
  let round: Promise<void> | null = null;

  /** One round at a time; pages handed over while a round tidies up start the next. */
  const startRound = () => {
    round ??= runRound(parts).finally(() => {
      round = null;
      if (parts.inbox.length > 0) startRound();
    });
  };

  return {
    /** Hands over the pictures of stored items; they are looked at and saved once no sync is running. */
    enqueue(jobs: readonly PictureJob[]): void {
      if (jobs.length === 0) return;
      parts.inbox.push(...jobs);
      startRound();
    },
    /** Resolves when nothing is left to save (at once when nothing is queued). */
    async whenIdle(): Promise<void> {
      while (round !== null) await round;
    },
  };
};

export type PictureQueue = ReturnType<typeof createPictureQueue>;
