// A worker's downloads and disk check over its own port to the main process in the desktop app (the
// address rules, statfs): the sync worker's, and the article worker's. (In web mode the browser's own
// means, browserShell.ts.) Every call settles: a main process that does not answer in time gives a
// timeout, never a hung sync.
import type { SyncShellCalls } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import { fail } from '../../shared/result';
import { feedFetchFailure, type FeedDocumentRequest, type FeedFetchResult } from '../../shared/sync/fetchFeedDocument';
import { createThreadChannel, type ThreadFailure } from '../../shared/threads/threadChannel';
import { browserSyncShell, type BrowserReaderDesk, type SyncShell } from './browserShell';

export interface PortShellOptions {
  /** How long a download may go unanswered: longer than the fetch policy's own total timeout. */
  downloadQuietLimitMs: number;
  /** How long the free space may take; the page is written without it after that. */
  freeSpaceQuietLimitMs: number;
  /** A call the main process did not answer, for the log (the sync gets a failure value). */
  onFailure: (what: string, failure: ThreadFailure) => void;
}

/** The download's failure value when the port gave no answer: the cause goes to the log, the user gets the reason. */
const unanswered = (request: FeedDocumentRequest, failure: ThreadFailure, limitMs: number): FeedFetchResult =>
  failure.reason === 'timeout'
    ? feedFetchFailure('timeout', errorMessages.fetchTimeout(Math.round(limitMs / 1000)), request.url, failure.detail)
    : feedFetchFailure('no-connection', errorMessages.fetchNoConnection, request.url, `${failure.reason}: ${failure.detail}`);

export const shellOverPort = (port: MessagePort, options: PortShellOptions): SyncShell => {
  const channel = createThreadChannel<SyncShellCalls>(port);
  port.start();
  return {
    fetchFeedDocument: async (request) => {
      const answer = await channel.call('fetchFeedDocument', request, { quietLimitMs: options.downloadQuietLimitMs });
      if (answer.ok) return answer.value;
      options.onFailure('download', answer.error);
      return unanswered(request, answer.error, options.downloadQuietLimitMs);
    },
    callReader: async (request) => {
      const answer = await channel.call('callReader', request, { quietLimitMs: options.downloadQuietLimitMs });
      if (answer.ok) return answer.value;
      options.onFailure('aggregator call', answer.error);
      return fail({ reason: 'no-connection', error: answer.error.reason === 'timeout' ? errorMessages.fetchTimeout(Math.round(options.downloadQuietLimitMs / 1000)) : errorMessages.fetchNoConnection, bytes: 0 });
    },
    getFreeDiskSpace: async () => {
      const answer = await channel.call('getFreeDiskSpace', null, { quietLimitMs: options.freeSpaceQuietLimitMs });
      if (answer.ok) return answer.value;
      options.onFailure('free space', answer.error);
      return fail(errorMessages.freeSpaceUnknown);
    },
  };
};

/**
 * The shell a worker uses: over the port the window handed it, or, with none (web mode, or before
 * the port arrives), the browser's own means. `warn` takes what went wrong, for the worker's log.
 */
export const workerShell = (
  port: MessagePort | null,
  options: Omit<PortShellOptions, 'onFailure'>,
  warn: (message: string, thrown?: unknown) => void,
  readerDesk?: BrowserReaderDesk,
): SyncShell =>
  port === null
    ? browserSyncShell((thrown) => warn('The storage estimate failed', thrown), readerDesk)
    : shellOverPort(port, { ...options, onFailure: (what, failure) => warn(`The main process did not answer a ${what} (${failure.reason}: ${failure.detail})`) });
