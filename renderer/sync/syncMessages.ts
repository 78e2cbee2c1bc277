// The messages between the window and the sync worker, typed once for both sides.
// The window downloads (through the bridge); the worker parses and writes, off the UI thread.
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import type { FeedDocumentRequest, FeedFetchResult } from '../../shared/sync/fetchFeedDocument';
import type { SyncOutcome, SyncProgress } from './syncOutcome';

export type ToSyncWorker =
  | { type: 'sync'; syncId: number; feedUrl: string; maxPages: number; manual: boolean }
  | { type: 'fetched'; fetchId: number; result: FeedFetchResult };

export type FromSyncWorker =
  | { type: 'fetch'; fetchId: number; request: FeedDocumentRequest }
  | { type: 'progress'; syncId: number; progress: SyncProgress }
  /** A page was stored: the pictures its items name, for the window's picture queue. */
  | { type: 'pictures'; pictures: ItemPictures[] }
  | { type: 'done'; syncId: number; outcome: SyncOutcome };
