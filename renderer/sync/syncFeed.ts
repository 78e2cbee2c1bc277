// Syncs one feed into the database: walks its pages, writes each page all-or-nothing, and records
// the result (or the failure and the back-off) on the feed. Runs in the sync worker, off the UI thread.
import { succeed } from '../../shared/result';
import { backoffAfterFailure } from '../../shared/sync/backoff';
import type { FeedDocumentRequest, FeedFetchResult } from '../../shared/sync/fetchFeedDocument';
import { walkFeedPages, type WalkSummary } from '../../shared/sync/walkFeedPages';
import type { FieldNewsDb } from '../db/fieldNewsDb';
import type { NewsRepository } from '../db/newsRepository';
import type { SyncOutcome, SyncProgress } from './syncOutcome';

export interface SyncFeedOptions {
  db: FieldNewsDb;
  repository: NewsRepository;
  feedUrl: string;
  fetchDocument: (request: FeedDocumentRequest) => Promise<FeedFetchResult>;
  maxPages: number;
  onProgress: (progress: SyncProgress) => void;
  now: () => Date;
  random: () => number;
}

export const syncFeed = async (options: SyncFeedOptions): Promise<SyncOutcome> => {
  const { db, repository, feedUrl } = options;
  const feed = await db.feeds.get(feedUrl);
  const outcome = (result: SyncOutcome['result'], extra: Partial<SyncOutcome> = {}): SyncOutcome => ({
    feedUrl,
    feedTitle: feed?.title ?? feedUrl,
    result,
    newItems: 0,
    updatedItems: 0,
    droppedItems: 0,
    error: null,
    nextAttemptAt: null,
    ...extra,
  });
  if (!feed || feed.builtIn) return outcome('removed');

  const source = { url: feed.url, title: feed.title, builtIn: false };
  const walk = await walkFeedPages({
    feedUrl,
    fetchDocument: options.fetchDocument,
    maxPages: options.maxPages,
    storedValidators: feed.pageValidators,
    storePage: async (page, validators) => {
      const stored = await repository.storeFeedPage(source, page, validators);
      return succeed({ newItems: stored.added, updatedItems: stored.updated });
    },
    onProgress: (progress) => options.onProgress({ ...progress, feedUrl, feedTitle: feed.title }),
    now: options.now,
  });

  const counts = (summary: WalkSummary) => ({
    newItems: summary.newItems,
    updatedItems: summary.updatedItems,
    droppedItems: Object.values(summary.droppedItems).reduce((total: number, count: number) => total + count, 0),
    feedTitle: summary.feedTitle ?? feed.title,
  });

  if (walk.ok) {
    await repository.recordSyncSuccess(feedUrl);
    const notModified = walk.value.pagesStored === 0;
    return outcome(notModified ? 'not-modified' : 'synced', counts(walk.value));
  }

  const gone = walk.reason === 'gone';
  const backoff = gone ? { failures: feed.failures + 1, nextAttemptAt: null } : backoffAfterFailure(feed, options.now().getTime(), options.random);
  // A feed that no longer exists on the server is not polled again; its stored items stay.
  await repository.recordSyncFailure(feedUrl, { error: walk.error, gone, ...backoff });
  return outcome(gone ? 'gone' : 'failed', { ...counts(walk.summary), error: walk.error, nextAttemptAt: backoff.nextAttemptAt });
};
