// A sync's hot path: each downloaded page of a feed written all-or-nothing, items upserted by
// (feed, id) with the reader's flags kept, in one transaction whose reads go out together.
import type { ObservabilitySet } from 'dexie';
import type { FeedPage } from '../../shared/feed/feedItem';
import { mergeFeedItem, type NewsItem, type NewsItemKey } from '../../shared/feed/newsItem';
import type { PageValidators, WalkResumePoint } from '../../shared/sync/walkFeedPages';
import { createCountTally, withCounts } from './feedCounts';
import { newFeedRecord, type FeedSource } from './feedRecordWrites';
import { storedNewsItem, type FieldNewsDb, type StoredNewsItem } from './fieldNewsDb';
import type { PacedChangeNotices } from './pacedChangeNotices';

export interface StoredPageCount {
  added: number;
  updated: number;
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

/** `pageNotices`: the sync worker's pacer of its pages' notices; elsewhere Dexie sends each on commit. */
export const feedPageWrites = (db: FieldNewsDb, clock: () => Date, pageNotices?: PacedChangeNotices) => ({
  /**
   * Writes one feed page in a single transaction: either every item of it (and its validators) is
   * stored, or nothing is. Items already stored keep their read and starred flags. A sync passes
   * where its walk should resume after this page, so a walk killed after it resumes there.
   */
  async storeFeedPage(source: FeedSource, page: FeedPage, validators?: PageValidators, walkResume?: WalkResumePoint | null): Promise<StoredPageCount> {
    const now = clock().toISOString();
    const running: { transaction: IDBTransaction | null } = { transaction: null };
    let notice: ObservabilitySet | null = null;
    try {
      const counted = await db.transaction('rw', db.items, db.feeds, async (scope) => {
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
        // In the sync worker the page's notice to the other windows and workers goes out paced.
        notice = pageNotices?.hold(scope.idbtrans) ?? null;
        return { added, updated: changed.length - added };
      });
      if (notice !== null) pageNotices?.send(notice);
      return counted;
    } catch (error) {
      // IndexedDB puts why a transaction aborted on the transaction (Chromium: a QuotaExceededError
      // when the disk or the origin's share of it is full); the write that was running sees only AbortError.
      throw running.transaction?.error ?? error;
    }
  },
});
