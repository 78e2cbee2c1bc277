// What one feed's sync reports back to the window: plain data, so it crosses from the worker.
import type { WalkFailureReason, WalkProgress } from '../../shared/sync/walkFeedPages';
import type { UserMessage } from '../../shared/i18n/userMessage';
import type { ReaderFailureReason } from '../../shared/aggregator/readerSession';

export interface SyncOutcome {
  feedUrl: string;
  feedTitle: string;
  result: 'synced' | 'not-modified' | 'busy' | 'failed' | 'gone' | 'removed';
  newItems: number;
  updatedItems: number;
  /** Items the feed sent that could not be kept (no id, no content…). */
  droppedItems: number;
  error: UserMessage | null;
  /** Why it failed ('disk-full' stops the whole run), or null. */
  failureReason: WalkFailureReason | 'worker-stopped' | 'no-answer' | ReaderFailureReason | null;
  /** When the next automatic try may happen (ms since epoch), after a failure. */
  nextAttemptAt: number | null;
  /** For the log, after a failure: what went wrong in technical words (an error's name and message), never item text. */
  cause?: string | null;
  /** A sync with an aggregator account (feedUrl is then the account's id, feedTitle its service). */
  account?: AccountSyncFacts;
}

/** What a sync with an aggregator did, for the status line and the log. */
export interface AccountSyncFacts {
  service: string;
  /** The server's host, for the log (never the user name). */
  server: string;
  /** Items marked read on the server (another laptop, the phone) that were unread here. */
  readElsewhere: number;
  /** Bytes the sync downloaded (answers' bodies), to keep a thin link's cost in sight. */
  bytes: number;
}

export interface SyncProgress extends WalkProgress {
  feedUrl: string;
  feedTitle: string;
}

/** An outcome with nothing synced, to fill in: `extra` sets the title, counts or failure that apply. */
export const quietOutcome = (feedUrl: string, result: SyncOutcome['result'], extra: Partial<SyncOutcome> = {}): SyncOutcome => ({
  feedUrl,
  feedTitle: feedUrl,
  result,
  newItems: 0,
  updatedItems: 0,
  droppedItems: 0,
  error: null,
  failureReason: null,
  nextAttemptAt: null,
  ...extra,
});
