// Pictures saved at sync time and shown from storage only, in the web build in Chromium: a feed whose
// items name pictures on 127.0.0.1 is synced, the picture server is stopped, the page reloads, and the
// opened item shows its lead picture and the picture in its text as blob: URLs, with no picture request
// after the reload. "None" saves none; a 20 MB picture is refused and the sync still completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPictureMode as writePictureMode } from '../../scripts/benchSyncPictures';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import type { PictureMode } from '../../shared/pictures/pictureSettings';
import { makePng, servePictures, type PictureServer } from '../shared/pictures/pictureServer';
import { addFeed as addFeedInSettings, closeWebApp, openWebApp, type WebApp } from './webApp';

let app: WebApp;
let pictures: PictureServer;
let feed: FeedServer;
let quietFeed: FeedServer;
const pictureRequestsSeenByPage: string[] = [];

const items = (origin: string, prefix: string) => [
  {
    id: `${prefix}-flood`,
    title: `${prefix} Flood in Tapachula`,
    image: `${origin}/${prefix}-lead.png`,
    content_html: `<p>The river rose overnight.</p><p><img src="${origin}/${prefix}-inline.png" alt="The river at dawn"></p><p><img src="${origin}/gone.png" alt="A map of the shelters"></p>`,
    date_published: '2026-11-20T09:00:00Z',
  },
  { id: `${prefix}-huge`, title: `${prefix} A very large picture`, image: `${origin}/huge.jpg`, content_text: 'Too large to save.', date_published: '2026-11-19T09:00:00Z' },
];

/** The pictures table as the page's own IndexedDB holds it: address, width, height, type and size. */
const storedPictures = () =>
  app.page.evaluate(
    () =>
      new Promise<{ url: string; width: number; height: number; type: string; bytes: number }[]>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const request = open.result.transaction('pictures').objectStore('pictures').getAll();
          request.onsuccess = () => {
            const records = request.result as { url: string; width: number; height: number; blob: Blob; bytes: number }[];
            resolve(records.map(({ url, width, height, blob, bytes }) => ({ url, width, height, type: blob.type, bytes })));
            open.result.close();
          };
        };
      }),
  );

const setPictureMode = (mode: PictureMode) => writePictureMode(app.page, mode);

const addFeed = (url: string) => addFeedInSettings(app.page, url);

beforeAll(async () => {
  pictures = await servePictures({
    '/pic-lead.png': { body: makePng(2400, 1200, 8, 3), contentType: 'image/png' },
    '/pic-inline.png': { body: makePng(320, 200, 0, 4), contentType: 'image/png' },
    '/none-lead.png': { body: makePng(20, 20), contentType: 'image/png' },
    '/none-inline.png': { body: makePng(20, 20), contentType: 'image/png' },
    '/huge.jpg': { body: Buffer.alloc(20 * 1024 * 1024, 9), contentType: 'image/jpeg' },
  });
  feed = await startFeedServer({ items: items(pictures.origin, 'pic'), title: 'Pictures News' });
  quietFeed = await startFeedServer({ items: items(pictures.origin, 'none'), title: 'No Pictures News' });
  app = await openWebApp();
  app.page.on('request', (request) => {
    if (request.url().startsWith(pictures.origin)) pictureRequestsSeenByPage.push(request.url());
  });
  await app.page.locator('article[data-item-id]').first().waitFor();
});
afterAll(async () => {
  await closeWebApp(app);
  await feed.close();
  await quietFeed.close();
  await pictures.close();
});

describe('pictures saved at sync time', () => {
  it('saves the lead picture and the picture in the text, scaled to 1,600 px, and refuses the 20 MB one while the sync completes', async () => {
    await setPictureMode('all');
    await addFeed(feed.url);
    await app.page.locator('article[data-item-id="pic-flood"]').waitFor();
    await expect.poll(() => app.page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Updated just now · 2 new/);
    await expect.poll(async () => (await storedPictures()).map((picture) => picture.url).sort(), { timeout: 20_000 }).toEqual([`${pictures.origin}/pic-inline.png`, `${pictures.origin}/pic-lead.png`]);
    const stored = await storedPictures();
    const lead = stored.find((picture) => picture.url.endsWith('/pic-lead.png'));
    expect(lead).toMatchObject({ width: 1600, height: 800, type: 'image/webp' });
    // The small one fits and is kept byte for byte.
    expect(stored.find((picture) => picture.url.endsWith('/pic-inline.png'))).toMatchObject({ width: 320, height: 200, type: 'image/png' });
    await expect.poll(() => pictures.requests, { timeout: 20_000 }).toContain('/huge.jpg');
  });

  it('saves none under "Save pictures: none"', async () => {
    await setPictureMode('none');
    const before = (await storedPictures()).length;
    await addFeed(quietFeed.url);
    await app.page.locator('article[data-item-id="none-flood"]').waitFor();
    await expect.poll(() => app.page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Updated just now · 2 new/);
    expect((await storedPictures()).length).toBe(before);
    expect(pictures.requests.filter((path) => path.startsWith('/none-'))).toEqual([]);
    await setPictureMode('all');
  });
  it('shows them from storage after the picture server is gone and the page reloads, asking the network for none', async () => {
    await pictures.close();
    const before = pictureRequestsSeenByPage.length;
    await app.page.reload();
    // The list's card shows the item's own picture from storage too.
    await expect.poll(() => app.page.locator('article[data-item-id="pic-flood"] img[src^="blob:"]').count(), { timeout: 10_000 }).toBe(1);
    await app.page.locator('article[data-item-id="pic-flood"]').click();
    const reader = app.page.locator('.reader');
    await expect.poll(() => reader.locator('img[src^="blob:"]').count(), { timeout: 10_000 }).toBe(2);
    const sizes = await reader.locator('img[src^="blob:"]').evaluateAll((images) => (images as HTMLImageElement[]).map((image) => image.naturalWidth));
    expect(sizes.sort((a, b) => a - b)).toEqual([320, 1600]);
    // The picture that was never saved is a quiet placeholder with its alt text, not a request.
    await expect.poll(() => reader.getByRole('img', { name: 'Picture not saved: “A map of the shelters”' }).count()).toBe(1);
    expect(await reader.locator('img:not([src^="blob:"])').count()).toBe(0);
    expect(pictureRequestsSeenByPage.slice(before)).toEqual([]);
  });

});
