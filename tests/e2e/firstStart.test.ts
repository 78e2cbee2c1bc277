import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFeedPath } from '../../scripts/sampleFeed';
import { articleIds, closeWebApp, openWebApp, type WebApp } from './webApp';

const sample = JSON.parse(readFileSync(sampleFeedPath, 'utf8')) as { items: { id: string; title: string; content_text: string; date_published: string }[] };
// Newest first; items of one day in a stable order (by id, as the database index gives them).
const newestFirst = [...sample.items].sort((left, right) =>
  right.date_published === left.date_published ? right.id.localeCompare(left.id) : right.date_published.localeCompare(left.date_published),
);
const sampleIds = newestFirst.map((item) => item.id);

let app: WebApp;
beforeAll(async () => {
  app = await openWebApp();
});
afterAll(() => closeWebApp(app));

const countStoredItems = () =>
  app.page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('field-news');
        request.onerror = () => reject(new Error('cannot open the database'));
        request.onsuccess = () => {
          const count = request.result.transaction('items').objectStore('items').count();
          count.onsuccess = () => {
            resolve(count.result);
            request.result.close();
          };
        };
      }),
  );

/** Ids of the items stored as read, straight from IndexedDB. */
const readItemIds = () =>
  app.page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('field-news');
        request.onerror = () => reject(new Error('cannot open the database'));
        request.onsuccess = () => {
          const all = request.result.transaction('items').objectStore('items').getAll();
          all.onsuccess = () => {
            resolve((all.result as { id: string; read: boolean }[]).filter((item) => item.read).map((item) => item.id));
            request.result.close();
          };
        };
      }),
  );

const unreadCardIds = () =>
  app.page.locator('article.news-card--unread').evaluateAll((articles) => articles.map((article) => article.getAttribute('data-item-id')));

describe('first start in a fresh profile (web mode)', () => {
  it('shows the ten sample articles, newest first, each with its title in a heading', async () => {
    await app.page.locator('article[data-item-id]').nth(9).waitFor();
    expect(await articleIds(app.page)).toEqual(sampleIds);
    const firstHeading = await app.page.locator(`article[data-item-id="${sampleIds[0]}"] :is(h1,h2,h3,h4)`).textContent();
    expect(firstHeading).toBe(newestFirst[0]?.title);
    expect(await countStoredItems()).toBe(10);
  });

  it('shows the full text of an article in the reader when it is clicked', async () => {
    const tapachula = sample.items[2]!;
    await app.page.locator(`article[data-item-id="${tapachula.id}"]`).click();
    const reader = app.page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.textContent()).toContain(tapachula.content_text.slice(-120));
    expect(await reader.locator('h1').textContent()).toBe(tapachula.title);
  });

  it('moves through the list with the arrow keys and opens an item with Enter', async () => {
    await app.page.locator(`article[data-item-id="${sampleIds[0]}"]`).click();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    const reader = app.page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.locator('h1').textContent()).toBe(newestFirst[2]?.title);
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => reader.locator('h1').textContent()).toBe(newestFirst[1]?.title);
  });

  it('keeps every article offline, read from IndexedDB, and says it is offline', async () => {
    // Open two items here, so that what this test expects does not hang on the clicks of the tests before it.
    // Each stays open until it counts as read: an item flicked past stays unread.
    for (const id of [sampleIds[5], sampleIds[6]]) {
      await app.page.locator(`article[data-item-id="${id}"]`).click();
      await expect.poll(readItemIds, { timeout: 5_000 }).toContain(id);
    }
    const readBefore = await readItemIds();
    const ownOrigin = new URL(app.server.url).origin;
    await app.page.route('**/*', (route) => (new URL(route.request().url()).origin === ownOrigin ? route.continue() : route.abort()));
    await app.page.reload();
    await app.context.setOffline(true);

    await app.page.locator('article[data-item-id]').nth(9).waitFor();
    expect(await articleIds(app.page)).toEqual(sampleIds);
    await expect.poll(() => app.page.getByRole('status').textContent()).toMatch(/Offline/);
    // The items opened before the reload are still marked read, and only they: they come from the stored copy.
    expect(readBefore.length).toBeLessThan(sampleIds.length);
    expect((await unreadCardIds()).sort()).toEqual(sampleIds.filter((id) => !readBefore.includes(id)).sort());
    expect(await countStoredItems()).toBe(10);
    // The dialogs and the map load on first use, from chunks index.html preloaded while it was online.
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await app.page.getByLabel('Feed URL').waitFor({ timeout: 5_000 });
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('button', { name: 'Map' }).click();
    // The map's code runs; its borders are a file that only the desktop app (or a service worker) keeps offline.
    await app.page.getByRole('button', { name: 'Zoom in' }).waitFor({ timeout: 5_000 });
    // The browser fetches the tab icon lazily and may try after the network is gone, and the map asked for its
    // borders; nothing else may fail: no chunk of the window's own code.
    expect(app.pageErrors.filter((error) => !error.includes('/favicon.svg') && !error.includes('/map/region.json'))).toEqual([]);
  });
});
