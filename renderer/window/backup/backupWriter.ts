// Writes every feed, setting and item (with its read and starred flags) of a database into one
// backup file, in the format documented in shared/backup/backupFormat.ts ("Export my news").
import {
  backupClosing,
  backupFormatName,
  backupFormatVersion,
  backupOpening,
  entrySeparator,
  listSeparator,
} from '../../../shared/backup/backupFormat';
import type { NewsItem, NewsItemKey } from '../../../shared/feed/newsItem';
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
  JSON.stringify({ url: feed.url, title: feed.title, addedAt: feed.addedAt, folder: feed.folder });

const settingEntry = (setting: SettingRecord): string => JSON.stringify({ key: setting.key, value: setting.value });

const itemEntry = (item: NewsItem): string =>
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
  return db.transaction('r', db.feeds, db.settings, db.items, async () => {
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
      const text = page.map(itemEntry).join(entrySeparator);
      blob = new Blob([blob, itemsWritten > 0 ? entrySeparator : '', text], { type: 'application/json' });
      itemsWritten += page.length;
      after = [last.feedUrl, last.id];
      options.onProgress?.({ itemsWritten, itemsTotal: Math.max(itemsTotal, itemsWritten) });
    }
    return new Blob([blob, backupClosing], { type: 'application/json' });
  });
};
