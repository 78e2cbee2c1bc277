// The calls the sync worker answers and the events it sends (workers/sync/sync.worker.ts), typed
// once for the window that makes them and the worker. Downloads do not pass through here: the worker
// has its own port to the main process (SyncShellCalls in shared/bridge.ts), or downloads itself.
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import type { ArticleCandidate } from '../../shared/articles/articleCandidates';
import type { SyncOutcome, SyncProgress } from './syncOutcome';

export interface SyncRequest {
  /** The window's number for this sync, which its progress events carry. */
  syncId: number;
  feedUrl: string;
  maxPages: number;
  manual: boolean;
}

export type SyncCalls = {
  /** The worker's line to the shell: a port serving SyncShellCalls (desktop app), or null to use the browser's own fetch (web mode). */
  useShell(argument: { port: MessagePort | null }): null;
  syncFeed(request: SyncRequest): SyncOutcome;
};

export type SyncEvents = {
  progress: { syncId: number; progress: SyncProgress };
  /** A page was stored: the pictures its items name, for the window's picture queue (which alone decides what to save). */
  pictures: { pictures: ItemPictures[] };
  /** A page was stored: the articles its feed wants saved, for the article worker (after the syncs). */
  articles: { candidates: ArticleCandidate[] };
};
