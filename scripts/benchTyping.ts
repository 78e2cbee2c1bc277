// In-app typing benchmark (npm run bench:typing): the web build in Chromium with 100,000 stored
// items, typing place names letter by letter. Prints, per keystroke, the time until the next frame
// (the UI answering the key), the time until the list shows the answer to the key's query (see
// typingProbe.ts), and the longest main-thread task while typing (Long Tasks API). Targets: results
// on screen within 50 ms at p95; no keystroke blocks the UI for more than a frame.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadGazetteer } from '../shared/places/gazetteer';
import { placeTaggingVersion } from '../shared/places/tagPlaces';
import { webBuildDir } from '../tests/e2e/chromium';
import { chromiumVersion, openDiskProfile } from './benchProfile';
import { startStaticServer } from './staticServer';
import { englishText } from '../shared/i18n/formatMessages';
import { installTypingProbe, type ProbedKey, type TypingProbe } from './typingProbe';

const itemCount = Number(process.env.BENCH_ITEMS ?? 100_000);
const queries = ['tapachla', 'cuidad juarez', 'peten', 'san jose'];
/** Issue 24: key → results on screen ≤ 50 ms at p95; a key answers in the frame after it. */
const targets = { resultsP95Ms: 50, frameP95Ms: 16.7 };

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
  await page.addInitScript(installTypingProbe);
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
  // Tagged is not searchable yet: the search worker then builds its indexes from the tagged items,
  // and refreshes once more for its own writes. Typing starts once it has said it holds every item
  // and has been quiet for a few seconds (its indexes saved), as for a person who opens the window.
  const searchReady = () =>
    page.evaluate(({ count, quietMs }) => {
      const last = window.typingProbe?.ready.at(-1);
      return last !== undefined && last.indexedCount >= count && performance.now() - last.at >= quietMs;
    }, { count: itemCount, quietMs: 5_000 });
  while (!(await searchReady())) await page.waitForTimeout(500);
  const indexedSeconds = (performance.now() - loadStart) / 1000;
  await page.evaluate(() => {
    const probe = window.typingProbe;
    if (probe === undefined) throw new Error('The typing probe is missing.');
    probe.longTasks.length = 0;
    probe.keys.length = 0;
    probe.searches.length = 0;
    probe.ready.length = 0;
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
  const measured = await page.evaluate(() => window.typingProbe as TypingProbe);
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
    return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
  };
  const valuesOf = (pick: (key: ProbedKey) => number | null) => measured.keys.flatMap((key) => { const value = pick(key); return value === null ? [] : [value]; });
  const frames = stats(valuesOf((key) => key.frame));
  // Keys that typed a query (not the field cleared between queries).
  const asking = measured.keys.filter((key) => key.query !== null && key.query.trim() !== '');
  const results = stats(asking.flatMap((key) => (key.results === null ? [] : [key.results])));
  const neverShown = asking.filter((key) => key.results === null).length;
  const firstChanges = stats(valuesOf((key) => key.firstChange));
  const longest = Math.max(0, ...measured.longTasks.map((task) => task.duration));
  const typingStart = measured.keys[0]?.t ?? 0;
  const row = (name: string, value: ReturnType<typeof stats>) =>
    `| ${name} | ${value.count} | ${value.p50.toFixed(1)} | ${value.p95.toFixed(1)} | ${value.max.toFixed(1)} |`;
  const slowest = asking
    .flatMap((key) => (key.results === null ? [] : [key]))
    .sort((a, b) => (b.results ?? 0) - (a.results ?? 0))
    .slice(0, 5)
    .map((key) => `${(key.results ?? 0).toFixed(0)} ms ("${key.query ?? ''}")`);
  const resultsMet = results.p95 <= targets.resultsP95Ms && neverShown === 0;
  process.stdout.write(
    [
      `In-app typing with ${itemCount.toLocaleString('en')} stored items (web build, Chromium ${version}, profile on disk; loading, tagging and indexing until the search was ready and quiet took ${indexedSeconds.toFixed(1)} s)`,
      `Keystrokes: ${measured.keys.length} (${asking.length} typing a query), queries: ${queries.join(', ')}; searches asked: ${measured.searches.length}`,
      '',
      '| per keystroke | keys | p50 ms | p95 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('key → next frame (the window answers the key)', frames),
      row("key → results on screen (the list's first rows are its answer's first hits)", results),
      row('key → first change in the list, whatever caused it (the measure before 2026-12-08)', firstChanges),
      '',
      `Slowest keystrokes, key → results: ${slowest.join(', ')}`,
      `Keys whose results never showed: ${neverShown}`,
      `The search worker said it was ready again while typing: ${measured.ready.map((ready) => `${((ready.at - typingStart) / 1000).toFixed(1)} s`).join(', ') || 'never'}`,
      `Long main-thread tasks while typing: ${measured.longTasks.length} (longest ${longest.toFixed(0)} ms; the API reports tasks of 50 ms or more)`,
      `Target: key → results on screen p95 ≤ ${targets.resultsP95Ms} ms, every key's results shown: ${resultsMet ? 'met' : 'NOT met'}`,
      `Target: no keystroke blocks the UI for more than a frame (key → next frame p95 ≤ ${targets.frameP95Ms} ms, no task of 50 ms or more): ${frames.p95 <= targets.frameP95Ms && longest < 50 ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
  // BENCH_VERBOSE: each search asked while typing, ms into the typing: sent, answered, its rows shown.
  if (process.env.BENCH_VERBOSE) {
    const at = (value: number | null) => (value === null ? '-' : (value - typingStart).toFixed(0));
    for (const search of measured.searches) process.stdout.write(`"${search.query}": sent ${at(search.sentAt)}, answered ${at(search.answeredAt)}, shown ${at(search.shownAt)}\n`);
  }
} finally {
  await profile.close();
  await server.close();
}
