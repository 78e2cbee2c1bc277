// This window's client of the sync worker, apart from the scheduler that runs syncs through it: the
// article service asks it too, to have the worker hand its wanted articles to the article worker.
import { isWebMode, openSyncPort } from '../bridge';
import { keepWebToken, webAccountCredentials } from '../accounts/webAccountSecrets';
import { log } from '../log';
import { savePicturesNamed } from '../pictures/pictureService';
import { createSyncClient } from './syncClient';

// Pictures are saved beside the sync, after each page is stored; their failures never reach it.
// The worker starts with the first sync, not when this module is imported.
export const syncClient = createSyncClient({
  startWorker: () => new Worker(new URL('../../workers/sync/sync.worker.ts', import.meta.url), { type: 'module', name: 'field-news-sync' }),
  openShellPort: () => openSyncPort(),
  quietLimitMs: 3 * 60_000,
  onPicturesNamed: (pictures) => void savePicturesNamed(pictures),
  log: (level, message) => log[level]('sync', message),
  // Web mode only: the desktop app keeps account secrets in the main process.
  accountSecrets: () => (isWebMode() ? webAccountCredentials() : Promise.resolve(null)),
  onAccountToken: (accountId, token) => void keepWebToken(accountId, token).catch((error: unknown) => log.warn('accounts', 'A new token could not be kept', error)),
});

