// This window's sync: the scheduler over the worker client, and the triggers that start a run.
import { useSyncExternalStore } from 'react';
import { defaultFetchPolicy } from '../../../shared/sync/fetchPolicy';
import { bridge } from '../bridge';
import { saveWaitingArticles } from '../articles/articleService';
import { db, newsRepository } from '../database';
import { rememberStoredNews } from '../../db/databaseLoss';
import { log } from '../log';
import { createSyncScheduler, type SyncRunState } from './syncScheduler';
import { syncClient } from './windowSyncClient';

export const defaultSyncIntervalMinutes = 30;

const listeners = new Set<() => void>();
let remembered = false;

/**
 * As soon as a sync has stored a page, this computer remembers that it had news (once a window:
 * every start checks again), before a disk that fills later in the same sync can cost it.
 */
const rememberOnceStored = ({ progress }: SyncRunState) => {
  if (remembered || progress === null || progress.totalNew === 0) return;
  remembered = true;
  rememberStoredNews({ db, repository: newsRepository, storage: localStorage }).catch((error: unknown) => {
    remembered = false;
    log.warn('storage', 'Could not note that news is stored', error);
  });
};

export const syncScheduler = createSyncScheduler({
  db,
  client: syncClient,
  isOnline: () => navigator.onLine,
  now: () => Date.now(),
  maxPages: defaultFetchPolicy(__APP_VERSION__).maxPagesPerWalk,
  onState: (state) => {
    listeners.forEach((listener) => listener());
    rememberOnceStored(state);
    // A run just ended: the articles its pages queued are saved now, after the news (never in its way).
    if (!state.running && state.lastRun !== null) void saveWaitingArticles();
  },
});

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useSyncRunState = (): SyncRunState => useSyncExternalStore(subscribe, syncScheduler.current);

/** Whether a sync runs: a component that needs only this is not redrawn by each page's progress. */
export const useSyncRunning = (): boolean => useSyncExternalStore(subscribe, () => syncScheduler.current().running);

/**
 * Syncs now if online, and again whenever the link comes back, the computer wakes, and every
 * `intervalMinutes`. Returns the function that stops the automatic runs.
 */
export const startAutomaticSync = (intervalMinutes: number): (() => void) => {
  const runAutomatically = () => void syncScheduler.run({ manual: false });
  runAutomatically();
  window.addEventListener('online', runAutomatically);
  const stopResume = bridge.onSystemResume(runAutomatically);
  const timer = window.setInterval(runAutomatically, Math.max(1, intervalMinutes) * 60_000);
  return () => {
    window.removeEventListener('online', runAutomatically);
    stopResume();
    window.clearInterval(timer);
  };
};
