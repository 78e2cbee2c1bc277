// The article worker's entry, started by the window (window/articles/articleService.ts) after syncs:
// fetches the pages of items whose feeds carry only a summary, reads the article off each page on a
// DOM of its own (never the window's), and stores it through renderer/db, so it can be read offline.
import { defaultFetchPolicy } from '../../../shared/sync/fetchPolicy';
import { FieldNewsDb } from '../../db/fieldNewsDb';
import { installWorkerErrorLog } from '../../log/workerLog';
import { stepAsideForSyncs } from '../../threads/waitWhileSyncing';
import { workerScope } from '../../threads/workerScope';
import { extractArticle } from './extractArticle';
import { serveArticleCalls } from './serveArticleCalls';

installWorkerErrorLog('articles');

serveArticleCalls(workerScope, {
  db: new FieldNewsDb(),
  extract: extractArticle,
  // At most a minute per page: a long queue of feeds still lets articles through between them.
  whenSyncsQuiet: async () => {
    await stepAsideForSyncs(60_000);
  },
  concurrency: 3,
  hostPauseMs: 500,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  portShell: {
    downloadQuietLimitMs: defaultFetchPolicy(__APP_VERSION__).totalTimeoutMs + 60_000,
    freeSpaceQuietLimitMs: 10_000,
  },
});
