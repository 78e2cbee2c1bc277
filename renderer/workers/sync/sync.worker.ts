// The sync worker's entry, started by the window (window/sync/syncClient.ts): downloads feed pages
// over its own port to the main process (or with the browser's fetch in web mode), has them read in
// the parse worker where the machine has cores to spare (here otherwise), and writes them into
// IndexedDB off the window's thread, so the list and the search stay responsive during a large sync.
// One sync per feed at a time, across every window and tab, through a Web Lock.
import { defaultFetchPolicy } from '../../../shared/sync/fetchPolicy';
import { FieldNewsDb } from '../../db/fieldNewsDb';
import { installWorkerErrorLog, workerLog } from '../../log/workerLog';
import { installTrustedTypesPolicy } from '../../threads/trustedTypes';
import { workerScope } from '../../threads/workerScope';
import { createFeedParser, parseWorkerPays } from './feedParser';
import { serveSyncCalls } from './serveSyncCalls';

installWorkerErrorLog('sync');
// This worker starts the parse worker, and its own script came with the Trusted Types policy.
installTrustedTypesPolicy(self);

serveSyncCalls(workerScope, {
  db: new FieldNewsDb(),
  locks: navigator.locks,
  portShell: {
    // The main process gives up a download after the policy's total timeout; a minute more covers a
    // redirect chain and a busy machine, and still never leaves a sync (and its lock) hanging.
    downloadQuietLimitMs: defaultFetchPolicy(__APP_VERSION__).totalTimeoutMs + 60_000,
    // A statfs takes milliseconds; a main process this slow to answer is busy, and the page is written unchecked.
    freeSpaceQuietLimitMs: 10_000,
  },
  now: () => new Date(),
  random: Math.random,
  parseDocument: createFeedParser({
    // Started on the first page, so a window that never syncs never starts it; on two cores or fewer
    // pages are read here (parseWorkerPays).
    startWorker: parseWorkerPays(navigator.hardwareConcurrency)
      ? () => new Worker(new URL('../parse/parse.worker.ts', import.meta.url), { type: 'module', name: 'field-news-feed-parse' })
      : null,
    onWorkerFailed: (reason) => workerLog.warn('sync', `The feed parse worker failed; pages are read on the sync worker from now on (${reason})`),
  }),
});
