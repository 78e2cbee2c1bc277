// What a sync with an aggregator asks for, decided from what the last one saw, so that a sync with
// nothing new costs a few small answers: the unread counts say whether any item arrived (its newest
// crawl time) and which feeds' unread items changed (count or newest item); only those feeds' unread
// ids are asked for. A full check of every feed once a day catches what counts cannot show (one item
// read elsewhere and another marked unread in the same feed between two syncs).
import type { ReaderUnreadCount } from './readerAnswers';

export const fullCheckEveryMs = 24 * 60 * 60 * 1000;
/** The subscription list is asked again when the counts name other feeds, and at least this often (renames elsewhere). */
export const subscriptionsEveryMs = 6 * 60 * 60 * 1000;

/** What an account's last sync saw, kept on its record. */
export interface AccountSyncMark {
  /** The newest crawl time (µs, as text) of the items stored so far, or null before the first sync finished. */
  crawledThroughUsec: string | null;
  /** Each feed's "unread count:newest item" at the last sync. */
  feedFingerprints: Record<string, string>;
  fullCheckAt: number | null;
  subscriptionsAt: number | null;
}

export const emptySyncMark: AccountSyncMark = { crawledThroughUsec: null, feedFingerprints: {}, fullCheckAt: null, subscriptionsAt: null };

const usec = (text: string | number | undefined): bigint => {
  const value = String(text ?? '0');
  return /^\d{1,20}$/.test(value) ? BigInt(value) : 0n;
};

/** The later of two crawl times (µs as text). */
export const laterCrawl = (left: string | null, right: string | null): string | null => {
  if (left === null) return right;
  if (right === null) return left;
  return usec(left) >= usec(right) ? left : right;
};

/**
 * The `ot` of the new-items request: a second before the newest stored crawl time, as the API counts
 * in whole seconds; the few items of that second come again and are skipped as already stored.
 * Null on the first sync: the whole reading list.
 */
export const sinceOf = (mark: AccountSyncMark): number | null =>
  mark.crawledThroughUsec === null ? null : Math.max(0, Number(usec(mark.crawledThroughUsec) / 1_000_000n) - 1);

/** Each feed's fingerprint in the counts (labels and the reading list left out). */
export const fingerprintsOf = (counts: readonly ReaderUnreadCount[]): Record<string, string> => {
  const prints: Record<string, string> = {};
  for (const count of counts) if (count.id.startsWith('feed/')) prints[count.id] = `${count.count}:${String(usec(count.newestItemTimestampUsec))}`;
  return prints;
};

/** True when the server has no item newer than those stored. */
export const nothingNewSince = (mark: AccountSyncMark, counts: readonly ReaderUnreadCount[]): boolean => {
  if (mark.crawledThroughUsec === null) return false;
  const newest = counts.reduce((latest, count) => (usec(count.newestItemTimestampUsec) > latest ? usec(count.newestItemTimestampUsec) : latest), 0n);
  return newest <= usec(mark.crawledThroughUsec);
};

export const fullCheckDue = (mark: AccountSyncMark, nowMs: number): boolean => mark.fullCheckAt === null || nowMs - mark.fullCheckAt >= fullCheckEveryMs;

/** The feeds whose unread items to ask for: every feed on a full check, else those whose fingerprint moved or that the laptop just edited. */
export const feedsToCheck = (mark: AccountSyncMark, now: Record<string, string>, full: boolean, edited: ReadonlySet<string>): string[] =>
  Object.keys(now).filter((feedId) => full || edited.has(feedId) || mark.feedFingerprints[feedId] !== now[feedId]);

/** True when the subscription list is to be asked: first sync, feeds came or went, or it is old. */
export const subscriptionsDue = (mark: AccountSyncMark, now: Record<string, string>, knownFeedIds: ReadonlySet<string>, nowMs: number): boolean => {
  if (mark.subscriptionsAt === null || nowMs - mark.subscriptionsAt >= subscriptionsEveryMs) return true;
  const current = Object.keys(now);
  return current.length !== knownFeedIds.size || current.some((feedId) => !knownFeedIds.has(feedId));
};

