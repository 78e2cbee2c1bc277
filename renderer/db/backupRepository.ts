// The writes of "Import" (restoring a backup): feeds, settings, items and their saved articles
// merged into the stored news by the same rules as a sync, item counts on feed records kept right.
import type { ArticleRecord } from '../../shared/articles/articleRecord';
import { sampleFeedKey } from '../../shared/feed/sampleFeed';
import type { NewsItem, NewsItemKey } from '../../shared/feed/newsItem';
import { newsItemKeyText } from '../../shared/feed/newsItem';
import type { BackupFeed, BackupItem, BackupSetting } from '../../shared/backup/backupFormat';
import { mergeBackupArticle } from '../../shared/backup/mergeBackupArticle';
import { mergeBackupItem } from '../../shared/backup/mergeBackupItem';
import { httpAddress } from '../../shared/webAddress';
import { sortBackupSettings } from '../../shared/backup/backupSettings';
import { createCountTally, withCounts } from './feedCounts';
import { storedNewsItem, type FeedRecord, type FieldNewsDb, type SettingRecord, type StoredNewsItem } from './fieldNewsDb';
import { newFeedRecord } from './newsRepository';

export interface BackupItemsCount {
  added: number;
  updated: number;
  unchanged: number;
  /** Saved articles taken from the backup: none was saved here, or an older one. */
  articlesAdded: number;
}

/** A feed record for a feed the backup brings: fresh sync state, so the next sync fetches it whole. */
const feedRecordOfBackup = (feed: BackupFeed, now: string): FeedRecord => ({
  ...newFeedRecord({ url: feed.url, title: feed.title, builtIn: feed.url === sampleFeedKey }, now),
  addedAt: feed.addedAt,
  folder: feed.folder,
  ...(feed.fullArticles ? { fullArticles: feed.fullArticles } : {}),
});

const linkOf = (url: string | null): string | null => (url === null ? null : httpAddress(url));

/**
 * Merges the saved articles of one batch's items (grouped by key, with each item as now stored)
 * into the articles table, inside the caller's transaction; returns how many were taken.
 */
const storeBackupArticles = async (db: FieldNewsDb, groups: readonly { copies: BackupItem[] }[], items: readonly (NewsItem | undefined)[]): Promise<number> => {
  const offered = groups.flatMap(({ copies }, index) => {
    const item = items[index];
    return item && copies.some((copy) => copy.article) ? [{ item, itemKey: newsItemKeyText(item), copies }] : [];
  });
  if (offered.length === 0) return 0;
  const stored = await db.articles.bulkGet(offered.map(({ itemKey }) => itemKey));
  const changed: ArticleRecord[] = [];
  offered.forEach(({ item, itemKey, copies }, index) => {
    const original = stored[index];
    let current = original;
    for (const { article, url } of copies) {
      if (!article) continue;
      const offer = { itemKey, feedUrl: item.feedUrl, storedLink: linkOf(item.url), backupLink: linkOf(url), article };
      current = mergeBackupArticle(current, offer) ?? current;
    }
    if (current && current !== original) changed.push(current);
  });
  if (changed.length > 0) await db.articles.bulkPut(changed);
  return changed.length;
};

export const createBackupRepository = (db: FieldNewsDb, clock: () => Date = () => new Date()) => ({
  /**
   * Merges the backup's feeds and settings, in one transaction. A feed already here keeps its sync
   * state, title, folder and *Full articles* choice; it takes the backup's only where it has none. Of the
   * settings only the allow-listed ones are added (shared/backup/backupSettings.ts), and a setting
   * already here keeps its value: the laptop's current choice is newer than any backup of it.
   * `settingsKeptHere` counts the file's choices that remove news or pictures, never taken from a backup.
   */
  async storeBackupFeedsAndSettings(feeds: BackupFeed[], settings: BackupSetting[]): Promise<{ feedsAdded: number; settingsKeptHere: number }> {
    const { importable, keptHere } = sortBackupSettings(settings);
    const now = clock().toISOString();
    return db.transaction('rw', db.feeds, db.settings, async () => {
      const stored = await db.feeds.bulkGet(feeds.map((feed) => feed.url));
      const changed: FeedRecord[] = [];
      let feedsAdded = 0;
      feeds.forEach((feed, index) => {
        const local = stored[index];
        if (!local) {
          feedsAdded += 1;
          changed.push(feedRecordOfBackup(feed, now));
          return;
        }
        const title = local.title || feed.title;
        const folder = local.folder ?? feed.folder;
        const fullArticles = local.fullArticles ?? feed.fullArticles;
        if (title !== local.title || folder !== local.folder || fullArticles !== local.fullArticles) {
          changed.push({ ...local, title, folder, ...(fullArticles ? { fullArticles } : {}) });
        }
      });
      if (changed.length > 0) await db.feeds.bulkPut(changed);
      const present = await db.settings.bulkGet(importable.map((setting) => setting.key));
      const missing: SettingRecord[] = importable.filter((_, index) => present[index] === undefined);
      if (missing.length > 0) await db.settings.bulkAdd(missing);
      return { feedsAdded, settingsKeptHere: keptHere };
    });
  },

  /**
   * Merges one batch of a backup's items and their saved articles in one transaction (all of the
   * batch, or none), and adds what it changes to each feed's item, unread and starred counts.
   * Repeated keys in the batch merge into each other. A feed removed since the feeds were stored
   * comes back from `feeds`, so no item is left without one.
   */
  async storeBackupItems(items: BackupItem[], feeds: ReadonlyMap<string, BackupFeed>): Promise<BackupItemsCount> {
    const now = clock().toISOString();
    return db.transaction('rw', db.items, db.feeds, db.articles, async () => {
      const byKey = new Map<string, { key: NewsItemKey; copies: BackupItem[] }>();
      for (const item of items) {
        const text = newsItemKeyText(item);
        const group = byKey.get(text);
        if (group) group.copies.push(item);
        else byKey.set(text, { key: [item.feedUrl, item.id], copies: [item] });
      }
      const groups = [...byKey.values()];
      const stored = await db.items.bulkGet(groups.map((group) => group.key));
      const changed: StoredNewsItem[] = [];
      const tally = createCountTally();
      const count: BackupItemsCount = { added: 0, updated: 0, unchanged: 0, articlesAdded: 0 };
      const merged: (NewsItem | undefined)[] = [];
      groups.forEach(({ copies }, index) => {
        const original = stored[index];
        let current = original;
        for (const copy of copies) current = mergeBackupItem(current, copy) ?? current;
        merged.push(current);
        if (!current || current === original) {
          count.unchanged += 1;
          return;
        }
        changed.push(storedNewsItem(current));
        tally.record(current.feedUrl, original, current);
        if (original) count.updated += 1;
        else count.added += 1;
      });
      if (changed.length > 0) await db.items.bulkPut(changed);
      count.articlesAdded = await storeBackupArticles(db, groups, merged);
      const urls = tally.feeds;
      const records = await db.feeds.bulkGet(urls);
      const counted = urls.map((url, index): FeedRecord => {
        const backupFeed = feeds.get(url);
        const record = records[index] ?? (backupFeed ? feedRecordOfBackup(backupFeed, now) : undefined);
        if (!record) throw new Error(`storeBackupItems: an item of ${url}, a feed the backup does not list`);
        return withCounts(record, tally.of(url));
      });
      if (counted.length > 0) await db.feeds.bulkPut(counted);
      return count;
    });
  },
});

export type BackupRepository = ReturnType<typeof createBackupRepository>;
