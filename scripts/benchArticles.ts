// npm run bench:articles: 1,000 teaser items whose links are real article pages (Readability's test
// pages, cycled under distinct addresses) served on 127.0.0.1, synced by the web build in Chromium on a
// profile on disk (as the desktop app keeps its data). Prints, as a Markdown table: articles saved per
// second, the longest main-thread task while saving (target ≤ 50 ms), the item sync with articles on
// beside off (target: at most 10 % slower), and MB stored per 1,000 articles. Misses are said, not failed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { webBuildDir } from '../tests/e2e/chromium';
import { chromiumVersion, openDiskProfile } from './benchProfile';
import { startArticleServer, type ArticleServer } from './articleServer';
import { readCorpus } from './articleCorpus';
import { startStaticServer } from './staticServer';

const itemCount = Number(process.env.BENCH_ARTICLES ?? 1_000);
const targets = { longestTaskMs: 50, syncRatio: 1.1 };

interface ArticleTally {
  settled: number;
  saved: number;
  bytes: number;
}

/** The articles table in the page's own IndexedDB: how many are settled (saved or refused) and their size. */
const tallyArticles = (page: Page): Promise<ArticleTally> =>
  page.evaluate(
    () =>
      new Promise<ArticleTally>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error('cannot open field-news'));
        open.onsuccess = () => {
          const tally = { settled: 0, saved: 0, bytes: 0 };
          const cursor = open.result.transaction('articles').objectStore('articles').openCursor();
          cursor.onsuccess = () => {
            const record = cursor.result?.value as { status: string; bytes: number } | undefined;
            if (cursor.result === null || record === undefined) {
              open.result.close();
              resolve(tally);
              return;
            }
            if (record.status !== 'waiting') tally.settled += 1;
            if (record.status === 'saved') {
              tally.saved += 1;
              tally.bytes += record.bytes;
            }
            cursor.result.continue();
          };
        };
      }),
  );

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Run {
  syncMs: number;
  savingMs: number | null;
  longestTaskMs: number | null;
  tally: ArticleTally | null;
}

/** One run on a fresh profile on disk: the feed added offline, its choice set, then "Sync now". */
const runOnce = async (appUrl: string, server: ArticleServer, articlesOn: boolean, saveArticles = articlesOn): Promise<Run> => {
  const profile = await openDiskProfile('articles');
  try {
    const { context, page } = profile;
    await page.goto(appUrl);
    await page.locator('article[data-item-id]').first().waitFor();
    await context.setOffline(true);
    await page.locator('.settings-button').click();
    await page.getByLabel('Feed URL').fill(server.feedUrl);
    await page.getByRole('button', { name: 'Add feed' }).click();
    await page.getByText(/^Feeds \(/).click();
    const choice = page.getByRole('combobox', { name: /^Full articles of / }).last();
    await choice.selectOption(articlesOn ? 'automatic' : 'never');
    await context.setOffline(false);
    await page.locator('dialog.settings-dialog .dialog-close').click();
    await page.evaluate(() => {
      const record = { longTasks: [] as { start: number; duration: number }[] };
      (window as unknown as { benchLongTasks: typeof record }).benchLongTasks = record;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: false });
    });
    const started = Date.now();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('status').filter({ hasText: /^Updated/ }).waitFor({ timeout: 600_000 });
    const syncMs = Date.now() - started;
    if (!saveArticles) return { syncMs, savingMs: null, longestTaskMs: null, tally: null };
    const syncedAt = await page.evaluate(() => performance.now());
    let tally = await tallyArticles(page);
    while (tally.settled < itemCount) {
      await sleep(1_000);
      tally = await tallyArticles(page);
    }
    const savingMs = Date.now() - started - syncMs;
    const longTasks = await page.evaluate((from) => (window as unknown as { benchLongTasks: { longTasks: { start: number; duration: number }[] } }).benchLongTasks.longTasks.filter((task) => task.start >= from), syncedAt);
    return { syncMs, savingMs, longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)), tally };
  } finally {
    await profile.close();
  }
};

const main = async () => {
  if (!existsSync(join(webBuildDir, 'index.html'))) throw new Error(`No web build in ${webBuildDir}: run npm run build:renderer first.`);
  const names = readCorpus().map((page) => page.name);
  const items = Array.from({ length: itemCount }, (_, index) => {
    const name = names[index % names.length] ?? names[0] ?? '';
    return { page: `/articles/${name}/${index}`, title: `Report ${index} (${name})`, teaser: 'Two lines of the story, and a link.' };
  });
  const app = await startStaticServer(webBuildDir);
  // Twenty publishers, as a field officer's feeds are: the worker asks three sites at a time, one page a site at once.
  const server = await startArticleServer({ items, sites: 20 });
  try {
    const version = await chromiumVersion();
    // The item sync takes about a second, so it is timed in three pairs (off, on) and the medians compared.
    const offSyncs: number[] = [];
    const onSyncs: number[] = [];
    for (let pair = 0; pair < 3; pair += 1) {
      offSyncs.push((await runOnce(app.url, server, false)).syncMs);
      onSyncs.push((await runOnce(app.url, server, true, false)).syncMs);
    }
    const on = await runOnce(app.url, server, true);
    onSyncs.push(on.syncMs);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const off = { syncMs: median(offSyncs) };
    on.syncMs = median(onSyncs);
    const ratio = on.syncMs / off.syncMs;
    const perSecond = on.tally && on.savingMs ? (on.tally.settled / on.savingMs) * 1000 : 0;
    const mbPerThousand = on.tally && on.tally.saved > 0 ? (on.tally.bytes / on.tally.saved) * 1000 / (1024 * 1024) : 0;
    const longest = on.longestTaskMs ?? 0;
    process.stdout.write(
      [
        `bench:articles: ${itemCount} teaser items linking to ${names.length} real pages (cycled) on ${server.siteOrigins.length} sites, Chromium ${version}, web build, profile on disk`,
        '',
        '| measure | value | target | reference (same run) |',
        '|---|---|---|---|',
        `| articles settled per second | ${perSecond.toFixed(1)} (${on.tally?.saved ?? 0} saved, ${(on.tally?.settled ?? 0) - (on.tally?.saved ?? 0)} without one) | — | — |`,
        // The Long Tasks API reports only tasks of 50 ms or more: none reported means none that long.
        `| longest main-thread task while saving | ${longest === 0 ? 'none of 50 ms or more' : `${longest.toFixed(0)} ms`} | < ${targets.longestTaskMs} ms${longest < targets.longestTaskMs ? '' : ' (missed)'} | — |`,
        `| item sync with articles on (median of ${onSyncs.length}) | ${(on.syncMs / 1000).toFixed(2)} s | ≤ ${targets.syncRatio.toFixed(2)} × off${ratio <= targets.syncRatio ? '' : ' (missed)'} | off (median of ${offSyncs.length}): ${(off.syncMs / 1000).toFixed(2)} s, ratio ${ratio.toFixed(2)}; runs on ${onSyncs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s, off ${offSyncs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s |`,
        `| stored per 1,000 articles | ${mbPerThousand.toFixed(1)} MB | — | — |`,
        `| saving all articles after the sync | ${((on.savingMs ?? 0) / 1000).toFixed(1)} s | — | — |`,
        '',
      ].join('\n'),
    );
  } finally {
    await server.close();
    await app.close();
  }
};

await main();
