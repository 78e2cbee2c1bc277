// Walks one feed from its address through `next_url`, page by page: download, parse, hand the page
// to the caller's all-or-nothing store, report progress. The first failure stops the walk; what
// earlier pages stored stands, and the next walk resumes after it. Pure orchestration: fetching,
// storing and the clock are injected. Which page comes next is walkPosition.ts; reading ahead, pageReader.ts.
import type { FeedPage } from '../feed/feedItem';
import type { ParsedFeedDocument } from '../feed/parseFeedDocument';
import type { Result } from '../result';
import { errorMessages } from '../errorMessages';
import { describeThrown } from '../describeThrown';
import type { FeedDocument, FeedFetchResult, FeedDocumentRequest, FetchFailureReason } from './fetchFeedDocument';
import type { DocumentValidators } from './fetchPolicy';
import { createPageReader, readAheadPages, type DocumentToParse, type FollowingPage, type PageReader } from './pageReader';
import { afterFailedDownload, afterUnchangedPage, ended, startOfWalk, stopped, validatorsOf, type WalkPosition, type WalkStep } from './walkPosition';
import type { UserMessage } from '../i18n/userMessage';

export type { DocumentToParse };

/** What is stored with each page, written in the same transaction as the page's items. */
export interface PageValidators extends DocumentValidators {
  pageUrl: string;
  /** The page's `next_url` when it was stored, so a 304 on a later page can still go on. */
  nextUrl: string | null;
  /** ISO time of the download (injected clock). */
  storedAt: string;
}

/**
 * Where an interrupted multi-page walk got to, stored with each page in the same transaction, so the
 * next sync goes on from there even when the first page is unchanged. Cleared when a walk completes.
 */
export interface WalkResumePoint {
  /** The next page to fetch. */
  pageUrl: string;
  /** Its number in the walk (the feed's own address is 1). */
  pageNumber: number;
  /** ISO time the last page before it was stored. */
  savedAt: string;
}

export interface StoredCounts {
  newItems: number;
  updatedItems: number;
}

export interface WalkProgress {
  pageNumber: number;
  pageUrl: string;
  /** Counts for this page, as storePage returned them. */
  newItems: number;
  updatedItems: number;
  /** Counts for the walk so far. */
  totalNew: number;
  totalUpdated: number;
}

/** A page the store could not write; 'disk-full' when the computer's disk (or the browser's quota) is full. */
export interface StoreFailure {
  ok: false;
  reason: 'disk-full' | 'not-saved';
  error: UserMessage;
  /** What the store caught, for the log (see describeThrown); never item text. */
  cause?: string;
}

export type StorePageResult = { ok: true; value: StoredCounts } | StoreFailure;

export interface WalkFeedOptions {
  feedUrl: string;
  /** One download: `fetchFeedDocument` with a transport in web mode, the typed bridge in Electron. */
  fetchDocument: (request: FeedDocumentRequest) => Promise<FeedFetchResult>;
  maxPages: number;
  /** Validators stored for the feed's pages, keyed by page address. */
  storedValidators: Readonly<Record<string, PageValidators>>;
  /** Where the last walk stopped before its end (the feed's `walkResume`), or null. */
  resumeFrom: WalkResumePoint | null;
  /**
   * Writes one page's items, its validators and the walk's resume point all-or-nothing: a walk
   * killed after this page then resumes at `resume` (null when this page is the last).
   */
  storePage: (page: FeedPage, validators: PageValidators, resume: WalkResumePoint | null) => Promise<StorePageResult>;
  onProgress?: (progress: WalkProgress) => void;
  /** Work on a page read ahead, done while the page before it is written (the caller's own preparations). */
  preparePage?: (page: FeedPage) => void;
  /**
   * Reads a downloaded document (parseFeedDocument's contract: never fails, a reason instead).
   * Default: parseFeedDocument on this thread; the sync worker hands it to a worker of its own.
   */
  parseDocument?: (document: DocumentToParse) => Promise<Result<ParsedFeedDocument, UserMessage>>;
  now: () => Date;
}

export type WalkEnd = 'last-page' | 'not-modified' | 'unchanged' | 'page-cap' | 'repeated-next-url';

export interface WalkSummary {
  /** Title of the first page stored in this walk that named one, or null. */
  feedTitle: string | null;
  pagesStored: number;
  newItems: number;
  updatedItems: number;
  droppedItems: FeedPage['droppedItems'];
  /** Why the walk ended (on success) or where it was when it failed. */
  endedBy: WalkEnd | null;
  /**
   * The resume point to keep once the walk is over: null when it went to its end (every page seen),
   * else where the next walk should go on from. Pages stored it already; the caller records it too
   * for walks that ended without storing a page (a 304 all the way to the end, a resume page gone).
   */
  resumeAt: WalkResumePoint | null;
}

export type WalkFailureReason = FetchFailureReason | 'not-a-feed' | StoreFailure['reason'];

export interface WalkFailure {
  ok: false;
  error: UserMessage;
  reason: WalkFailureReason;
  status: number | null;
  /** The page that failed (1 is the feed's own address). */
  pageNumber: number;
  pageUrl: string;
  /** What earlier pages stored; it stands. */
  summary: WalkSummary;
  /**
   * Why, for the log rather than the reader: what a download or a store threw (see describeThrown),
   * or which parse failure it was. Absent when the message says it all (a 503, a 410).
   */
  cause?: string;
}

export type WalkResult = { ok: true; value: WalkSummary } | WalkFailure;

const countStoredPage = (summary: WalkSummary, page: FeedPage, counts: StoredCounts): void => {
  if (page.title !== '') summary.feedTitle ??= page.title;
  summary.pagesStored += 1;
  summary.newItems += counts.newItems;
  summary.updatedItems += counts.updatedItems;
  const dropped = page.droppedItems;
  summary.droppedItems.withoutId += dropped.withoutId;
  summary.droppedItems.withoutContent += dropped.withoutContent;
  summary.droppedItems.notAnObject += dropped.notAnObject;
  summary.droppedItems.repeatedId += dropped.repeatedId;
};

/** The page after page `pageNumber`, as the walk would ask for it: not past the cap, nor one it has seen. */
const followingPage =
  (walk: WalkPosition, options: WalkFeedOptions): FollowingPage =>
  (page, pageNumber) =>
    page.nextUrl === null || walk.seen.has(page.nextUrl) || pageNumber >= options.maxPages
      ? null
      : { url: page.nextUrl, feedUrl: options.feedUrl, validators: validatorsOf(walk, options, page.nextUrl) };

/** Parses a downloaded page and stores it, reading the next pages ahead meanwhile. */
const storeFetchedPage = async (
  walk: WalkPosition,
  options: WalkFeedOptions,
  reader: PageReader,
  pageUrl: string,
  document: Extract<FeedDocument, { kind: 'fetched' }>,
): Promise<WalkStep> => {
  const parsed = await reader.parse(document);
  // The catalog id names which parse failure it was, in the same words whatever the interface language.
  if (!parsed.ok) return stopped(walk, options.feedUrl, 'not-a-feed', parsed.error, null, parsed.error.id);
  // A web page where a feed used to be (the site moved it): said as such; discovery is for adding a feed.
  if (parsed.value.kind === 'web-page') return stopped(walk, options.feedUrl, 'not-a-feed', errorMessages.feedIsWebPage);
  const page = parsed.value.page;
  if (walk.pageNumber === 1) walk.firstPageNextUrl = page.nextUrl;
  // A changed first page is followed through its own next_urls: pages that did not change answer
  // 304 and lead on by their stored next_url, so the walk reaches where the last one stopped.
  walk.resume = null;
  const storedAt = options.now().toISOString();
  const validators: PageValidators = { ...document.validators, pageUrl, nextUrl: page.nextUrl, storedAt };
  const resumeAfter: WalkResumePoint | null =
    page.nextUrl === null ? null : { pageUrl: page.nextUrl, pageNumber: walk.pageNumber + 1, savedAt: storedAt };
  let written: StorePageResult;
  try {
    const storing = options.storePage(page, validators, resumeAfter);
    const next = followingPage(walk, options)(page, walk.pageNumber);
    // One page ahead while the first is written, that it shows soon; two after it.
    if (next !== null) reader.readAhead(next, walk.pageNumber + 1, followingPage(walk, options), walk.pageNumber === 1 ? 1 : readAheadPages);
    written = await storing;
  } catch (thrown) {
    return stopped(walk, options.feedUrl, 'not-saved', errorMessages.syncPageNotSaved, null, describeThrown(thrown));
  }
  if (!written.ok) return stopped(walk, options.feedUrl, written.reason, written.error, null, written.cause);
  walk.summary.resumeAt = resumeAfter;
  countStoredPage(walk.summary, page, written.value);
  options.onProgress?.({
    pageNumber: walk.pageNumber,
    pageUrl,
    newItems: written.value.newItems,
    updatedItems: written.value.updatedItems,
    totalNew: walk.summary.newItems,
    totalUpdated: walk.summary.updatedItems,
  });
  walk.pageUrl = page.nextUrl;
  return null;
};

/** Walks the feed's pages. Never throws; a failure keeps what earlier pages stored. */
export const walkFeedPages = async (options: WalkFeedOptions): Promise<WalkResult> => {
  const walk = startOfWalk(options);
  const reader = createPageReader(options);
  while (walk.pageUrl !== null) {
    const pageUrl = walk.pageUrl;
    if (walk.seen.has(pageUrl)) return ended(walk, 'repeated-next-url');
    if (walk.pageNumber >= options.maxPages) return ended(walk, 'page-cap');
    walk.seen.add(pageUrl);
    walk.pageNumber += 1;
    const stored = validatorsOf(walk, options, pageUrl);
    let downloaded: FeedFetchResult;
    try {
      downloaded = await reader.download({ url: pageUrl, feedUrl: options.feedUrl, validators: stored });
    } catch (thrown) {
      return stopped(walk, options.feedUrl, 'no-connection', errorMessages.fetchNoConnection, null, describeThrown(thrown));
    }
    const step = !downloaded.ok
      ? afterFailedDownload(walk, options.feedUrl, downloaded)
      : downloaded.value.kind === 'fetched'
        ? await storeFetchedPage(walk, options, reader, pageUrl, downloaded.value)
        : afterUnchangedPage(walk, stored, downloaded.value.kind);
    if (step !== null) return step;
  }
  return ended(walk, 'last-page');
};
