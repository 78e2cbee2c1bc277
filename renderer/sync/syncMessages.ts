// The messages between the window and the sync worker, typed once for both sides.
// The window downloads (through the bridge); the worker parses and writes, off the UI thread.
import type { FreeDiskSpace } from '../../shared/bridge';
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import type { Result } from '../../shared/result';
import type { FeedDocumentRequest, FeedFetchResult } from '../../shared/sync/fetchFeedDocument';
import type { SyncOutcome, SyncProgress } from './syncOutcome';
import type { UserMessage } from '../../shared/i18n/userMessage';

export type ToSyncWorker =
  | { type: 'sync'; syncId: number; feedUrl: string; maxPages: number; manual: boolean }
  | { type: 'fetched'; fetchId: number; result: FeedFetchResult }
  | { type: 'free-space'; requestId: number; result: Result<FreeDiskSpace, UserMessage> };

export type FromSyncWorker =
  | { type: 'fetch'; fetchId: number; request: FeedDocumentRequest }
  /** The worker cannot read the disk: the window asks the bridge how much room is left. */
  | { type: 'free-space'; requestId: number }
  | { type: 'progress'; syncId: number; progress: SyncProgress }
  /** A page was stored: the pictures its items name, for the window's picture queue. */
  | { type: 'pictures'; pictures: ItemPictures[] }
  | { type: 'done'; syncId: number; outcome: SyncOutcome };
