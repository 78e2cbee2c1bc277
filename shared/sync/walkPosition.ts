// Where a walk through a feed's pages is, and which page comes next: the next_url of a changed
// page, the stored next_url of an unchanged one, the resume point after an unchanged page 1, and
// page 2 again when the resume page is gone. walkFeedPages downloads, parses and stores.
import type { FeedFetchFailure } from './fetchFeedDocument';
import type { UserMessage } from '../i18n/userMessage';
import type {
  PageValidators, WalkEnd, WalkFailure, WalkFailureReason, WalkFeedOptions, WalkResult, WalkResumePoint, WalkSummary,
} from './walkFeedPages';

/** Where a walk is, and what it knows of the pages before this one. */
export interface WalkPosition {
  /** The page to fetch next; null once a page names no next one. */
  pageUrl: string | null;
  /** The page's number in the walk (the feed's own address is 1); 0 before the first. */
  pageNumber: number;
  seen: Set<string>;
  /** Where the last walk stopped, until page 1 has been fetched (a resume point is used once). */
  resume: WalkResumePoint | null;
  /** The resume point this walk went on from, while the page it names may still turn out gone. */
  resumedAt: WalkResumePoint | null;
  firstPageNextUrl: string | null;
  /** Once a resume page was gone, the stored validators may describe the old pagination: none are sent. */
  askUnconditionally: boolean;
  summary: WalkSummary;
}

/** What a step of the walk leaves: the walk's result when it is over, null when it goes on at `pageUrl`. */
export type WalkStep = WalkResult | null;

export const startOfWalk = (options: WalkFeedOptions): WalkPosition => ({
  pageUrl: options.feedUrl,
  pageNumber: 0,
  seen: new Set<string>(),
  // A resume point is used once, after page 1; a resume page that is gone sends the walk back to
  // page 1's next_url, downloading every page again (its stored validators may describe the old
  // pagination, whose next_urls led to the missing page).
  resume: options.resumeFrom !== null && options.resumeFrom.pageUrl !== options.feedUrl ? options.resumeFrom : null,
  resumedAt: null,
  firstPageNextUrl: null,
  askUnconditionally: false,
  summary: {
    feedTitle: null,
    pagesStored: 0,
    newItems: 0,
    updatedItems: 0,
    droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 },
    endedBy: null,
    resumeAt: options.resumeFrom,
  },
});

export const validatorsOf = (walk: WalkPosition, options: WalkFeedOptions, url: string): PageValidators | null =>
  walk.askUnconditionally ? null : (options.storedValidators[url] ?? null);

export const stopped = (
  walk: WalkPosition,
  feedUrl: string,
  reason: WalkFailureReason,
  error: UserMessage,
  status: number | null = null,
  cause?: string,
): WalkFailure => ({
  ok: false,
  error,
  reason,
  status,
  pageNumber: walk.pageNumber,
  pageUrl: walk.pageUrl ?? feedUrl,
  summary: walk.summary,
  ...(cause === undefined ? {} : { cause }),
});

// Every way of ending but a failure means the walk is over: no resume point is kept. (A page cap
// or a next_url loop is an end the policy chose, not an interruption.)
export const ended = (walk: WalkPosition, endedBy: WalkEnd): WalkResult => ({ ok: true, value: { ...walk.summary, endedBy, resumeAt: null } });

/** A failed download ends the walk, unless the page it lost is the resume page, and gone. */
export const afterFailedDownload = (walk: WalkPosition, feedUrl: string, failure: FeedFetchFailure): WalkStep => {
  const { resumedAt, firstPageNextUrl } = walk;
  const pageGone = failure.reason === 'gone' || failure.status === 404;
  if (resumedAt === null || walk.pageUrl !== resumedAt.pageUrl || !pageGone) {
    // Any other failure (a 503, a timeout) keeps the resume point for the next sync.
    return stopped(walk, feedUrl, failure.reason, failure.error, failure.status, failure.cause);
  }
  // The page the last walk stopped before no longer exists: the feed's pages moved on. Walk again
  // from page 2, asking for every page afresh, so no item is skipped; a feed that is down to one
  // (unchanged) page is simply done.
  if (firstPageNextUrl === null) return ended(walk, 'last-page');
  walk.seen.delete(resumedAt.pageUrl);
  walk.seen.delete(firstPageNextUrl);
  walk.resumedAt = null;
  walk.summary.resumeAt = null;
  walk.askUnconditionally = true;
  walk.pageUrl = firstPageNextUrl;
  walk.pageNumber = 1;
  return null;
};

/** A page the server says did not change (a 304, or the same bytes): nothing to store, maybe more to follow. */
export const afterUnchangedPage = (walk: WalkPosition, stored: PageValidators | null, kind: 'not-modified' | 'unchanged'): WalkStep => {
  const { resume } = walk;
  if (walk.pageNumber === 1) walk.firstPageNextUrl = stored?.nextUrl ?? null;
  if (walk.pageNumber === 1 && resume !== null && !walk.seen.has(resume.pageUrl)) {
    // The first page did not change, but the last walk never reached the end: go on from where it
    // stopped, so the rest of the feed still arrives.
    walk.resumedAt = resume;
    walk.pageUrl = resume.pageUrl;
    walk.pageNumber = resume.pageNumber - 1;
    walk.resume = null;
    return null;
  }
  // Nothing new on the first page means nothing new in the feed; a later page that did not change
  // still leads on to the next one, which may have.
  if (walk.pageNumber === 1 || stored?.nextUrl == null) return ended(walk, kind);
  walk.pageUrl = stored.nextUrl;
  return null;
};
