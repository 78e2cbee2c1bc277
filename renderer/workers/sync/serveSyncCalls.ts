// What the sync worker answers on its channel, apart from where it runs: the worker entry hands it
// its global scope and the app's database, a unit test a MessagePort and a test database.
import { createThreadChannel, type CallMap, type ChannelEndpoint } from '../../../shared/threads/threadChannel';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { createNewsRepository } from '../../db/newsRepository';
import { workerLog } from '../../log/workerLog';
import type { SyncShell } from '../../threads/browserShell';
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
  // Until the window hands over a port, the browser's own fetch (as in web mode).
  let shell: SyncShell = workerShell(null, options.portShell, warn);

  const channel = createThreadChannel<CallMap, SyncCalls, CallMap, SyncEvents>(scope, {
    serve: {
      useShell: ({ port }) => {
        shell = workerShell(port, options.portShell, warn);
        return null;
      },
      syncFeed: (request) => runner.syncFeed(request),
    },
    onHandlerError: (name, thrown) => workerLog.error('sync', `${name} failed`, thrown),
  });

  const runner = createSyncRunner({
    ...options,
    repository: createNewsRepository(options.db),
    shell: () => shell,
    onProgress: (syncId, progress) => channel.emit('progress', { syncId, progress }),
    onPicturesNamed: (pictures) => channel.emit('pictures', { pictures }),
    onArticlesWanted: (candidates) => channel.emit('articles', { candidates }),
  });
  return channel;
};
