// Notices at start that the browser emptied the database behind the app's back: Chromium deletes an
// origin's IndexedDB after a write fails on a full disk (electron/electron#41877). The database gets
// an id once news of the user's own feeds is stored, and the id is kept outside IndexedDB too
// (localStorage); a marker whose id the database no longer has means the stored news was lost.
//
// Limits: a wipe of the whole origin may take localStorage with it, and then nothing is noticed.
// Chromium says so on the next open (IDBVersionChangeEvent.dataLoss === 'total'), but Dexie opens
// the database itself and does not pass that event on (no `dataLoss` anywhere in Dexie 4).
import type { FieldNewsDb } from './fieldNewsDb';
import type { NewsRepository } from './newsRepository';

export const storedNewsMarkerKey = 'field-news.stored-news';
export const databaseIdSettingKey = 'databaseId';

/** The part of localStorage the marker needs (a stand-in in tests). */
export interface MarkerStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface DatabaseLossSources {
  db: Pick<FieldNewsDb, 'feeds'>;
  repository: Pick<NewsRepository, 'readSetting' | 'writeSetting'>;
  storage: MarkerStorage;
  newId?: () => string;
}

/** Lost when this computer's marker names a database id the database does not have (a new, empty one). */
export const wasDatabaseLost = (marker: string | null, databaseId: string | undefined): boolean => marker !== null && marker !== databaseId;

/** Once the user's own feeds have stored news: gives the database its id and keeps it outside IndexedDB. */
export const rememberStoredNews = async ({ db, repository, storage, newId = () => crypto.randomUUID() }: DatabaseLossSources): Promise<void> => {
  // The sample ships with the app and comes back by itself: only the user's own news counts.
  const ownItems = (await db.feeds.toArray()).reduce((total, feed) => total + (feed.builtIn ? 0 : feed.itemCount), 0);
  if (ownItems === 0) return;
  let databaseId = await repository.readSetting(databaseIdSettingKey);
  if (databaseId === undefined) {
    databaseId = newId();
    await repository.writeSetting(databaseIdSettingKey, databaseId);
  }
  storage.setItem(storedNewsMarkerKey, databaseId);
};

/**
 * At start: true when the news this computer had stored is gone. Said on every start until news is
 * stored anew (a backup imported, a sync of the user's own feeds), which points the marker at the new
 * database. Never dropped on being said: a start that fails on a still-full disk shows the error
 * screen instead of the notice, and the next start must still say it.
 */
export const checkDatabaseLoss = async (sources: DatabaseLossSources): Promise<boolean> => {
  const lost = wasDatabaseLost(sources.storage.getItem(storedNewsMarkerKey), await sources.repository.readSetting(databaseIdSettingKey));
  await rememberStoredNews(sources);
  return lost;
};
