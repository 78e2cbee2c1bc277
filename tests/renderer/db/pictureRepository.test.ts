import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../shared/feed/feedItem';
import { newsItemKeyText } from '../../../shared/feed/newsItem';
import { pictureKey } from '../../../shared/pictures/pictureKey';
import { FieldNewsDb, schemaVersion6 } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../renderer/db/newsRepository';
import { createPictureRepository } from '../../../renderer/db/pictureRepository';

const feed = { url: 'https://a.example/feed.json', title: 'A', builtIn: false };
const item = (id: string): FeedItem => ({
  id,
  title: `Item ${id}`,
  url: null,
  contentText: 'text',
  contentHtml: null,
  summary: null,
  datePublished: '2026-01-01T00:00:00Z',
  dateModified: null,
  tags: [],
  authors: [],
  imageUrl: null,
  point: null,
});
const keyOf = (id: string) => newsItemKeyText({ feedUrl: feed.url, id });
const blobOf = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: 'image/webp' });

let db: FieldNewsDb;
let now = 1_000;
beforeEach(async () => {
  db = new FieldNewsDb('field-news', { indexedDB: new IDBFactory(), IDBKeyRange });
  await createNewsRepository(db).storeFeedPage(feed, {
    title: 'A', homePageUrl: null, feedUrl: null, nextUrl: null, format: 'json-feed', language: null,
    items: ['1', '2', '3'].map(item),
    droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 },
  });
});
const pictures = () => createPictureRepository(db, () => (now += 1));

describe('saved pictures', () => {
  it('are stored once per address and shared by the items that name it', async () => {
    const repository = pictures();
    expect(await repository.addPictureUsers([{ url: 'https://p/1.jpg', itemKey: keyOf('1') }])).toEqual(new Set());
    await repository.storePictures([{ picture: { url: 'https://p/1.jpg', blob: blobOf(100), width: 10, height: 10 }, itemKeys: [keyOf('1')] }]);
    expect(await repository.addPictureUsers([{ url: 'https://p/1.jpg', itemKey: keyOf('2') }])).toEqual(new Set(['https://p/1.jpg']));
    expect(await repository.addPictureUsers([{ url: 'https://p/1.jpg', itemKey: keyOf('2') }])).toEqual(new Set(['https://p/1.jpg']));
    expect(await db.pictures.count()).toBe(1);
    expect((await repository.readPicture('https://p/1.jpg'))?.itemKeys).toEqual([keyOf('1'), keyOf('2')]);
    expect(await repository.pictureUsage()).toEqual({ count: 1, bytes: 100 });
  });

  it('are written in batches: one write for many, joining the items of a picture already saved and of the same picture twice in the batch', async () => {
    const repository = pictures();
    await repository.storePictures([{ picture: { url: 'https://p/1.jpg', blob: blobOf(10), width: 1, height: 1 }, itemKeys: [keyOf('1')] }]);
    await repository.storePictures([
      { picture: { url: 'https://p/1.jpg', blob: blobOf(12), width: 2, height: 2 }, itemKeys: [keyOf('2')] },
      { picture: { url: 'https://p/2.jpg', blob: blobOf(20), width: 1, height: 1 }, itemKeys: [keyOf('2')] },
      { picture: { url: 'https://p/2.jpg', blob: blobOf(20), width: 1, height: 1 }, itemKeys: [keyOf('3')] },
    ]);
    expect((await repository.readPicture('https://p/1.jpg'))?.itemKeys).toEqual([keyOf('1'), keyOf('2')]);
    expect((await repository.readPicture('https://p/2.jpg'))?.itemKeys).toEqual([keyOf('2'), keyOf('3')]);
    expect(await repository.pictureUsage()).toEqual({ count: 2, bytes: 32 });
  });

  it('join many items to the saved ones in one go, and say which need a download', async () => {
    const repository = pictures();
    await repository.storePictures([{ picture: { url: 'https://p/1.jpg', blob: blobOf(10), width: 1, height: 1 }, itemKeys: [keyOf('1')] }]);
    const saved = await repository.addPictureUsers([
      { url: 'https://p/1.jpg', itemKey: keyOf('2') },
      { url: 'https://p/1.jpg', itemKey: keyOf('1') },
      { url: 'https://p/new.jpg', itemKey: keyOf('3') },
    ]);
    expect([...saved]).toEqual(['https://p/1.jpg']);
    expect((await repository.readPicture('https://p/1.jpg'))?.itemKeys).toEqual([keyOf('1'), keyOf('2')]);
    expect(await db.pictures.count()).toBe(1);
  });

  it('never hands out the picture of another address stored under the same key', async () => {
    const repository = pictures();
    await db.pictures.put({ key: pictureKey('https://p/b.jpg'), url: 'https://p/other.jpg', blob: blobOf(1), bytes: 1, width: 1, height: 1, savedAt: 0, itemKeys: [keyOf('1')] });
    expect(await repository.readPicture('https://p/b.jpg')).toBeUndefined();
    expect(await repository.addPictureUsers([{ url: 'https://p/b.jpg', itemKey: keyOf('2') }])).toEqual(new Set());
  });

  it('go when no stored item names them any more (reference counting over feed removal)', async () => {
    const repository = pictures();
    await repository.storePictures([{ picture: { url: 'https://p/shared.jpg', blob: blobOf(10), width: 1, height: 1 }, itemKeys: [keyOf('1'), keyOf('2')] }]);
    await repository.storePictures([{ picture: { url: 'https://p/own.jpg', blob: blobOf(10), width: 1, height: 1 }, itemKeys: [keyOf('3')] }]);
    await db.items.delete([feed.url, '1']);
    expect(await repository.releaseUnusedPictures()).toBe(0);
    expect((await repository.readPicture('https://p/shared.jpg'))?.itemKeys).toEqual([keyOf('2')]);
    await createNewsRepository(db).removeFeed(feed.url);
    expect(await repository.releaseUnusedPictures()).toBe(2);
    expect(await db.pictures.count()).toBe(0);
  });

  it('sweep in batches past the first batch', async () => {
    const repository = pictures();
    await repository.storePictures(Array.from({ length: 450 }, (_, index) => ({ picture: { url: `https://p/${index}.jpg`, blob: blobOf(1), width: 1, height: 1 }, itemKeys: [`gone\n${index}`] })));
    await repository.storePictures([{ picture: { url: 'https://p/kept.jpg', blob: blobOf(1), width: 1, height: 1 }, itemKeys: [keyOf('1')] }]);
    expect(await repository.releaseUnusedPictures()).toBe(450);
    expect((await db.pictures.toArray()).map((record) => record.url)).toEqual(['https://p/kept.jpg']);
  });

  it('over the budget, the oldest pictures of unstarred items go first and starred items’ last', async () => {
    const repository = pictures();
    await repository.storePictures([{ picture: { url: 'https://p/oldest-starred.jpg', blob: blobOf(100), width: 1, height: 1 }, itemKeys: [keyOf('1')] }]);
    await repository.storePictures([{ picture: { url: 'https://p/old.jpg', blob: blobOf(100), width: 1, height: 1 }, itemKeys: [keyOf('2')] }]);
    await repository.storePictures([{ picture: { url: 'https://p/new.jpg', blob: blobOf(100), width: 1, height: 1 }, itemKeys: [keyOf('3')] }]);
    await createNewsRepository(db).setStarred([feed.url, '1'], true);
    expect(await repository.keepWithinBudget(300)).toBe(0);
    expect(await repository.keepWithinBudget(150)).toBe(2);
    expect((await db.pictures.toArray()).map((record) => record.url)).toEqual(['https://p/oldest-starred.jpg']);
    expect(await repository.keepWithinBudget(50)).toBe(1);
  });

  it('arrive with schema version 7 (and stay through the later ones), which keeps a version 6 database whole', async () => {
    const indexedDB = new IDBFactory();
    const older = new Dexie('field-news', { indexedDB, IDBKeyRange });
    older.version(6).stores(schemaVersion6);
    await older.table('settings').put({ key: 'kept', value: 'yes' });
    older.close();
    const current = new FieldNewsDb('field-news', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(10);
    expect(await current.settings.get('kept')).toEqual({ key: 'kept', value: 'yes' });
    expect(await current.pictures.count()).toBe(0);
    current.close();
  });
});
