// Syncing with a team's aggregator, end to end: the web build in Chromium against a real FreshRSS
// (../shared/servers/start-freshrss) that fetches feeds served on 127.0.0.1. No stand-in for the
// Reader API: FreshRSS answers every call; the test looks at what the server holds through its API.
import type { Dialog } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCuttingProxy, type CuttingProxy } from '../../scripts/cuttingProxy';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { freshRssApiPassword, freshRssUser, startFreshRss, type FreshRss } from '../../scripts/freshRssServer';
import { readerApiClient, readerStates, type ReaderApiClient } from '../../scripts/readerApiClient';
import { closeSettings, openSettings, openWebApp, closeWebApp, type WebApp } from './webApp';

const newsOf = (place: string, count: number, from = 1) =>
  Array.from({ length: count }, (_, index) => ({
    id: `${place}-${from + index}`,
    url: `https://news.example.org/${place}/${from + index}`,
    title: `${place} report ${from + index}`,
    content_html: `<p>Report ${from + index} from ${place}: shelters and arrivals.</p>`,
    date_published: new Date(Date.UTC(2026, 10, 1, 9, 0, 0) + (from + index) * 3_600_000).toISOString(),
  }));

let freshRss: FreshRss;
let proxy: CuttingProxy;
let chiapas: FeedServer;
let peten: FeedServer;
let tapachula: FeedServer;
let server: ReaderApiClient;
let app: WebApp;

const status = () => app.page.getByRole('status').textContent();
/** An item's card by its link: Petén Border's items keep the ids the laptop gave them when it followed the feed itself (its guids). */
const card = (link: string) => app.page.locator(`article[data-item-id="${link.replace(/^https:\/\/news\.example\.org\/peten\/(\d+)$/, 'peten-$1')}"]`);
const syncNow = async () => {
  await closeSettings(app.page);
  await app.page.getByRole('button', { name: 'Sync now' }).click();
};
/** The server's id of the item with this link. */
const serverIdOf = async (link: string): Promise<string> => {
  const links = await server.links(await server.ids(readerStates.readingList));
  const found = [...links].find(([, href]) => href === link)?.[0];
  if (found === undefined) throw new Error(`${link} is not on the server`);
  return found;
};
const unreadOnServer = async () => new Set(await server.ids(readerStates.readingList, readerStates.read));
const connect = async (password: string) => {
  await openSettings(app.page);
  await app.page.getByLabel('Server address').fill(proxy.url);
  await app.page.getByLabel('User name').fill(freshRssUser);
  await app.page.getByLabel('API password').fill(password);
  await app.page.getByLabel('Remember on this device').setChecked(true);
  await app.page.getByRole('button', { name: 'Connect' }).click();
};
/** The stored items of the account, read from IndexedDB in the page. */
const storedAccountItems = () =>
  app.page.evaluate(
    () =>
      new Promise<{ id: string; readerItemId: string; read: boolean }[]>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const all = open.result.transaction('items').objectStore('items').getAll();
          all.onsuccess = () => {
            resolve((all.result as { id: string; readerItemId?: string; read: boolean }[]).flatMap((item) => (item.readerItemId ? [{ id: item.id, readerItemId: item.readerItemId, read: item.read }] : [])));
            open.result.close();
          };
        };
      }),
  );

beforeAll(async () => {
  chiapas = await startFeedServer({ items: newsOf('chiapas', 12), title: 'Chiapas Shelters', format: 'rss' });
  peten = await startFeedServer({ items: newsOf('peten', 8), title: 'Petén Border', format: 'rss' });
  tapachula = await startFeedServer({ items: newsOf('tapachula', 4), title: 'Tapachula Arrivals', format: 'rss' });
  freshRss = await startFreshRss();
  proxy = await startCuttingProxy(freshRss.apiUrl);
  server = await readerApiClient(freshRss.apiUrl, freshRssUser, freshRssApiPassword);
  await server.subscribe(chiapas.url);
  await server.subscribe(peten.url);
  app = await openWebApp();
  await app.page.locator('article[data-item-id]').first().waitFor();
}, 120_000);

afterAll(async () => {
  await closeWebApp(app);
  await proxy?.close();
  await freshRss?.close();
  await chiapas?.close();
  await peten?.close();
  await tapachula?.close();
});

describe('an aggregator account in web mode, against a real FreshRSS', () => {
  it('says a wrong API password in words, and keeps nothing', async () => {
    await connect('not-the-password');
    await expect.poll(() => app.page.locator('.account-message').textContent()).toMatch(/did not accept this user name and API password/);
    expect(await app.page.locator('.account-entry').count()).toBe(0);
  });

  it('connects, and shows the account\'s feeds and items, a feed also followed directly only once', async () => {
    // The laptop already follows Petén Border itself (its items keyed by their guids).
    await openSettings(app.page);
    await app.page.getByLabel('Feed URL').fill(peten.url);
    await app.page.getByRole('button', { name: 'Add feed' }).click();
    await card('https://news.example.org/peten/8').waitFor();
    await connect(freshRssApiPassword);
    await expect.poll(() => app.page.locator('.account-message').textContent()).toMatch(/Connected to FreshRSS as fieldnews/);
    await card('https://news.example.org/chiapas/12').waitFor();
    await card('https://news.example.org/peten/8').waitFor();
    // Petén Border's eight were already here: twelve are new.
    await expect.poll(status).toMatch(/^Synced with FreshRSS · 12 new · 0 read elsewhere/);
    // Over plain http the password crosses the network readable: the account says so.
    expect(await app.page.locator('.account-insecure').textContent()).toMatch(/^Not secure: this server is reached over plain http/);
    await closeSettings(app.page);
    await expect.poll(() => app.page.locator('.sidebar-entry', { hasText: 'Chiapas Shelters' }).count()).toBe(1);
    await expect.poll(() => app.page.locator('.sidebar-entry', { hasText: 'Petén Border' }).count()).toBe(1);
    const stored = await storedAccountItems();
    expect(stored).toHaveLength(20);
    // The eight items of Petén Border stayed under their guids, now known by their ids on the server too.
    expect(stored.filter((item) => item.id.startsWith('peten-'))).toHaveLength(8);
    expect(await app.page.locator('article[data-item-id^="https://news.example.org/peten/"]').count()).toBe(0);
  });

  it('keeps the API password and the token out of IndexedDB in clear (sealed, as Remember on this device asks)', async () => {
    const everything = await app.page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('field-news');
          open.onerror = () => reject(new Error('no database'));
          open.onsuccess = async () => {
            const database = open.result;
            const texts: string[] = [];
            for (const name of Array.from(database.objectStoreNames)) {
              const rows = await new Promise<unknown[]>((done) => {
                const all = database.transaction(name).objectStore(name).getAll();
                all.onsuccess = () => done(all.result);
              });
              texts.push(JSON.stringify(rows, (_key, value: unknown) => (value instanceof ArrayBuffer ? new TextDecoder().decode(value) : value)));
            }
            database.close();
            resolve(texts.join('\n'));
          };
        }),
    );
    expect(everything).toContain('fieldnews@');
    expect(everything).not.toContain(freshRssApiPassword);
    expect(everything).not.toMatch(/fieldnews\/[0-9a-f]{40}/);
  });

  it('adds, renames, moves and removes a feed of the account on the server', async () => {
    await openSettings(app.page);
    await app.page.getByLabel('Feed address to add to FreshRSS').fill(tapachula.url);
    await app.page.getByRole('button', { name: 'Add to FreshRSS' }).click();
    await expect.poll(async () => (await server.subscriptions()).some((feed) => feed.url === tapachula.url)).toBe(true);
    await card('https://news.example.org/tapachula/4').waitFor();
    await closeSettings(app.page);
    const entry = app.page.locator('.sidebar-entry', { hasText: 'Tapachula Arrivals' });
    await entry.click();
    const answers = ['Tapachula Chiapas', 'Southern border'];
    const answerPrompt = (dialog: Dialog) => void (dialog.type() === 'prompt' ? dialog.accept(answers.shift()) : dialog.accept());
    app.page.on('dialog', answerPrompt);
    await app.page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect.poll(async () => (await server.subscriptions()).find((feed) => feed.url === tapachula.url)?.title).toBe('Tapachula Chiapas');
    await app.page.locator('.sidebar-entry', { hasText: 'Tapachula Chiapas' }).click();
    await app.page.getByRole('button', { name: 'Move to folder' }).click();
    await expect.poll(async () => (await server.subscriptions()).find((feed) => feed.url === tapachula.url)?.folder).toBe('Southern border');
    await app.page.locator('.sidebar-entry', { hasText: 'Tapachula Chiapas' }).click();
    await app.page.getByRole('button', { name: 'Remove feed Tapachula Chiapas' }).click();
    await expect.poll(async () => (await server.subscriptions()).some((feed) => feed.url === tapachula.url)).toBe(false);
    await expect.poll(() => app.page.locator('.sidebar-entry', { hasText: 'Tapachula' }).count()).toBe(0);
    app.page.off('dialog', answerPrompt);
    await app.page.locator('.sidebar-entry[data-view="all"]').click();
  });

  it('sends an item read and another starred here to the server', async () => {
    const readHere = 'https://news.example.org/chiapas/12';
    const starredHere = 'https://news.example.org/peten/3';
    await card(readHere).click();
    await app.page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Mark as unread' }).waitFor();
    await card(starredHere).getByRole('button', { name: 'Star' }).click();
    await syncNow();
    const [readId, starredId] = [await serverIdOf(readHere), await serverIdOf(starredHere)];
    await expect.poll(async () => (await unreadOnServer()).has(readId)).toBe(false);
    await expect.poll(async () => (await server.ids(readerStates.starred)).includes(starredId)).toBe(true);
  });

  it('shows an item read on the server (another laptop) after the next sync', async () => {
    const readElsewhere = 'https://news.example.org/chiapas/5';
    expect(await card(readElsewhere).getAttribute('class')).toContain('news-card--unread');
    await server.editTag([await serverIdOf(readElsewhere)], 'read', true);
    // Every status line from here on: a sync that follows this one (the app's own, after the changes
    // sent before) finds nothing new and says "0 read elsewhere", so the line may have moved on.
    await app.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
      new MutationObserver(() => seen.push(document.querySelector('[role="status"]')?.textContent ?? '')).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await syncNow();
    await expect.poll(() => card(readElsewhere).getAttribute('class')).not.toContain('news-card--unread');
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen.join('\n'))).toMatch(/· 1 read elsewhere/);
  });

  it('keeps three items marked while the server is stopped, through a restart, and sends them when it is back', async () => {
    const marked = ['https://news.example.org/peten/1', 'https://news.example.org/peten/2', 'https://news.example.org/chiapas/1'];
    const ids = await Promise.all(marked.map(serverIdOf));
    await freshRss.stop();
    for (const link of marked) {
      await card(link).click();
      await expect.poll(() => card(link).getAttribute('class')).not.toContain('news-card--unread');
    }
    await syncNow();
    await expect.poll(status).toMatch(/could not|did not|no connection|refused/i);
    // Restart the app: a new page in the same browser profile (its IndexedDB, not its session).
    await app.page.close();
    app.page = await app.context.newPage();
    await app.page.goto(app.server.url);
    await card(marked[0] ?? '').waitFor();
    await openSettings(app.page);
    await expect.poll(() => app.page.locator('.account-entry').textContent()).toMatch(/3 changes of read or starred waiting to be sent/);
    await freshRss.start();
    await syncNow();
    await expect.poll(async () => {
      const unread = await unreadOnServer();
      return ids.filter((id) => unread.has(id)).length;
    }).toBe(0);
    await openSettings(app.page);
    await expect.poll(() => app.page.locator('.account-entry').textContent()).not.toMatch(/waiting to be sent/);
  });

  it('loses nothing when the server goes away in the middle of a sync, and stores nothing twice after', async () => {
    chiapas.setItems([...newsOf('chiapas', 12), ...newsOf('chiapas', 600, 13)]);
    await freshRss.refresh();
    // The first batch of contents passes; the connection drops on the second batch, and on all after it.
    proxy.cutAfter(1, (method, path) => method === 'POST' && path.includes('/stream/items/contents'));
    await syncNow();
    await expect.poll(status).toMatch(/could not|did not|no connection|refused|cut/i);
    const partial = await storedAccountItems();
    expect(partial.length).toBeGreaterThan(20);
    expect(partial.length).toBeLessThan(620);
    proxy.heal();
    await syncNow();
    await expect.poll(async () => (await storedAccountItems()).length, { timeout: 30_000 }).toBe(620);
    const stored = await storedAccountItems();
    expect(new Set(stored.map((item) => item.readerItemId)).size).toBe(620);
    expect(new Set(stored.map((item) => item.id)).size).toBe(620);
    await closeSettings(app.page);
    expect(await app.page.locator('.sidebar-entry', { hasText: 'Chiapas Shelters' }).locator('.sidebar-count').textContent()).toMatch(/^6\d\d$/);
    // The earlier read states came through the cut too.
    const readHere = stored.find((item) => item.id === 'https://news.example.org/chiapas/12');
    expect(readHere?.read).toBe(true);
  });
});
