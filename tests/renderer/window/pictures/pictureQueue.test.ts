// The picture queue against a real server on 127.0.0.1 and a real (fake-indexeddb) database. The resize
// runs in Chromium only (createImageBitmap, OffscreenCanvas): here a pass-through stands in, and the
// end-to-end test checks the real one.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../../shared/feed/feedItem';
import { fetchPicture, picturePolicy } from '../../../../shared/pictures/fetchPicture';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { createPictureRepository } from '../../../../renderer/db/pictureRepository';
import { createPictureQueue, type PictureProgress } from '../../../../renderer/window/pictures/pictureQueue';
import { makePng, servePictures, type PictureServer } from '../../../shared/pictures/pictureServer';
import { nodeTransport } from '../../../shared/sync/syncTestKit';

const feedUrl = 'http://127.0.0.1/feed.json';
const item = (id: string): FeedItem => ({ id, title: id, url: null, contentText: 't', contentHtml: null, summary: null, datePublished: '2026-01-01T00:00:00Z', dateModified: null, tags: [], authors: [], imageUrl: null, point: null });

let server: PictureServer;
let failing: PictureServer;
beforeAll(async () => {
  const pictures: Record<string, { body: Buffer; contentType: string }> = {};
  for (let index = 0; index < 6; index += 1) pictures[`/p${index}.png`] = { body: makePng(8, 8, 0, index + 1), contentType: 'image/png' };
  for (const name of ['wide', 'wide1', 'wide2']) pictures[`/${name}.png`] = { body: makePng(1700, 4), contentType: 'image/png' };
  server = await servePictures({ ...pictures, '/huge.jpg': { body: Buffer.alloc(11 * 1024 * 1024), contentType: 'image/jpeg' }, '/page.html': { body: Buffer.from('<html>'), contentType: 'text/html' } });
  // A host that refuses connections: a server started and stopped, its port now closed.
  failing = await servePictures({});
  await failing.close();
});
afterAll(async () => {
  await server.close();
});

let db: FieldNewsDb;
let progress: (PictureProgress | null)[];
let logged: string[];
let clock = 0;
beforeEach(async () => {
  db = new FieldNewsDb('field-news', { indexedDB: new IDBFactory(), IDBKeyRange });
  await createNewsRepository(db).storeFeedPage({ url: feedUrl, title: 'F', builtIn: false }, {
    title: 'F', homePageUrl: null, feedUrl: null, nextUrl: null, format: 'json-feed', language: null,
    items: ['a', 'b', 'c'].map(item),
    droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 },
  });
  progress = [];
  logged = [];
});

const queueWith = (overrides: { concurrency?: number; budgetBytes?: number; storeBatch?: number; hasteAbove?: number; whenSyncsQuiet?: () => Promise<void> } = {}) => {
  const requests: string[] = [];
  const shrunk: string[] = [];
  const writes: number[] = [];
  const repository = createPictureRepository(db, () => (clock += 1));
  const queue = createPictureQueue({
    fetchPicture: (request) => {
      requests.push(request.url);
      return fetchPicture(nodeTransport, request, picturePolicy('test'));
    },
    // The resize runs in Chromium only: this stands in, keeping the bytes and saying it was asked.
    shrink: (bytes, contentType, haste) => {
      shrunk.push(`${contentType}${haste ? ' in haste' : ''}`);
      return Promise.resolve({ blob: new Blob([bytes], { type: contentType }), width: 8, height: 8 });
    },
    repository: {
      ...repository,
      storePictures: (pictures) => {
        writes.push(pictures.length);
        return repository.storePictures(pictures);
      },
    },
    whenSyncsQuiet: overrides.whenSyncsQuiet ?? (() => Promise.resolve()),
    storeBatch: overrides.storeBatch ?? 25,
    budgetBytes: () => Promise.resolve(overrides.budgetBytes ?? 500 * 1024 * 1024),
    concurrency: overrides.concurrency ?? 3,
    hasteAbove: overrides.hasteAbove ?? 100,
    now: () => 1_000_000,
    random: () => 0.5,
    onProgress: (next) => progress.push(next),
    log: (_level, message) => logged.push(message),
  });
  return { queue, requests, shrunk, writes };
};
/** Lets every queued callback and pending I/O callback run once. */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const key = (id: string) => `${feedUrl}\n${id}`;

describe('the picture queue', () => {
  it('saves each picture once, shared by the items that name it, and says how far it is', async () => {
    const { queue, requests } = queueWith();
    queue.enqueue([
      { feedUrl, itemKey: key('a'), urls: [`${server.origin}/p0.png`, `${server.origin}/p1.png`] },
      { feedUrl, itemKey: key('b'), urls: [`${server.origin}/p0.png`] },
    ]);
    await queue.whenIdle();
    expect(requests).toEqual([`${server.origin}/p0.png`, `${server.origin}/p1.png`]);
    expect((await db.pictures.toArray()).map((record) => [record.url, record.itemKeys])).toEqual(
      expect.arrayContaining([[`${server.origin}/p0.png`, [key('a'), key('b')]], [`${server.origin}/p1.png`, [key('a')]]]),
    );
    expect(progress.at(0)).toEqual({ saved: 0, total: 2 });
    expect(progress).toContainEqual({ saved: 2, total: 2 });
    expect(progress.at(-1)).toBeNull();
    // A later page naming a saved picture adds its item without a download.
    queue.enqueue([{ feedUrl, itemKey: key('c'), urls: [`${server.origin}/p1.png`] }]);
    await queue.whenIdle();
    expect(requests).toHaveLength(2);
    expect((await createPictureRepository(db).readPicture(`${server.origin}/p1.png`))?.itemKeys).toEqual([key('a'), key('c')]);
  });

  it('refuses a huge picture and a page that is not a picture, and never asks for them again this session', async () => {
    const { queue, requests } = queueWith();
    const urls = [`${server.origin}/huge.jpg`, `${server.origin}/page.html`, `${server.origin}/p2.png`];
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls }]);
    await queue.whenIdle();
    expect((await db.pictures.toArray()).map((record) => record.url)).toEqual([`${server.origin}/p2.png`]);
    expect(logged.join('\n')).toMatch(/too-large/);
    expect(logged.join('\n')).toMatch(/not-a-picture/);
    queue.enqueue([{ feedUrl, itemKey: key('b'), urls }]);
    await queue.whenIdle();
    expect(requests).toHaveLength(3);
  });

  it('takes a missing picture (404) as that picture’s failure, not its host’s', async () => {
    const { queue, requests } = queueWith({ concurrency: 1 });
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls: [`${server.origin}/missing.png`, `${server.origin}/p5.png`] }]);
    await queue.whenIdle();
    expect(requests).toEqual([`${server.origin}/missing.png`, `${server.origin}/p5.png`]);
    expect(await db.pictures.count()).toBe(1);
  });

  it('backs off from a failing host: one try, then its other pictures wait for a later round', async () => {
    const { queue, requests } = queueWith({ concurrency: 1 });
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls: [`${failing.origin}/x.png`, `${failing.origin}/y.png`, `${server.origin}/p3.png`] }]);
    await queue.whenIdle();
    expect(requests).toEqual([`${failing.origin}/x.png`, `${server.origin}/p3.png`]);
    expect(await db.pictures.count()).toBe(1);
  });

  it('keeps the total within the budget when a round ends, and drops pictures no stored item names', async () => {
    // One picture per write, so each has its own save time and the oldest go first.
    const { queue } = queueWith({ concurrency: 1, storeBatch: 1, budgetBytes: makePng(8, 8, 0, 1).length * 2 + 10 });
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls: [0, 1, 2, 3].map((index) => `${server.origin}/p${index}.png`) }]);
    queue.enqueue([{ feedUrl, itemKey: key('gone'), urls: [`${server.origin}/p4.png`] }]);
    await queue.whenIdle();
    const left = (await db.pictures.toArray()).map((record) => record.url).sort();
    expect(left).toEqual([`${server.origin}/p2.png`, `${server.origin}/p3.png`]);
  });

  it('waits while a feed syncs: nothing is looked up, downloaded or written until the syncs are quiet', async () => {
    let quiet = false;
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const { queue, requests } = queueWith({ whenSyncsQuiet: () => (quiet ? Promise.resolve() : gate) });
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls: [`${server.origin}/p0.png`] }]);
    for (let turn = 0; turn < 20; turn += 1) await settle();
    expect(requests).toEqual([]);
    expect(progress).toEqual([]);
    expect(await db.pictures.count()).toBe(0);
    quiet = true;
    openGate();
    await queue.whenIdle();
    expect(requests).toEqual([`${server.origin}/p0.png`]);
    expect(await db.pictures.count()).toBe(1);
  });

  it('stores a still picture that fits as it was served, and sends only larger ones to the resize worker', async () => {
    const { queue, shrunk } = queueWith();
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls: [`${server.origin}/p0.png`, `${server.origin}/wide.png`] }]);
    await queue.whenIdle();
    expect(shrunk).toEqual(['image/png']);
    const small = await createPictureRepository(db).readPicture(`${server.origin}/p0.png`);
    expect(small && { width: small.width, height: small.height, type: small.blob.type }).toEqual({ width: 8, height: 8, type: 'image/png' });
    expect(Buffer.from(await (small?.blob ?? new Blob()).arrayBuffer())).toEqual(makePng(8, 8, 0, 1));
  });

  it('writes the pictures in batches, not one transaction each', async () => {
    const { queue, writes } = queueWith({ storeBatch: 2, concurrency: 1 });
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls: [0, 1, 2, 3, 4].map((index) => `${server.origin}/p${index}.png`) }]);
    await queue.whenIdle();
    expect(writes).toEqual([2, 2, 1]);
    expect(await db.pictures.count()).toBe(5);
    expect(progress).toContainEqual({ saved: 5, total: 5 });
  });

  it('asks the worker for the faster encoding while a long backlog waits, and for the smaller one after', async () => {
    const { queue, shrunk } = queueWith({ concurrency: 1, hasteAbove: 1 });
    queue.enqueue([{ feedUrl, itemKey: key('a'), urls: ['wide', 'wide1', 'wide2'].map((name) => `${server.origin}/${name}.png`) }]);
    await queue.whenIdle();
    expect(shrunk).toEqual(['image/png in haste', 'image/png', 'image/png']);
  });
});
