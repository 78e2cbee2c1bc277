// Map benchmark (npm run bench:map): the web build in Chromium with 100,000 stored items naming
// 2,000 places. Prints the time from choosing "Map" to the drawn map (markers counted by the search
// worker, clustered, drawn and painted), and the frames while zooming in with the wheel where the
// markers are densest, dragging across, and zooming back out, with the long tasks of their settling.
// A zoom frame is timed from its first event to the end of its rendering, so it is the frame's own work;
// frames still tick at 60 Hz in headless Chromium, so frame-to-frame intervals show dropped frames.
// Targets: drawn in ≤ 200 ms, zoom frames < 16 ms at p95. WEB_BUILD_DIR picks the build (default dist/renderer).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadGazetteer } from '../shared/places/gazetteer';
import { placeTaggingVersion } from '../shared/places/tagPlaces';
import { chromiumArgs, chromiumPath, webBuildDir } from '../tests/e2e/chromium';
import { startStaticServer } from './staticServer';
import { chromiumVersion } from './benchProfile';
import { englishText } from '../shared/i18n/formatMessages';

const itemCount = Number(process.env.BENCH_ITEMS ?? 100_000);
const placeCount = Number(process.env.BENCH_PLACES ?? 2_000);
const opens = 7;
const wheelSteps = 45;
const dragSteps = 40;

if (!existsSync(`${webBuildDir}/index.html`)) {
  process.stderr.write(`No web build in ${webBuildDir}: run \`npm run build:renderer\` (or vite build --outDir and WEB_BUILD_DIR) first.\n`);
  process.exit(1);
}
const gazetteer = loadGazetteer(JSON.parse(readFileSync('renderer/window/search/gazetteer.json', 'utf8')));
if (!gazetteer.ok) throw new Error(englishText(gazetteer.error));
const regional = new Set(['MX', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA', 'BZ', 'CU', 'DO', 'HT', 'JM']);
// The biggest towns of the region, and every 40th place a state, so both kinds of marker are drawn.
const towns = gazetteer.value.places.filter((place) => regional.has(place.country) && place.kind === 'town').sort((a, b) => b.population - a.population);
const states = gazetteer.value.places.filter((place) => regional.has(place.country) && place.kind === 'state');
const placeIds = Array.from({ length: placeCount }, (_, index) => (index % 40 === 39 ? states[index % states.length] : towns[index])?.id ?? 'MX');

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
};
const row = (name: string, value: ReturnType<typeof stats>, target: string) =>
  `| ${name} | ${value.count} | ${value.p50.toFixed(1)} | ${value.p95.toFixed(1)} | ${value.max.toFixed(1)} | ${target} |`;

const server = await startStaticServer(webBuildDir);
// A profile on disk, as the desktop app keeps its data; frames unthrottled, so the draw times are the work's own.
const profileFolder = mkdtempSync(join(tmpdir(), 'field-news-bench-map-'));
const context = await chromium.launchPersistentContext(profileFolder, {
  // No service worker: the desktop app has none (see benchProfile.ts).
  serviceWorkers: 'block',
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumArgs, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  viewport: { width: 1400, height: 900 },
});
const version = await chromiumVersion();
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.locator('article[data-item-id]').nth(9).waitFor();
  await page.evaluate(
    async ({ count, places, version }) => {
      const open = indexedDB.open('field-news');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      for (let start = 0; start < count; start += 10_000) {
        const transaction = db.transaction('items', 'readwrite');
        const store = transaction.objectStore('items');
        for (let index = start; index < Math.min(count, start + 10_000); index += 1) {
          // Skewed like news: a few places in many items, most in a few.
          const first = places[Math.floor(places.length * (index / count) ** 3)] ?? 'MX';
          const second = places[(index * 7919) % places.length] ?? 'MX';
          const date = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
          store.put({
            feedUrl: 'https://bench.example/feed.json', id: `bench-${index}`, title: `Bench item ${index}`,
            url: null, contentText: 'Bench item.', contentHtml: null, summary: null, datePublished: date, dateModified: null,
            tags: [], authors: [], imageUrl: null, point: null, sortDate: date, places: index % 3 === 0 ? [first, second] : [first],
            placesVersion: version, read: true, starred: false, unreadSortDate: null, starredSortDate: null, firstSeenAt: date, contentHash: `bench-${index}`,
          });
        }
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
        });
      }
      db.close();
    },
    { count: itemCount, places: placeIds, version: placeTaggingVersion },
  );
  await page.reload();
  // The search worker has read every item into its index once the map counts them all.
  const mapButton = page.getByRole('button', { name: 'Map', exact: true });
  await mapButton.click();
  const onMap = (want: number) => Number(/\d[\d,]*/.exec(document.querySelector('.map-places summary')?.textContent ?? '')?.[0]?.replace(/,/g, '') ?? 0) >= want;
  await page.waitForFunction(onMap, placeCount * 0.95, { timeout: Number(process.env.BENCH_WAIT_MS ?? 300_000) });
  const placesShown = await page.locator('.map-places summary').textContent();
  const markerCount = await page.locator('.map-marker').count();
  await page.waitForTimeout(500);

  const drawTimes: number[] = [];
  for (let round = 0; round < opens; round += 1) {
    await mapButton.click();
    await page.locator('svg.map-svg').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    drawTimes.push(
      await page.evaluate(async () => {
        const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Map');
        const started = performance.now();
        button?.click();
        while (!document.querySelector('svg.map-svg[data-markers]')) await new Promise((resolve) => requestAnimationFrame(resolve));
        // After the frame that shows it has been painted.
        await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - started;
      }),
    );
  }

  // Zoom where the news is densest: the pointer on the biggest marker.
  const biggest = await page.evaluate(() => {
    const circles = [...document.querySelectorAll<SVGCircleElement>('.map-marker circle:not(.map-marker__hit)')];
    const circle = circles.sort((a, b) => b.r.baseVal.value - a.r.baseVal.value)[0];
    const at = circle?.getBoundingClientRect();
    return at ? { x: at.x + at.width / 2, y: at.y + at.height / 2 } : null;
  });
  if (!biggest) throw new Error('no marker on the map');
  await page.evaluate(() => {
    // For each frame that handles gesture events: its main-thread work, from its first event (the zoom
    // handler runs there) to the end of its rendering (a timeout queued from its animation-frame callback
    // runs after style, layout and paint); and every frame's start, for the frame-to-frame intervals.
    const probe = { frameStarts: [] as number[], gestureFrames: [] as number[], gestureIntervals: [] as number[], longTasks: [] as number[], pending: -1, running: true };
    (window as unknown as { __mapBench: typeof probe }).__mapBench = probe;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => probe.longTasks.push(entry.duration))).observe({ type: 'longtask' });
    // A loop through a property, not a named function: tsx would wrap that in a helper the page does not have.
    const loop: { tick?: () => void } = {};
    loop.tick = () => {
      const now = performance.now();
      const previous = probe.frameStarts.at(-1);
      probe.frameStarts.push(now);
      const eventAt = probe.pending;
      if (eventAt >= 0) {
        probe.pending = -1;
        if (previous !== undefined) probe.gestureIntervals.push(now - previous);
        setTimeout(() => probe.gestureFrames.push(performance.now() - eventAt), 0);
      }
      if (probe.running && loop.tick) requestAnimationFrame(loop.tick);
    };
    requestAnimationFrame(loop.tick);
    const svg = document.querySelector('svg.map-svg');
    svg?.addEventListener('wheel', () => (probe.pending = probe.pending < 0 ? performance.now() : probe.pending), { capture: true, passive: true });
    svg?.addEventListener(
      'pointermove',
      (event) => (probe.pending = probe.pending < 0 && (event as PointerEvent).buttons > 0 ? performance.now() : probe.pending),
      { capture: true, passive: true },
    );
  });
  const markersAt = async () => page.locator('.map-marker').count();
  // BENCH_TRACE=file.json records a Chromium trace of the gestures (open it in DevTools → Performance).
  const tracePath = process.env.BENCH_TRACE;
  const cdp = tracePath ? await page.context().newCDPSession(page) : null;
  const traceEvents: unknown[] = [];
  cdp?.on('Tracing.dataCollected', (data) => traceEvents.push(...data.value));
  await cdp?.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute', transferMode: 'ReportEvents' });
  await page.mouse.move(biggest.x, biggest.y);
  // The reference, same run: frame to frame for two seconds with the map on screen and still (what
  // this headless Chromium on this machine gives with nothing to draw).
  await page.waitForTimeout(2_000);
  const stillUntil = await page.evaluate(() => performance.now());
  // Wheel in (about ×40 over 45 steps), let it settle, drag across, settle, wheel back out.
  for (let step = 0; step < wheelSteps; step += 1) {
    await page.mouse.wheel(0, -60);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(600);
  const markersZoomedIn = await markersAt();
  await page.mouse.down();
  for (let step = 0; step < dragSteps; step += 1) {
    await page.mouse.move(biggest.x - step * 6, biggest.y - step * 3);
    await page.waitForTimeout(10);
  }
  await page.mouse.up();
  await page.waitForTimeout(600);
  for (let step = 0; step < wheelSteps; step += 1) {
    await page.mouse.wheel(0, 60);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(600);
  if (cdp && tracePath) {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(tracePath, JSON.stringify({ traceEvents }));
  }
  const probe = await page.evaluate(() => {
    const found = (window as unknown as { __mapBench: { frameStarts: number[]; gestureFrames: number[]; gestureIntervals: number[]; longTasks: number[]; running: boolean } }).__mapBench;
    found.running = false;
    return found;
  });
  const draws = stats(drawTimes);
  const frames = stats(probe.gestureFrames);
  const intervals = stats(probe.gestureIntervals);
  const stillStarts = probe.frameStarts.filter((start) => start <= stillUntil).slice(-121);
  const still = stats(stillStarts.slice(1).map((start, index) => start - (stillStarts[index] ?? start)));
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  process.stdout.write(
    [
      `Map with ${itemCount.toLocaleString('en')} stored items naming ${placeCount.toLocaleString('en')} places (web build ${webBuildDir}, headless Chromium ${version}, profile on disk); “${placesShown}”, drawn as ${markerCount} markers and clusters at the whole region, ${markersZoomedIn} zoomed in`,
      '',
      '| measure | n | p50 ms | p95 ms | max ms | target |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      row('Map chosen → map drawn and painted (worker counts, clusters, draws)', draws, `p95 ≤ 200: ${verdict(draws.p95 <= 200)}`),
      row('zoom frame: wheel or drag event → its frame rendered (handler, style, layout, paint)', frames, `p95 < 16: ${verdict(frames.p95 < 16)}`),
      row('frame to frame while zooming (rAF start to rAF start; 16.7 at 60 Hz)', intervals, `p95 ≤ 17 (no frame dropped): ${verdict(intervals.p95 <= 17)}`),
      row('reference: frame to frame with the map still, same run', still, `ratio of the p95s: ${(intervals.p95 / still.p95).toFixed(2)}`),
      '',
      `Load average at the end: ${loadavg().map((load) => load.toFixed(2)).join(', ')} (1, 5, 15 min)`,
      `Long main-thread tasks (≥ 50 ms) during the gestures and their settling: ${probe.longTasks.length}${probe.longTasks.length > 0 ? ` (longest ${Math.max(...probe.longTasks).toFixed(0)} ms)` : ''} — target 0`,
      '',
    ].join('\n'),
  );
} finally {
  await context.close();
  rmSync(profileFolder, { recursive: true, force: true });
  await server.close();
}
