// MiniSearch (installed to compare) against the hand-written word index on the benchmark's items:
// build time, memory, keystroke latency and typo tolerance, so the README can say which to keep.
import MiniSearch from 'minisearch';
import type { NewsWordIndex } from '../shared/wordSearch/newsWordIndex';

interface BenchItem {
  key: string;
  title: string;
  text: string;
}

/** One typo each: a swap, a dropped letter, a wrong first letter, a wrong middle letter, an extra one. */
export const typoQueries = ['pyschosocial', 'hygine', 'xegistering', 'monitorng', 'donorss', 'coordinaton'];

export interface ComparisonRow {
  name: string;
  buildMilliseconds: number;
  heapMegabytes: number;
  p50: number;
  p95: number;
  typosFound: number;
}

export const compareWordSearch = (
  items: readonly BenchItem[],
  wordIndex: NewsWordIndex,
  heapAfterCollecting: () => number,
  timeQueries: (queries: readonly string[], search: (query: string) => unknown, rounds: number) => { p50: number; p95: number },
  keystrokes: readonly string[],
  wordIndexBuild: { milliseconds: number; heap: number },
): ComparisonRow[] => {
  const before = heapAfterCollecting();
  const buildStart = performance.now();
  const mini = new MiniSearch<BenchItem>({ idField: 'key', fields: ['title', 'text'] });
  mini.addAll(items);
  const options = { prefix: true, fuzzy: 0.2, combineWith: 'AND' } as const;
  mini.search('zzz', options);
  const buildMilliseconds = performance.now() - buildStart;
  const heapMegabytes = (heapAfterCollecting() - before) / 1024 / 1024;
  const miniLatency = timeQueries(keystrokes, (query) => mini.search(query, options).slice(0, 100), 3);
  const wordLatency = timeQueries(keystrokes, (query) => wordIndex.search(query.split(' '), 100), 3);
  return [
    {
      name: 'word index (shared/wordSearch/newsWordIndex.ts)',
      buildMilliseconds: wordIndexBuild.milliseconds,
      heapMegabytes: wordIndexBuild.heap / 1024 / 1024,
      ...wordLatency,
      typosFound: typoQueries.filter((query) => wordIndex.search([query], 100).length > 0).length,
    },
    {
      name: 'MiniSearch (prefix, fuzzy 0.2, AND)',
      buildMilliseconds,
      heapMegabytes,
      ...miniLatency,
      typosFound: typoQueries.filter((query) => mini.search(query, options).length > 0).length,
    },
  ];
};
