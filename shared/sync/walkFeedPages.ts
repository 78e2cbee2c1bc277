// Walks one feed from its address through `next_url`, page by page: download, parse, hand the page
// to the caller's all-or-nothing store, report progress. The first failure stops the walk; what
// earlier pages stored stands, and the next walk resumes after it. Pure orchestration: fetching,
// storing and the clock are injected.
import type { FeedPage } from '../feed/feedItem';
import { parseFeedDocument, type ParsedFeedDocument } from '../feed/parseFeedDocument';
import type { Result } from '../result';
import { errorMessages } from '../errorMessages';
import type { FeedDocument, FeedDocumentRequest, FeedFetchResult, FetchFailureReason } from './fetchFeedDocument';
import type { DocumentValidators } from './fetchPolicy';
import type { UserMessage } from '../i18n/userMessage';

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

/** A downloaded document as parseFeedDocument takes it. */
export interface DocumentToParse {
  bytes: Uint8Array;
  contentType: string | null;
  url: string;
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
}

export type WalkResult = { ok: true; value: WalkSummary } | WalkFailure;

/** Walks the feed's pages. Never throws; a failure keeps what earlier pages stored. */
export const walkFeedPages = async (options: WalkFeedOptions): Promise<WalkResult> => {
  const summary: WalkSummary = {
    feedTitle: null,
    pagesStored: 0,
    newItems: 0,
    updatedItems: 0,
    droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 },
    endedBy: null,
    resumeAt: options.resumeFrom,
  };
  const seen = new Set<string>();
  // The next page is downloaded and parsed while this one is written; the answer is used when the walk
  // asks for the same page. A parse on this thread still holds up the write's callbacks (an Atom page:
  // 40-130 ms), hence options.parseDocument, which the sync worker hands to a worker of its own.
  let readAhead: { request: FeedDocumentRequest; answer: Promise<FeedFetchResult> } | null = null;
  const parsedAhead = new WeakMap<Uint8Array, Promise<Result<ParsedFeedDocument, UserMessage>>>();
  const parseDocument = options.parseDocument ?? ((document: DocumentToParse) => Promise.resolve(parseFeedDocument(document)));
  const parse = (document: Extract<FeedDocument, { kind: 'fetched' }>) =>
    parsedAhead.get(document.bytes) ?? parseDocument({ bytes: document.bytes, contentType: document.contentType, url: document.url });
  const download = (request: FeedDocumentRequest): Promise<FeedFetchResult> => {
    const ahead = readAhead;
    readAhead = null;
    const same = ahead !== null && ahead.request.url === request.url && ahead.request.validators === request.validators;
    return same ? ahead.answer : options.fetchDocument(request);
  };
  const startReadAhead = (request: FeedDocumentRequest) => {
    const answer = options.fetchDocument(request).then((downloaded) => {
      if (downloaded.ok && downloaded.value.kind === 'fetched') {
        const parsing = parse(downloaded.value);
        parsedAhead.set(downloaded.value.bytes, parsing);
        void parsing.then((parsed) => {
          if (parsed.ok && parsed.value.kind === 'feed') options.preparePage?.(parsed.value.page);
        });
      }
      return downloaded;
    });
    // A failure reaches the walk when it asks for this page; if it never does (the store failed), it concerns no one.
    answer.catch(() => undefined);
    readAhead = { request, answer };
  };
  let pageUrl: string | null = options.feedUrl;
  let pageNumber = 0;
  // A resume point is used once, after page 1; a resume page that is gone sends the walk back to
  // page 1's next_url, downloading every page again (its stored validators may describe the old
  // pagination, whose next_urls led to the missing page).
  let resume = options.resumeFrom !== null && options.resumeFrom.pageUrl !== options.feedUrl ? options.resumeFrom : null;
  let resumedAt: WalkResumePoint | null = null;
  let firstPageNextUrl: string | null = null;
  let askUnconditionally = false;
  const validatorsOf = (url: string): PageValidators | null => (askUnconditionally ? null : (options.storedValidators[url] ?? null));
  const stopped = (reason: WalkFailureReason, error: UserMessage, status: number | null = null): WalkFailure => ({
    ok: false,
    error,
    reason,
    status,
    pageNumber,
    pageUrl: pageUrl ?? options.feedUrl,
    summary,
  });
  // Every way of ending but a failure means the walk is over: no resume point is kept. (A page cap
  // or a next_url loop is an end the policy chose, not an interruption.)
  const ended = (endedBy: WalkEnd): WalkResult => ({ ok: true, value: { ...summary, endedBy, resumeAt: null } });

  while (pageUrl !== null) {
    if (seen.has(pageUrl)) return ended('repeated-next-url');
    if (pageNumber >= options.maxPages) return ended('page-cap');
    seen.add(pageUrl);
    pageNumber += 1;
    const stored = validatorsOf(pageUrl);

    let downloaded: FeedFetchResult;
    try {
      downloaded = await download({ url: pageUrl, feedUrl: options.feedUrl, validators: stored });
    } catch {
      return stopped('no-connection', errorMessages.fetchNoConnection);
    }
    if (!downloaded.ok) {
      const pageGone = downloaded.reason === 'gone' || downloaded.status === 404;
      if (resumedAt !== null && pageUrl === resumedAt.pageUrl && pageGone) {
        // The page the last walk stopped before no longer exists: the feed's pages moved on.
        // Walk again from page 2, asking for every page afresh, so no item is skipped; a feed
        // that is down to one (unchanged) page is simply done.
        if (firstPageNextUrl === null) return ended('last-page');
        seen.delete(resumedAt.pageUrl);
        seen.delete(firstPageNextUrl);
        resumedAt = null;
        summary.resumeAt = null;
        askUnconditionally = true;
        pageUrl = firstPageNextUrl;
        pageNumber = 1;
        continue;
      }
      // Any other failure (a 503, a timeout) keeps the resume point for the next sync.
      return stopped(downloaded.reason, downloaded.error, downloaded.status);
    }
    const document = downloaded.value;
    if (document.kind !== 'fetched') {
      if (pageNumber === 1) firstPageNextUrl = stored?.nextUrl ?? null;
      if (pageNumber === 1 && resume !== null && !seen.has(resume.pageUrl)) {
        // The first page did not change, but the last walk never reached the end: go on from
        // where it stopped, so the rest of the feed still arrives.
        resumedAt = resume;
        pageUrl = resume.pageUrl;
        pageNumber = resume.pageNumber - 1;
        resume = null;
        continue;
      }
      // Nothing new on the first page means nothing new in the feed; a later page that did not
      // change still leads on to the next one, which may have.
      if (pageNumber === 1 || stored?.nextUrl == null) return ended(document.kind);
      pageUrl = stored.nextUrl;
      continue;
    }

    const parsed = await parse(document);
    if (!parsed.ok) return stopped('not-a-feed', parsed.error);
    // A web page where a feed used to be (the site moved it): said as such; discovery is for adding a feed.
    if (parsed.value.kind === 'web-page') return stopped('not-a-feed', errorMessages.feedIsWebPage);
    const page = parsed.value.page;
    if (pageNumber === 1) firstPageNextUrl = page.nextUrl;
    // A changed first page is followed through its own next_urls: pages that did not change answer
    // 304 and lead on by their stored next_url, so the walk reaches where the last one stopped.
    resume = null;
    const storedAt = options.now().toISOString();
    const validators: PageValidators = { ...document.validators, pageUrl, nextUrl: page.nextUrl, storedAt };
    const resumeAfter: WalkResumePoint | null =
      page.nextUrl === null ? null : { pageUrl: page.nextUrl, pageNumber: pageNumber + 1, savedAt: storedAt };
    let written: StorePageResult;
    try {
      const storing = options.storePage(page, validators, resumeAfter);
      if (page.nextUrl !== null && !seen.has(page.nextUrl) && pageNumber < options.maxPages) {
        startReadAhead({ url: page.nextUrl, feedUrl: options.feedUrl, validators: validatorsOf(page.nextUrl) });
      }
      written = await storing;
    } catch {
      return stopped('not-saved', errorMessages.syncPageNotSaved);
    }
    if (!written.ok) return stopped(written.reason, written.error);
    summary.resumeAt = resumeAfter;

    if (page.title !== '') summary.feedTitle ??= page.title;
    summary.pagesStored += 1;
    summary.newItems += written.value.newItems;
    summary.updatedItems += written.value.updatedItems;
    const dropped = page.droppedItems;
    summary.droppedItems.withoutId += dropped.withoutId;
    summary.droppedItems.withoutContent += dropped.withoutContent;
    summary.droppedItems.notAnObject += dropped.notAnObject;
    summary.droppedItems.repeatedId += dropped.repeatedId;
    options.onProgress?.({
      pageNumber,
      pageUrl,
      newItems: written.value.newItems,
      updatedItems: written.value.updatedItems,
      totalNew: summary.newItems,
      totalUpdated: summary.updatedItems,
    });
    pageUrl = page.nextUrl;
  }
  return ended('last-page');
};
