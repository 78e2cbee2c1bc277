// Runs retention in the background of the window: a while after start and then every hour, with the
// stored choice; never two runs at once. Each run logs what it removed (counts only, no news text).
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { applyRetention, parseRetentionChoice, retentionSettingKey, type RetentionLocks, type RetentionRun } from '../../db/retention';

export interface RetentionServiceOptions {
  db: FieldNewsDb;
  locks: RetentionLocks;
  now: () => Date;
  log: (line: string) => void;
  /** First run after start (the list paints first), then every `intervalMs`. */
  firstDelayMs: number;
  intervalMs: number;
}

/** One run with the stored choice: what the settings' "Apply now" and the timer both call. */
export const runRetentionOnce = async ({ db, locks, now, log }: Pick<RetentionServiceOptions, 'db' | 'locks' | 'now' | 'log'>): Promise<RetentionRun> => {
  const choice = parseRetentionChoice((await db.settings.get(retentionSettingKey))?.value);
  const run = await applyRetention(db, choice, now(), locks);
  if (run.removed > 0 || run.busyFeeds.length > 0) log(`retention (${choice}): ${run.removed} items removed, ${run.busyFeeds.length} feeds left for the next run (syncing)`);
  return run;
};

/** Starts the timer; returns the stop function. */
export const startRetention = (options: RetentionServiceOptions): (() => void) => {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runRetentionOnce(options)
      .catch((error: unknown) => options.log(`retention failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, options.firstDelayMs);
  const every = setInterval(tick, options.intervalMs);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
};
