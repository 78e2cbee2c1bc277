// The words of the status line: what sync is doing, what it last did, or why it could not, in the
// interface language (whole sentences from the catalog; times through Intl.RelativeTimeFormat).
import type { IntlShape } from '@formatjs/intl';
import { errorMessages } from '../../../shared/errorMessages';
import type { SyncRunState } from './syncScheduler';
import { formatStoredMessage } from '../../../shared/i18n/formatMessages';

type Intl = Pick<IntlShape<string>, 'formatMessage' | 'formatRelativeTime'>;

/** "2 minutes ago", "hace 2 minutos"; under a minute, "just now". */
export const timeAgo = (intl: Intl, thenMs: number, nowMs: number): string => {
  const minutes = Math.floor((nowMs - thenMs) / 60_000);
  if (minutes < 1) return intl.formatMessage({ id: 'time.justNow' });
  if (minutes < 60) return intl.formatRelativeTime(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return intl.formatRelativeTime(-hours, 'hour');
  return intl.formatRelativeTime(-Math.floor(hours / 24), 'day');
};

/** "in 4 minutes", "dentro de 4 minutos": never less than a minute. */
export const timeUntil = (intl: Intl, thenMs: number, nowMs: number): string => {
  const minutes = Math.max(1, Math.ceil((thenMs - nowMs) / 60_000));
  return minutes < 60 ? intl.formatRelativeTime(minutes, 'minute') : intl.formatRelativeTime(Math.ceil(minutes / 60), 'hour');
};

export interface StatusFacts {
  online: boolean;
  sync: SyncRunState;
  savedCount: number | undefined;
  nowMs: number;
}

export const syncStatusText = (intl: Intl, { online, sync, savedCount, nowMs }: StatusFacts): string => {
  const withSaved = (first: string) =>
    savedCount === undefined
      ? first
      : intl.formatMessage({ id: 'status.separator' }, { first, second: intl.formatMessage({ id: 'status.saved' }, { count: savedCount }) });
  if (!online) return withSaved(intl.formatMessage({ id: 'status.offline' }));
  if (sync.running) {
    const { progress, queue } = sync;
    const many = queue !== null && queue.total > 1;
    if (progress) {
      const facts = { feed: progress.feedTitle, page: progress.pageNumber, fresh: progress.totalNew };
      return many
        ? intl.formatMessage({ id: 'status.syncingFeedQueue' }, { ...facts, position: queue.position, total: queue.total })
        : intl.formatMessage({ id: 'status.syncingFeed' }, facts);
    }
    return many ? intl.formatMessage({ id: 'status.syncingQueue' }, { position: queue.position, total: queue.total }) : intl.formatMessage({ id: 'status.syncing' });
  }
  const outcomes = sync.lastRun?.outcomes ?? [];
  const failures = outcomes.filter((outcome) => outcome.result === 'failed' || outcome.result === 'gone');
  // A full disk is no feed's fault, and what to do about it is the same for all: say it alone, in
  // its own words (stopped before writing, or a write that failed: renderer/workers/sync/syncFeed.ts).
  const diskFull = failures.find((failure) => failure.failureReason === 'disk-full');
  if (sync.lastRun && diskFull) return formatStoredMessage(intl, diskFull.error ?? errorMessages.diskFull);
  if (sync.lastRun && failures.length > 0) {
    return failures
      .map((failure) => {
        const facts = { feed: failure.feedTitle, error: failure.error === null ? intl.formatMessage({ id: 'status.failedUnknown' }) : formatStoredMessage(intl, failure.error) };
        return failure.nextAttemptAt !== null
          ? intl.formatMessage({ id: 'status.failedRetry' }, { ...facts, wait: timeUntil(intl, failure.nextAttemptAt, nowMs) })
          : intl.formatMessage({ id: 'status.failed' }, facts);
      })
      .reduce((first, second) => intl.formatMessage({ id: 'status.separator' }, { first, second }));
  }
  const accounts = outcomes.filter((outcome) => outcome.account !== undefined && outcome.result === 'synced');
  if (sync.lastRun && accounts.length > 0) {
    // "Synced with FreshRSS · 42 new · 3 read elsewhere": the account's news and the feeds' together.
    const fresh = outcomes.reduce((total, outcome) => total + outcome.newItems, 0);
    const readElsewhere = accounts.reduce((total, outcome) => total + (outcome.account?.readElsewhere ?? 0), 0);
    const service = accounts.map((outcome) => outcome.account?.service ?? outcome.feedTitle).join(', ');
    return withSaved(intl.formatMessage({ id: 'status.syncedWithAccount' }, { service, fresh, readElsewhere }));
  }
  if (sync.lastRun && outcomes.length > 0) {
    const newItems = outcomes.reduce((total, outcome) => total + outcome.newItems, 0);
    const updated = intl.formatMessage({ id: 'status.updated' }, { ago: timeAgo(intl, sync.lastRun.finishedAt, nowMs) });
    return withSaved(intl.formatMessage({ id: 'status.separator' }, { first: updated, second: intl.formatMessage({ id: 'status.newCount' }, { count: newItems }) }));
  }
  return withSaved(intl.formatMessage({ id: 'status.online' }));
};
