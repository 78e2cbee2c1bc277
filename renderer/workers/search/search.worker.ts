// The search worker's entry (started by window/search/searchClient.ts): loads the gazetteer after
// the first paint, tags stored items and keeps the place and word indexes (newsSearchEngine.ts) in
// step with what is stored, and answers every keystroke, so typing never waits on the window thread.
import { createThreadChannel, type CallMap } from '../../../shared/threads/threadChannel';
import { createNewsWordIndex } from '../../../shared/wordSearch/newsWordIndex';
import { FieldNewsDb } from '../../db/fieldNewsDb';
import { workerScope } from '../../threads/workerScope';
import { installWorkerErrorLog, workerLog } from '../../log/workerLog';
import type { SearchCalls, SearchEvents } from '../../threads/searchContract';
import { startSearchIndex } from './searchIndex';

installWorkerErrorLog('search');

const channel = createThreadChannel<CallMap, SearchCalls, CallMap, SearchEvents>(workerScope, {
  serve: {
    start: async ({ gazetteerUrl }) => {
      await index.start(gazetteerUrl);
      return null;
    },
    search: async ({ query, filters }) => (await index.engine()).search(query, filters),
    mapMarkers: async ({ query, filters }) => (await index.engine()).mapMarkers(query, filters),
  },
  onHandlerError: (name, thrown) => workerLog.error('search', `${name} failed`, thrown),
});

const index = startSearchIndex({
  db: new FieldNewsDb(),
  createTextIndex: createNewsWordIndex,
  loadGazetteerFile: async (url) => {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as unknown) : null;
  },
  onReady: (indexedCount) => channel.emit('ready', { indexedCount }),
  onUnavailable: (message) => channel.emit('unavailable', { message }),
});
