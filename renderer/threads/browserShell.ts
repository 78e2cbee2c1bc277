// What the browser itself offers for downloads and disk space, on any renderer thread (the window in
// web mode, the sync worker where it has no port to a main process): the page's fetch and the
// site's storage quota. The address rules need a resolver a browser does not have (docs/architecture.md).
import type { FreeDiskSpace, ReaderCallRequest, SyncShellCalls } from '../../shared/bridge';
import { exchangeWithReader } from '../../shared/aggregator/readerExchange';
import { callReader, type Exchange, type ReaderAnswer, type ReaderCredentials } from '../../shared/aggregator/readerSession';
import { errorMessages } from '../../shared/errorMessages';
import type { UserMessage } from '../../shared/i18n/userMessage';
import { fail, succeed, type Result } from '../../shared/result';
import { fetchFeedDocument, type FeedFetchResult, type FeedDocumentRequest, type FeedTransport } from '../../shared/sync/fetchFeedDocument';
import { defaultFetchPolicy } from '../../shared/sync/fetchPolicy';

/** A browser follows redirects itself (a manual redirect is opaque) and sets its own User-Agent. */
export const browserTransport: FeedTransport = {
  fetch: (url, init) => fetch(url, init),
  followsRedirectsItself: true,
  sendsUserAgent: false,
};

/**
 * Browsers do not report the disk itself, only this site's share of it: the quota left is the
 * nearest thing (a full disk usually shrinks the quota too; a write past it fails with QuotaExceededError).
 */
export const estimateFreeSpace = async (onError: (thrown: unknown) => void): Promise<Result<FreeDiskSpace, UserMessage>> => {
  if (typeof navigator.storage?.estimate !== 'function') return fail(errorMessages.freeSpaceUnknown);
  try {
    const { quota, usage } = await navigator.storage.estimate();
    if (quota === undefined || usage === undefined) return fail(errorMessages.freeSpaceUnknown);
    return succeed({ freeBytes: Math.max(0, quota - usage), totalBytes: quota });
  } catch (thrown) {
    onError(thrown);
    return fail(errorMessages.freeSpaceUnknown);
  }
};

/** A Reader API exchange with the browser's fetch (the server must allow CORS, as FreshRSS's API does). */
export const browserReaderExchange: Exchange = (request, authorization) => exchangeWithReader({ fetch: (url, init) => fetch(url, init), userAgent: null }, request, authorization);

/**
 * Web mode's keeper of aggregator credentials inside a worker: the window hands them over (from the
 * session, or decrypted from what the person asked to remember), and hears of a new token.
 */
export interface BrowserReaderDesk {
  credentialsOf(accountId: string): ReaderCredentials | undefined;
  onToken(accountId: string, token: string): void;
}

/** The sync's downloads, disk check and aggregator calls (web mode: the browser's own means). */
export interface SyncShell {
  fetchFeedDocument(request: FeedDocumentRequest): Promise<FeedFetchResult>;
  getFreeDiskSpace(): Promise<ReturnType<SyncShellCalls['getFreeDiskSpace']>>;
  callReader(request: ReaderCallRequest): Promise<ReaderAnswer>;
}

const noReaderDesk: BrowserReaderDesk = { credentialsOf: () => undefined, onToken: () => undefined };

export const browserSyncShell = (onError: (thrown: unknown) => void, readerDesk: BrowserReaderDesk = noReaderDesk): SyncShell => ({
  fetchFeedDocument: (request) => fetchFeedDocument(browserTransport, request, defaultFetchPolicy(__APP_VERSION__)),
  getFreeDiskSpace: () => estimateFreeSpace(onError),
  callReader: async ({ accountId, call }) => {
    const credentials = readerDesk.credentialsOf(accountId);
    if (credentials === undefined) return fail({ reason: 'signed-out', error: errorMessages.aggregatorNotOnThisDevice, bytes: 0 });
    return callReader(browserReaderExchange, credentials, call, (token) => readerDesk.onToken(accountId, token));
  },
});
