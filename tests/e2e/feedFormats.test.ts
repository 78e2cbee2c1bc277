// The feeds that exist, end to end in the web build: an RSS 2.0, an Atom and an RSS 1.0 (RDF) feed
// served on 127.0.0.1 are added, their items shown and found by place; a web page address finds
// its feeds (discovery); OPML comes in through a file chooser and goes out as a download.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpml } from '../../shared/opml/parseOpml';
import { writeOpml } from '../../shared/opml/writeOpml';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { addFeed as addFeedInSettings, articleIds, closeSettings, closeWebApp, openSettings, openWebApp, type WebApp } from './webApp';
import { englishText } from '../../shared/i18n/formatMessages';

const itemsAbout = (prefix: string, place: string, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index + 1}`,
    title: `${prefix.toUpperCase()} report ${index + 1} from ${place}`,
    content_html: `<p>Shelters in ${place} received families this week (&eacute;dition ${index + 1}).</p>`,
    date_published: `2026-10-${String(index + 1).padStart(2, '0')}T09:00:00Z`,
  }));

let app: WebApp;
const servers: FeedServer[] = [];
const serve = async (options: Parameters<typeof startFeedServer>[0]) => {
  const server = await startFeedServer(options);
  servers.push(server);
  return server;
};

const addFeed = (url: string) => addFeedInSettings(app.page, url);
const search = async (text: string) => {
  await closeSettings(app.page);
  const field = app.page.getByRole('searchbox', { name: 'Search' });
  await field.fill('');
  await field.pressSequentially(text);
};

beforeAll(async () => {
  app = await openWebApp();
  await app.page.locator('article[data-item-id]').nth(9).waitFor();
});
afterAll(async () => {
  await closeWebApp(app);
  await Promise.all(servers.map((server) => server.close()));
});

describe('feeds in every format', () => {
  it.each([
    ['RSS 2.0', 'rss', 'Quetzaltenango'],
    ['Atom', 'atom', 'Tecún Umán'],
  ] as const)('adds an %s feed, shows its items and finds them by place', async (_name, format, place) => {
    const server = await serve({ items: itemsAbout(format, place, 12), title: `${format} news`, format, pageSize: 5 });
    expect(server.url).toMatch(format === 'rss' ? /\.rss$/ : /\.atom$/);
    await addFeed(server.url);
    await app.page.locator(`article[data-item-id="${format}-12"]`).waitFor();
    expect((await articleIds(app.page)).filter((id) => id?.startsWith(`${format}-`))).toHaveLength(12);
    // Entities were decoded before the text reached the list.
    await expect.poll(() => app.page.locator(`article[data-item-id="${format}-1"]`).textContent()).toContain('édition 1');
    await search(place.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    await expect.poll(async () => (await articleIds(app.page)).filter((id) => id?.startsWith(`${format}-`)).length).toBe(12);
    await search('');
  });

  it('adds an RSS 1.0 (RDF) feed', async () => {
    const server = await serve({ file: 'tests/fixtures/feeds/rdf-rss1.xml' });
    await addFeed(server.url);
    // New items join the list at most every few seconds while feeds keep arriving (useListView).
    await expect.poll(() => app.page.getByText('Arrivals in Darién rise').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await search('darien');
    await expect.poll(() => app.page.locator('article[data-item-id]').first().textContent()).toContain('Darién');
    await search('');
  });
});

describe('feed discovery', () => {
  it('offers the feeds a web page announces and adds the one chosen', async () => {
    const server = await serve({ items: itemsAbout('found', 'Tapachula', 3), title: 'Found News' });
    const page = `${server.origin}/`;
    await addFeed(page);
    await app.page.getByText(/announces 3 feeds/).waitFor();
    await app.page.getByRole('button', { name: /^Add .*\(Atom\)$/ }).click();
    await app.page.locator('article[data-item-id="found-3"]').waitFor();
    const atom = server.feeds.find((feed) => feed.format === 'atom');
    await expect.poll(() => app.page.locator('.feed-url').allTextContents()).toContain(atom?.url);
  });

  it('says so in words when a web page announces no feed', async () => {
    const server = await serve({ fault: { kind: 'html-page' } });
    await addFeed(server.url);
    await expect.poll(() => app.page.getByRole('alert').textContent()).toMatch(/web page that announces no news feed/);
    await app.page.getByLabel('Feed URL').fill('');
  });
});

describe('OPML', () => {
  it('imports an OPML file chosen in the file chooser, with its folders, and syncs the new feeds', async () => {
    const first = await serve({ items: itemsAbout('opml-a', 'Chiapas', 2), title: 'OPML A', format: 'rss' });
    const second = await serve({ items: itemsAbout('opml-b', 'Petén', 2), title: 'OPML B', format: 'atom' });
    const opml = writeOpml(
      [
        { url: first.url, title: 'OPML A', folder: 'Mexico' },
        { url: second.url, title: 'OPML B', folder: 'Guatemala' },
        { url: first.url, title: 'OPML A again', folder: null },
      ],
      { title: 'From another reader', createdAt: new Date('2026-11-01T00:00:00Z') },
    ).replace('</body>', '<outline text="Mail" xmlUrl="mailto:news@example.org"/></body>');
    await openSettings(app.page);
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: 'Import OPML' }).click();
    await (await chooser).setFiles({ name: 'subscriptions.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await expect.poll(() => app.page.getByRole('alert').textContent()).toBe('2 feeds added, 1 already there, 1 not a feed address.');
    await app.page.locator('article[data-item-id="opml-b-2"]').waitFor();
    await app.page.locator('article[data-item-id="opml-a-2"]').waitFor();
    expect(await app.page.locator('.feed-folder').allTextContents()).toEqual(expect.arrayContaining(['Guatemala', 'Mexico']));
  });

  it('imports 500 feeds at once and syncs them a few at a time, never 500 together', async () => {
    // A slow server that counts how many feed requests are open at once.
    let open = 0;
    let mostOpen = 0;
    let answered = 0;
    const slow: Server = createServer((request, response) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      setTimeout(() => {
        open -= 1;
        answered += 1;
        response.writeHead(200, { 'content-type': 'application/rss+xml', 'access-control-allow-origin': '*' });
        response.end(`<rss version="2.0"><channel><title>Bulk ${request.url ?? ''}</title></channel></rss>`);
      }, 50);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const opml = writeOpml(
        Array.from({ length: 500 }, (_, index) => ({ url: `${origin}/feed-${index}.xml`, title: `Bulk ${index}`, folder: `Bulk ${index % 5}` })),
        { title: 'Many feeds', createdAt: new Date('2026-11-01T00:00:00Z') },
      );
      const started = Date.now();
      const chooser = app.page.waitForEvent('filechooser');
      await app.page.getByRole('button', { name: 'Import OPML' }).click();
      await (await chooser).setFiles({ name: 'many.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
      await expect.poll(() => app.page.getByRole('alert').textContent()).toBe('500 feeds added, 0 already there.');
      console.log(`500-feed OPML import: ${Date.now() - started} ms from choosing the file to the summary (target < 5 s)`);
      await expect.poll(() => answered, { timeout: 20_000 }).toBeGreaterThan(20);
      expect(mostOpen).toBeLessThanOrEqual(3);
      await expect.poll(() => app.page.getByRole('status').textContent()).toMatch(/^Syncing .*\(feed \d+ of 5\d\d\)…/);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('refuses a malformed OPML file with a message naming what is wrong, and adds nothing', async () => {
    const feedsBefore = await app.page.locator('.feed-url').count();
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: 'Import OPML' }).click();
    await (await chooser).setFiles({ name: 'broken.opml', mimeType: 'text/x-opml', buffer: Buffer.from('<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"') });
    await expect.poll(() => app.page.getByRole('alert').textContent()).toMatch(/ends in the middle|Nothing was imported/);
    expect(await app.page.locator('.feed-url').count()).toBe(feedsBefore);
  });

  it('exports every feed with its folder as an OPML 2.0 download that imports again', async () => {
    await openSettings(app.page);
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Export OPML' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<opml version="2.0">/);
    const exported = parseOpml(text);
    if (!exported.ok) throw new Error(englishText(exported.error));
    const shown = await app.page.locator('.feed-url').allTextContents();
    expect(exported.value.feeds.map((feed) => feed.url).sort()).toEqual(shown.filter((url) => url.startsWith('http')).sort());
    expect(exported.value.feeds.find((feed) => feed.title === 'OPML B')?.folder).toBe('Guatemala');
  });
});
