// A sync killed halfway (the window's process crashes) resumes where it stopped: the pages stored
// before the crash are whole, and the next start brings every other item, going on from the resume
// point instead of stopping at an unchanged first page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { addFeed, closeWebApp, openWebApp, type WebApp } from './webApp';

const pageSize = 10;
const pages = 20;
const items = Array.from({ length: pages * pageSize }, (_, index) => ({
  id: `shelter-${String(index + 1).padStart(3, '0')}`,
  title: `Shelter bulletin ${index + 1}`,
  content_text: `Bulletin ${index + 1} on the shelters of Tapachula.`,
  date_published: `2026-10-${String((index % 28) + 1).padStart(2, '0')}T09:00:00Z`,
}));

let app: WebApp;
let server: FeedServer;

/** The feed's stored item ids and resume point, read straight from IndexedDB in the given page. */
const storedState = (page: WebApp['page'], feedUrl: string) =>
  page.evaluate(
    (url) =>
      new Promise<{ ids: string[]; walkResume: { pageNumber: number } | null }>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const transaction = open.result.transaction(['items', 'feeds']);
          const keys = transaction.objectStore('items').getAllKeys(IDBKeyRange.bound([url, ''], [url, []]));
          const feed = transaction.objectStore('feeds').get(url);
          transaction.oncomplete = () => {
            open.result.close();
            const record = feed.result as { walkResume: { pageNumber: number } | null } | undefined;
            resolve({ ids: (keys.result as [string, string][]).map(([, id]) => id), walkResume: record?.walkResume ?? null });
          };
        };
      }),
    feedUrl,
  );

beforeAll(async () => {
  // Slow enough (half a second a page) to crash the window after a few of the 20 pages.
  server = await startFeedServer({ items, title: 'Twenty Pages of Shelters', pageSize, delayMs: 500 });
  app = await openWebApp();
  await app.page.locator('article[data-item-id]').nth(9).waitFor();
});
afterAll(async () => {
  await closeWebApp(app);
  await server.close();
});

describe('a sync interrupted by a crash', () => {
  it('keeps whole pages, then the next start brings every item from where it stopped', async () => {
    await addFeed(app.page, server.url);
    await expect.poll(async () => (await storedState(app.page, server.url)).ids.length, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(3 * pageSize);

    // Kill the window's renderer process (and the sync worker in it), as a crash or power loss would.
    const devtools = await app.context.newCDPSession(app.page);
    devtools.send('Page.crash').catch(() => undefined);
    await new Promise<void>((resolve) => app.page.once('crash', () => resolve()));

    // Look at the database from a page of the same origin that does not start the app.
    const look = await app.context.newPage();
    await look.goto(new URL('favicon.svg', app.server.url).href);
    const afterCrash = await storedState(look, server.url);
    expect(afterCrash.ids.length % pageSize).toBe(0);
    expect(afterCrash.ids.length).toBeLessThan(items.length);
    const storedPages = afterCrash.ids.length / pageSize;
    expect(afterCrash.walkResume).toMatchObject({ pageNumber: storedPages + 1 });
    await look.close();
    // A download that was on its way when the window died is still answered (late, by the slow
    // server): wait until the server has answered it, so it is not taken for the new sync's first
    // request (a fixed pause was too short on a loaded machine).
    await expect.poll(() => server.waiting, { timeout: 10_000, interval: 50 }).toBe(0);

    // Start the app again: it syncs at start-up, asks for page 1 (unchanged: 304), then goes on from the resume point.
    const before = server.requests.length;
    const reopened = await app.context.newPage();
    await reopened.goto(app.server.url);
    await expect.poll(() => reopened.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Updated/);
    const final = await storedState(reopened, server.url);
    expect(final.ids.sort()).toEqual(items.map((item) => item.id).sort());
    expect(final.walkResume).toBeNull();
    const answered = server.requests.slice(before).filter((request) => request.status !== 204);
    expect(answered[0]).toMatchObject({ path: '/feed.json', status: 304 });
    expect(answered[1]).toMatchObject({ path: `/feed.json?page=${storedPages + 1}`, status: 200 });
    expect(answered.filter((request) => request.status === 200)).toHaveLength(pages - storedPages);
    await expect.poll(() => reopened.locator('article[data-item-id^="shelter-"]').count()).toBeGreaterThan(0);
  });
});
