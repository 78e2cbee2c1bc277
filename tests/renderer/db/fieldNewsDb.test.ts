import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewText } from '../../../shared/feed/itemPreview';
import { mergeFeedItem, type NewsItem } from '../../../shared/feed/newsItem';
import { parseJsonFeedText } from '../../../shared/feed/parseJsonFeed';
import { sampleFeedKey } from '../../../shared/feed/sampleFeed';
import { FieldNewsDb, schemaVersion1 } from '../../../renderer/db/fieldNewsDb';
import { sampleFeedPath } from '../../../scripts/sampleFeed';

const page = parseJsonFeedText(readFileSync(sampleFeedPath, 'utf8'));
if (!page.ok) throw new Error(page.error);
const sampleItems = page.value.items.map((item) => mergeFeedItem(undefined, item, sampleFeedKey, '2026-01-01T00:00:00.000Z')!);

describe('upgrading the database', () => {
  it('opens a database written by schema version 1 with every item kept, adding sync state, item counts, folders and previews', async () => {
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
    expect(current.verno).toBe(5);
    expect(itemsBefore.every((item) => !('preview' in item))).toBe(true);
    expect(await current.items.toArray()).toEqual(itemsBefore.map((item: NewsItem) => ({ ...item, preview: previewText(item) })));
    expect((await current.items.get([sampleFeedKey, readItem.id]))?.preview).toMatch(/^\S.{40,}/);
    expect(await current.items.get([sampleFeedKey, readItem.id])).toMatchObject({ read: true, starred: true });
    expect(await current.feeds.get(sampleFeedKey)).toMatchObject({ ...version1Feed, pageValidators: {}, failures: 0, nextAttemptAt: null, gone: false, itemCount: 10, folder: null, walkResume: null });
    expect(await current.settings.get('sampleImported')).toEqual({ key: 'sampleImported', value: 'yes' });
    current.close();
  });

  it('keeps the indexes the app queries by', async () => {
    const db = new FieldNewsDb('field-news', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    const indexNames = db.items.schema.indexes.map((index) => index.name).sort();
    expect(indexNames).toEqual(['places', 'placesVersion', 'sortDate']);
    expect(db.items.schema.indexes.find((index) => index.name === 'places')?.multi).toBe(true);
    db.close();
  });
});
