// Noticing at start that the browser emptied the database: over a real (fake-indexeddb) database,
// deleted as Chromium deletes it after a failed write on a full disk, and a marker kept outside it.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFeedKey } from '../../../shared/feed/sampleFeed';
import { checkDatabaseLoss, rememberStoredNews, storedNewsMarkerKey, wasDatabaseLost, type MarkerStorage } from '../../../renderer/db/databaseLoss';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';
import { importSampleOnFirstStart } from '../../../renderer/window/sampleNews';
import { sampleFeedPath } from '../../../scripts/sampleFeed';
import { bundledSamplePage } from '../../fixtures/bundledData';

/** localStorage as the browser keeps it: strings by key, surviving the database. */
const memoryStorage = (): MarkerStorage & { entries: Map<string, string> } => {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
  };
};

const ownFeed = { url: 'https://news.example.org/feed.json', title: 'Own News', builtIn: false };
let indexedDB: IDBFactory;
let db: FieldNewsDb;
let repository: NewsRepository;
let storage: ReturnType<typeof memoryStorage>;
let ids = 0;

const open = async () => {
  db = new FieldNewsDb('field-news-loss-test', { indexedDB, IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
};
/** One start of the app: the check, then the sample import, as the window does them. */
const start = async () => {
  const lost = await checkDatabaseLoss({ db, repository, storage, newId: () => `database-${++ids}` });
  await importSampleOnFirstStart(repository, () => Promise.resolve(readFileSync(sampleFeedPath, 'utf8')));
  return lost;
};
/** A sync (or a backup import) of the user's own news, which remembers it as the window does. */
const storeOwnNews = async () => {
  await repository.addFeed(ownFeed);
  await repository.storeFeedPage(ownFeed, bundledSamplePage());
  await rememberStoredNews({ db, repository, storage, newId: () => `database-${++ids}` });
};

beforeEach(async () => {
  indexedDB = new IDBFactory();
  storage = memoryStorage();
  await open();
});
afterEach(() => db.close());

describe('noticing a database the browser emptied', () => {
  it('says nothing on a first start, nor while only the sample is stored', async () => {
    expect(await start()).toBe(false);
    expect(await db.items.where('feedUrl').equals(sampleFeedKey).count()).toBeGreaterThan(0);
    expect(await start()).toBe(false);
    expect(storage.entries.size).toBe(0);
  });

  it('notices that news this computer had stored is gone after the database was deleted, on every start until news is stored anew', async () => {
    await start();
    await storeOwnNews();
    expect(await start()).toBe(false);
    expect(storage.getItem(storedNewsMarkerKey)).toBe('database-1');

    // Chromium deletes the origin's database (the marker in localStorage survives).
    db.close();
    await db.delete();
    await open();
    expect(await start()).toBe(true);
    // A start that showed the error screen instead (a disk still full) must not use the notice up.
    expect(storage.getItem(storedNewsMarkerKey)).toBe('database-1');
    expect(await start()).toBe(true);

    // News stored again (a backup imported): the new database gets its own id, and is watched again.
    await storeOwnNews();
    expect(await start()).toBe(false);
    expect(storage.getItem(storedNewsMarkerKey)).toBe('database-2');
  });

  it('says nothing when the user removed their own feeds', async () => {
    await start();
    await storeOwnNews();
    await start();
    await repository.removeFeed(ownFeed.url);
    expect(await start()).toBe(false);
    expect(await start()).toBe(false);
  });

  it('decides from the marker and the id alone: lost only when a marker names another id', () => {
    expect(wasDatabaseLost('database-1', undefined)).toBe(true);
    expect(wasDatabaseLost('database-1', 'database-1')).toBe(false);
    expect(wasDatabaseLost(null, undefined)).toBe(false);
    expect(wasDatabaseLost(null, 'database-1')).toBe(false);
    expect(wasDatabaseLost('database-1', 'database-2')).toBe(true);
  });
});
