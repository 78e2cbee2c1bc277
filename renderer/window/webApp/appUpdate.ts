// Web mode as an installed app: registers the service worker the build made (vite.config.ts), tells the
// window when a new version waits, and lets it take over only on the person's Reload and never in the
// middle of a sync (updateRule.ts). The desktop app has no service worker: the installer updates it.
import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';
import { syncingLocksHeld } from '../../threads/waitWhileSyncing';
import { log } from '../log';
import { db } from '../database';
import { keepNewsWhenInstalled } from './keepNewsWhenInstalled';
import { nextUpdateStep, type UpdateFacts } from './updateRule';

/** What the window shows: nothing; "a new version is ready"; "it loads when the sync ends"; "updated in another tab". */
export type AppUpdateNotice = 'none' | 'ready' | 'waitingForSync' | 'updatedElsewhere';

/** How often an open app asks the server for a new version (browsers also ask on each start). */
const updateCheckEveryMs = 60 * 60_000;
const syncPollMs = 1_000;

let notice: AppUpdateNotice = 'none';
const listeners = new Set<() => void>();
const publish = (next: AppUpdateNotice) => {
  notice = next;
  for (const listener of listeners) listener();
};

const facts: UpdateFacts = { waiting: false, agreed: false, syncing: false };
let workbox: Workbox | null = null;

const syncing = async (): Promise<boolean> => ('locks' in navigator ? syncingLocksHeld(navigator.locks) : false);

const step = async (): Promise<void> => {
  facts.syncing = facts.agreed && (await syncing());
  switch (nextUpdateStep(facts)) {
    case 'none':
      return;
    case 'announce':
      publish('ready');
      return;
    case 'waitForSync':
      publish('waitingForSync');
      window.setTimeout(() => void step(), syncPollMs);
      return;
    case 'apply':
      // The new worker takes over; 'controlling' then reloads this window onto the new version.
      workbox?.messageSkipWaiting();
      return;
  }
};

/** Whether this window runs as the web app (not inside Electron, in a browser that has service workers). */
export const isWebApp = (): boolean => window.fieldNews === undefined && 'serviceWorker' in navigator && window.isSecureContext;

/** Registers the service worker once (web mode, built app only); the window then learns of new versions. */
export const startWebApp = (): void => {
  if (workbox !== null || !isWebApp() || import.meta.env.DEV) return;
  keepNewsWhenInstalled();
  const registering = new Workbox('./sw.js', { scope: './' });
  workbox = registering;
  registering.addEventListener('waiting', () => {
    facts.waiting = true;
    void step();
  });
  registering.addEventListener('controlling', () => {
    // Only the window whose person pressed Reload reloads; another tab keeps what it shows.
    if (facts.agreed) window.location.reload();
    else publish('updatedElsewhere');
  });
  registering.register().then(
    () => window.setInterval(() => void registering.update().catch((thrown: unknown) => log.warn('app-update', 'Looking for a new version failed', thrown)), updateCheckEveryMs),
    (thrown: unknown) => log.error('app-update', 'The service worker could not be registered: the app will not open offline', thrown),
  );
  // A new version opened in another tab upgrades the database: Dexie closes this tab's connection.
  db.on('versionchange', () => {
    publish('updatedElsewhere');
  });
};

/** The person's Reload on the notice. */
export const acceptUpdate = (): void => {
  if (notice === 'updatedElsewhere' || !facts.waiting) {
    window.location.reload();
    return;
  }
  facts.agreed = true;
  void step();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useAppUpdateNotice = (): AppUpdateNotice => useSyncExternalStore(subscribe, () => notice);
