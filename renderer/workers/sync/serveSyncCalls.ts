// What the sync worker answers on its channel, apart from where it runs: the worker entry hands it
// its global scope and the app's database, a unit test a MessagePort and a test database.
import type { ArticleCandidate } from '../../../shared/articles/articleCandidates';
import { createThreadChannel, type CallMap, type ChannelEndpoint } from '../../../shared/threads/threadChannel';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { createNewsRepository } from '../../db/newsRepository';
import { createPacedChangeNotices } from '../../db/pacedChangeNotices';
import { workerLog } from '../../log/workerLog';
import type { BrowserReaderDesk, SyncShell } from '../../threads/browserShell';
import type { ReaderCredentials } from '../../../shared/aggregator/readerSession';
import { editAccountFeed } from './editAccountFeed';
import type { SyncCalls, SyncEvents } from '../../threads/syncContract';
import { createSyncRunner, type SyncRunnerOptions } from './syncRunner';
import { workerShell, type PortShellOptions } from '../../threads/shellOverPort';

/**
 * Wanted articles per event to the window, which copies each slice in and out again: at 500 its
 * handler took 5 to 13 ms a slice as a 100,000-item sync ended (bench:sync, a slow 2-core machine).
 */
export const articlesPerEvent = 500;

export interface SyncWorkerOptions extends Pick<SyncRunnerOptions, 'locks' | 'now' | 'random' | 'parseDocument'> {
  db: FieldNewsDb;
  /** Time limits for the calls to the main process over the port. */
  portShell: Omit<PortShellOptions, 'onFailure'>;
}

export const serveSyncCalls = (scope: ChannelEndpoint, options: SyncWorkerOptions) => {
  const warn = (message: string, thrown?: unknown) => workerLog.warn('sync', message, thrown);
  // This worker has no live query: its pages' notices to the window and the other workers go out paced.
  const repository = createNewsRepository(options.db, undefined, createPacedChangeNotices());
  // Web mode's account credentials, as the window hands them over; the desktop app's stay in the main process.
  const secrets = new Map<string, ReaderCredentials>();
  const readerDesk: BrowserReaderDesk = {
    credentialsOf: (accountId) => secrets.get(accountId),
    onToken: (accountId, token) => {
      const kept = secrets.get(accountId);
      if (kept !== undefined) secrets.set(accountId, { ...kept, token });
      channel.emit('accountToken', { accountId, token });
    },
  };
  // Until the window hands over a port, the browser's own fetch (as in web mode).
  let shell: SyncShell = workerShell(null, options.portShell, warn, readerDesk);

  // The articles the stored pages want saved, kept here until the sync that stored them ends and
  // then handed to the window a slice at a time (it passes them on to the article worker, which
  // saves them after the syncs). Sent page by page, they piled up in the window: after a sync of
  // 100,000 teasers, 100,000 of them, and the collection of that memory held the window 100 to 200 ms.
  const wantedArticles: ArticleCandidate[] = [];
  const handOverArticles = () => {
    const wanted = wantedArticles.splice(0);
    for (let start = 0; start < wanted.length; start += articlesPerEvent) channel.emit('articles', { candidates: wanted.slice(start, start + articlesPerEvent) });
  };
  // Sent before the sync's answer, so the window has them when it learns the sync ended.
  const handingArticlesAfter = async <Outcome>(sync: Promise<Outcome>): Promise<Outcome> => {
    try {
      return await sync;
    } finally {
      handOverArticles();
    }
  };

  const channel = createThreadChannel<CallMap, SyncCalls, CallMap, SyncEvents>(scope, {
    serve: {
      useShell: ({ port }) => {
        shell = workerShell(port, options.portShell, warn, readerDesk);
        return null;
      },
      syncFeed: (request) => handingArticlesAfter(runner.syncFeed(request)),
      syncAccount: (request) => handingArticlesAfter(runner.syncAccount(request)),
      editAccountFeed: (edit) =>
        editAccountFeed(edit, { db: options.db, repository, callReader: (call) => shell.callReader({ accountId: edit.accountId, call }) }),
      useAccountSecrets: ({ secrets: given }) => {
        secrets.clear();
        for (const [accountId, credentials] of given) secrets.set(accountId, credentials);
        return null;
      },
    },
    onHandlerError: (name, thrown) => workerLog.error('sync', `${name} failed`, thrown),
  });

  const runner = createSyncRunner({
    ...options,
    repository,
    shell: () => shell,
    onProgress: (syncId, progress) => channel.emit('progress', { syncId, progress }),
    onPicturesNamed: (pictures) => channel.emit('pictures', { pictures }),
    onArticlesWanted: (candidates) => {
      for (const candidate of candidates) wantedArticles.push(candidate);
    },
  });
  return channel;
};
