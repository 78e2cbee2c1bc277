// Where a sync's work on its pages goes (npm run bench:sync-stages): the app's own code for each
// stage, as the parse worker and the sync worker run it, timed in Chromium over 20 pages of 1,000 of
// bench:sync's items in JSON Feed, RSS 2.0 and Atom (scripts/benchSyncStagesPage.ts). Printed as
// seconds per 100,000 items, beside the reference: the structured clone of the stored records, which
// a plain put of them (bench:sync's reference) costs the page too. bench:sync measures the whole
// sync; this says which part of its page work to look at. BENCH_ROUNDS passes of the pages (3).
import { build } from 'esbuild';
import { join } from 'node:path';
import { writtenFeedFormats, type WrittenFeedFormat } from '../shared/listing/writeFeed';
import { chromiumVersion, openDiskProfile } from './benchProfile';
import { benchNewsItems } from './benchSyncCorpus';
import type { StagePage, SyncStage } from './benchSyncStagesPage';
import { startFeedServer } from './feedServer';

const pageCount = 20;
const pageSize = 1_000;
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const formatNames: Record<WrittenFeedFormat, string> = { json: 'JSON Feed', rss: 'RSS 2.0', atom: 'Atom 1.0' };
const stageNames: Record<SyncStage, string> = {
  parse: 'parse the page (parse worker)',
  derive: 'fingerprints and previews (parse worker)',
  handover: 'structured clone to the sync worker',
  merge: 'merge into stored items (sync worker)',
  storedRecord: 'stored record with its view keys',
  pictures: 'pictures named in the items',
  articles: 'which items want their article',
  pageBytes: "the page's size for the disk check",
  reference: 'reference: structured clone of the stored records',
};
const syncStages = Object.keys(stageNames) as SyncStage[];

/** The page code as one script for the browser, built from the app's own modules. */
const pageScript = async (): Promise<string> => {
  const bundled = await build({ entryPoints: [join(import.meta.dirname, 'benchSyncStagesPage.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'error' });
  const script = bundled.outputFiles[0];
  if (script === undefined) throw new Error('esbuild wrote no script for the bench page.');
  return script.text;
};

const downloadPages = async (firstPage: string): Promise<StagePage[]> => {
  const pages: StagePage[] = [];
  for (let number = 1; number <= pageCount; number += 1) {
    const url = number === 1 ? firstPage : `${firstPage}?page=${number}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The feed server answered ${response.status} for ${url}.`);
    pages.push({ base64: Buffer.from(await response.arrayBuffer()).toString('base64'), contentType: response.headers.get('content-type') ?? '', url });
  }
  return pages;
};

const main = async () => {
  const version = await chromiumVersion();
  const feed = await startFeedServer({ items: benchNewsItems(pageCount * pageSize), pageSize, title: 'Bench Regional News' });
  const profile = await openDiskProfile('sync-stages');
  try {
    await profile.page.addScriptTag({ content: await pageScript() });
    const seconds = new Map<WrittenFeedFormat, Record<SyncStage, number>>();
    for (const format of writtenFeedFormats) {
      const firstPage = feed.feeds.find((announced) => announced.format === format)?.url;
      if (firstPage === undefined) throw new Error(`The feed server does not serve ${format}.`);
      const pages = await downloadPages(firstPage);
      const { ms, items } = await profile.page.evaluate(
        ([handed, passes]) => (window as unknown as { measureSyncStages: (pages: StagePage[], rounds: number) => { ms: Record<SyncStage, number>; items: number } }).measureSyncStages(handed, passes),
        [pages, rounds] as const,
      );
      if (items !== pageCount * pageSize * rounds) throw new Error(`${formatNames[format]}: ${items} items were read, not ${pageCount * pageSize * rounds}.`);
      seconds.set(format, Object.fromEntries(syncStages.map((stage) => [stage, ((ms[stage] / items) * 100_000) / 1000])) as Record<SyncStage, number>);
    }
    const columns = writtenFeedFormats.map((format) => formatNames[format]);
    const cell = (value: number) => value.toFixed(2);
    const workOf = (figures: Record<SyncStage, number>) => syncStages.filter((stage) => stage !== 'reference').reduce((total, stage) => total + figures[stage], 0);
    console.log(`\nA sync's page work by stage, seconds per 100,000 items (${pageCount} pages of ${pageSize.toLocaleString('en')}, ${rounds} passes; Chromium ${version}, one thread)\n`);
    console.log(`| stage | ${columns.join(' | ')} |\n|---|${columns.map(() => '---:').join('|')}|`);
    for (const stage of syncStages) {
      console.log(`| ${stageNames[stage]} | ${writtenFeedFormats.map((format) => cell(seconds.get(format)?.[stage] ?? Number.NaN)).join(' | ')} |`);
    }
    console.log(`| **the sync's page work** | ${writtenFeedFormats.map((format) => `**${cell(workOf(seconds.get(format) ?? ({} as Record<SyncStage, number>)))}**`).join(' | ')} |`);
    console.log(
      `| ratio of that work to the reference | ${writtenFeedFormats
        .map((format) => {
          const figures = seconds.get(format);
          return figures === undefined ? '' : `${(workOf(figures) / figures.reference).toFixed(1)} ×`;
        })
        .join(' | ')} |`,
    );
    console.log('\nNo target: bench:sync holds the sync to 0.8 of plain puts; this table says which stage of its page work to take on.');
  } finally {
    await profile.close();
    await feed.close();
  }
};

await main();
