// The calls the sync worker answers and the events it sends (workers/sync/sync.worker.ts), typed
// once for the window that makes them and the worker. Downloads do not pass through here: the worker
// has its own port to the main process (SyncShellCalls in shared/bridge.ts), or downloads itself.
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import type { SyncOutcome, SyncProgress } from './syncOutcome';
import type { ReaderCredentials } from '../../shared/aggregator/readerSession';
import type { UserMessage } from '../../shared/i18n/userMessage';
import type { Result } from '../../shared/result';

export interface AccountSyncRequest {
  syncId: number;
  accountId: string;
}

/** A change to an account's feeds, made on its server first (workers/sync/editAccountFeed.ts). */
export type AccountFeedEdit =
  | { kind: 'subscribe'; accountId: string; feedUrl: string }
  | { kind: 'rename'; accountId: string; feedUrl: string; title: string }
  | { kind: 'move'; accountId: string; feedUrl: string; folder: string | null }
  | { kind: 'remove'; accountId: string; feedUrl: string };

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
  syncAccount(request: AccountSyncRequest): SyncOutcome;
  editAccountFeed(edit: AccountFeedEdit): Result<null, UserMessage>;
  /** Web mode: the accounts' credentials this browser holds (the desktop app's stay in the main process). */
  useAccountSecrets(argument: { secrets: [string, ReaderCredentials][] }): null;
  /**
   * Hands the articles the stored pages want saved, kept here since the last hand-over, to the article
   * worker at the other end of `port` (its `wantArticles`, ArticleCalls), a slice a call, and answers
   * with how many it handed once the article worker has them all.
   */
  handArticles(argument: { port: MessagePort }): number;
};

export type SyncEvents = {
  progress: { syncId: number; progress: SyncProgress };
  /** A page was stored: the pictures its items name, for the window's picture queue (which alone decides what to save). */
  pictures: { pictures: ItemPictures[] };
  /** Web mode: the worker signed in again for an account; the window keeps the new token where the secret is. */
  accountToken: { accountId: string; token: string };
};
