// extractArticle over the 45 real pages of Readability's test suite (read from
// ../shared/data/article-pages at test time, never copied in). On each page Readability's own
// output calls readable, at least 95% of the words of expected.html are kept and at most 5% added
// (measured: at least 99.9% kept and at most 0.1% added on every page; the margin is for
// library updates), the title, byline and site name are the expected ones, and what is stored
// holds nothing that runs or loads, with pictures and links absolute.
import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedArticle } from '../../../../renderer/workers/articles/extractArticle';
import { htmlToPlainText } from '../../../../shared/feed/htmlToPlainText';
import { corpusPageUrl, readCorpus, wordOverlap, type CorpusPage } from '../../../../scripts/articleCorpus';
import { attributesIn, storedHtmlProblems } from './storedHtml';

const leastKept = 0.95;
const mostAdded = 0.05;

const corpus = readCorpus();
const readable = corpus.filter((page) => page.expected.readerable);

/** The page as its server would send it: the corpus files are UTF-8 (one still names GB2312 in its <meta>). */
const extract = (page: CorpusPage) =>
  extractArticle({ bytes: new TextEncoder().encode(page.source), contentType: 'text/html; charset=utf-8', url: corpusPageUrl }, 0);

const articles = new Map<string, ExtractedArticle>();
const articleOf = (page: CorpusPage): ExtractedArticle => {
  const known = articles.get(page.name);
  if (known !== undefined) return known;
  const result = extract(page);
  if (!result.ok) throw new Error(`${page.name}: no article (${result.reason})`);
  articles.set(page.name, result.article);
  return result.article;
};

const oneLine = (text: string | null): string | null => (text === null ? null : text.replace(/\s+/g, ' ').trim() || null);

describe('extractArticle on the corpus', () => {
  it('has the whole corpus to read', () => {
    expect(corpus.length).toBe(45);
    expect(readable.length).toBe(44);
  });

  it.each(readable.map((page) => [page.name, page] as const))('keeps the words of the expected article: %s', (_name, page) => {
    const overlap = wordOverlap(htmlToPlainText(page.expectedHtml), articleOf(page).text);
    expect(overlap.kept).toBeGreaterThanOrEqual(leastKept);
    expect(overlap.added).toBeLessThanOrEqual(mostAdded);
  });

  it.each(readable.map((page) => [page.name, page] as const))('reads the expected title, byline and site name: %s', (_name, page) => {
    const article = articleOf(page);
    expect(article.title).toBe(oneLine(page.expected.title));
    if (page.expected.byline !== null) expect(article.byline).toBe(oneLine(page.expected.byline));
    if (page.expected.siteName !== null) expect(article.siteName).toBe(oneLine(page.expected.siteName));
  });

  it.each(readable.map((page) => [page.name, page] as const))('stores nothing that runs or loads, and only absolute addresses: %s', (_name, page) => {
    const article = articleOf(page);
    expect(storedHtmlProblems(article.html)).toEqual([]);
    expect(article.length).toBe(article.text.length);
    expect(article.text).toBe(htmlToPlainText(article.html));
  });

  it.each(readable.map((page) => [page.name, page] as const))('lists each http(s) picture of the stored article once, in order: %s', (_name, page) => {
    const article = articleOf(page);
    const sources = attributesIn(article.html, 'img', 'src').filter((source) => /^https?:/.test(source));
    expect(article.pictureUrls).toEqual([...new Set(sources)]);
  });

  it('gives no article for the page Readability calls unreadable (a few lazy pictures and a heading)', () => {
    for (const page of corpus.filter((unreadable) => !unreadable.expected.readerable)) expect(extract(page)).toEqual({ ok: false, reason: 'not-an-article' });
  });

  it.each(['base-url', 'base-url-base-element', 'base-url-base-element-relative'])('resolves links and pictures against the page and its <base> as Readability does: %s', (name) => {
    const page = corpus.find((candidate) => candidate.name === name);
    if (page === undefined) throw new Error(`${name} is not in the corpus`);
    // Readability leaves "#foo" as it is where the page has no <base>; stored articles hold absolute addresses only.
    const links = (html: string): string[] => attributesIn(html, 'a[href]', 'href').map((href) => new URL(href, corpusPageUrl).href);
    const html = articleOf(page).html;
    expect(attributesIn(html, 'a[href]', 'href')).toEqual(links(page.expectedHtml));
    expect(attributesIn(html, 'img', 'src')).toEqual(attributesIn(page.expectedHtml, 'img', 'src'));
  });
});
