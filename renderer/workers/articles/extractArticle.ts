// Reads the article off a downloaded web page, in the article worker (no DOM of its own: linkedom
// builds one): the page decoded in its charset, refused before parsing when it nests too deeply to
// read in bounded time, consent banners and lazy pictures seen to, the article found by Mozilla
// Readability, then cleaned, its links and pictures made absolute, and judged: a wall, a list of
// links or a text no longer than the feed's is no article to save. Pure and synchronous.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { articleFailureOf, type ArticleFailure } from '../../../shared/articles/articleVerdict';
import { decodePageBytes } from '../../../shared/articles/decodePageBytes';
import { measureTagNesting, type NestingLimits } from '../../../shared/articles/tagNesting';
import { isWebPage } from '../../../shared/articles/webPageType';
import { htmlToPlainText } from '../../../shared/feed/htmlToPlainText';
import { cleanArticleHtml } from './cleanArticleHtml';
import { removeConsentBanners } from './consentBanners';
import { resolveLazyPictures } from './lazyPictures';
import { baseAddressOf, pinBaseAddress, hasPasswordField, parsePageDocument } from './pageDocument';

import type { SavedArticle } from '../../../shared/articles/articleRecord';

export type { ArticleFailure } from '../../../shared/articles/articleVerdict';

export interface ArticlePage {
  bytes: Uint8Array;
  contentType: string | null;
  /** The page's final address, after redirects: what its relative links are read against. */
  url: string;
}

/** The article as it is saved (its html holds nothing that runs or loads), and the pictures it names. */
export interface ExtractedArticle extends Omit<SavedArticle, 'pageUrl'> {
  /** Absolute http(s) addresses of the pictures in `html`, in order, each once. */
  pictureUrls: string[];
}

export type ArticleExtraction = { ok: true; article: ExtractedArticle } | { ok: false; reason: ArticleFailure };

/**
 * Past these a page is refused as 'too-deep' before it is parsed (in a few milliseconds). Without
 * the refusal, 20,000 nested <div>s took 0.13 s to parse and Readability then ran 7 s and overflowed
 * the stack; 100,000 took 6.7 s and 2 minutes. The 45 pages of the corpus nest at most 30 deep and
 * sum at most 37,310 open ancestors (pixnet); 256 is half of Chromium's own parser cap (512). Just
 * under the limits, the slowest crafted page we found (31 towers of 250 bare <div>s) took 3.5 s, and
 * a 2.4 MB page of 27,000 elements 1.3 s.
 */
export const nestingLimits: NestingLimits = { deepest: 256, work: 1_000_000 };

const refuse = (reason: ArticleFailure): ArticleExtraction => ({ ok: false, reason });

/** A line of metadata with its whitespace collapsed; null when empty. */
const oneLine = (text: string | null | undefined): string | null => {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
};

const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === 1;

/** The article of `page`, or why it holds none worth more than the feed's `feedTextLength` characters. Never throws on page content. */
export const extractArticle = (page: ArticlePage, feedTextLength: number): ArticleExtraction => {
  const { text: html } = decodePageBytes(page.bytes, page.contentType);
  if (!isWebPage(page.contentType, html)) return refuse('unreadable');
  if (measureTagNesting(html, nestingLimits).overLimit) return refuse('too-deep');
  const document = parsePageDocument(html);
  const base = baseAddressOf(document, page.url);
  pinBaseAddress(document, base);
  const passwordField = hasPasswordField(document);
  removeConsentBanners(document);
  resolveLazyPictures(document);
  if (!isProbablyReaderable(document)) return refuse('not-an-article');
  // The article comes back as its element (not Readability's HTML string), to be cleaned before it is written out.
  const read = new Readability<Node>(document, { serializer: (node) => node }).parse();
  if (read === null || !isElement(read.content)) return refuse('not-an-article');
  const cleaned = cleanArticleHtml(read.content, base);
  const text = htmlToPlainText(cleaned.html);
  const failure = articleFailureOf({ text, linkCharacters: cleaned.linkCharacters, passwordField }, feedTextLength);
  if (failure !== null) return refuse(failure);
  return {
    ok: true,
    article: {
      html: cleaned.html,
      text,
      title: oneLine(read.title),
      byline: oneLine(read.byline),
      siteName: oneLine(read.siteName),
      length: text.length,
      pictureUrls: cleaned.pictureUrls,
    },
  };
};
