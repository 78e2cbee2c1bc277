// The web app on a phone (npm run bench:phone): a first visit over a 3G link (DevTools protocol network
// conditions, DevTools' "3G" preset) on a fresh profile on disk at a phone's size, then a start with no
// network at all, from the service worker. Prints the bytes the server sent (gzipped, as static hosts
// send them) until the first item and for the whole first visit (the app installed: the service worker
// holds the whole build), the time to the first item of each, and as the reference the same two
// starts on an unthrottled link in the same run.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { webBuildDir } from '../tests/e2e/chromium';
import { chromiumVersion, openDiskProfile } from './benchProfile';
import { startStaticServer, type StaticServer } from './staticServer';

/** DevTools' "3G" throttling preset (formerly "Fast 3G"): 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up. */
const threeG = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8, connectionType: 'cellular3g' } as const;

/**
 * The first visit's budget, gzipped bytes from the server until the app is installed: 2 MB. The whole
 * build is 1.7 MB gzipped (the window's script 255 KB, the workers about 500 KB, the gazetteer 698 KB
 * for place search offline, the map's borders 64 KB), and a first visit downloads it once: the service
 * worker's install finds the hashed files in the browser's cache where the page's first fetches put
 * them. 2 MB leaves 15 % for growth, about 12 s of the 3G preset's bandwidth; a change past it (a new
 * dependency, a larger gazetteer) is a decision to make here. Later starts send `sw.js` and what changed.
 */
const firstVisitBudgetBytes = 2 * 1024 * 1024;

if (!existsSync(`${webBuildDir}/index.html`)) {
  process.stderr.write(`No web build in ${webBuildDir}: run \`npm run build:renderer\` first, or set WEB_BUILD_DIR.\n`);
  process.exit(1);
}

/** Runs in the page before the app: when the first item shows. */
const installProbe = () => {
  const probe = { firstItemAt: null as number | null };
  (window as unknown as { phoneProbe: typeof probe }).phoneProbe = probe;
  new MutationObserver(() => {
    if (probe.firstItemAt === null && document.querySelector('article[data-item-id]')) probe.firstItemAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
};
const firstItemMs = async (page: Page): Promise<number> => {
  await page.waitForFunction(() => (window as unknown as { phoneProbe?: { firstItemAt: number | null } }).phoneProbe?.firstItemAt != null, undefined, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { phoneProbe: { firstItemAt: number } }).phoneProbe.firstItemAt);
};

interface PhoneRun {
  firstVisitMs: number;
  firstItemBytes: number;
  installedMs: number;
  installBytes: number;
  offlineStartMs: number;
}

/** One phone, one profile: the first visit (over `link` when given), installed, then started offline. */
const phoneRun = async (server: StaticServer, link: typeof threeG | null): Promise<PhoneRun> => {
  const profile = await openDiskProfile('phone', { serviceWorkers: 'allow', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  try {
    const { context, page } = profile;
    await context.addInitScript(installProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (link) await cdp.send('Network.emulateNetworkConditions', link);
    const bytesBefore = server.bytesSent();
    const started = Date.now();
    await page.goto(server.url, { waitUntil: 'commit' });
    const firstVisitMs = await firstItemMs(page);
    const firstItemBytes = server.bytesSent() - bytesBefore;
    // Installed: the service worker holds the whole build (its install fetched every file).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const installedMs = Date.now() - started;
    const installBytes = server.bytesSent() - bytesBefore;
    // A second start with no network at all, from the service worker.
    await cdp.send('Network.emulateNetworkConditions', { ...threeG, offline: true });
    await context.setOffline(true);
    const bytesOffline = server.bytesSent();
    await page.reload({ waitUntil: 'commit' });
    const offlineStartMs = await firstItemMs(page);
    if (server.bytesSent() !== bytesOffline) throw new Error('The offline start reached the server: it did not come from the service worker.');
    await context.setOffline(false);
    return { firstVisitMs, firstItemBytes, installedMs, installBytes, offlineStartMs };
  } finally {
    await profile.close();
  }
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

const server = await startStaticServer(webBuildDir);
try {
  const version = await chromiumVersion();
  const reference = await phoneRun(server, null);
  const slow = await phoneRun(server, threeG);
  console.log(`\nThe web app on a phone (web build ${webBuildDir}, Chromium ${version}, 390 × 844 with touch, a fresh profile on disk, files gzipped as a static host sends them)\n`);
  console.log('| measure | 3G (DevTools preset) | reference: no throttling | budget | |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  console.log(`| first visit: time to the first item | ${slow.firstVisitMs.toFixed(0)} ms | ${reference.firstVisitMs.toFixed(0)} ms (${(slow.firstVisitMs / reference.firstVisitMs).toFixed(1)} × less) | | |`);
  console.log(`| first visit: bytes sent until the first item (what the first screen needs, and the starts of the workers and the service worker right after it) | ${kb(slow.firstItemBytes)} | ${kb(reference.firstItemBytes)} | | |`);
  console.log(`| first visit: bytes sent until installed (the service worker holds the whole build) | ${kb(slow.installBytes)} | ${kb(reference.installBytes)} | ${kb(firstVisitBudgetBytes)} | ${met(Math.max(slow.installBytes, reference.installBytes) <= firstVisitBudgetBytes)} |`);
  console.log(`| first visit: time until installed | ${(slow.installedMs / 1000).toFixed(1)} s | ${(reference.installedMs / 1000).toFixed(1)} s | | |`);
  console.log(`| second start, no network: time to the first item | ${slow.offlineStartMs.toFixed(0)} ms | ${reference.offlineStartMs.toFixed(0)} ms | | |`);
  console.log('\nBytes are what the server wrote, gzipped; on the 3G link some of them are still on their way at the first item. The service worker starts after the first rows are on screen.');
} finally {
  await server.close();
}
