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
import type { ArticleCalls } from '../../threads/articlesContract';
import type { SyncCalls, SyncEvents } from '../../threads/syncContract';
import { createSyncRunner, type SyncRunnerOptions } from './syncRunner';
import { workerShell, type PortShellOptions } from '../../threads/shellOverPort';

/** Wanted articles per call to the article worker: one call of 100,000 would copy them all at once. */
export const articlesPerCall = 2_000;

/** How long the article worker may take to answer one call of the hand-over. */
const handOverQuietLimitMs = 60_000;

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

  // The articles the stored pages want saved, kept here until the window, as a round of article
  // saving begins, hands over a port to the article worker: they go there straight, never through
  // the window. Handed to the window, they cost it a task each slice as a sync ended (44 and 45 ms
  // traced on a slow 2-core machine, copying them in); kept in the window, 100,000 after a sync of
  // 100,000 teasers, and the collection of that memory held it 100 to 200 ms.
  const wantedArticles: ArticleCandidate[] = [];
  const handArticles = async (port: MessagePort): Promise<number> => {
    const wanted = wantedArticles.splice(0);
    port.start();
    const articleWorker = createThreadChannel<ArticleCalls>(port);
    try {
      for (let start = 0; start < wanted.length; start += articlesPerCall) {
        const answer = await articleWorker.call('wantArticles', { wanted: wanted.slice(start, start + articlesPerCall) }, { quietLimitMs: handOverQuietLimitMs });
        if (!answer.ok) {
          // The article worker stopped or fell silent: what it did not take waits for the next hand-over.
          for (const candidate of wanted.slice(start)) wantedArticles.push(candidate);
          warn(`${wanted.length - start} wanted articles wait for the next round: the article worker did not take them (${answer.error.reason}: ${answer.error.detail})`);
          return start;
        }
      }
      return wanted.length;
    } finally {
      port.close();
    }
  };

  const channel = createThreadChannel<CallMap, SyncCalls, CallMap, SyncEvents>(scope, {
    serve: {
      useShell: ({ port }) => {
        shell = workerShell(port, options.portShell, warn, readerDesk);
        return null;
      },
      syncFeed: (request) => runner.syncFeed(request),
      syncAccount: (request) => runner.syncAccount(request),
      handArticles: ({ port }) => handArticles(port),
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
