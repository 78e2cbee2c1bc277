// Benchmark of place tagging and search-as-you-type (npm run bench:search): builds 100,000 news
// items naming about 2,000 real gazetteer places and prints a Markdown table of the results.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import { loadGazetteer, type Place } from '../shared/places/gazetteer';
import { createItemTextSearch } from '../shared/wordSearch/itemTextSearch';
import { createNewsPlaceIndex } from '../shared/places/newsPlaceIndex';
import { createNewsWordIndex, type NewsWordIndex } from '../shared/wordSearch/newsWordIndex';
import { createPlaceSearch } from '../shared/places/placeSearch';
import { createPlaceTagger, tagPlaces } from '../shared/places/tagPlaces';
import { placeCorpus, placeCorpusQueries } from '../tests/fixtures/placeCorpus';
import { seededRandom } from './seededRandom';
import { corpusQuality, qualityTable } from './searchQuality';
import { compareWordSearch, typoQueries } from './wordSearchComparison';
import { englishText } from '../shared/i18n/formatMessages';

const placeCorpusSize = (): string => `${placeCorpus.length} items, ${placeCorpusQueries.length} queries`;

// A real garbage collector call, so heap differences measure what is kept, not what is litter.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapAfterCollecting = (): number => {
  for (let round = 0; round < 3; round += 1) collect();
  return process.memoryUsage().heapUsed;
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const loaded = loadGazetteer(JSON.parse(readFileSync(join(root, 'renderer/window/search/gazetteer.json'), 'utf8')));
if (!loaded.ok) throw new Error(englishText(loaded.error));
const gazetteer = loaded.value;
const tagger = createPlaceTagger(gazetteer);

const random = seededRandom(20_210_701);
const pick = <T>(list: readonly T[]): T => {
  const chosen = list[Math.floor(random() * list.length)];
  if (chosen === undefined) throw new Error('empty list');
  return chosen;
};

// --- About 2,000 places of the region that a sentence naming them alone is tagged with.
const regional = new Set(['MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'CU', 'HT', 'DO', 'JM', 'PR']);
const mustHave = ['Tapachula', 'Ciudad Juárez', 'Tijuana', 'Petén', 'Melchor de Mencos', 'San José'];
const candidates = gazetteer.places
  .filter((place) => regional.has(place.country) && place.kind !== 'country')
  .sort((a, b) => Number(mustHave.includes(b.name)) - Number(mustHave.includes(a.name)) || b.population - a.population);
const benchPlaces: Place[] = [];
for (const place of candidates) {
  if (benchPlaces.length >= 2_000) break;
  if (tagPlaces(tagger, { title: '', text: `News from ${place.name}.` })[0] === place.id) benchPlaces.push(place);
}

const topics = [
  'Shelter capacity stretched', 'Health brigade reaches families', 'Training on migrant protection',
  'Flooding displaces residents', 'Returnees receive support', 'New information hub opens',
  'Drought pushes young people to migrate', 'Authorities review asylum cases', 'Psychosocial care groups installed',
];
const filler =
  'Local authorities, civil society and international organizations coordinated the response, ' +
  'registering needs, distributing hygiene kits and referring people to health and legal services. ' +
  'The programme is funded by regional donors and runs until the end of the year, with monitoring visits ' +
  'every month and a report to the national coordination table.';

interface BenchItem {
  key: string;
  title: string;
  text: string;
  date: number;
}
const itemCount = 100_000;
const items: BenchItem[] = [];
const start = Date.parse('2015-01-01T00:00:00Z');
for (let number = 0; number < itemCount; number += 1) {
  const first = pick(benchPlaces);
  const second = pick(benchPlaces);
  const country = gazetteer.byId.get(first.country)?.name ?? '';
  items.push({
    key: `bench-${number.toString().padStart(6, '0')}-${first.asciiName.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title: `${pick(topics)} in ${first.name}`,
    text: `Teams in ${first.name}, ${country}, and in ${second.name} reported on the week. ${filler}`,
    date: start + Math.floor(random() * 10 * 365 * 86_400_000),
  });
}

// --- Tagging time.
// The median of five runs: one run on a busy machine says little.
let tagged: string[][] = [];
const tagRuns: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const tagStart = performance.now();
  tagged = items.map((item) => tagPlaces(tagger, item));
  tagRuns.push(((performance.now() - tagStart) * 1000) / itemCount);
}
tagRuns.sort((a, b) => a - b);
const tagMicroseconds = tagRuns[2] ?? Number.NaN;
const averageLength = items.reduce((sum, item) => sum + item.title.length + item.text.length, 0) / itemCount;

// --- Index memory: only [key, place ids, date] go in, with key strings of its own, as in the app.
const indexMemory = (count: number): { megabytes: number; searchMegabytes: number } => {
  const before = heapAfterCollecting();
  const index = createNewsPlaceIndex(gazetteer);
  for (let number = 0; number < count; number += 1) {
    const item = items[number];
    if (item !== undefined) index.setItem(`${item.key} `.trimEnd(), tagged[number] ?? [], item.date);
  }
  index.itemsOf('MX');
  const afterIndex = heapAfterCollecting();
  const search = createPlaceSearch(index);
  search.search('tapachula');
  const afterSearch = heapAfterCollecting();
  const megabytes = (afterIndex - before) / 1024 / 1024;
  const searchMegabytes = (afterSearch - afterIndex) / 1024 / 1024;
  if (index.itemCount !== count || search.search('tapachula').hits.length === 0) throw new Error('index incomplete');
  return { megabytes, searchMegabytes };
};

const queries = ['tapachla', 'cuidad juarez', 'peten', 'san jose'];
const keystrokes = queries.flatMap((query) => [...query].map((_, length) => query.slice(0, length + 1)));
const percentile = (sorted: readonly number[], share: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
const timeKeystrokes = (search: (query: string) => unknown, rounds: number): { p50: number; p95: number; max: number } => {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of keystrokes) {
      const begin = performance.now();
      search(query);
      times.push(performance.now() - begin);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1] ?? Number.NaN };
};

const rows: string[] = [];
const format = (value: number, digits = 2): string => value.toFixed(digits);
let reference: { p50: number; p95: number; max: number } | undefined;
const measured = new Map<number, { p95: number }>();
for (const count of [1_000, 10_000, 100_000]) {
  const memory = indexMemory(count);
  const index = createNewsPlaceIndex(gazetteer);
  const buildStart = performance.now();
  for (let number = 0; number < count; number += 1) {
    const item = items[number];
    if (item !== undefined) index.setItem(item.key, tagged[number] ?? [], item.date);
  }
  const search = createPlaceSearch(index);
  search.search('a');
  const buildMilliseconds = performance.now() - buildStart;
  const latency = timeKeystrokes((query) => search.search(query), 20);
  measured.set(count, latency);
  rows.push(
    `| place index | ${count.toLocaleString('en')} | ${format(latency.p50)} | ${format(latency.p95)} | ${format(latency.max)} | ` +
      `${format(memory.megabytes, 1)} + ${format(memory.searchMegabytes, 1)} | ${format(buildMilliseconds, 0)} |`,
  );
  if (count === 10_000) {
    const fuse = new Fuse(items.slice(0, count), { keys: ['title', 'text'], ignoreDiacritics: true, ignoreLocation: true });
    reference = timeKeystrokes((query) => fuse.search(query, { limit: 100 }), 1);
    rows.push(
      `| plain fuse.js, title + text (reference) | 10,000 | ${format(reference.p50)} | ${format(reference.p95)} | ${format(reference.max)} | – | – |`,
    );
  }
}

const at10k = measured.get(10_000);
console.log(`Corpus: ${itemCount.toLocaleString('en')} items, ${benchPlaces.length} distinct places named, ${Math.round(averageLength)} characters per item.`);
console.log(`Keystrokes: ${queries.map((query) => `"${query}"`).join(', ')} typed letter by letter (${keystrokes.length} searches; 20 rounds, plain fuse.js 1 round).`);
const keyLength = items.reduce((sum, item) => sum + item.key.length, 0) / itemCount;
console.log(
  `Memory: V8 heap used after forced garbage collection, before and after filling the index (its own copy of the keys, ` +
    `${Math.round(keyLength)} characters on average; dates; places) and after the first search (fuse.js index of present place names).`,
);
console.log('');
console.log(`Tagging: ${format(tagMicroseconds, 1)} µs per item, median of five runs (${tagRuns.map((run) => format(run, 1)).join(', ')}; title + text, ${itemCount.toLocaleString('en')} items).`);
console.log('');
console.log(`Quality on the written corpus (${placeCorpusSize()}): precision@10 is the share of the first ten hits that the query must find (a lower bound: an unlisted hit counts as wrong), recall the share of those found; a negative query must find nothing.`);
console.log('');
for (const line of qualityTable(corpusQuality(gazetteer))) console.log(line);
console.log('');
console.log('| Search | Items | p50 ms | p95 ms | max ms | Memory MB (index + search) | Build + first search ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
if (reference !== undefined && at10k !== undefined) {
  console.log('');
  console.log(`At 10,000 items the place index is ${format(reference.p95 / at10k.p95, 0)}× faster at p95 than plain fuse.js over title and text.`);
}

// --- Text fallback: the word index of titles and texts (shared/wordSearch/newsWordIndex.ts) at the full
// corpus, alone and behind place search as its textSearch.
const wordQueries = ['psychosocial', 'trafficking'];
const wordKeystrokes = wordQueries.flatMap((query) => [...query].map((_, length) => query.slice(0, length + 1)));
const commonQuery = 'health services';
const commonKeystrokes = [...commonQuery].map((_, length) => commonQuery.slice(0, length + 1));
const timeQueries = (queries: readonly string[], search: (query: string) => unknown, rounds: number): { p50: number; p95: number; max: number } => {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const begin = performance.now();
      search(query);
      times.push(performance.now() - begin);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1] ?? Number.NaN };
};
const memoryNow = (): { heap: number; buffers: number } => {
  const heap = heapAfterCollecting();
  return { heap, buffers: process.memoryUsage().arrayBuffers };
};
const megabytes = (bytes: number): string => format(bytes / 1024 / 1024, 1);

/** Builds the word index of the first `count` items; `extraWord` adds one more word to an item. */
const buildWordIndex = (extraWord?: (number: number) => string): { index: NewsWordIndex; milliseconds: number; heap: number; buffers: number } => {
  const before = memoryNow();
  const buildStart = performance.now();
  const index = createNewsWordIndex();
  items.forEach((item, number) => {
    index.setItem(`${item.key} `.trimEnd(), item.title, extraWord === undefined ? item.text : `${item.text} ${extraWord(number)}`, item.date);
  });
  index.search(['zzz'], 1);
  const milliseconds = performance.now() - buildStart;
  const after = memoryNow();
  return { index, milliseconds, heap: after.heap - before.heap, buffers: after.buffers - before.buffers };
};
const splitWords = (query: string): string[] => query.split(' ');

const wordRows: string[] = [];
const plain = buildWordIndex();
if (plain.index.itemCount !== itemCount || plain.index.search(['psychosocial'], 100).length !== 100) throw new Error('word index incomplete');
const fullPlaceIndex = createNewsPlaceIndex(gazetteer);
items.forEach((item, number) => fullPlaceIndex.setItem(item.key, tagged[number] ?? [], item.date));
const fullPlaceSearch = createPlaceSearch(fullPlaceIndex);
const behindPlaces = (query: string): unknown => fullPlaceSearch.search(query, { textSearch: plain.index.search });
const wordRow = (label: string, latency: { p50: number; p95: number; max: number }, built?: { milliseconds: number; heap: number; buffers: number }, words?: number): string =>
  `| ${label} | ${format(latency.p50)} | ${format(latency.p95)} | ${format(latency.max)} | ` +
  `${built === undefined ? '–' : `${megabytes(built.heap)} + ${megabytes(built.buffers)}`} | ${built === undefined ? '–' : format(built.milliseconds, 0)} | ${words?.toLocaleString('en') ?? '–'} |`;
// The first round meets every prefix for the first time (no cached vocabulary matches).
wordRows.push(wordRow('word index alone, first time', timeQueries(wordKeystrokes, (query) => plain.index.search(splitWords(query), 100), 1), plain, plain.index.wordCount));
wordRows.push(wordRow('word index alone, 20 rounds', timeQueries(wordKeystrokes, (query) => plain.index.search(splitWords(query), 100), 20)));
wordRows.push(wordRow('place search alone (no text search), 20 rounds', timeQueries(wordKeystrokes, (query) => fullPlaceSearch.search(query), 20)));
wordRows.push(wordRow('place search + word index, 20 rounds', timeQueries(wordKeystrokes, behindPlaces, 20)));
wordRows.push(wordRow(`word index alone, "${commonQuery}" (in every item), 20 rounds`, timeQueries(commonKeystrokes, (query) => plain.index.search(splitWords(query), 100), 20)));

// A larger vocabulary, as real news has (names, numbers, typos): one made-up word per item.
const madeUpWord = (number: number): string => {
  let word = '';
  let value = (number * 2_654_435_761) >>> 0;
  for (let letter = 0; letter < 9; letter += 1) {
    word += String.fromCharCode(97 + (value % 26));
    value = Math.floor(value / 26) + letter * 7919;
  }
  return word;
};
const wide = buildWordIndex(madeUpWord);
wordRows.push(wordRow('word index, +1 made-up word per item, first time', timeQueries(wordKeystrokes, (query) => wide.index.search(splitWords(query), 100), 1), wide, wide.index.wordCount));
wordRows.push(wordRow('word index, +1 made-up word per item, 20 rounds', timeQueries(wordKeystrokes, (query) => wide.index.search(splitWords(query), 100), 20)));

const textStart = performance.now();
const textReference = createItemTextSearch(items.slice(0, 10_000));
textReference(['zzz'], 100);
const textReferenceBuild = performance.now() - textStart;
const textReferenceLatency = timeQueries(wordKeystrokes, (query) => textReference(splitWords(query), 100), 1);

console.log('');
console.log(
  `Text fallback at ${itemCount.toLocaleString('en')} items: ${wordQueries.map((query) => `"${query}"`).join(', ')} typed letter by letter ` +
    `(${wordKeystrokes.length} searches a round; the bench corpus has no "trafficking", so it measures a miss), limit 100. ` +
    'Memory: V8 heap used after forced garbage collection, plus ArrayBuffer backing stores (typed arrays over 64 bytes live outside the V8 heap).',
);
console.log('');
console.log('| Text search | p50 ms | p95 ms | max ms | Memory MB (heap + array buffers) | Build + first search ms | Words |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of wordRows) console.log(row);
console.log(
  `| createItemTextSearch (fuse.js) at 10,000 items (reference) | ${format(textReferenceLatency.p50)} | ${format(textReferenceLatency.p95)} | ` +
    `${format(textReferenceLatency.max)} | – | ${format(textReferenceBuild, 0)} | – |`,
);

// --- MiniSearch against the word index, same items and keystrokes (heap only: MiniSearch keeps no typed arrays).
const comparison = compareWordSearch(items, plain.index, heapAfterCollecting, timeQueries, wordKeystrokes, { milliseconds: plain.milliseconds, heap: plain.heap + plain.buffers });
console.log('');
console.log(`Word search libraries at ${itemCount.toLocaleString('en')} items (3 rounds of the keystrokes above; typos: ${typoQueries.join(', ')}):`);
console.log('');
console.log('| Text search | Build ms | Memory MB | p50 ms | p95 ms | Typos found |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of comparison) {
  console.log(`| ${row.name} | ${format(row.buildMilliseconds, 0)} | ${format(row.heapMegabytes, 1)} | ${format(row.p50)} | ${format(row.p95)} | ${row.typosFound} of ${typoQueries.length} |`);
}
