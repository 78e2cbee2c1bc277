// Every write to the database goes through here, so that sync, search and the UI share one set of rules:
// items are upserted by (feed, id), a page is written all-or-nothing, and the user's flags survive.
import type { FeedPage } from '../../shared/feed/feedItem';
import { mergeFeedItem, type NewsItem, type NewsItemKey } from '../../shared/feed/newsItem';
import type { PageValidators, WalkResumePoint } from '../../shared/sync/walkFeedPages';
import { createCountTally, withCounts } from './feedCounts';
import { keysOfFeed, storedNewsItem, type FeedRecord, type FieldNewsDb, type ItemRecord, type PlaceTagFields, type StoredNewsItem } from './fieldNewsDb';
import { setItemFlags } from './itemFlags';
import type { UserMessage } from '../../shared/i18n/userMessage';

export interface StoredPageCount {
  added: number;
  updated: number;
}

export interface FeedSource {
  url: string;
  title: string;
  builtIn: boolean;
}

export const newFeedRecord = (source: FeedSource, now: string): FeedRecord => ({
  url: source.url,
  title: source.title,
  builtIn: source.builtIn,
  addedAt: now,
  lastSyncAt: null,
  lastError: null,
  pageValidators: {},
  failures: 0,
  nextAttemptAt: null,
  gone: false,
  itemCount: 0,
  folder: null,
  walkResume: null,
  unreadCount: 0,
  starredCount: 0,
});

/** The places the search worker found in one item, and the content they were found in. */
export interface PlaceTagWrite extends PlaceTagFields {
  feedUrl: string;
  id: string;
  contentHash: string;
  places: string[];
  placesVersion: string;
}

export interface SyncFailure {
  error: UserMessage;
  gone: boolean;
  nextAttemptAt: number | null;
  failures: number;
}

/** Past this many stored keys per item of a page inside the page's id range, one get per item is cheaper. */
const rangeKeysPerItem = 4;

/**
 * The stored copies of a page's items (undefined for the new ones), in the page's order. One read of
 * the stored keys in the page's id range first, so that a page of new items costs one request
 * instead of one per item (the bulk of a first sync's time); only items that exist are then read.
 */
const readStoredCopies = async (db: FieldNewsDb, feedUrl: string, ids: string[]): Promise<(NewsItem | undefined)[]> => {
  const keys = ids.map((id): NewsItemKey => [feedUrl, id]);
  const sorted = [...ids].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const limit = ids.length * rangeKeysPerItem;
  const inRange = await db.items
    .where('[feedUrl+id]')
    .between([feedUrl, first], [feedUrl, last], true, true)
    .limit(limit + 1)
    .primaryKeys();
  if (inRange.length > limit) return db.items.bulkGet(keys);
  const present = new Set(inRange.map(([, id]) => id));
  const existing = keys.filter(([, id]) => present.has(id));
  const copies = existing.length > 0 ? await db.items.bulkGet(existing) : [];
  const byId = new Map(existing.map(([, id], index) => [id, copies[index]]));
  return ids.map((id) => byId.get(id));
};

export const createNewsRepository = (db: FieldNewsDb, clock: () => Date = () => new Date()) => ({
  /**
   * Writes one feed page in a single transaction: either every item of it (and its validators) is
   * stored, or nothing is. Items already stored keep their read and starred flags. A sync passes
   * where its walk should resume after this page, so a walk killed after it resumes there.
   */
  async storeFeedPage(source: FeedSource, page: FeedPage, validators?: PageValidators, walkResume?: WalkResumePoint | null): Promise<StoredPageCount> {
    const now = clock().toISOString();
    const running: { transaction: IDBTransaction | null } = { transaction: null };
    try {
      return await db.transaction('rw', db.items, db.feeds, async (scope) => {
        running.transaction = scope.idbtrans;
        // Both reads in one round trip: the feed's record does not depend on the items.
        const [stored, feedRecord] = await Promise.all([
          readStoredCopies(db, source.url, page.items.map((item) => item.id)),
          db.feeds.get(source.url),
        ]);
        const changed: StoredNewsItem[] = [];
        const tally = createCountTally();
        let added = 0;
        page.items.forEach((item, index) => {
          const merged = mergeFeedItem(stored[index], item, source.url, now);
          if (!merged) return;
          if (!stored[index]) added += 1;
          tally.record(source.url, stored[index], merged);
          changed.push(storedNewsItem(merged));
        });
        const feed = feedRecord ?? newFeedRecord(source, now);
        const isFirstPage = !validators || validators.pageUrl === source.url;
        await Promise.all([
          changed.length > 0 ? db.items.bulkPut(changed) : undefined,
          db.feeds.put({
            ...withCounts(feed, tally.of(source.url)),
            title: (isFirstPage && page.title) || feed.title,
            // A later page may omit the declaration (RSS paging): the first page's language stands.
            language: isFirstPage ? page.language : (feed.language ?? page.language),
            pageValidators: validators ? { ...feed.pageValidators, [validators.pageUrl]: validators } : feed.pageValidators,
            walkResume: walkResume === undefined ? feed.walkResume : walkResume,
          }),
        ]);
        return { added, updated: changed.length - added };
      });
    } catch (error) {
      // IndexedDB puts why a transaction aborted on the transaction (Chromium: a QuotaExceededError
      // when the disk or the origin's share of it is full); the write that was running sees only AbortError.
      throw running.transaction?.error ?? error;
    }
  },

  /** Adds a feed the user typed in; false when it is already there. */
  async addFeed(source: FeedSource): Promise<boolean> {
    return db.transaction('rw', db.feeds, async () => {
      if (await db.feeds.get(source.url)) return false;
      await db.feeds.add(newFeedRecord(source, clock().toISOString()));
      return true;
    });
  },

  /**
   * Adds many feeds at once (an OPML import) in one transaction: all of them or none. Addresses
   * already in the list are skipped and counted; the folder comes with each new feed.
   */
  async addFeeds(sources: readonly (FeedSource & { folder: string | null })[]): Promise<{ added: string[]; alreadyThere: number }> {
    return db.transaction('rw', db.feeds, async () => {
      const now = clock().toISOString();
      const present = new Set(await db.feeds.toCollection().primaryKeys());
      const fresh = sources.filter((source) => {
        if (present.has(source.url)) return false;
        present.add(source.url);
        return true;
      });
      await db.feeds.bulkAdd(fresh.map((source) => ({ ...newFeedRecord(source, now), folder: source.folder })));
      return { added: fresh.map((source) => source.url), alreadyThere: sources.length - fresh.length };
    });
  },

  /** Removes a feed and the items that came from it, at the user's explicit request. */
  async removeFeed(url: string): Promise<void> {
    await db.transaction('rw', db.items, db.feeds, async () => {
      await db.items.where('[feedUrl+id]').between(...keysOfFeed(url), true, true).delete();
      await db.feeds.delete(url);
    });
  },

  /** The user's own name for a feed; an empty name keeps the current one. */
  async renameFeed(url: string, title: string): Promise<void> {
    const trimmed = title.trim();
    if (trimmed !== '') await db.feeds.update(url, { title: trimmed });
  },

  /** Moves a feed into a folder, or to the top with null (or an empty name). */
  async setFeedFolder(url: string, folder: string | null): Promise<void> {
    const trimmed = folder?.trim() ?? '';
    await db.feeds.update(url, { folder: trimmed === '' ? null : trimmed });
  },

  /** A walk that went to its end: nothing is left to resume. */
  async recordSyncSuccess(url: string): Promise<void> {
    await db.feeds.update(url, { lastSyncAt: clock().toISOString(), lastError: null, failures: 0, nextAttemptAt: null, walkResume: null });
  },

  async recordSyncFailure(url: string, failure: SyncFailure): Promise<void> {
    await db.feeds.update(url, {
      lastError: failure.error,
      gone: failure.gone,
      failures: failure.failures,
      nextAttemptAt: failure.nextAttemptAt,
    });
  },

  async markRead(key: NewsItemKey): Promise<void> {
    await setItemFlags(db, [key], { read: true });
  },

  async markUnread(key: NewsItemKey): Promise<void> {
    await setItemFlags(db, [key], { read: false });
  },

  async setStarred(key: NewsItemKey, starred: boolean): Promise<void> {
    await setItemFlags(db, [key], { starred });
  },

  /** "Mark all read" on a view's items; returns the keys it changed, for the undo. */
  async markAllRead(keys: readonly NewsItemKey[]): Promise<NewsItemKey[]> {
    return setItemFlags(db, keys, { read: true });
  },

  /** Undoes "Mark all read": the keys it returned become unread again. */
  async undoMarkAllRead(changed: readonly NewsItemKey[]): Promise<void> {
    await setItemFlags(db, changed, { read: false });
  },

  /** Writes the search worker's place tags, skipping an item that sync changed since it was read
   *  (another content hash: it is tagged next round). Returns the items as written. */
  async storePlaceTags(tags: readonly PlaceTagWrite[]): Promise<ItemRecord[]> {
    return db.transaction('rw', db.items, async () => {
      const current = await db.items.bulkGet(tags.map((tag) => [tag.feedUrl, tag.id]));
      const updates = tags.flatMap((tag, index) => {
        const stored = current[index];
        if (stored === undefined || stored.contentHash !== tag.contentHash) return [];
        return [{ ...stored, places: tag.places, placesVersion: tag.placesVersion, weakPlaces: tag.weakPlaces, placeMentions: tag.placeMentions }];
      });
      await db.items.bulkPut(updates);
      return updates;
    });
  },

  async readSetting(key: string): Promise<string | undefined> {
    return (await db.settings.get(key))?.value;
  },

  async writeSetting(key: string, value: string): Promise<void> {
    await db.settings.put({ key, value });
  },
});

export type NewsRepository = ReturnType<typeof createNewsRepository>;
