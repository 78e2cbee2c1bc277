// The feed parse worker's entry, started by the sync worker (workers/sync/feedParser.ts): reading a
// page (an Atom page of 1,000 items: 40-130 ms of XML) runs here, beside the writes of the page before.
import { createThreadChannel, type CallMap } from '../../../shared/threads/threadChannel';
import { workerScope } from '../../threads/workerScope';
import { installWorkerErrorLog, workerLog } from '../../log/workerLog';
import type { ParseCalls } from '../../threads/parseContract';
import { parsePage } from './parsePage';

installWorkerErrorLog('parse');
createThreadChannel<CallMap, ParseCalls>(workerScope, {
  serve: { parsePage },
  onHandlerError: (name, thrown) => workerLog.error('parse', `${name} threw`, thrown),
});
