// The Map view in the web build: markers for a synced feed's towns, choosing one filters the list,
// a search narrows the map, the image saves as SVG and PNG, a Spanish browser gets a Spanish map — and
// drawing the map asks nothing of the network: every request that is not to the app's own origin is
// refused and recorded.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer';
import { launchChromium, webBuildDir } from './chromium';
import { addFeed, articleIds, closeSettings } from './webApp';

const item = (id: string, title: string, text: string, day: number) => ({
  id,
  title,
  content_text: text,
  date_published: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z`,
});
const highlandItems = [
  item('xela-1', 'Shelter opens in Quetzaltenango', 'A new shelter opened in Quetzaltenango for families on the move.', 20),
  item('xela-2', 'Cold nights in Quetzaltenango', 'Volunteers in Quetzaltenango hand out blankets.', 21),
  item('xela-3', 'Quetzaltenango clinic extends its hours', 'The clinic in Quetzaltenango now opens at night.', 22),
  item('tegus-1', 'Flood response in Tegucigalpa', 'Teams in Tegucigalpa clear the roads after the rains.', 23),
];

let site: StaticServer;
let feeds: FeedServer;
let browser: Browser;
let page: Page;
/** While true, the test's own feed server may be reached too (the sync that fills the map). */
let syncing = true;
const refused: string[] = [];
const outsideRequests: string[] = [];
const pageErrors: string[] = [];

const mapMarker = (name: RegExp) => page.getByRole('button', { name });
const mapDrawn = (on = page) => on.locator('svg.map-svg[data-markers]').waitFor();

/** A context whose every request outside the app (and, while syncing, the test's feed server) is refused and kept. */
const guardedContext = async (options: { locale?: string } = {}): Promise<BrowserContext> => {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block', ...options });
  const appOrigin = new URL(site.url).origin;
  const feedOrigin = new URL(feeds.url).origin;
  await context.route('**/*', async (route) => {
    const origin = new URL(route.request().url()).origin;
    if (origin === appOrigin || origin === 'null' || (syncing && origin === feedOrigin)) return route.continue();
    refused.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return context;
};

beforeAll(async () => {
  feeds = await startFeedServer({ items: highlandItems, title: 'Highland News' });
  site = await startStaticServer(webBuildDir);
  browser = await launchChromium();
  const context = await guardedContext();
  const appOrigin = new URL(site.url).origin;
  page = await context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(appOrigin) && !url.startsWith('blob:') && !url.startsWith('data:')) outsideRequests.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(site.url);
  await page.locator('article[data-item-id]').nth(9).waitFor();
  await addFeed(page, feeds.url);
  await page.locator('article[data-item-id="tegus-1"]').waitFor();
  await closeSettings(page);
  syncing = false;
  outsideRequests.length = 0;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await feeds?.close();
});

describe('the news on a map', () => {
  it('opens from the header control and shows a synced town as a marker named by its place', async () => {
    await page.getByRole('button', { name: 'Map' }).click();
    await mapDrawn();
    expect(await page.locator('path.map-country').count()).toBeGreaterThan(30);
    // The search worker tags the synced items after the sync; the map follows when it has.
    await page.locator('.map-places summary').click();
    await expect
      .poll(() => page.locator('.map-places__place').allTextContents(), { timeout: 15_000 })
      .toContain('Quetzaltenango — Quetzaltenango, Guatemala · 3 items');
    await page.locator('.map-places summary').click();
    // At the whole region the town may share a cluster with its neighbours; zooming in splits it.
    const xela = mapMarker(/^Quetzaltenango — Quetzaltenango, Guatemala · 3 items$/);
    // Each step waits for the zoom to settle (the marker layer is drawn at the new zoom), not for a fixed time.
    const layerZoom = () => page.locator('g.map-layer > g').getAttribute('transform');
    for (let zoom = 0; zoom < 8 && (await xela.count()) === 0; zoom += 1) {
      const before = await layerZoom();
      await page.locator('svg.map-svg').press('+');
      await expect.poll(layerZoom).not.toBe(before);
    }
    expect(await xela.count()).toBe(1);
    await xela.focus();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Quetzaltenango — Quetzaltenango, Guatemala · 3 items');
  });

  it('has a text alternative listing the places with their counts', async () => {
    await page.locator('.map-places summary').click();
    await expect.poll(() => page.locator('.map-places__place').allTextContents()).toContain('Quetzaltenango — Quetzaltenango, Guatemala · 3 items');
    await page.locator('.map-places summary').click();
  });

  it('choosing the marker makes the town the filter chip and the list shows only its items', async () => {
    await mapMarker(/^Quetzaltenango — Quetzaltenango, Guatemala/).press('Enter');
    await expect.poll(() => page.locator('.chip').textContent()).toMatch(/Quetzaltenango/);
    await expect.poll(async () => (await articleIds(page)).sort()).toEqual(['xela-1', 'xela-2', 'xela-3']);
    await page.getByRole('button', { name: /Remove filter Quetzaltenango/ }).click();
    await expect.poll(async () => (await articleIds(page)).length).toBe(14);
  });

  it('follows a search that narrows the view', async () => {
    await page.locator('svg.map-svg').press('0');
    await expect.poll(() => mapMarker(/^Tegucigalpa — /).count()).toBe(1);
    await page.getByRole('searchbox', { name: /Search/ }).pressSequentially('tegucigalpa', { delay: 15 });
    await expect.poll(() => articleIds(page)).toEqual(['tegus-1']);
    await expect.poll(() => page.locator('.map-marker').count()).toBe(1);
    expect(await mapMarker(/^Tegucigalpa — Francisco Morazán, Honduras · 1 item$/).count()).toBe(1);
  });

  it('saves the map as an SVG image with its legend, filters and attribution', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save map as image' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^field-news-map-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = await readFile((await file.path()) ?? '', 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Search: “tegucigalpa”');
    expect(svg).toContain('Tegucigalpa — Francisco Morazán, Honduras · 1 item');
    expect(svg).toContain('1 item');
    expect(svg).toContain('Natural Earth');
    expect(svg).toContain('GeoNames');
    expect(svg.match(/<path /g)?.length ?? 0).toBeGreaterThan(5);
  });

  it('saves the same map as a PNG drawn at twice its size', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^field-news-map-\d{4}-\d{2}-\d{2}\.png$/);
    const png = await readFile((await file.path()) ?? '');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The IHDR chunk: width then height, big-endian, from byte 16. The map is 960 wide; the caption band adds height.
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBeGreaterThan(1200);
    // Not a blank canvas: a drawn map compresses to far more than an empty picture of that size.
    expect(png.length).toBeGreaterThan(30_000);
  });

  it('speaks Spanish in a Spanish browser: the Mapa control, the markers and the saved caption', async () => {
    const context = await guardedContext({ locale: 'es-ES' });
    const spanish = await context.newPage();
    spanish.on('pageerror', (error) => pageErrors.push(error.message));
    await spanish.goto(site.url);
    await spanish.locator('article[data-item-id]').nth(9).waitFor();
    expect(await spanish.getByRole('button', { name: 'Map', exact: true }).count()).toBe(0);
    await spanish.getByRole('button', { name: 'Mapa', exact: true }).click();
    await mapDrawn(spanish);
    // The sample news names places: once the search worker has tagged them, each marker says its count in Spanish.
    await expect.poll(() => spanish.locator('.map-marker').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const names = await spanish.locator('.map-marker').evaluateAll((markers) => markers.map((marker) => marker.getAttribute('aria-label') ?? ''));
    for (const name of names) expect(name).toMatch(/ · \d+ noticias?$|^\d+ lugares, \d+ noticias?: .+\. Elija para acercar\.$/);
    const download = spanish.waitForEvent('download');
    await spanish.getByRole('button', { name: 'Guardar el mapa como imagen' }).click();
    const svg = await readFile((await (await download).path()) ?? '', 'utf8');
    expect(svg).toContain('Field News — dónde están las noticias');
    expect(svg).toContain('Todas las noticias guardadas');
    expect(svg).toContain('Guardado el ');
    expect(svg).toContain('Localidad');
    expect(svg).toContain('Fronteras: Natural Earth (dominio público). Lugares: GeoNames (CC BY 4.0).');
    expect(svg).not.toMatch(/\b(items?|Saved|Borders|Town)\b/);
    await context.close();
  });

  it('made no request outside the app while drawing and using the map', () => {
    expect(outsideRequests).toEqual([]);
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
