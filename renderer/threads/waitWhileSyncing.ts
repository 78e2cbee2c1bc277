// Lets background work on the items table (place tagging) step aside while a feed syncs: each of
// its write transactions would otherwise queue between two pages of the sync (IndexedDB runs
// overlapping read-write transactions one at a time), and a large first sync would take twice as long.
import { isSyncLockName } from '../../shared/sync/syncLockName';

/** The part of the Web Locks API this reads (navigator.locks, in a window or a worker). */
export interface LockQuery {
  query(): Promise<{ held?: { name?: string }[] }>;
}

export interface WaitWhileSyncingOptions {
  locks: LockQuery;
  /** How often to look again while a sync runs. */
  pollMs: number;
  /** The longest wait: a queue of many feeds never keeps new items out of the search for longer. */
  maxWaitMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const syncingLocksHeld = async (locks: LockQuery): Promise<boolean> => (await locks.query()).held?.some((lock) => isSyncLockName(lock.name)) ?? false;

/** Resolves when no feed is syncing, or after `maxWaitMs`; true when it waited at all. */
export const waitWhileSyncing = async ({ locks, pollMs, maxWaitMs, now, sleep }: WaitWhileSyncingOptions): Promise<boolean> => {
  const started = now();
  let waited = false;
  while (now() - started < maxWaitMs && (await syncingLocksHeld(locks))) {
    waited = true;
    await sleep(pollMs);
  }
  return waited;
};

/** `waitWhileSyncing` on this window's or worker's own Web Locks; where there are none, at once. */
export const stepAsideForSyncs = async (maxWaitMs: number): Promise<boolean> =>
  typeof navigator !== 'undefined' && 'locks' in navigator
    ? waitWhileSyncing({ locks: navigator.locks, pollMs: 250, maxWaitMs, now: Date.now, sleep: (ms) => new Promise((done) => setTimeout(done, ms)) })
    : false;
