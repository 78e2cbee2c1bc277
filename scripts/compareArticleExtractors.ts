// Compares the article extractors on the corpus (45 real pages from Readability's test suite, in
// ../shared/data/article-pages): Mozilla Readability and Defuddle, each on linkedom (the DOM a
// worker can have), and our extractArticle (Readability plus our own rules). For each page, the
// share of expected.html's words kept and the words added; the time per page; what each adds to a
// browser worker bundle; and whether each runs in a real browser worker.
// Run: npx tsx scripts/compareArticleExtractors.ts
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { DOMParser } from 'linkedom/worker';
import { htmlToPlainText } from '../shared/feed/htmlToPlainText';
import { extractArticle } from '../renderer/workers/articles/extractArticle';
import { corpusPageUrl, readCorpus, wordOverlap, type CorpusPage, type WordOverlap } from './articleCorpus';
import { bundleForWorker, libraryEntries, runInBrowserWorkers, sizeOf, workerEntries, type BundleSize } from './articleExtractorBundles';

/** What an extractor read off a page: its text, or null when it found no article. */
type Extractor = (page: CorpusPage) => string | null;

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

const extractors: Record<string, Extractor> = {
  readability: (page) => {
    const article = new Readability(parse(page.source)).parse();
    return article?.content ? htmlToPlainText(article.content) : null;
  },
  defuddle: (page) => {
    const article = new Defuddle(parse(page.source), { url: corpusPageUrl }).parse();
    return article.content ? htmlToPlainText(article.content) : null;
  },
  extractArticle: (page) => {
    const result = extractArticle({ bytes: new TextEncoder().encode(page.source), contentType: 'text/html; charset=utf-8', url: corpusPageUrl }, 0);
    return result.ok ? result.article.text : null;
  },
};

interface PageRun {
  overlap: WordOverlap | null;
  /** The median of three runs, in milliseconds. */
  ms: number;
  error: string | null;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
};

const runPage = (extractor: Extractor, page: CorpusPage): PageRun => {
  const times: number[] = [];
  let text: string | null = null;
  try {
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      text = extractor(page);
      times.push(performance.now() - start);
    }
  } catch (thrown) {
    return { overlap: null, ms: Number.NaN, error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  return { overlap: text === null ? null : wordOverlap(htmlToPlainText(page.expectedHtml), text), ms: median(times), error: null };
};

const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;
const cell = (run: PageRun): string => (run.error !== null ? 'threw' : run.overlap === null ? 'none' : `${percent(run.overlap.kept)} / +${percent(run.overlap.added)}`);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const corpus = readCorpus();
const names = Object.keys(extractors);
// One run each first, so the times that count are not the first compile's.
for (const extractor of Object.values(extractors)) runPage(extractor, corpus[0] ?? corpus[1]!);
const runs = new Map(names.map((name) => [name, corpus.map((page) => runPage(extractors[name]!, page))]));

console.log(`\n## Words of expected.html kept / words added (share of expected), per page\n`);
console.log(`| page | readerable | ${names.join(' | ')} |`);
console.log(`| --- | --- | ${names.map(() => '---').join(' | ')} |`);
corpus.forEach((page, index) => {
  console.log(`| ${page.name} | ${page.expected.readerable ? 'yes' : 'no'} | ${names.map((name) => cell(runs.get(name)![index]!)).join(' | ')} |`);
});

console.log(`\n## Summary over the ${corpus.filter((page) => page.expected.readerable).length} readerable pages\n`);
console.log('| extractor | kept, median | kept, lowest | pages ≥ 95% kept | added, median | added, p95 | no article or threw | ms/page, median | ms/page, p95 |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const name of names) {
  const readerable = runs.get(name)!.filter((_run, index) => corpus[index]!.expected.readerable);
  const kept = readerable.map((run) => run.overlap?.kept ?? 0);
  const added = readerable.map((run) => run.overlap?.added ?? 0);
  const times = runs.get(name)!.flatMap((run) => (Number.isNaN(run.ms) ? [] : [run.ms]));
  const missing = readerable.filter((run) => run.overlap === null).length;
  console.log(
    `| ${name} | ${percent(median(kept))} | ${percent(Math.min(...kept))} | ${kept.filter((share) => share >= 0.95).length} of ${kept.length} | ${percent(median(added))} | ${percent(percentile(added, 0.95))} | ${missing} | ${median(times).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} |`,
  );
}

console.log('\n## Bundle size for a browser worker (Vite, minified; gzip -9)\n');
console.log('| bundle | minified | gzipped |');
console.log('| --- | --- | --- |');
const sizes: [string, BundleSize][] = [];
for (const [name, code] of Object.entries(libraryEntries)) sizes.push([`${name} alone`, sizeOf(await bundleForWorker(code))]);
const workerBundles: Record<string, string> = {};
for (const [name, code] of Object.entries(workerEntries)) {
  workerBundles[name] = await bundleForWorker(code);
  sizes.push([`worker: linkedom + ${name}`, sizeOf(workerBundles[name])]);
}
for (const [name, size] of sizes) console.log(`| ${name} | ${kb(size.minified)} | ${kb(size.gzipped)} |`);

const sample = corpus.find((page) => page.name === 'ars-1') ?? corpus[0]!;
const answers = await runInBrowserWorkers(workerBundles, sample.source, corpusPageUrl);
console.log(`\n## In a browser worker (Chromium, module worker, no DOM), page ${sample.name}\n`);
if (answers === null) console.log('Not checked: no Chromium here (set CHROMIUM_PATH).');
else for (const [name, answer] of Object.entries(answers)) console.log(`- ${name}: ${answer}`);
