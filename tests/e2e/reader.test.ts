// The reader for months of news in Chromium, on a feed of 5,000 items synced through the app: a star
// kept over a reload, mark all read with undo, a place chosen in the sidebar, the whole list reachable
// by End and by the scrollbar, and one pane with Back at 400 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { addFeed, articleIds, closeSettings, closeWebApp, openWebApp, type WebApp } from './webApp';

// 5,000 items, one a minute back from a fixed time: every seventh names Tapachula, the others Panama City.
const itemCount = 5_000;
const newest = Date.parse('2026-11-27T12:00:00Z');
const itemId = (number: number) => `field-${String(number).padStart(4, '0')}`;
const items = Array.from({ length: itemCount }, (_, number) => {
  const place = number % 7 === 0 ? 'Tapachula' : 'Panama City';
  return {
    id: itemId(number),
    title: `Field report ${number} from ${place}`,
    content_text: `Teams in ${place} registered needs and referred families to services.`,
    date_published: new Date(newest - number * 60_000).toISOString(),
  };
});
const tapachulaIds = new Set(items.filter((_, number) => number % 7 === 0).map((item) => item.id));

let app: WebApp;
let server: FeedServer;

/** Read and starred flags of the feed's items, straight from IndexedDB. */
const storedFlags = () =>
  app.page.evaluate(
    () =>
      new Promise<{ read: number; starred: string[] }>((resolve, reject) => {
        const request = indexedDB.open('field-news');
        request.onerror = () => reject(new Error('cannot open the database'));
        request.onsuccess = () => {
          const all = request.result.transaction('items').objectStore('items').getAll();
          all.onsuccess = () => {
            const stored = (all.result as { id: string; read: boolean; starred: boolean }[]).filter((item) => item.id.startsWith('field-'));
            resolve({ read: stored.filter((item) => item.read).length, starred: stored.filter((item) => item.starred).map((item) => item.id) });
            request.result.close();
          };
        };
      }),
  );

const sidebarEntry = (name: RegExp) => app.page.locator('.sidebar').getByRole('button', { name });

beforeAll(async () => {
  server = await startFeedServer({ items, title: 'Field Reports', pageSize: 1_000 });
  app = await openWebApp({ viewport: { width: 1280, height: 800 } });
  await app.page.locator('article[data-item-id]').first().waitFor();
  await addFeed(app.page, server.url);
  await app.page.locator(`article[data-item-id="${itemId(0)}"]`).waitFor({ timeout: 60_000 });
  await closeSettings(app.page);
  await sidebarEntry(/^All news/).filter({ hasText: '5,010' }).waitFor({ timeout: 60_000 });
}, 120_000);
afterAll(async () => {
  await closeWebApp(app);
  await server.close();
});

describe('the reader for months of news', () => {
  it('stars an item and finds it in Starred after a reload', async () => {
    const star = app.page.locator(`article[data-item-id="${itemId(3)}"]`).getByRole('button', { name: 'Star' });
    await star.click();
    await expect.poll(async () => (await storedFlags()).starred).toEqual([itemId(3)]);
    // The row shows it at once: the list's rows are read live, not once.
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await app.page.reload();
    await sidebarEntry(/^Starred/).click();
    await expect.poll(() => articleIds(app.page)).toEqual([itemId(3)]);
    expect(await sidebarEntry(/^Starred/).textContent()).toContain('1');
  });

  it('marks all read in a feed, and Undo brings every one back unread', async () => {
    await app.page.locator(`.sidebar [data-feed-url="${server.url}"]`).click();
    await app.page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(async () => (await storedFlags()).read, { timeout: 15_000 }).toBe(itemCount);
    await expect.poll(() => sidebarEntry(/^Unread/).textContent()).toMatch(/^\D*10$/);
    await app.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedFlags()).read, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => sidebarEntry(/^Unread/).textContent()).toContain('5,010');
  });

  it('shows only the items of a place chosen in the sidebar', async () => {
    const filter = app.page.getByLabel('Filter places');
    await expect.poll(() => app.page.locator('.sidebar [data-place-id]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await filter.fill('Tapachula');
    await app.page.locator('.sidebar [data-place-id]').filter({ hasText: /^Tapachula/ }).first().click();
    await expect.poll(() => app.page.locator('.chip').first().textContent()).toMatch(/Tapachula/);
    await expect
      .poll(async () => {
        const shown = (await articleIds(app.page)).map(String);
        return shown.length > 0 && shown.every((id) => tapachulaIds.has(id) || !id.startsWith('field-'));
      }, { timeout: 10_000 })
      .toBe(true);
    await app.page.getByRole('button', { name: /Remove filter Tapachula/ }).click();
  });

  it('scrolls a 5,000-item list to its last item with End', async () => {
    await sidebarEntry(/^All news/).click();
    const list = app.page.locator('.virtual-list');
    await list.focus();
    const last = app.page.locator(`article[data-item-id="${itemId(itemCount - 1)}"]`);
    expect(await last.count()).toBe(0);
    // The oldest item of the feed (the sample's ten are older still, so it is the eleventh from the end).
    await app.page.keyboard.press('End');
    await expect.poll(() => last.isVisible(), { timeout: 10_000 }).toBe(true);
    await app.page.keyboard.press('Home');
    await expect.poll(() => app.page.locator(`article[data-item-id="${itemId(0)}"]`).isVisible()).toBe(true);
  });

  it('reaches the last item by dragging the scrollbar to the bottom (scrollTop), and one in the middle', async () => {
    const list = app.page.locator('.virtual-list');
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => app.page.locator(`article[data-item-id="${itemId(itemCount - 1)}"]`).isVisible(), { timeout: 10_000 }).toBe(true);
    // Half way down: the items there, not placeholders, and none of the newest.
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
    await expect
      .poll(async () => {
        const numbers = (await articleIds(app.page)).flatMap((id) => (id?.startsWith('field-') ? [Number(id.slice(6))] : []));
        return numbers.length > 0 && numbers.every((number) => number > 2_000 && number < 3_000);
      }, { timeout: 10_000 })
      .toBe(true);
    await list.evaluate((element) => element.scrollTo({ top: 0 }));
  });

  it('comes back from a search to the whole list, with the news a sync brought meanwhile at its top', async () => {
    await sidebarEntry(/^All news/).click();
    const search = app.page.getByRole('searchbox', { name: 'Search', exact: true });
    await search.fill('Tapachula');
    await expect.poll(async () => (await articleIds(app.page)).every((id) => tapachulaIds.has(String(id)) || !String(id).startsWith('field-'))).toBe(true);
    const arrived = { id: 'field-arrived', title: 'Field report from Tapachula, just in', content_text: 'Teams in Tapachula opened a desk.', date_published: new Date(newest + 60_000).toISOString() };
    server.setItems([arrived, ...items]);
    await app.page.getByRole('button', { name: 'Sync now' }).click();
    await sidebarEntry(/^All news/).filter({ hasText: '5,011' }).waitFor({ timeout: 30_000 });
    await search.fill('');
    await expect.poll(async () => (await articleIds(app.page))[0]).toBe('field-arrived');
    expect((await articleIds(app.page)).slice(1, 3)).toEqual([itemId(0), itemId(1)]);
  });

  it('works in one pane at 400 pixels wide, with Back from the reader to the list and the sidebar', async () => {
    await app.page.setViewportSize({ width: 400, height: 800 });
    await expect.poll(() => app.page.locator('.three-panes--narrow').count()).toBe(1);
    expect(await app.page.locator('.sidebar').count()).toBe(0);
    await app.page.locator('article[data-item-id]').first().click();
    const reader = app.page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.isVisible()).toBe(true);
    expect(await app.page.locator('article[data-item-id]').count()).toBe(0);
    const back = app.page.getByRole('button', { name: /Back/ });
    await back.click();
    await expect.poll(() => app.page.locator('article[data-item-id]').count()).toBeGreaterThan(0);
    await back.click();
    await expect.poll(() => app.page.locator('.sidebar').isVisible()).toBe(true);
    const width = await app.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(400);
  });
});
