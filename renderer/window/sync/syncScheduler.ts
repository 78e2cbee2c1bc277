// Decides when feeds sync: on demand ("Sync now", which also lifts the back-off), and automatically
// (start-up, the link coming back, waking from sleep, a timer) for feeds whose back-off allows it.
// Never while offline, and never two runs at once in this window (the worker's lock covers other windows).
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { SyncClient } from './syncClient';
import type { SyncOutcome, SyncProgress } from '../../threads/syncOutcome';

export interface SyncRunState {
  running: boolean;
  progress: SyncProgress | null;
  lastRun: { finishedAt: number; outcomes: SyncOutcome[] } | null;
  /** Which feed of the run is syncing (1-based) and how many the run has: a 500-feed import says where it is. */
  queue: { position: number; total: number } | null;
}

export interface SyncSchedulerOptions {
  db: FieldNewsDb;
  /** The syncs it runs: of the client, only these two. */
  client: Pick<SyncClient, 'syncFeed' | 'syncAccount'>;
  isOnline: () => boolean;
  now: () => number;
  maxPages: number;
  onState: (state: SyncRunState) => void;
}

/** A run: every account and feed, or one feed (`feedUrl`), or one aggregator account (`accountId`). */
export type SyncRequest = { manual: boolean; feedUrl?: string; accountId?: string };

export const createSyncScheduler = ({ db, client, isOnline, now, maxPages, onState }: SyncSchedulerOptions) => {
  let state: SyncRunState = { running: false, progress: null, lastRun: null, queue: null };
  let queued: SyncRequest | null = null;
  const publish = (next: SyncRunState) => {
    state = next;
    onState(state);
  };

  const feedsToSync = async ({ manual, feedUrl, accountId }: SyncRequest) => {
    if (accountId !== undefined) return [];
    const feeds = await db.feeds.toArray();
    return feeds.filter(
      (feed) =>
        !feed.builtIn &&
        !feed.gone &&
        // An account's feeds come with the account's sync, from its server.
        feed.account === undefined &&
        (feedUrl === undefined || feed.url === feedUrl) &&
        (manual || feed.nextAttemptAt === null || now() >= feed.nextAttemptAt),
    );
  };

  const run = async (request: SyncRequest): Promise<'offline' | 'queued' | 'done'> => {
    if (!isOnline()) return 'offline';
    if (state.running) {
      // A request made during a run is kept (a manual one wins) and runs right after it.
      queued = queued?.manual ? queued : request;
      return 'queued';
    }
    publish({ ...state, running: true, progress: null, queue: null });
    const outcomes: SyncOutcome[] = [];
    try {
      // The team's aggregators first (one download for many feeds), then one feed after another:
      // an import of hundreds of feeds never opens hundreds of downloads.
      const accounts = request.feedUrl === undefined ? (await db.accounts.toArray()).filter((account) => request.accountId === undefined || account.id === request.accountId) : [];
      const feeds = await feedsToSync(request);
      const total = accounts.length + feeds.length;
      for (const [index, account] of accounts.entries()) {
        if (!isOnline()) break;
        publish({ ...state, progress: null, queue: { position: index + 1, total } });
        outcomes.push(await client.syncAccount(account.id, (progress) => publish({ ...state, progress })));
      }
      for (const [index, feed] of feeds.entries()) {
        if (!isOnline()) break;
        publish({ ...state, progress: null, queue: { position: accounts.length + index + 1, total } });
        const outcome = await client.syncFeed(feed.url, { maxPages, manual: request.manual }, (progress) => publish({ ...state, progress }));
        outcomes.push(outcome);
        // A full disk refuses every feed alike: stop, and let the status say so once.
        if (outcome.failureReason === 'disk-full') break;
      }
    } finally {
      publish({ running: false, progress: null, lastRun: { finishedAt: now(), outcomes }, queue: null });
    }
    const next = queued;
    queued = null;
    if (next) await run(next);
    return 'done';
  };

  return { run, current: () => state };
};

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
