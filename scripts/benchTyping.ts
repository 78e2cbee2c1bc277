// In-app typing benchmark (npm run bench:typing): the web build in Chromium with 100,000 stored
// items, typing place names letter by letter. Prints, per keystroke, the time until the next frame
// (the UI answering the key), the time until the results changed, and the longest main-thread
// task while typing (Long Tasks API). Target: no keystroke blocks the UI for more than a frame.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadGazetteer } from '../shared/places/gazetteer';
import { placeTaggingVersion } from '../shared/places/tagPlaces';
import { webBuildDir } from '../tests/e2e/chromium';
import { chromiumVersion, openDiskProfile } from './benchProfile';
import { startStaticServer } from './staticServer';
import { englishText } from '../shared/i18n/formatMessages';

const itemCount = Number(process.env.BENCH_ITEMS ?? 100_000);
const queries = ['tapachla', 'cuidad juarez', 'peten', 'san jose'];

// WEB_BUILD_DIR, as for the end-to-end tests: a build of one's own (npx vite build --outDir …).
if (!existsSync(`${webBuildDir}/index.html`)) {
  process.stderr.write(`No web build in ${webBuildDir}: run \`npm run build:renderer\` first, or set WEB_BUILD_DIR.\n`);
  process.exit(1);
}
const gazetteer = loadGazetteer(JSON.parse(readFileSync('renderer/window/search/gazetteer.json', 'utf8')));
if (!gazetteer.ok) throw new Error(englishText(gazetteer.error));
const regional = new Set(['MX', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA', 'BZ']);
const must = ['Tapachula', 'Ciudad Juárez', 'Petén', 'San José'];
const placeNames = gazetteer.value.places
  .filter((place) => regional.has(place.country) && place.kind !== 'country')
  .sort((a, b) => Number(must.includes(b.name)) - Number(must.includes(a.name)) || b.population - a.population)
  .slice(0, 2_000)
  .map((place) => place.name);

const server = await startStaticServer(webBuildDir);
// A profile on disk, as the desktop app keeps its data (an incognito context keeps IndexedDB in memory).
const version = await chromiumVersion();
const profile = await openDiskProfile('typing');
try {
  const { page } = profile;
  await page.addInitScript(() => {
    const probe = { longTasks: [] as { start: number; duration: number }[], keys: [] as { t: number; frame: number | null; results: number | null }[] };
    (window as unknown as { __bench: typeof probe }).__bench = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener(
      'keydown',
      () => {
        const entry = { t: performance.now(), frame: null as number | null, results: null as number | null };
        probe.keys.push(entry);
        requestAnimationFrame(() => (entry.frame = performance.now() - entry.t));
      },
      true,
    );
    new MutationObserver((records) => {
      // The list's container: .list-column before the three panes, .list-pane since.
      if (!records.some((record) => (record.target as Element).closest?.('.list-column, .list-pane'))) return;
      const last = probe.keys.at(-1);
      if (last && last.results === null) last.results = performance.now() - last.t;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(server.url);
  await page.locator('article[data-item-id]').nth(9).waitFor();

  const loadStart = performance.now();
  await page.evaluate(
    async ({ count, names }) => {
      const open = indexedDB.open('field-news');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      const topics = ['Shelter capacity stretched in', 'Health brigade reaches families in', 'Training on migrant protection in', 'New information hub opens in'];
      for (let start = 0; start < count; start += 10_000) {
        const transaction = db.transaction('items', 'readwrite');
        const store = transaction.objectStore('items');
        for (let index = start; index < Math.min(count, start + 10_000); index += 1) {
          const place = names[index % names.length] ?? 'Tapachula';
          const other = names[(index * 7) % names.length] ?? 'Tijuana';
          const date = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
          store.put({
            feedUrl: 'https://bench.example/feed.json', id: `bench-${index}`, title: `${topics[index % topics.length]} ${place}`,
            url: null, contentText: `Field teams in ${place} and ${other} report on shelters, health and protection for people on the move. `.repeat(4),
            contentHtml: null, summary: null, datePublished: date, dateModified: null, tags: [], authors: [], imageUrl: null, point: null, sortDate: date, places: [], placesVersion: '',
            read: false, starred: false, firstSeenAt: date, contentHash: `bench-${index}`,
          });
        }
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
        });
      }
      db.close();
    },
    { count: itemCount, names: placeNames },
  );
  await page.reload();
  const taggedCount = () =>
    page.evaluate(async (version) => {
      const open = indexedDB.open('field-news');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const counted = db.transaction('items').objectStore('items').index('placesVersion').count(version);
      const value = await new Promise<number>((resolve) => (counted.onsuccess = () => resolve(counted.result)));
      db.close();
      return value;
    }, placeTaggingVersion);
  while ((await taggedCount()) < itemCount) await page.waitForTimeout(1_000);
  const indexedSeconds = (performance.now() - loadStart) / 1000;
  await page.waitForTimeout(3_000);
  await page.evaluate(() => {
    const probe = (window as unknown as { __bench: { longTasks: unknown[]; keys: unknown[] } }).__bench;
    probe.longTasks.length = 0;
    probe.keys.length = 0;
  });

  // BENCH_PROFILE=file.cpuprofile: the window's main thread while typing, through the DevTools
  // protocol, to open in Chrome's DevTools (Performance) and see what sits between key and rows.
  const profilePath = process.env.BENCH_PROFILE;
  const devtools = profilePath === undefined ? undefined : await page.context().newCDPSession(page);
  if (devtools !== undefined) {
    await devtools.send('Profiler.enable');
    await devtools.send('Profiler.setSamplingInterval', { interval: 200 });
    await devtools.send('Profiler.start');
  }
  const field = page.getByRole('searchbox', { name: /Search/ });
  for (const query of queries) {
    await field.fill('');
    await page.waitForTimeout(500);
    await field.pressSequentially(query, { delay: 120 });
    await page.waitForTimeout(1_000);
  }
  if (devtools !== undefined && profilePath !== undefined) {
    const { profile } = await devtools.send('Profiler.stop');
    writeFileSync(profilePath, JSON.stringify(profile));
  }
  const measured = await page.evaluate(() => (window as unknown as { __bench: { longTasks: { duration: number }[]; keys: { frame: number | null; results: number | null }[] } }).__bench);
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
    return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
  };
  const frames = stats(measured.keys.flatMap((key) => (key.frame === null ? [] : [key.frame])));
  const results = stats(measured.keys.flatMap((key) => (key.results === null ? [] : [key.results])));
  const longest = Math.max(0, ...measured.longTasks.map((task) => task.duration));
  const row = (name: string, value: { p50: number; p95: number; max: number }) =>
    `| ${name} | ${value.p50.toFixed(1)} | ${value.p95.toFixed(1)} | ${value.max.toFixed(1)} |`;
  process.stdout.write(
    [
      `In-app typing with ${itemCount.toLocaleString('en')} stored items (web build, Chromium ${version}, profile on disk; loading + tagging + indexing took ${indexedSeconds.toFixed(1)} s)`,
      `Keystrokes measured: ${measured.keys.length}, queries: ${queries.join(', ')}`,
      '',
      '| per keystroke | p50 ms | p95 ms | max ms |',
      '| --- | ---: | ---: | ---: |',
      row('key → next frame (UI answers the key)', frames),
      row('key → results on screen', results),
      '',
      `Slowest keystrokes, key → results: ${[...measured.keys.flatMap((key) => (key.results === null ? [] : [key.results]))].sort((a, b) => b - a).slice(0, 5).map((ms) => ms.toFixed(0)).join(', ')} ms`,
      `Long main-thread tasks while typing: ${measured.longTasks.length} (longest ${longest.toFixed(0)} ms; the API reports tasks of 50 ms or more)`,
      `Target: no keystroke blocks the UI for more than a frame (key → next frame p95 ≤ 16.7 ms, max well under 50 ms): ${frames.p95 <= 16.7 && longest < 50 ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
} finally {
  await profile.close();
  await server.close();
}
