import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { parseWorkerPays } from '../../renderer/workers/sync/feedParser';
import { articleIds, closeSettings, closeWebApp, openSettings, openWebApp, type WebApp } from './webApp';

const regionalItems = Array.from({ length: 25 }, (_, index) => ({
  id: `tapachula-${index + 1}`,
  title: `Shelter report ${index + 1} from Tapachula`,
  content_text: `Report number ${index + 1} on the shelters of Tapachula, Chiapas.`,
  date_published: `2026-11-${String(index + 1).padStart(2, '0')}T09:00:00Z`,
}));

let app: WebApp;
let server: FeedServer;
let hostile: FeedServer;

const status = () => app.page.getByRole('status').textContent();
const feedUrlField = async () => {
  await openSettings(app.page);
  return app.page.getByLabel('Feed URL');
};

beforeAll(async () => {
  server = await startFeedServer({ items: regionalItems, title: 'Tapachula Shelters', pageSize: 10 });
  hostile = await startFeedServer({ fault: { kind: 'hostile-html' }, title: 'Hostile News' });
  app = await openWebApp();
  await app.page.locator('article[data-item-id]').nth(9).waitFor();
});
afterAll(async () => {
  await closeWebApp(app);
  await hostile.close();
});

describe('syncing a feed in web mode', () => {
  it('refuses an address that is not a web address, with a clear message', async () => {
    await (await feedUrlField()).fill('ftp://files.example.org/feed.json');
    await app.page.getByRole('button', { name: 'Add feed' }).click();
    await expect.poll(() => app.page.getByRole('alert').textContent()).toMatch(/not from "ftp" addresses/);
    await (await feedUrlField()).fill('');
  });

  it('adds a feed served on 127.0.0.1, syncs all its pages and shows its items', async () => {
    await (await feedUrlField()).fill(server.url);
    await app.page.getByRole('button', { name: 'Add feed' }).click();
    await app.page.locator('article[data-item-id="tapachula-25"]').waitFor();
    await expect.poll(status).toMatch(/^Updated just now · 25 new/);
    const ids = await articleIds(app.page);
    expect(ids.filter((id) => id?.startsWith('tapachula-'))).toHaveLength(25);
    expect(ids).toHaveLength(35);
    expect(server.requests.filter((request) => request.status === 200).map((request) => request.path)).toEqual([
      '/feed.json',
      '/feed.json?page=2',
      '/feed.json?page=3',
    ]);
    await expect.poll(() => app.page.getByText('Tapachula Shelters').count()).toBeGreaterThan(0);
  });

  it('reads the pages in the parse worker where the machine has cores to spare (started under the server’s Trusted Types header), else on the sync worker', async () => {
    // A worker's count, as the sync worker sees it, asked in a blank page (the app's policy refuses a script from a blob).
    const blank = await app.context.newPage();
    const cores = await blank.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const worker = new Worker(URL.createObjectURL(new Blob(['postMessage(navigator.hardwareConcurrency)'], { type: 'text/javascript' })));
          worker.onmessage = (event: MessageEvent<number>) => resolve(event.data);
        }),
    );
    await blank.close();
    // The parse worker's script is fetched only when Trusted Types let the sync worker start it.
    const fetched = app.server.served.filter((served) => /parse\.worker/.test(served)).length;
    if (parseWorkerPays(cores)) expect(fetched).toBeGreaterThan(0);
    else expect(fetched).toBe(0);
  });

  it('asks again with the stored validators and writes nothing when the feed did not change', async () => {
    await closeSettings(app.page);
    const before = server.requests.length;
    await app.page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => server.requests.length).toBeGreaterThan(before);
    await expect.poll(status).toMatch(/· 0 new/);
    // Conditional requests carry If-None-Match, so the browser sends a CORS preflight (204) first.
    const answers = server.requests.slice(before).filter((request) => request.status !== 204);
    expect(answers[0]).toMatchObject({ path: '/feed.json', status: 304 });
    expect(answers[0]?.headers['if-none-match']).toBeTruthy();
  });

  it('says what went wrong when the server is gone, and keeps every item', async () => {
    await server.close();
    await app.page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(status).toMatch(/^Tapachula Shelters: .*Next try in \d+ minutes?/);
    expect(await articleIds(app.page)).toHaveLength(35);
    await openSettings(app.page);
    await app.page.getByText(/Feeds \(2\)/).click();
    await expect.poll(() => app.page.getByText(/Last try failed/).count()).toBe(1);
    await closeSettings(app.page);
  });

  it('makes no request while offline and says so; the items stay', async () => {
    await app.context.setOffline(true);
    await expect.poll(status).toMatch(/^Offline — showing saved news/);
    await app.page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => app.page.getByRole('alert').textContent()).toMatch(/no request was made/);
    expect(await articleIds(app.page)).toHaveLength(35);
    await app.context.setOffline(false);
  });

  it('stores a hostile feed but never runs its script when the item is read', async () => {
    await (await feedUrlField()).fill(hostile.url);
    await app.page.getByRole('button', { name: 'Add feed' }).click();
    const item = app.page.locator('article[data-item-id="hostile-1"]');
    await item.waitFor();
    await closeSettings(app.page);
    await item.click();
    const body = app.page.locator('.reader-body');
    await expect.poll(() => body.textContent()).toContain('Before');
    expect(await body.locator('script, [onerror]').count()).toBe(0);
    expect(await body.locator('a[href^="javascript:"]').count()).toBe(0);
    await body.getByText('link').click();
    // Give a script that slipped through every chance to run before looking for its trace.
    await app.page.waitForTimeout(300);
    expect(await app.page.evaluate(() => (window as { __fieldNewsInjected?: unknown }).__fieldNewsInjected)).toBeUndefined();
    // The stored copy keeps the feed's text as sent: sanitizing happens only on display.
    const stored = await app.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('field-news');
          open.onsuccess = () => {
            const read = open.result.transaction('items').objectStore('items').getAll();
            read.onsuccess = () => resolve(JSON.stringify(read.result.filter((entry: { id: string }) => entry.id === 'hostile-1')));
          };
        }),
    );
    expect(stored).toContain('<script>');
  });

  it('removes a feed and its items when the user confirms', async () => {
    await openSettings(app.page);
    await app.page.getByText(/^Feeds \(3\)/).click();
    app.page.once('dialog', (dialog) => void dialog.accept());
    await app.page.getByRole('button', { name: 'Remove Hostile News' }).click();
    await expect.poll(async () => (await articleIds(app.page)).includes('hostile-1')).toBe(false);
    expect(await articleIds(app.page)).toHaveLength(35);
    await expect.poll(() => app.page.getByText(/Feeds \(2\)/).count()).toBe(1);
  });
});
