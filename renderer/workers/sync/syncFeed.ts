// Syncs one feed into the database: walks its pages, writes each page all-or-nothing, and records
// the result (or the failure and the back-off) on the feed. Runs in the sync worker, off the UI thread.
import { errorMessages } from '../../../shared/errorMessages';
import type { FeedPage } from '../../../shared/feed/feedItem';
import { prepareFeedItems } from '../../../shared/feed/newsItem';
import { picturesOfPage, type ItemPictures } from '../../../shared/pictures/pictureUrls';
import { articleCandidatesOf, type ArticleCandidate } from '../../../shared/articles/articleCandidates';
import { parseFullArticles } from '../../../shared/articles/articleRecord';
import { backoffAfterFailure, initialBackoff } from '../../../shared/sync/backoff';
import type { FeedDocumentRequest, FeedFetchResult } from '../../../shared/sync/fetchFeedDocument';
import { walkFeedPages, type StorePageResult, type WalkFeedOptions, type WalkSummary } from '../../../shared/sync/walkFeedPages';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { NewsRepository } from '../../db/newsRepository';
import { workerLog } from '../../log/workerLog';
import { describeThrown } from '../../../shared/describeThrown';
import { estimatePageBytes, type DiskSpaceGuard } from './diskSpaceGuard';
import { pageWriteFailure } from './pageWriteFailure';
import { quietOutcome, type SyncOutcome, type SyncProgress } from '../../threads/syncOutcome';

export interface SyncFeedOptions {
  db: FieldNewsDb;
  repository: NewsRepository;
  feedUrl: string;
  fetchDocument: (request: FeedDocumentRequest) => Promise<FeedFetchResult>;
  maxPages: number;
  onProgress: (progress: SyncProgress) => void;
  now: () => Date;
  random: () => number;
  /** A sync the user asked for ("Sync now", a feed just added): its failure starts the back-off over. */
  manual: boolean;
  /** Told the pictures of each page once it is stored; they are saved beside the sync, never in its way. */
  onPicturesNamed?: (pictures: ItemPictures[]) => void;
  /** Told the articles to save of each stored page (under the feed's *Full articles* choice); queued beside the sync, never in its way. */
  onArticlesWanted?: (candidates: ArticleCandidate[]) => void;
  /** Asked before each page is written: on a nearly full disk the walk stops before writing. */
  diskSpace: DiskSpaceGuard;
  /** Reads the downloaded pages (the sync worker's parse worker); default: on this thread. */
  parseDocument?: WalkFeedOptions['parseDocument'];
  /**
   * Called once the first page with new items is stored; the next page's write waits for what it
   * returns (the sync worker: `firstRowsPause`). So the window's read of the first rows, asked for
   * once that write is done, does not queue behind the next pages' writes. Default: no wait.
   */
  afterFirstRows?: () => Promise<void>;
}

/**
 * A feed's first new items reach the list only when the window reads them, and IndexedDB queues that
 * read behind the writes begun before it. With the next two pages read ahead, their writes followed the
 * first at once: in bench:sync on a 2-core machine page 1 was stored about 500 ms after *Add feed* and
 * its items showed at about 900 ms, then at 456 and 526 ms with this pause (issue 24). A short pause
 * lets the read in first, once a sync.
 */
export const firstRowsPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

/** The hold after a sync's first new rows: `beforeWrite` waits for what `afterFirstRows` returned, once. */
const firstRowsHold = (afterFirstRows: (() => Promise<void>) | undefined) => {
  let pending: Promise<void> | null = null;
  let stored = false;
  return {
    beforeWrite: async () => {
      const waiting = pending;
      pending = null;
      if (waiting !== null) await waiting;
    },
    afterWrite: (added: number) => {
      if (stored || added === 0) return;
      stored = true;
      pending = afterFirstRows?.() ?? null;
    },
  };
};

/** What a page asks for besides its write: its size for the disk check, the pictures it names and the articles it wants. */
interface PageExtras {
  bytes: number;
  pictures: ItemPictures[];
  articles: ArticleCandidate[];
}

export const syncFeed = async (options: SyncFeedOptions): Promise<SyncOutcome> => {
  const { db, repository, feedUrl } = options;
  const feed = await db.feeds.get(feedUrl);
  const outcome = (result: SyncOutcome['result'], extra: Partial<SyncOutcome> = {}): SyncOutcome =>
    quietOutcome(feedUrl, result, { feedTitle: feed?.title ?? feedUrl, ...extra });
  if (!feed || feed.builtIn) return outcome('removed');
  // Stopped by the disk check: nothing was written, and nothing is (not even the back-off), so the
  // feed's resume point stands and the next sync after the user frees space goes on from there.
  const diskTooFull = (extra: Partial<SyncOutcome> = {}) =>
    outcome('failed', { ...extra, error: errorMessages.diskFullBeforeWriting, failureReason: 'disk-full' });
  // No download either when there is no room for its answer (field links are often metered).
  if (!(await options.diskSpace.hasRoomFor(0))) return diskTooFull();

  const source = { url: feed.url, title: feed.title, builtIn: false };
  const fullArticles = parseFullArticles(feed.fullArticles);
  // Worked out for a page read ahead while the page before it is written (preparePage), not
  // between two writes: there they held up every page of a large sync by tens of milliseconds.
  const extrasOfPage = new WeakMap<FeedPage, PageExtras>();
  const extrasOf = (page: FeedPage): PageExtras => {
    const known = extrasOfPage.get(page);
    if (known !== undefined) return known;
    const extras: PageExtras = {
      bytes: estimatePageBytes(page.items),
      pictures: options.onPicturesNamed === undefined ? [] : picturesOfPage(feedUrl, page.items),
      articles: options.onArticlesWanted === undefined ? [] : articleCandidatesOf(feedUrl, page.items, fullArticles),
    };
    extrasOfPage.set(page, extras);
    return extras;
  };
  let feedTitle = feed.title;
  let stoppedBeforeWriting = false;
  const firstRows = firstRowsHold(options.afterFirstRows);
  const walk = await walkFeedPages({
    feedUrl,
    fetchDocument: options.fetchDocument,
    maxPages: options.maxPages,
    storedValidators: feed.pageValidators,
    resumeFrom: feed.walkResume,
    storePage: async (page, validators, resume): Promise<StorePageResult> => {
      await firstRows.beforeWrite();
      const extras = extrasOf(page);
      if (!(await options.diskSpace.hasRoomFor(extras.bytes))) {
        stoppedBeforeWriting = true;
        return { ok: false, reason: 'disk-full', error: errorMessages.diskFullBeforeWriting };
      }
      // A feed just added is known by its address until its first page names it.
      if (validators.pageUrl === feedUrl && page.title) feedTitle = page.title;
      try {
        const stored = await repository.storeFeedPage(source, page, validators, resume);
        firstRows.afterWrite(stored.added);
        if (extras.pictures.length > 0) options.onPicturesNamed?.(extras.pictures);
        if (extras.articles.length > 0) options.onArticlesWanted?.(extras.articles);
        return { ok: true, value: { newItems: stored.added, updatedItems: stored.updated } };
      } catch (error) {
        // The page's transaction was aborted, so nothing of it was stored; what came before is said
        // by what failed (a full disk, the browser's storage, or the page).
        return { ok: false, ...pageWriteFailure(error), cause: describeThrown(error) };
      }
    },
    onProgress: (progress) => options.onProgress({ ...progress, feedUrl, feedTitle }),
    preparePage: (page) => {
      prepareFeedItems(page.items);
      extrasOf(page);
    },
    ...(options.parseDocument === undefined ? {} : { parseDocument: options.parseDocument }),
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

  if (stoppedBeforeWriting) return diskTooFull(counts(walk.summary));
  const gone = walk.reason === 'gone';
  const previous = options.manual ? initialBackoff : feed;
  const backoff = gone ? { failures: previous.failures + 1, nextAttemptAt: null } : backoffAfterFailure(previous, options.now().getTime(), options.random);
  // A feed that no longer exists on the server is not polled again; its stored items stay.
  try {
    await repository.recordSyncFailure(feedUrl, { error: walk.error, gone, ...backoff });
  } catch (error) {
    // On a full disk even this small write fails (Chromium aborts it with a bare AbortError): the
    // outcome below still says what happened, and the feed's stored state (items, validators,
    // resume point) is as the last stored page left it. Only the back-off is not recorded.
    workerLog.warn('sync', 'The sync failure could not be recorded', error);
  }
  return outcome(gone ? 'gone' : 'failed', { ...counts(walk.summary), error: walk.error, failureReason: walk.reason, nextAttemptAt: backoff.nextAttemptAt, cause: walk.cause ?? null });
};
