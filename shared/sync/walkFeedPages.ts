// Walks one feed from its address through `next_url`, page by page: download, parse, hand the page
// to the caller's all-or-nothing store, report progress. The first failure stops the walk; what
// earlier pages stored stands. Pure orchestration: fetching, storing and the clock are injected.
import type { FeedPage } from '../feed/feedItem';
import { parseJsonFeedText } from '../feed/parseJsonFeed';
import { errorMessages } from '../errorMessages';
import type { Result } from '../result';
import type { FeedDocumentRequest, FeedFetchResult, FetchFailureReason } from './fetchFeedDocument';
import type { DocumentValidators } from './fetchPolicy';

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

export interface WalkFeedOptions {
  feedUrl: string;
  /** One download: `fetchFeedDocument` with a transport in web mode, the typed bridge in Electron. */
  fetchDocument: (request: FeedDocumentRequest) => Promise<FeedFetchResult>;
  maxPages: number;
  /** Validators stored for the feed's pages, keyed by page address. */
  storedValidators: Readonly<Record<string, PageValidators>>;
  /** Writes one page's items and its validators all-or-nothing. */
  storePage: (page: FeedPage, validators: PageValidators) => Promise<Result<StoredCounts>>;
  onProgress?: (progress: WalkProgress) => void;
  now: () => Date;
}

export type WalkEnd = 'last-page' | 'not-modified' | 'unchanged' | 'page-cap' | 'repeated-next-url';

export interface WalkSummary {
  /** Title of the first page stored in this walk, or null when none was. */
  feedTitle: string | null;
  pagesStored: number;
  newItems: number;
  updatedItems: number;
  droppedItems: FeedPage['droppedItems'];
  /** Why the walk ended (on success) or where it was when it failed. */
  endedBy: WalkEnd | null;
}

export type WalkFailureReason = FetchFailureReason | 'not-a-feed' | 'not-saved';

export interface WalkFailure {
  ok: false;
  error: string;
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
  };
  const seen = new Set<string>();
  let pageUrl: string | null = options.feedUrl;
  let pageNumber = 0;
  const stopped = (reason: WalkFailureReason, error: string, status: number | null = null): WalkFailure => ({
    ok: false,
    error,
    reason,
    status,
    pageNumber,
    pageUrl: pageUrl ?? options.feedUrl,
    summary,
  });
  const ended = (endedBy: WalkEnd): WalkResult => ({ ok: true, value: { ...summary, endedBy } });

  while (pageUrl !== null) {
    if (seen.has(pageUrl)) return ended('repeated-next-url');
    if (pageNumber >= options.maxPages) return ended('page-cap');
    seen.add(pageUrl);
    pageNumber += 1;
    const stored: PageValidators | null = options.storedValidators[pageUrl] ?? null;

    let downloaded: FeedFetchResult;
    try {
      downloaded = await options.fetchDocument({ url: pageUrl, feedUrl: options.feedUrl, validators: stored });
    } catch {
      return stopped('no-connection', errorMessages.fetchNoConnection);
    }
    if (!downloaded.ok) return stopped(downloaded.reason, downloaded.error, downloaded.status);
    const document = downloaded.value;
    if (document.kind !== 'fetched') {
      // Nothing new on the first page means nothing new in the feed; a later page that did not
      // change still leads on to the next one, which may have.
      if (pageNumber === 1 || stored?.nextUrl == null) return ended(document.kind);
      pageUrl = stored.nextUrl;
      continue;
    }

    const page = parseJsonFeedText(new TextDecoder('utf-8').decode(document.bytes));
    if (!page.ok) return stopped('not-a-feed', page.error);
    const validators: PageValidators = { ...document.validators, pageUrl, nextUrl: page.value.nextUrl, storedAt: options.now().toISOString() };
    let written: Result<StoredCounts>;
    try {
      written = await options.storePage(page.value, validators);
    } catch {
      return stopped('not-saved', errorMessages.syncPageNotSaved);
    }
    if (!written.ok) return stopped('not-saved', written.error);

    summary.feedTitle ??= page.value.title;
    summary.pagesStored += 1;
    summary.newItems += written.value.newItems;
    summary.updatedItems += written.value.updatedItems;
    const dropped = page.value.droppedItems;
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
    pageUrl = page.value.nextUrl;
  }
  return ended('last-page');
};
