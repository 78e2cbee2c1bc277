// Every write to the database goes through here, so that sync, search and the UI share one set of rules:
// items are upserted by (feed, id), a page is written all-or-nothing, and the user's flags survive.
import type { FeedPage } from '../../shared/feed/feedItem';
import { mergeFeedItem, type NewsItem, type NewsItemKey } from '../../shared/feed/newsItem';
import type { FeedRecord, FieldNewsDb } from './fieldNewsDb';

export interface StoredPageCount {
  added: number;
  updated: number;
}

export interface FeedSource {
  url: string;
  title: string;
  builtIn: boolean;
}

const newFeedRecord = (source: FeedSource, now: string): FeedRecord => ({
  url: source.url,
  title: source.title,
  builtIn: source.builtIn,
  etag: null,
  lastModified: null,
  documentHash: null,
  lastSyncAt: null,
  lastError: null,
  addedAt: now,
});

export const createNewsRepository = (db: FieldNewsDb, clock: () => Date = () => new Date()) => ({
  /** Writes one feed page in a single transaction: either every item of it is stored, or none. */
  async storeFeedPage(source: FeedSource, page: FeedPage): Promise<StoredPageCount> {
    const now = clock().toISOString();
    return db.transaction('rw', db.items, db.feeds, async () => {
      const keys = page.items.map((item): NewsItemKey => [source.url, item.id]);
      const stored = await db.items.bulkGet(keys);
      const changed: NewsItem[] = [];
      let added = 0;
      page.items.forEach((item, index) => {
        const previous = stored[index];
        const merged = mergeFeedItem(previous, item, source.url, now);
        if (!merged) return;
        if (!previous) added += 1;
        changed.push(merged);
      });
      if (changed.length > 0) await db.items.bulkPut(changed);
      const feed = (await db.feeds.get(source.url)) ?? newFeedRecord(source, now);
      await db.feeds.put({ ...feed, title: page.title || feed.title, lastSyncAt: now, lastError: null });
      return { added, updated: changed.length - added };
    });
  },

  async markRead(key: NewsItemKey): Promise<void> {
    await db.items.update(key, { read: true });
  },

  async setStarred(key: NewsItemKey, starred: boolean): Promise<void> {
    await db.items.update(key, { starred });
  },

  async readSetting(key: string): Promise<string | undefined> {
    return (await db.settings.get(key))?.value;
  },

  async writeSetting(key: string, value: string): Promise<void> {
    await db.settings.put({ key, value });
  },
});

export type NewsRepository = ReturnType<typeof createNewsRepository>;
