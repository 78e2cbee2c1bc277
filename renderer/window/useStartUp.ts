// What the window starts, in order: the bundled sample on a first start; then, once the list's first
// rows are on screen (or after a few seconds whatever happens), the automatic sync and the search
// worker, which keep IndexedDB busy for seconds with 100,000 items and must not delay the first paint;
// retention, which removes old news on the user's choice a while later and then every hour; and in a
// browser the web app's service worker, whose first download of the whole build waits for the first rows.
import { useCallback, useEffect, useState } from 'react';
import { errorMessages } from '../../shared/errorMessages';
import { sampleFeedPath } from '../../shared/feed/sampleFeed';
import type { UserMessage } from '../../shared/i18n/userMessage';
import { db, newsRepository } from './database';
import { log } from './log';
import { startRetention } from './reader/retentionService';
import { importSampleOnFirstStart } from './sampleNews';
import { startSearch } from './search/searchClient';
import { startAutomaticSync } from './sync/syncService';
import { startWebApp } from './webApp/appUpdate';

/** How long the search worker and the sync wait at most for the list's first rows. */
const startsAtTheLatestMs = 3_000;

/** Retention's first run comes after the start-up sync has begun, then one every hour; a run waits for syncs up to `syncWaitMs`. */
export const retentionTimes = { firstDelayMs: 2 * 60_000, intervalMs: 60 * 60_000, syncWaitMs: 10 * 60_000 } as const;

/** Starts retention on this window's database; returns the stop function. Without Web Locks (plain http in web mode) it cannot stay clear of syncs, so it does not start. */
const startBackgroundRetention = (): (() => void) | undefined => {
  if (!('locks' in navigator)) {
    log.warn('retention', 'No Web Locks in this browser: old news is removed only when a choice is applied in Settings');
    return undefined;
  }
  return startRetention({ db, locks: navigator.locks, now: () => new Date(), log: (line) => log.info('retention', line), ...retentionTimes });
};

const loadBundledSample = async (): Promise<string> => {
  try {
    const response = await fetch(sampleFeedPath);
    if (!response.ok) throw new Error(`the bundled sample answered HTTP ${response.status}`);
    return await response.text();
  } catch (thrown) {
    log.warn('app', 'The bundled sample news could not be read', thrown);
    throw thrown;
  }
};

/** Imports the bundled sample on a first start: the problem to show, if any, and whether the import is over (at once on later starts). */
export const useFirstStart = (): { problem: UserMessage | null; settled: boolean } => {
  const [state, setState] = useState<{ problem: UserMessage | null; settled: boolean }>({ problem: null, settled: false });
  useEffect(() => {
    importSampleOnFirstStart(newsRepository, loadBundledSample)
      .then((result) => setState({ problem: result.ok ? null : result.error, settled: true }))
      .catch((thrown: unknown) => {
        log.error('storage', 'The sample news could not be stored on first start', thrown);
        setState({ problem: errorMessages.storageUnavailable, settled: true });
      });
  }, []);
  return state;
};

/**
 * Starts the sync and the search once the first rows are shown; `onFirstRows` is the list's signal. On
 * a first start the rows that count are the sample's (`firstStartSettled`): the empty list before them
 * would start the search worker's 2 MB gazetteer, on a phone's link, ahead of the first item.
 */
export const useStartAfterFirstRows = (intervalMinutes: number, firstStartSettled = true) => {
  const [firstRows, setFirstRows] = useState(false);
  const [late, setLate] = useState(false);
  const onFirstRows = useCallback(() => setFirstRows(true), []);
  useEffect(() => {
    const atTheLatest = setTimeout(() => setLate(true), startsAtTheLatestMs);
    return () => clearTimeout(atTheLatest);
  }, []);
  const listShown = (firstRows && firstStartSettled) || late;
  // The sync at start-up writes to the feeds and items the first rows are read from: it waits for them too.
  useEffect(() => (listShown ? startAutomaticSync(intervalMinutes) : undefined), [listShown, intervalMinutes]);
  useEffect(() => {
    if (!listShown) return;
    const afterPaint = setTimeout(startSearch, 0);
    return () => clearTimeout(afterPaint);
  }, [listShown]);
  useEffect(() => (listShown ? startBackgroundRetention() : undefined), [listShown]);
  // The web app's service worker: on a first visit it downloads the whole build (2 MB over a phone's
  // link), which must not compete with the first rows.
  useEffect(() => {
    if (listShown) startWebApp();
  }, [listShown]);
  return { listShown, onFirstRows };
};
