import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewText } from '../../../shared/feed/itemPreview';
import { mergeFeedItem, type NewsItem } from '../../../shared/feed/newsItem';
import { parseJsonFeedText } from '../../../shared/feed/parseJsonFeed';
import { sampleFeedKey } from '../../../shared/feed/sampleFeed';
import { FieldNewsDb, schemaVersion1, schemaVersion5, schemaVersion8, storedNewsItem } from '../../../renderer/db/fieldNewsDb';
import { sampleFeedPath } from '../../../scripts/sampleFeed';
import { englishText } from '../../../shared/i18n/formatMessages';

const page = parseJsonFeedText(readFileSync(sampleFeedPath, 'utf8'));
if (!page.ok) throw new Error(englishText(page.error));
const sampleItems = page.value.items.map((item) => mergeFeedItem(undefined, item, sampleFeedKey, '2026-01-01T00:00:00.000Z')!);

describe('upgrading the database', () => {
  it('opens a database written by schema version 1 with every item kept, adding sync state, item counts, folders, previews and view keys', async () => {
    const indexedDB = new IDBFactory();
    const older = new Dexie('field-news', { indexedDB, IDBKeyRange });
    older.version(1).stores(schemaVersion1);
    const version1Feed = { url: sampleFeedKey, title: 'IOM Regional News', builtIn: true, etag: null, lastModified: null, documentHash: null, lastSyncAt: null, lastError: null, addedAt: '2026-01-01T00:00:00.000Z' };
    // Version 1 items had no stored preview.
    const withoutPreview = ({ preview: _preview, ...item }: NewsItem) => item;
    const readItem: NewsItem = { ...sampleItems[0]!, read: true, starred: true };
    await older.table('items').bulkPut([readItem, ...sampleItems.slice(1)].map(withoutPreview));
    await older.table('feeds').put(version1Feed);
    await older.table('settings').put({ key: 'sampleImported', value: 'yes' });
    const itemsBefore = await older.table('items').toArray();
    older.close();

    const current = new FieldNewsDb('field-news', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(10);
    expect(itemsBefore.every((item) => !('preview' in item))).toBe(true);
    expect(await current.items.toArray()).toEqual(itemsBefore.map((item: NewsItem) => storedNewsItem({ ...item, preview: previewText(item) })));
    expect((await current.items.get([sampleFeedKey, readItem.id]))?.preview).toMatch(/^\S.{40,}/);
    expect(await current.items.get([sampleFeedKey, readItem.id])).toMatchObject({ read: true, starred: true });
    expect(await current.feeds.get(sampleFeedKey)).toMatchObject({ ...version1Feed, pageValidators: {}, failures: 0, nextAttemptAt: null, gone: false, itemCount: 10, folder: null, walkResume: null, unreadCount: 9, starredCount: 1 });
    expect(await current.items.where('unreadSortDate').above('').count()).toBe(9);
    expect(await current.items.where('starredSortDate').above('').primaryKeys()).toEqual([[sampleFeedKey, readItem.id]]);
    expect(await current.settings.get('sampleImported')).toEqual({ key: 'sampleImported', value: 'yes' });
    current.close();
  });

  it('opens a database written by schema version 5, counting unread and starred items per feed and indexing those views', async () => {
    const indexedDB = new IDBFactory();
    const older = new Dexie('field-news', { indexedDB, IDBKeyRange });
    older.version(5).stores(schemaVersion5);
    const feedOf = (url: string, itemCount: number) => ({ url, title: url, builtIn: false, addedAt: '2026-01-01T00:00:00.000Z', lastSyncAt: null, lastError: null, pageValidators: {}, failures: 0, nextAttemptAt: null, gone: false, itemCount, folder: null, walkResume: null });
    const other = 'https://news.example/feed.json';
    // The sample: 3 read, 2 starred (one of them read); the other feed: 4 items, all unread, one starred. A third feed is empty.
    const sample = sampleItems.map((item, index) => ({ ...item, read: index < 3, starred: index === 0 || index === 5 }));
    const others = sampleItems.slice(0, 4).map((item, index) => ({ ...item, feedUrl: other, starred: index === 2 }));
    await older.table('items').bulkPut([...sample, ...others]);
    // Version 5 had counted items only, and one count had drifted: the upgrade counts again.
    await older.table('feeds').bulkPut([feedOf(sampleFeedKey, 10), feedOf(other, 3), feedOf('https://empty.example/feed', 0)]);
    older.close();

    const current = new FieldNewsDb('field-news', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(10);
    expect((await current.feeds.toArray()).map(({ url, itemCount, unreadCount, starredCount }) => ({ url, itemCount, unreadCount, starredCount }))).toEqual([
      { url: sampleFeedKey, itemCount: 10, unreadCount: 7, starredCount: 2 },
      { url: 'https://empty.example/feed', itemCount: 0, unreadCount: 0, starredCount: 0 },
      { url: other, itemCount: 4, unreadCount: 4, starredCount: 1 },
    ]);
    const unread = await current.items.where('unreadSortDate').above('').toArray();
    expect(unread).toHaveLength(11);
    expect(unread.every((item) => !item.read && item.unreadSortDate === item.sortDate)).toBe(true);
    const starred = await current.items.where('starredSortDate').above('').toArray();
    expect(starred.map((item) => item.feedUrl).sort()).toEqual([other, sampleFeedKey, sampleFeedKey].sort());
    expect(starred.every((item) => item.starred && item.starredSortDate === item.sortDate)).toBe(true);
    current.close();
  });

  it('opens a database written by schema version 8 with its news as it was, and the aggregator stores empty', async () => {
    const indexedDB = new IDBFactory();
    const older = new Dexie('field-news', { indexedDB, IDBKeyRange });
    older.version(8).stores(schemaVersion8);
    const stored = sampleItems.slice(0, 3).map((item) => storedNewsItem(item));
    await older.table('items').bulkPut(stored);
    older.close();
    const current = new FieldNewsDb('field-news', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(10);
    const after = await current.items.toArray();
    expect(after).toHaveLength(3);
    expect(after).toEqual(expect.arrayContaining(stored));
    expect([await current.accounts.count(), await current.readerChanges.count(), await current.accountSecrets.count()]).toEqual([0, 0, 0]);
    // Items of feeds fetched directly are not in the account index (sparse).
    expect(await current.items.where('[readerAccount+readerItemId]').above(['', '']).count()).toBe(0);
    current.close();
  });

  it('keeps the indexes the app queries by', async () => {
    const db = new FieldNewsDb('field-news', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    const indexNames = db.items.schema.indexes.map((index) => index.name).sort();
    expect(indexNames).toEqual(['[readerAccount+readerItemId]', 'places', 'placesVersion', 'sortDate', 'starredSortDate', 'unreadSortDate']);
    expect(db.items.schema.indexes.find((index) => index.name === 'places')?.multi).toBe(true);
    db.close();
  });
});
