// The words of the status line: what sync is doing, what it last did, or why it could not.
import { errorMessages } from '../../shared/errorMessages';
import type { SyncRunState } from './syncScheduler';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const timeAgo = (thenMs: number, nowMs: number): string => {
  const minutes = Math.floor((nowMs - thenMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.floor(hours / 24), 'day')} ago`;
};

export const timeUntil = (thenMs: number, nowMs: number): string => {
  const minutes = Math.max(1, Math.ceil((thenMs - nowMs) / 60_000));
  return minutes < 60 ? plural(minutes, 'minute') : plural(Math.ceil(minutes / 60), 'hour');
};

/** An error sentence turned into a clause: "The server answered 503 (…)." → "the server answered 503 (…)". */
const asClause = (error: string) => error.replace(/\.$/, '').replace(/^The /, 'the ');

export interface StatusFacts {
  online: boolean;
  sync: SyncRunState;
  savedCount: number | undefined;
  nowMs: number;
}

export const syncStatusText = ({ online, sync, savedCount, nowMs }: StatusFacts): string => {
  const saved = savedCount === undefined ? null : `${plural(savedCount, 'news item')} saved`;
  if (!online) return [errorMessages.syncOffline, saved].filter(Boolean).join(' · ');
  if (sync.running) {
    const { progress, queue } = sync;
    const ofMany = queue !== null && queue.total > 1 ? ` (feed ${queue.position} of ${queue.total})` : '';
    if (progress) return `Syncing ${progress.feedTitle}${ofMany}… page ${progress.pageNumber}, ${progress.totalNew} new`;
    return ofMany ? `Syncing${ofMany}…` : 'Syncing…';
  }
  const outcomes = sync.lastRun?.outcomes ?? [];
  const failures = outcomes.filter((outcome) => outcome.result === 'failed' || outcome.result === 'gone');
  // A full disk is no feed's fault, and what to do about it is the same for all: say it alone.
  if (sync.lastRun && failures.some((failure) => failure.failureReason === 'disk-full')) return errorMessages.diskFull;
  if (sync.lastRun && failures.length > 0) {
    return failures
      .map((failure) => {
        const retry = failure.nextAttemptAt !== null ? `; next try in ${timeUntil(failure.nextAttemptAt, nowMs)}` : '';
        return `${failure.feedTitle}: ${asClause(failure.error ?? 'the sync failed')}${retry}`;
      })
      .join(' · ');
  }
  if (sync.lastRun && outcomes.length > 0) {
    const newItems = outcomes.reduce((total, outcome) => total + outcome.newItems, 0);
    return [`Updated ${timeAgo(sync.lastRun.finishedAt, nowMs)}`, `${newItems} new`, saved].filter(Boolean).join(' · ');
  }
  return ['Online', saved].filter(Boolean).join(' · ');
};
