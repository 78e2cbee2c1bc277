// npm run bench:aggregator: 10,000 items in a real FreshRSS (../shared/servers/start-freshrss) from 20
// feeds served on 127.0.0.1, synced by the web build in Chromium on a profile on disk (as the desktop
// app keeps its data). Prints, as a Markdown table: the first sync's time and items per second into
// IndexedDB beside a direct JSON Feed sync of the same 10,000 items (the reference, same run); the
// bytes of a sync with nothing new; the bytes and time of a sync with 100 new items. Bytes are counted
// twice: the answers' bodies as the app counts them, and everything that crossed the link (headers and
// the browser's CORS preflights included) by a relay in front of FreshRSS.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { webBuildDir } from '../tests/e2e/chromium';
import { chromiumVersion, openDiskProfile } from './benchProfile';
import { startCuttingProxy, type CuttingProxy } from './cuttingProxy';
import { startFeedServer, type FeedServer } from './feedServer';
import { freshRssApiPassword, freshRssUser, startFreshRss } from './freshRssServer';
import { readerApiClient, readerStates } from './readerApiClient';
import { startStaticServer } from './staticServer';

const feedCount = 20;
const itemsPerFeed = Number(process.env.BENCH_AGGREGATOR_ITEMS_PER_FEED ?? 500);
const targets = { quietSyncBytes: 5 * 1024 };

const itemsOf = (feed: number, count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => ({
    id: `feed-${feed}-item-${from + index}`,
    url: `https://news.example.org/${feed}/${from + index}`,
    title: `Report ${from + index} of feed ${feed}: arrivals in Tapachula`,
    content_html: `<p>Report ${from + index} from the shelters of Tapachula, Chiapas, and the border at Petén: arrivals, needs and services this week.</p>`,
    date_published: new Date(Date.UTC(2026, 10, 1) + (from + index) * 60_000 + feed).toISOString(),
  }));

const itemTotal = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error('cannot open field-news'));
        open.onsuccess = () => {
          const counted = open.result.transaction('items').objectStore('items').count();
          counted.onsuccess = () => {
            open.result.close();
            resolve(counted.result);
          };
        };
      }),
  );

const lastAccountSync = (page: Page): Promise<{ newItems: number; bytes: number } | null> =>
  page.evaluate(
    () =>
      new Promise<{ newItems: number; bytes: number } | null>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error('cannot open field-news'));
        open.onsuccess = () => {
          const all = open.result.transaction('accounts').objectStore('accounts').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result[0] as { lastSync: { newItems: number; bytes: number } | null } | undefined)?.lastSync ?? null);
          };
        };
      }),
  );

const withProfile = async <T>(work: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> => {
  const profile = await openDiskProfile('aggregator');
  try {
    return await work(profile.page, profile.context);
  } finally {
    await profile.close();
  }
};

/** The reference: the same items as one JSON Feed of 20 pages, fetched by the laptop itself. */
const directSync = (appUrl: string, feed: FeedServer) =>
  withProfile(async (page, context) => {
    await page.goto(appUrl);
    await page.locator('article[data-item-id]').first().waitFor();
    const before = await itemTotal(page);
    await context.setOffline(true);
    await page.locator('.settings-button').click();
    await page.getByLabel('Feed URL').fill(feed.url);
    await page.getByRole('button', { name: 'Add feed' }).click();
    await context.setOffline(false);
    await page.locator('dialog.settings-dialog .dialog-close').click();
    const started = Date.now();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('status').filter({ hasText: /^Updated/ }).waitFor({ timeout: 900_000 });
    return { ms: Date.now() - started, items: (await itemTotal(page)) - before };
  });

interface AggregatorRun {
  firstMs: number;
  firstItems: number;
  firstBodyBytes: number;
  firstWireBytes: number;
  quietBodyBytes: number;
  quietWireBytes: number;
  quietMs: number;
  hundredMs: number;
  hundredItems: number;
  hundredBodyBytes: number;
  hundredWireBytes: number;
}

const syncNowAndWait = async (page: Page): Promise<number> => {
  const started = Date.now();
  await page.getByRole('button', { name: 'Sync now' }).click();
  // A quiet sync may end before its "Syncing" is seen: then the wait below finds it done.
  await page.getByRole('status').filter({ hasText: /^Syncing/ }).waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page.getByRole('status').filter({ hasText: /^Synced with/ }).waitFor({ timeout: 900_000 });
  return Date.now() - started;
};

const aggregatorSync = (appUrl: string, relay: CuttingProxy, grow: () => Promise<void>) =>
  withProfile(async (page): Promise<AggregatorRun> => {
    await page.goto(appUrl);
    await page.locator('article[data-item-id]').first().waitFor();
    const before = await itemTotal(page);
    await page.locator('.settings-button').click();
    await page.getByLabel('Server address').fill(relay.url);
    await page.getByLabel('User name').fill(freshRssUser);
    await page.getByLabel('API password').fill(freshRssApiPassword);
    let wire = relay.bytesToClients();
    const started = Date.now();
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('status').filter({ hasText: /^Synced with/ }).waitFor({ timeout: 900_000 });
    const firstMs = Date.now() - started;
    const firstItems = (await itemTotal(page)) - before;
    const first = await lastAccountSync(page);
    const firstWireBytes = relay.bytesToClients() - wire;
    await page.locator('dialog.settings-dialog .dialog-close').click();

    // Nothing new: a minute later, as a field officer presses Sync now again.
    wire = relay.bytesToClients();
    const quietMs = await syncNowAndWait(page);
    const quiet = await lastAccountSync(page);
    const quietWireBytes = relay.bytesToClients() - wire;

    await grow();
    const total = await itemTotal(page);
    wire = relay.bytesToClients();
    const hundredMs = await syncNowAndWait(page);
    const hundred = await lastAccountSync(page);
    return {
      firstMs,
      firstItems,
      firstBodyBytes: first?.bytes ?? 0,
      firstWireBytes,
      quietBodyBytes: quiet?.bytes ?? 0,
      quietWireBytes,
      quietMs,
      hundredMs,
      hundredItems: (await itemTotal(page)) - total,
      hundredBodyBytes: hundred?.bytes ?? 0,
      hundredWireBytes: relay.bytesToClients() - wire,
    };
  });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const main = async () => {
  if (!existsSync(join(webBuildDir, 'index.html'))) throw new Error(`No web build in ${webBuildDir}: run npm run build:renderer first.`);
  const feeds = await Promise.all(Array.from({ length: feedCount }, (_, feed) => startFeedServer({ items: itemsOf(feed, itemsPerFeed), title: `Regional feed ${feed + 1}`, format: 'rss' })));
  const all = feeds.flatMap((_, feed) => itemsOf(feed, itemsPerFeed));
  const direct = await startFeedServer({ items: all, title: 'All regional feeds', pageSize: 500 });
  const app = await startStaticServer(webBuildDir);
  const freshRss = await startFreshRss();
  const relay = await startCuttingProxy(freshRss.apiUrl);
  try {
    const api = await readerApiClient(freshRss.apiUrl, freshRssUser, freshRssApiPassword);
    const loadStarted = Date.now();
    for (const feed of feeds) await api.subscribe(feed.url);
    const held = (await api.ids(readerStates.readingList)).length;
    process.stderr.write(`FreshRSS holds ${held} items (loaded in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s)\n`);
    const version = await chromiumVersion();
    const reference = await directSync(app.url, direct);
    const grow = async () => {
      const [first] = feeds;
      first?.setItems([...itemsOf(0, itemsPerFeed), ...itemsOf(0, 100, itemsPerFeed)]);
      await freshRss.refresh();
    };
    const run = await aggregatorSync(app.url, relay, grow);
    const perSecond = (items: number, ms: number) => ((items / ms) * 1000).toFixed(0);
    const ratio = run.firstMs / reference.ms;
    process.stdout.write(
      [
        `bench:aggregator: ${held} items in FreshRSS from ${feedCount} feeds on 127.0.0.1, Chromium ${version}, web build, profile on disk`,
        '',
        '| measure | value | target | reference (same run) |',
        '|---|---|---|---|',
        `| first sync with FreshRSS | ${(run.firstMs / 1000).toFixed(1)} s, ${run.firstItems} items, ${perSecond(run.firstItems, run.firstMs)} items/s into IndexedDB | — | direct JSON Feed sync of the same items: ${(reference.ms / 1000).toFixed(1)} s, ${reference.items} items, ${perSecond(reference.items, reference.ms)} items/s; ratio ${ratio.toFixed(2)} |`,
        `| first sync, downloaded | ${kb(run.firstBodyBytes)} of answers, ${kb(run.firstWireBytes)} on the link | — | — |`,
        `| sync with nothing new, downloaded | ${kb(run.quietBodyBytes)} of answers, ${kb(run.quietWireBytes)} on the link (${(run.quietMs / 1000).toFixed(2)} s) | ≤ ${kb(targets.quietSyncBytes)} on the link${run.quietWireBytes <= targets.quietSyncBytes ? '' : ' (missed)'} | — |`,
        `| sync with 100 new items | ${(run.hundredMs / 1000).toFixed(2)} s, ${run.hundredItems} new, ${kb(run.hundredBodyBytes)} of answers, ${kb(run.hundredWireBytes)} on the link | — | — |`,
        '',
      ].join('\n'),
    );
  } finally {
    await relay.close();
    await freshRss.close();
    await app.close();
    await direct.close();
    await Promise.all(feeds.map((feed) => feed.close()));
  }
};

await main();
