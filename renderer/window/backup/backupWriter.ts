// Writes every feed, setting and item (with its read and starred flags and its saved article) of a
// database into one backup file, in the format documented in shared/backup/backupFormat.ts ("Export my news").
import type { ArticleRecord } from '../../../shared/articles/articleRecord';
import {
  backupArticleSchema,
  backupClosing,
  backupFormatName,
  backupFormatVersion,
  backupOpening,
  entrySeparator,
  listSeparator,
  type BackupArticle,
} from '../../../shared/backup/backupFormat';
import { newsItemKeyText, type NewsItem, type NewsItemKey } from '../../../shared/feed/newsItem';
import type { FeedRecord, FieldNewsDb, SettingRecord } from '../../db/fieldNewsDb';

export interface BackupExportProgress {
  itemsWritten: number;
  itemsTotal: number;
}

export interface BackupExportOptions {
  onProgress?: (progress: BackupExportProgress) => void;
  /** Items read and turned into text at a time. */
  pageSize?: number;
  now?: () => Date;
  appVersion?: string;
}

// Each entry is written with its keys in a fixed order, from the stored record's fields one by one,
// so that nothing the format does not name (derived fields, sync state) leaks into a backup.
const feedEntry = (feed: FeedRecord): string =>
  JSON.stringify({ url: feed.url, title: feed.title, addedAt: feed.addedAt, folder: feed.folder, ...(feed.fullArticles ? { fullArticles: feed.fullArticles } : {}) });

const settingEntry = (setting: SettingRecord): string => JSON.stringify({ key: setting.key, value: setting.value });

/**
 * The backup's copy of a saved article, or null: one still waiting or refused is this computer's
 * own state. One the importer would refuse (over a cap) is left out, so the file stays importable;
 * its page can be fetched again.
 */
const articleEntry = (record: ArticleRecord | undefined): BackupArticle | null => {
  if (record?.status !== 'saved' || record.article === null || record.savedAt === null) return null;
  const savedAt = new Date(record.savedAt);
  if (Number.isNaN(savedAt.getTime())) return null;
  const { pageUrl, title, byline, siteName, length, html, text } = record.article;
  const entry = { pageUrl, title, byline, siteName, length, savedAt: savedAt.toISOString(), html, text };
  return backupArticleSchema.safeParse(entry).success ? entry : null;
};

const itemEntry = (item: NewsItem, article: BackupArticle | null): string =>
  JSON.stringify({
    feedUrl: item.feedUrl,
    id: item.id,
    title: item.title,
    url: item.url,
    contentText: item.contentText,
    contentHtml: item.contentHtml,
    summary: item.summary,
    datePublished: item.datePublished,
    dateModified: item.dateModified,
    tags: item.tags,
    // Items stored before these fields existed have none.
    authors: item.authors ?? [],
    imageUrl: item.imageUrl ?? null,
    point: item.point ?? null,
    read: item.read,
    starred: item.starred,
    firstSeenAt: item.firstSeenAt,
    ...(article ? { article } : {}),
  });

/**
 * The backup of `db` as a Blob. Items are read a page at a time and each page's text is added to
 * the Blob at once, so memory holds one page of items and its text, never a second copy of all
 * items (browsers keep a large Blob's bytes outside the JavaScript heap, on disk if need be).
 * One read transaction covers the whole export, so the file is one consistent moment of the
 * database even while a sync runs (the sync's writes wait for it).
 */
export const writeBackup = async (db: FieldNewsDb, options: BackupExportOptions = {}): Promise<Blob> => {
  const pageSize = options.pageSize ?? 1_000;
  const now = options.now ?? (() => new Date());
  const header = {
    format: backupFormatName,
    version: backupFormatVersion,
    exportedAt: now().toISOString(),
    app: { version: options.appVersion ?? __APP_VERSION__ },
  } as const;
  return db.transaction('r', db.feeds, db.settings, db.items, db.articles, async () => {
    const feeds = await db.feeds.toArray();
    const settings = await db.settings.toArray();
    // The feeds' counts, kept by the repository: counting the items table would walk all of it.
    const itemsTotal = feeds.reduce((sum, feed) => sum + feed.itemCount, 0);
    let blob = new Blob([backupOpening(header), feeds.map(feedEntry).join(entrySeparator), listSeparator('settings'), settings.map(settingEntry).join(entrySeparator), listSeparator('items')], {
      type: 'application/json',
    });
    let itemsWritten = 0;
    let after: NewsItemKey | null = null;
    for (;;) {
      const page: NewsItem[] = await (after ? db.items.where('[feedUrl+id]').above(after) : db.items.toCollection()).limit(pageSize).toArray();
      const last = page.at(-1);
      if (!last) break;
      const articles = await db.articles.bulkGet(page.map((item) => newsItemKeyText(item)));
      const text = page.map((item, index) => itemEntry(item, articleEntry(articles[index]))).join(entrySeparator);
      blob = new Blob([blob, itemsWritten > 0 ? entrySeparator : '', text], { type: 'application/json' });
      itemsWritten += page.length;
      after = [last.feedUrl, last.id];
      options.onProgress?.({ itemsWritten, itemsTotal: Math.max(itemsTotal, itemsWritten) });
    }
    return new Blob([blob, backupClosing], { type: 'application/json' });
  });
};
