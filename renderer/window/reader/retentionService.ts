// Runs retention in the background of the window: a while after start and then every hour, with the
// stored choice; never two runs at once, and never while a feed syncs (a run waits for the syncs to
// end, and leaves its turn to the next run if they outlast the wait). Each run logs what it removed
// (counts only, no news text).
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { applyRetention, parseRetentionChoice, retentionSettingKey, type RetentionLocks, type RetentionRun } from '../../db/retention';
import { syncingLocksHeld, waitWhileSyncing, type LockQuery } from '../../threads/waitWhileSyncing';

export interface RetentionServiceOptions {
  db: FieldNewsDb;
  /** navigator.locks: each feed's sync lock, and the query of the locks held. */
  locks: RetentionLocks & LockQuery;
  now: () => Date;
  log: (line: string) => void;
  /** First run after start (the list paints first), then every `intervalMs`. */
  firstDelayMs: number;
  intervalMs: number;
  /** How long a run waits for running syncs to end; if one still runs then, the run is left for the next. */
  syncWaitMs: number;
}

/** How often a waiting run looks again at the syncs' locks. */
const syncPollMs = 5_000;

/** One run with the stored choice: what the settings' "Apply now" and the timer both call. */
export const runRetentionOnce = async ({ db, locks, now, log }: Pick<RetentionServiceOptions, 'db' | 'now' | 'log'> & { locks: RetentionLocks }): Promise<RetentionRun> => {
  const choice = parseRetentionChoice((await db.settings.get(retentionSettingKey))?.value);
  const run = await applyRetention(db, choice, now(), locks);
  if (run.removed > 0 || run.busyFeeds.length > 0) log(`retention (${choice}): ${run.removed} items removed, ${run.busyFeeds.length} feeds left for the next run (syncing)`);
  return run;
};

/** A timed run: once no feed syncs (at most `syncWaitMs` of waiting), else none; null when it was left for the next or stopped. */
const runWhenNoSync = async (options: RetentionServiceOptions, stopped: () => boolean): Promise<RetentionRun | null> => {
  // The wait is measured in the timer's own time, so that it ends even while the clock of the news stands still.
  let waitedMs = 0;
  const sleep = async (ms: number) => {
    await new Promise((done) => setTimeout(done, ms));
    waitedMs += ms;
  };
  await waitWhileSyncing({ locks: options.locks, pollMs: syncPollMs, maxWaitMs: options.syncWaitMs, now: () => waitedMs, sleep });
  if (stopped()) return null;
  if (await syncingLocksHeld(options.locks)) {
    options.log('retention: a sync is still running; left for the next run');
    return null;
  }
  return runRetentionOnce(options);
};

/** Starts the timer; returns the stop function. */
export const startRetention = (options: RetentionServiceOptions): (() => void) => {
  let running = false;
  let stopped = false;
  const tick = () => {
    if (running) return;
    running = true;
    runWhenNoSync(options, () => stopped)
      .catch((error: unknown) => options.log(`retention failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, options.firstDelayMs);
  const every = setInterval(tick, options.intervalMs);
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
};
