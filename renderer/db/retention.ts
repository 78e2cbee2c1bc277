// Retention: on the user's choice only, news dated before a cutoff is removed in the background, in
// small transactions, never a starred item, never the bundled sample, never while its feed syncs.
import { z } from 'zod';
import { assertNever } from '../../shared/assertNever';
import { newsItemKeyText, type NewsItemKey } from '../../shared/feed/newsItem';
import { sampleFeedKey } from '../../shared/feed/sampleFeed';
import { applyCountTally, createCountTally } from './feedCounts';
import type { FieldNewsDb, ItemRecord } from './fieldNewsDb';
import { syncLockName } from '../../shared/sync/syncLockName';

export const retentionChoices = ['everything', 'threeMonths', 'oneYear'] as const;
export type RetentionChoice = (typeof retentionChoices)[number];

/** The settings key of the choice. */
export const retentionSettingKey = 'retention';

/** The stored setting, or "everything" (the default: nothing is removed unless the user asks) when absent or unreadable. */
export const parseRetentionChoice = (value: unknown): RetentionChoice => {
  const parsed = z.enum(retentionChoices).safeParse(value);
  return parsed.success ? parsed.data : 'everything';
};

/** The sortDate before which news goes, or null when everything is kept. Calendar months, in UTC. */
export const retentionCutoff = (choice: RetentionChoice, now: Date): string | null => {
  const cutoff = new Date(now.getTime());
  switch (choice) {
    case 'everything':
      return null;
    case 'threeMonths':
      cutoff.setUTCMonth(cutoff.getUTCMonth() - 3);
      return cutoff.toISOString();
    case 'oneYear':
      cutoff.setUTCFullYear(cutoff.getUTCFullYear() - 1);
      return cutoff.toISOString();
    default:
      return assertNever(choice);
  }
};

/**
 * The lock a sync of one feed holds (renderer/workers/sync/syncRunner.ts takes the same name):
 * retention takes it too, so it never removes items a running sync of the feed is writing.
 */
export { syncLockName };

/** The part of the Web Locks API retention uses (navigator.locks). */
export interface RetentionLocks {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

/** Items per transaction: a sync page waiting for the store waits for one batch at most. */
export const retentionBatchSize = 200;

const removable = (item: ItemRecord | undefined, cutoff: string): item is ItemRecord => item !== undefined && !item.starred && item.sortDate < cutoff;

/** The feeds whose news retention may touch: never the bundled sample (kept for a first look, whatever its age). */
const protectedFeeds = async (db: FieldNewsDb): Promise<Set<string>> =>
  new Set([sampleFeedKey, ...(await db.feeds.toArray()).filter((feed) => feed.builtIn).map((feed) => feed.url)]);

/** Keys of the items older than the cutoff, by feed (keys only: the dates come from the index). */
const candidatesByFeed = async (db: FieldNewsDb, cutoff: string): Promise<Map<string, NewsItemKey[]>> => {
  const keep = await protectedFeeds(db);
  const byFeed = new Map<string, NewsItemKey[]>();
  for (const key of await db.items.where('sortDate').below(cutoff).primaryKeys()) {
    if (keep.has(key[0])) continue;
    const list = byFeed.get(key[0]) ?? [];
    list.push(key);
    byFeed.set(key[0], list);
  }
  return byFeed;
};

export interface RetentionEstimate {
  items: number;
  /** Roughly what the items take in the store (their text as stored), before indexes and compression. */
  bytes: number;
}

/** What a choice would remove, said before it is turned on. Reads the old items one by one, holding none. */
export const estimateRetention = async (db: FieldNewsDb, choice: RetentionChoice, now: Date): Promise<RetentionEstimate> => {
  const cutoff = retentionCutoff(choice, now);
  if (cutoff === null) return { items: 0, bytes: 0 };
  const keep = await protectedFeeds(db);
  const estimate: RetentionEstimate = { items: 0, bytes: 0 };
  await db.items
    .where('sortDate')
    .below(cutoff)
    .each((item) => {
      if (keep.has(item.feedUrl) || !removable(item, cutoff)) return;
      estimate.items += 1;
      estimate.bytes += JSON.stringify(item).length;
    });
  return estimate;
};

export interface RetentionRun {
  removed: number;
  /** Feeds left for the next run because a sync of theirs was running. */
  busyFeeds: string[];
}

/**
 * Removes the news older than the choice's cutoff, feed by feed under the feed's sync lock (a feed
 * that is syncing is left for the next run), in transactions of `batchSize` items that check each
 * item again (a sync may have changed it, the user starred it) and take it off its feed's counts.
 */
export const applyRetention = async (db: FieldNewsDb, choice: RetentionChoice, now: Date, locks: RetentionLocks, batchSize = retentionBatchSize): Promise<RetentionRun> => {
  const cutoff = retentionCutoff(choice, now);
  const run: RetentionRun = { removed: 0, busyFeeds: [] };
  if (cutoff === null) return run;
  for (const [feedUrl, keys] of await candidatesByFeed(db, cutoff)) {
    const done = await locks.request(syncLockName(feedUrl), { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      for (let start = 0; start < keys.length; start += batchSize) {
        const batch = keys.slice(start, start + batchSize);
        run.removed += await db.transaction('rw', db.items, db.feeds, db.articles, async () => {
          const gone = (await db.items.bulkGet(batch)).filter((item) => removable(item, cutoff));
          const tally = createCountTally();
          for (const item of gone) tally.record(item.feedUrl, item, undefined);
          await db.items.bulkDelete(gone.map((item): NewsItemKey => [item.feedUrl, item.id]));
          // An item's saved article goes with it.
          await db.articles.bulkDelete(gone.map((item) => newsItemKeyText(item)));
          await applyCountTally(db, tally);
          return gone.length;
        });
      }
      return true;
    });
    if (!done) run.busyFeeds.push(feedUrl);
  }
  return run;
};
