// The item, unread and starred counts on feed records: each write of items tallies what it changed,
// and the tally is added to the feed records inside the same transaction, so no screen counts items.
import type { NewsItem } from '../../shared/feed/newsItem';
import type { FeedRecord, FieldNewsDb } from './fieldNewsDb';

export interface FeedCounts {
  itemCount: number;
  unreadCount: number;
  starredCount: number;
}

export const noCounts = (): FeedCounts => ({ itemCount: 0, unreadCount: 0, starredCount: 0 });

const countsOf = (item: Pick<NewsItem, 'read' | 'starred'> | undefined): FeedCounts =>
  item ? { itemCount: 1, unreadCount: item.read ? 0 : 1, starredCount: item.starred ? 1 : 0 } : noCounts();

/** Per feed, what a batch of writes changed: record each item before and after (undefined: absent). */
export const createCountTally = () => {
  const byFeed = new Map<string, FeedCounts>();
  return {
    record(feedUrl: string, before: Pick<NewsItem, 'read' | 'starred'> | undefined, after: Pick<NewsItem, 'read' | 'starred'> | undefined): void {
      const old = countsOf(before);
      const fresh = countsOf(after);
      const sum = byFeed.get(feedUrl) ?? noCounts();
      sum.itemCount += fresh.itemCount - old.itemCount;
      sum.unreadCount += fresh.unreadCount - old.unreadCount;
      sum.starredCount += fresh.starredCount - old.starredCount;
      byFeed.set(feedUrl, sum);
    },
    of(feedUrl: string): FeedCounts {
      return byFeed.get(feedUrl) ?? noCounts();
    },
    get feeds(): string[] {
      return [...byFeed.keys()];
    },
  };
};

export type CountTally = ReturnType<typeof createCountTally>;

/** A feed record with a change of counts added. */
export const withCounts = (feed: FeedRecord, change: FeedCounts): FeedRecord => ({
  ...feed,
  itemCount: feed.itemCount + change.itemCount,
  unreadCount: feed.unreadCount + change.unreadCount,
  starredCount: feed.starredCount + change.starredCount,
});

/**
 * Adds a tally to the stored feed records. Call inside the transaction that wrote the items (with
 * db.feeds in its scope). A feed record that is gone (removed meanwhile) has nothing to count.
 */
export const applyCountTally = async (db: FieldNewsDb, tally: CountTally): Promise<void> => {
  const urls = tally.feeds;
  if (urls.length === 0) return;
  const records = await db.feeds.bulkGet(urls);
  const changed = records.flatMap((record) => (record ? [withCounts(record, tally.of(record.url))] : []));
  if (changed.length > 0) await db.feeds.bulkPut(changed);
};

/** The counts over every feed: the sidebar's "All news", "Unread" and "Starred". */
export const sumFeedCounts = (feeds: readonly FeedCounts[]): FeedCounts =>
  feeds.reduce((sum, feed) => ({ itemCount: sum.itemCount + feed.itemCount, unreadCount: sum.unreadCount + feed.unreadCount, starredCount: sum.starredCount + feed.starredCount }), noCounts());
