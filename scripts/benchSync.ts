// Benchmark of a large sync in web mode (npm run bench:sync): 100,000 news items in pages of 1,000
// from a local feed server, synced by the web build in Chromium from JSON Feed, RSS 2.0 and Atom pages
// (each into an empty database), beside a plain Dexie bulkPut of the same items in the same browser:
// the records the sync stores, made by the app's own code, into a table with the app's items schema.
// Runs BENCH_ROUNDS rounds (3), each the reference and then every format, and prints the medians in a
// Markdown table, with the CPU seconds of Chromium's browser process (IndexedDB's writes) and of the
// page's process. Misses are reported, not failed. BENCH_FORMATS=json,rss limits the formats; BENCH_PAGE the page size;
// BENCH_TRACE=folder traces each sync (slower) and prints its long tasks with what filled them.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dexie as DexieClass } from 'dexie';
import type { Page } from 'playwright-core';
import { mergeFeedItem } from '../shared/feed/newsItem';
import { parseFeedDocument } from '../shared/feed/parseFeedDocument';
import { writtenFeedFormats, type WrittenFeedFormat } from '../shared/listing/writeFeed';
import { currentSchema, storedNewsItem, type StoredNewsItem } from '../renderer/db/fieldNewsDb';
import { busiestThreads, chromiumCpuSeconds, chromiumVersion, cpuSince, diskProfiles, medianBy, type CpuSeconds } from './benchProfile';
import { openSettings } from '../tests/e2e/webApp';
import { describeLongFrame, recordLongFrames, type LongFrame } from './longFrames';
import { startFeedServer } from './feedServer';
import { describeLongTasks, startPageTrace, type LongTask } from './pageTrace';
import { startStaticServer } from './staticServer';
import { benchNewsItems } from './benchSyncCorpus';
import { pictureRows } from './benchSyncPictures';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const itemCount = 100_000;
const pageSize = Number(process.env.BENCH_PAGE ?? 1_000);
const feedTitle = 'Bench Regional News';
/** The web build to serve; BENCH_WEB_DIR points at another build, e.g. one made for an experiment. */
const webDir = process.env.BENCH_WEB_DIR ?? join(root, 'dist/renderer');
/** Issue 24: at least 0.8 of plain puts of the same items, and no main-thread task of 50 ms or more. */
const targets = { itemsPerSecond: 5_000, firstVisibleMs: 1_000, longestTaskMs: 50, ratioToJsonFeed: 0.8, ratioToReference: 0.8 };

const feedItems = benchNewsItems(itemCount);

// --- What the page records on its own, so that the node side does not poll while the sync runs.
interface PageRecord {
  longTasks: { start: number; duration: number }[];
  /** Frames of 50 ms or more (Long Animation Frames), with the scripts that ran in them: what filled a long task, without a trace's cost. */
  longFrames: LongFrame[];
  clickedAt: number | null;
  firstVisibleAt: number | null;
  doneAt: number | null;
  statusLog: { at: number; text: string }[];
}
declare global {
  interface Window {
    benchRecord?: PageRecord;
  }
}

const installRecorder = () => {
  const record: PageRecord = { longTasks: [], longFrames: window.benchLongFrames ?? [], clickedAt: null, firstVisibleAt: null, doneAt: null, statusLog: [] };
  window.benchRecord = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

const watchSync = () => {
  const record = window.benchRecord;
  if (!record) throw new Error('The long-task recorder is missing.');
  const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Add feed');
  button?.addEventListener('click', () => (record.clickedAt ??= performance.now()), { capture: true });
  new MutationObserver(() => {
    const now = performance.now();
    if (record.clickedAt === null) return;
    if (record.firstVisibleAt === null && document.querySelector('article[data-item-id^="bench-"]')) record.firstVisibleAt = now;
    const text = document.querySelector('[role="status"]')?.textContent ?? '';
    if (text !== record.statusLog.at(-1)?.text) record.statusLog.push({ at: now, text });
    if (record.doneAt === null && /^Updated|failed|answered|next try/.test(text)) record.doneAt = now;
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
};

const countFeedItems = (feedUrl: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const opening = indexedDB.open('field-news');
    opening.onerror = () => reject(new Error('cannot open field-news'));
    opening.onsuccess = () => {
      const counting = opening.result.transaction('items').objectStore('items').count(IDBKeyRange.bound([feedUrl, ''], [feedUrl, '\uffff']));
      counting.onsuccess = () => {
        opening.result.close();
        resolve(counting.result);
      };
    };
  });

/**
 * The reference's records: the feed's pages fetched and parsed here by the app's own code, and each
 * item made into the record the sync stores (merged as new, with its preview, fingerprint and view
 * keys): the same items, the same bytes to write.
 */
const storedRecordsOf = async (feedUrl: string, pages: number): Promise<StoredNewsItem[]> => {
  const now = new Date().toISOString();
  const records: StoredNewsItem[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const url = page === 1 ? feedUrl : `${feedUrl}?page=${page}`;
    const response = await fetch(url);
    const parsed = parseFeedDocument({ bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type'), url });
    if (!parsed.ok || parsed.value.kind !== 'feed') throw new Error(`The reference could not read page ${page} of ${feedUrl}.`);
    for (const item of parsed.value.page.items) {
      const merged = mergeFeedItem(undefined, item, feedUrl, now);
      if (merged !== null) records.push(storedNewsItem(merged));
    }
  }
  return records;
};

/** In the page: a database with the app's items schema (every index the app keeps up), and the records handed over in parts. */
const openReference = async (itemsSchema: string) => {
  const { Dexie } = window as unknown as { Dexie: typeof DexieClass };
  await Dexie.delete('field-news-bench-reference');
  const db = new Dexie('field-news-bench-reference');
  db.version(1).stores({ items: itemsSchema });
  await db.open();
  (window as unknown as { reference: { db: DexieClass; records: unknown[] } }).reference = { db, records: [] };
};

/** In the page: times one plain Dexie bulkPut of every record handed over. */
const referenceBulkPut = async () => {
  const { db, records } = (window as unknown as { reference: { db: DexieClass; records: unknown[] } }).reference;
  const started = performance.now();
  await db.table('items').bulkPut(records);
  const elapsed = performance.now() - started;
  const stored = await db.table('items').count();
  db.close();
  return { elapsed, stored };
};

type Browser = ReturnType<typeof diskProfiles>;

interface SyncRun {
  stored: number;
  syncMs: number;
  rate: number;
  firstVisibleMs: number | null;
  longest: number;
  during: { start: number; duration: number }[];
  wallSeconds: number;
  record: PageRecord;
  /** With BENCH_TRACE: the long tasks of the traced sync, and what filled them. */
  traced: LongTask[] | null;
  /** CPU seconds Chromium's processes used from the click to the end of the sync. */
  cpu: CpuSeconds;
}

/** Adds the feed in a fresh browser context (an empty database) and times its sync to the end. */
/** `setUp` runs in the page before the feed is added, `inspect` after its sync (the pictures row uses both). */
interface SyncHooks {
  setUp?: (page: Page) => Promise<void>;
  inspect?: (page: Page) => Promise<void>;
}

const syncInApp = async (browser: Browser, appUrl: string, feedUrl: string, hooks: SyncHooks = {}): Promise<SyncRun> => {
  const context = await browser.newContext();
  try {
    await context.addInitScript(recordLongFrames);
    await context.addInitScript(installRecorder);
    const page = await context.newPage();
    if (process.env.BENCH_CONSOLE) page.on('console', (message) => console.error(message.text()));
    await page.goto(appUrl);
    await page.locator('article[data-item-id]').nth(9).waitFor();
    await hooks.setUp?.(page);
    await openSettings(page);
    await page.getByLabel('Feed URL').fill(feedUrl);
    await page.evaluate(watchSync);
    const traceFolder = process.env.BENCH_TRACE;
    const endTrace = traceFolder === undefined ? null : await startPageTrace(await page.context().newCDPSession(page), `sync-${new URL(feedUrl).pathname.replace(/\W/g, '')}`);
    const started = Date.now();
    const cpuBefore = chromiumCpuSeconds();
    await page.getByRole('button', { name: 'Add feed' }).click();
    await page.waitForFunction(() => window.benchRecord?.doneAt != null, undefined, { polling: 1_000, timeout: 240_000 });
    const cpu = cpuSince(cpuBefore);
    const traced = endTrace === null ? null : await endTrace();
    const record = await page.evaluate(() => window.benchRecord as PageRecord);
    const stored = await page.evaluate(countFeedItems, feedUrl);
    const wallSeconds = (Date.now() - started) / 1000;
    await hooks.inspect?.(page);
    const clickedAt = record.clickedAt ?? 0;
    const doneAt = record.doneAt ?? clickedAt;
    const syncMs = doneAt - clickedAt;
    const during = record.longTasks.filter((task) => task.start + task.duration >= clickedAt && task.start <= doneAt);
    return {
      stored,
      syncMs,
      rate: stored / (syncMs / 1000),
      firstVisibleMs: record.firstVisibleAt === null ? null : record.firstVisibleAt - clickedAt,
      longest: during.reduce((most, task) => Math.max(most, task.duration), 0),
      during,
      wallSeconds,
      record,
      traced,
      cpu,
    };
  } finally {
    await context.close();
  }
};

/** The reference, on the app's origin in a page with nothing else running in it. */
const referenceRun = async (browser: Browser, appUrl: string, feedUrl: string) => {
  const context = await browser.newContext();
  try {
    const reference = await context.newPage();
    // An address the static server does not know: a blank page of the app's origin, served from
    // 127.0.0.1 (a page fulfilled by Playwright would lose loopback access to the feed server).
    await reference.goto(`${appUrl}bench-reference`);
    const dexieUmd = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.js'), 'utf8');
    // Through DevTools, not a script tag: the app's origin answers even this page under its Trusted Types policy.
    await reference.evaluate(dexieUmd);
    await reference.evaluate(openReference, currentSchema.items);
    const records = await storedRecordsOf(feedUrl, Math.ceil(itemCount / pageSize));
    for (let start = 0; start < records.length; start += 10_000) {
      await reference.evaluate((part) => (window as unknown as { reference: { records: unknown[] } }).reference.records.push(...part), records.slice(start, start + 10_000));
    }
    const cpuBefore = chromiumCpuSeconds();
    const timed = await reference.evaluate(referenceBulkPut);
    return { ...timed, cpu: cpuSince(cpuBefore) };
  } finally {
    await context.close();
  }
};

/** The formats to sync: all three, or those named in BENCH_FORMATS (e.g. "json,rss"). JSON Feed always runs, as the yardstick. */
const benchFormats = (): WrittenFeedFormat[] => {
  const asked = (process.env.BENCH_FORMATS ?? 'json,rss,atom').split(',').map((name) => name.trim());
  return writtenFeedFormats.filter((format) => format === 'json' || asked.includes(format));
};
const formatNames: Record<WrittenFeedFormat, string> = { json: 'JSON Feed', rss: 'RSS 2.0', atom: 'Atom 1.0' };

const benchPictureRows = (browser: Browser, appUrl: string): Promise<string[][]> =>
  pictureRows({ browser, appUrl, feedItems, pageSize, title: feedTitle, longestTaskTargetMs: targets.longestTaskMs, syncInApp, startFeedServer });

const main = async () => {
  if (!existsSync(join(webDir, 'index.html'))) {
    console.log('No web build in dist/renderer: running npm run build:renderer…');
    execSync('npm run build:renderer', { cwd: root, stdio: 'inherit' });
  }
  const web = await startStaticServer(webDir);
  // One server, the same items in every format: /feed.json, /feed.rss, /feed.atom, each in pages of 1,000.
  const feed = await startFeedServer({ items: feedItems, pageSize, title: feedTitle });
  // Made before the clock starts: the publisher's server is another machine's work, not the laptop's.
  feed.makePages();
  const feedUrls = Object.fromEntries(feed.feeds.map((served) => [served.format, served.url]));
  // Every run on a fresh profile on disk, as the desktop app keeps its data (an incognito context keeps IndexedDB in memory).
  const browser = diskProfiles('sync');
  const version = await chromiumVersion();
  try {
    if (process.env.BENCH_PICTURES === 'only') {
      console.log('\n| Metric | Value | Target | Result |\n|---|---|---|---|');
      for (const row of await benchPictureRows(browser, web.url)) console.log(`| ${row.join(' | ')} |`);
      return;
    }
    // Rounds, each a reference and then every format, and medians: on a machine whose other load
    // comes and goes, one run of each gave ratios from 0.61 to 0.77 for the same build.
    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
    const allRuns = new Map<WrittenFeedFormat, SyncRun[]>();
    const references: { rate: number; stored: number; elapsed: number; cpu: CpuSeconds }[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const bulk = await referenceRun(browser, web.url, feedUrls.json ?? feed.url);
      references.push({ ...bulk, rate: bulk.stored / (bulk.elapsed / 1000) });
      for (const format of benchFormats()) {
        const url = feedUrls[format];
        if (url === undefined) throw new Error(`The feed server does not serve ${format}.`);
        allRuns.set(format, [...(allRuns.get(format) ?? []), await syncInApp(browser, web.url, url)]);
      }
    }
    // Each format's run of median rate stands for it; the longest task is the longest of every round.
    const runs = new Map<WrittenFeedFormat, SyncRun>([...allRuns].map(([format, list]) => [format, medianBy(list, (run) => run.rate)]));
    const longestOf = (format: WrittenFeedFormat) => Math.max(...(allRuns.get(format) ?? []).map((run) => run.longest));
    const json = runs.get('json');
    if (json === undefined) throw new Error('The JSON Feed sync did not run.');
    const bulk = medianBy(references, (reference) => reference.rate);
    const bulkRate = bulk.rate;
    const ratioRange = (format: WrittenFeedFormat) =>
      (allRuns.get(format) ?? []).map((run, round) => (run.rate / (references[round]?.rate ?? Number.NaN)).toFixed(2)).join(', ');

    const met = (ok: boolean) => (ok ? 'met' : '**not met**');
    const count = (value: number) => Math.round(value).toLocaleString('en');
    const cpuText = (cpu: CpuSeconds) => `${cpu.browser.toFixed(1)} + ${cpu.renderer.toFixed(1)} s`;
    const rows = [
      ['Items stored by the sync', `${json.stored.toLocaleString('en')} of ${itemCount.toLocaleString('en')}`, 'all', met(json.stored === itemCount)],
      ['Sync time (click → status "Updated"), median', `${(json.syncMs / 1000).toFixed(1)} s`, '', ''],
      ['Items/s written into IndexedDB, median (each round)', `${count(json.rate)} (${(allRuns.get('json') ?? []).map((run) => count(run.rate)).join(', ')})`, `≥ ${count(targets.itemsPerSecond)}`, met(json.rate >= targets.itemsPerSecond)],
      ['First feed item visible after click', json.firstVisibleMs === null ? 'never' : `${Math.round(json.firstVisibleMs)} ms`, `≤ ${targets.firstVisibleMs} ms`, met(json.firstVisibleMs !== null && json.firstVisibleMs <= targets.firstVisibleMs)],
      ['Longest main-thread task during sync, all rounds', `${Math.round(longestOf('json'))} ms`, `< ${targets.longestTaskMs} ms`, met(longestOf('json') < targets.longestTaskMs)],
      ['Reference: one Dexie bulkPut of the same records, items/s, median (each round)', `${count(bulkRate)} (${bulk.stored.toLocaleString('en')} in ${(bulk.elapsed / 1000).toFixed(1)} s; ${references.map((reference) => count(reference.rate)).join(', ')})`, '', ''],
      ['Ratio app ÷ reference (medians; each round)', `${(json.rate / bulkRate).toFixed(2)} (${ratioRange('json')})`, `≥ ${targets.ratioToReference.toFixed(2)}`, met(json.rate / bulkRate >= targets.ratioToReference)],
      ['CPU of the browser process + the page (median runs)', `app ${cpuText(json.cpu)}, reference ${cpuText(bulk.cpu)}`, '', ''],
    ];
    // The same sync from RSS and Atom pages: the XML parsers must keep up with JSON Feed's.
    for (const [format, run] of runs) {
      if (format === 'json') continue;
      const name = formatNames[format];
      const ratio = run.rate / json.rate;
      rows.push(
        [`${name}: items stored`, `${run.stored.toLocaleString('en')} of ${itemCount.toLocaleString('en')}`, 'all', met(run.stored === itemCount)],
        [`${name}: items/s written into IndexedDB, median`, `${count(run.rate)} (${(run.syncMs / 1000).toFixed(1)} s)`, `≥ ${count(targets.itemsPerSecond)}`, met(run.rate >= targets.itemsPerSecond)],
        [`${name}: ratio to JSON Feed`, ratio.toFixed(2), `≥ ${targets.ratioToJsonFeed.toFixed(2)}`, met(ratio >= targets.ratioToJsonFeed)],
        [`${name}: ratio to reference bulkPut (medians; each round)`, `${(run.rate / bulkRate).toFixed(2)} (${ratioRange(format)})`, `≥ ${targets.ratioToReference.toFixed(2)}`, met(run.rate / bulkRate >= targets.ratioToReference)],
        [`${name}: longest main-thread task, all rounds`, `${Math.round(longestOf(format))} ms`, `< ${targets.longestTaskMs} ms`, met(longestOf(format) < targets.longestTaskMs)],
        [`${name}: CPU of the browser process + the page`, cpuText(run.cpu), '', ''],
      );
    }
    // Pictures (BENCH_PICTURES=0 skips, =only runs them alone): 10,000 items with one 200 KB picture each, pictures off beside on.
    if (process.env.BENCH_PICTURES !== '0') rows.push(...(await benchPictureRows(browser, web.url)));
    const wallSeconds = [...runs.values()].reduce((total, run) => total + run.wallSeconds, 0);
    console.log(`\nSync of ${itemCount.toLocaleString('en')} items in pages of ${pageSize.toLocaleString('en')} in ${[...runs.keys()].map((format) => formatNames[format]).join(', ')} (web build, Chromium ${version}, profile on disk, wall ${wallSeconds.toFixed(1)} s)\n`);
    console.log('| Metric | Value | Target | Result |\n|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    for (const [format, run] of runs) {
      console.log(`\nLast status (${formatNames[format]}): ${run.record.statusLog.at(-1)?.text ?? ''}`);
      if (run.stored !== itemCount) console.log(`The ${formatNames[format]} sync ended with ${run.stored} of ${itemCount} items stored: the walk stopped before the last page (page cap, or a next link not followed?).`);
    }
    // Where each run's CPU went, thread by thread: the sync's extra work beside the reference's.
    console.log(`\nCPU seconds by thread, from the click (or the reference's bulkPut) to the end (median runs; threads of 0.2 s or more):`);
    console.log(`- reference: ${busiestThreads(bulk.cpu)}`);
    for (const [format, run] of runs) console.log(`- ${formatNames[format]}: ${busiestThreads(run.cpu)}`);
    const missed = rows.filter((row) => row[3] === '**not met**').map((row) => row[0]);
    console.log(missed.length === 0 ? 'Every target met.' : `Targets missed: ${missed.join('; ')}.`);
    for (const [format, run] of runs) {
      if (run.traced === null) continue;
      console.log(`\nThe ${formatNames[format]} sync, traced (BENCH_TRACE; tracing slows it): its longest tasks`);
      for (const line of describeLongTasks(run.traced, 4)) console.log(line);
    }
    if (process.env.BENCH_VERBOSE) {
      for (const [format, run] of runs) {
        const clickedAt = run.record.clickedAt ?? 0;
        console.log(JSON.stringify({ format, statusLog: run.record.statusLog.map((entry) => ({ ms: Math.round(entry.at - clickedAt), text: entry.text })) }));
      }
      // Every round's long tasks and long frames, not only the median run's: a long task in any round counts.
      for (const [format, list] of allRuns) {
        list.forEach((run, round) => {
          const clickedAt = run.record.clickedAt ?? 0;
          const doneAt = run.record.doneAt ?? clickedAt;
          const tasks = run.during.map((task) => `${Math.round(task.duration)} ms at ${Math.round(task.start - clickedAt)} ms`);
          console.log(`${formatNames[format]}, round ${round + 1}: long tasks: ${tasks.join(', ') || 'none'}`);
          for (const frame of run.record.longFrames.filter((candidate) => candidate.start + candidate.duration >= clickedAt && candidate.start <= doneAt)) {
            console.log(`- ${describeLongFrame(frame, clickedAt)}`);
          }
        });
      }
    }
  } finally {
    await browser.close();
    await feed.close();
    await web.close();
  }
};

await main();
