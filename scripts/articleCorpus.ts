// The article corpus (45 real pages from Mozilla Readability's test suite, Apache-2.0), read where
// the team keeps it, beside the repository: ../shared/data/article-pages. It is never copied in. A
// missing folder fails loudly: a test that quietly skipped its corpus would protect nothing.
// Also the measure the tests, the end-to-end test and scripts/compareArticleExtractors.ts share:
// words kept and added. The article server (articleServer.ts) serves these pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const articlePagesFolder = path.resolve(import.meta.dirname, '../../shared/data/article-pages');

/** Readability's tests read every page as if served from here; expected.html resolves links against it. */
export const corpusPageUrl = 'http://fakehost/test/page.html';

export interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** Readability's isProbablyReaderable on the page. */
  readerable: boolean;
}

export interface CorpusPage {
  name: string;
  source: string;
  expectedHtml: string;
  expected: ExpectedMetadata;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const readMetadata = (file: string): ExpectedMetadata => {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return { title: textOrNull(record.title), byline: textOrNull(record.byline), siteName: textOrNull(record.siteName), readerable: record.readerable === true };
};

/** Every page of the corpus, sorted by name. Throws when the corpus is not where it should be. */
export const readCorpus = (): CorpusPage[] => {
  if (!existsSync(articlePagesFolder)) {
    throw new Error(`The article corpus is missing: expected the pages of Readability's test suite in ${articlePagesFolder} (../shared/data/article-pages beside the repository).`);
  }
  const names = readdirSync(articlePagesFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error(`The article corpus in ${articlePagesFolder} holds no pages.`);
  return names.map((name) => {
    const folder = path.join(articlePagesFolder, name);
    return {
      name,
      source: readFileSync(path.join(folder, 'source.html'), 'utf8'),
      expectedHtml: readFileSync(path.join(folder, 'expected.html'), 'utf8'),
      expected: readMetadata(path.join(folder, 'expected-metadata.json')),
    };
  });
};

/** Han, kana and Hangul are written without spaces: each character is counted as a word. */
const wordPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased, with how often each occurs. */
export const wordCounts = (text: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(wordPattern)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
};

export interface WordOverlap {
  /** Share of the expected words (with repeats) found in the text read. */
  kept: number;
  /** Words read beyond the expected ones, as a share of the expected count. */
  added: number;
}

/** How the words of `read` compare with those of `expected`. */
export const wordOverlap = (expected: string, read: string): WordOverlap => {
  const want = wordCounts(expected);
  const got = wordCounts(read);
  let total = 0;
  let found = 0;
  let extra = 0;
  for (const [word, count] of want) {
    total += count;
    found += Math.min(count, got.get(word) ?? 0);
  }
  for (const [word, count] of got) extra += Math.max(0, count - (want.get(word) ?? 0));
  return { kept: total === 0 ? 1 : found / total, added: total === 0 ? 0 : extra / total };
};
