// What the sync worker answers on its channel, apart from where it runs: the worker entry hands it
// its global scope and the app's database, a unit test a MessagePort and a test database.
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

  const channel = createThreadChannel<CallMap, SyncCalls, CallMap, SyncEvents>(scope, {
    serve: {
      useShell: ({ port }) => {
        shell = workerShell(port, options.portShell, warn, readerDesk);
        return null;
      },
      syncFeed: (request) => runner.syncFeed(request),
      syncAccount: (request) => runner.syncAccount(request),
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
    onArticlesWanted: (candidates) => channel.emit('articles', { candidates }),
  });
  return channel;
};
