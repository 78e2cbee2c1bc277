// When a new version of the web app (a service worker waiting) may take over: never by itself under a
// person reading, only after their Reload, and not in the middle of a sync (its page would be cut
// off); the new version then opens the database and upgrades it, as the desktop app does on start.

export interface UpdateFacts {
  /** A new version is installed and waits. */
  waiting: boolean;
  /** The person pressed Reload on the notice. */
  agreed: boolean;
  /** A feed or account is syncing in this browser (its Web Lock is held). */
  syncing: boolean;
}

/** Nothing to do; say a new version is ready; wait for the sync, then go on; take it now. */
export type UpdateStep = 'none' | 'announce' | 'waitForSync' | 'apply';

export const nextUpdateStep = ({ waiting, agreed, syncing }: UpdateFacts): UpdateStep => {
  if (!waiting) return 'none';
  if (!agreed) return 'announce';
  return syncing ? 'waitForSync' : 'apply';
};
