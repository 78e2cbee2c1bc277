// How a saved article from a backup merges into the articles stored here. The article is part of
// its item, so a restore brings it back; but it never replaces a newer one, and never lands on an
// item that now links to another page.
import { savedArticleBytes, type ArticleRecord, type SavedArticle } from '../articles/articleRecord';
import type { BackupArticle } from './backupFormat';

export interface BackupArticleOffer {
  /** The item's key text (newsItemKeyText) and its feed. */
  itemKey: string;
  feedUrl: string;
  /** The item's link as stored after the merge, in its normal form (httpAddress), or null. */
  storedLink: string | null;
  /** The link of the backup's copy of the item, in the same form. */
  backupLink: string | null;
  article: BackupArticle;
}

/** The article as the store keeps it: the backup's fields without the time it was saved. */
export const savedArticleOfBackup = ({ html, text, title, byline, siteName, length, pageUrl }: BackupArticle): SavedArticle => ({
  html,
  text,
  title,
  byline,
  siteName,
  length,
  pageUrl,
});

/**
 * The article record to store for a backup's saved article, or null to keep what is here.
 *
 * Taken where this computer has no saved article for the item (no record, one still waiting, one
 * the site refused, one whose tries ran out) or one saved earlier: a saved article is the whole page
 * as it was read, so the later reading is the better copy, as the newer edit of an item is. On a tie
 * the one here stays, so importing a file twice writes nothing the second time. Not taken when the
 * item (as stored after its own merge) links elsewhere than the backup's copy did: the article would
 * be another page's text, and the next sync queues the page the item links to now.
 */
export const mergeBackupArticle = (stored: ArticleRecord | undefined, offer: BackupArticleOffer): ArticleRecord | null => {
  if (offer.storedLink !== offer.backupLink) return null;
  const savedAt = Date.parse(offer.article.savedAt);
  if (stored?.status === 'saved' && stored.article !== null && (stored.savedAt ?? Number.NEGATIVE_INFINITY) >= savedAt) return null;
  const article = savedArticleOfBackup(offer.article);
  return {
    itemKey: offer.itemKey,
    feedUrl: offer.feedUrl,
    // The item's own link, as the sync's queue compares it: a link it knows means "already handled".
    link: offer.storedLink ?? article.pageUrl,
    status: 'saved',
    attempts: stored?.attempts ?? 0,
    nextTryAt: 0,
    article,
    failure: null,
    bytes: savedArticleBytes(article),
    savedAt,
  };
};
