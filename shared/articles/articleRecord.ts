// A saved article: the whole page an item links to, read at sync time so it can be read offline, and
// where its saving stands. One record per item (its key text), kept beside the item, never inside it:
// the list and the search read items by the thousand and must not carry whole articles with them.
import type { StoredMessage } from '../i18n/userMessage';

/** A feed's choice: fetch the article when the item looks like a summary, for every item, or never. */
export type FullArticlesChoice = 'automatic' | 'always' | 'never';
export const fullArticlesChoices: readonly FullArticlesChoice[] = ['automatic', 'always', 'never'];
export const defaultFullArticles: FullArticlesChoice = 'automatic';

/** Any text read from a file or a record: a known choice, else the default. */
export const parseFullArticles = (value: unknown): FullArticlesChoice =>
  fullArticlesChoices.includes(value as FullArticlesChoice) ? (value as FullArticlesChoice) : defaultFullArticles;

/**
 * 'waiting': to be fetched at `nextTryAt` (again, after a failure, while attempts are left);
 * 'saved': the article is here; 'not-an-article': the site sent a page without one (a consent wall,
 * a login) or shorter than the feed's; 'failed': the tries ran out. The last two stay until the user asks.
 */
export type ArticleStatus = 'waiting' | 'saved' | 'not-an-article' | 'failed';

export interface SavedArticle {
  /** Sanitized HTML of the article body, links and pictures absolute. */
  html: string;
  /** Its plain text, for the word search and the place tagger. */
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** Characters of text. */
  length: number;
  /** The address the article came from, after redirects. */
  pageUrl: string;
}

/** UTF-16 in IndexedDB: two bytes a character, close enough for a budget and a settings line. */
export const savedArticleBytes = (article: SavedArticle): number => 2 * (article.html.length + article.text.length);

export interface ArticleRecord {
  /** The item's key text (newsItemKeyText). */
  itemKey: string;
  feedUrl: string;
  /** The item's link, the page to fetch. */
  link: string;
  status: ArticleStatus;
  /** Tries made so far. */
  attempts: number;
  /** When a waiting article may be fetched (ms since epoch); 0 for at once. */
  nextTryAt: number;
  article: SavedArticle | null;
  /** Why the last try did not save it, for the reader. */
  failure: StoredMessage | null;
  /** The stored size of the article, kept so Settings → Storage never reads the articles. */
  bytes: number;
  savedAt: number | null;
}

/** Each item is tried this many times, with a growing pause, then left alone until the user asks. */
export const articleAttempts = 3;

/** The pause before try `attempt + 1` (1 h, then 6 h). */
export const articleRetryDelayMs = (attempt: number): number => (attempt <= 1 ? 60 : 360) * 60_000;

/** The most one article may take in storage: longer ones are cut at the end of a paragraph. */
export const articleMaxCharacters = 500_000;
