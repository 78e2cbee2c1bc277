// An aggregator account's items written into the store: the same merge as any feed's items (content
// follows the server, the laptop's flags stay), each with its id on the server, and the same news
// the laptop also fetched from the publisher itself never kept twice.
import type { AccountItem } from '../../shared/aggregator/readerItems';
import { chooseItemId } from '../../shared/feed/feedItemIds';
import { mergeFeedItem, type NewsItem } from '../../shared/feed/newsItem';
import { applyCountTally, createCountTally } from './feedCounts';
import { keysOfFeed, storedNewsItem, type FieldNewsDb, type ItemRecord } from './fieldNewsDb';

export interface StoredAccountItems {
  added: number;
  updated: number;
  /** The items as stored (new or changed), for the picture and article queues. */
  stored: NewsItem[];
}

/** An item's stand-in id from its link or its title and date, as a feed without guids would key it. */
const linkKeyOf = (item: Pick<NewsItem, 'url' | 'title' | 'datePublished'>): string | null =>
  chooseItemId({ ownIds: [], link: item.url, title: item.title, date: item.datePublished });

export const accountItemWrites = (db: FieldNewsDb, clock: () => Date) => ({
  /** Which of these server ids the account's items already hold. */
  async knownReaderItems(accountId: string, readerItemIds: readonly string[]): Promise<Set<string>> {
    if (readerItemIds.length === 0) return new Set();
    const keys = await db.items
      .where('[readerAccount+readerItemId]')
      .anyOf(readerItemIds.map((id) => [accountId, id]))
      .keys();
    return new Set(keys.map((key) => (Array.isArray(key) ? String(key[1]) : '')));
  },

  /**
   * Writes a batch of the account's items in one transaction, merged as a feed's items are (content
   * follows the server, the laptop's flags stay). A new item takes the server's read and starred.
   * An item of a feed the laptop also fetched itself is matched to the stored copy by its link (or
   * title and date), so the same news is never kept twice. Items of feeds not listed are skipped.
   */
  async storeAccountItems(accountId: string, items: readonly AccountItem[], feedUrlOf: ReadonlyMap<string, string>): Promise<StoredAccountItems> {
    const now = clock().toISOString();
    /**
     * Where each of a feed's incoming items is kept: its link id; the stored copy's id when the laptop
     * fetched the feed itself (matched by link); and `reader:<server id>` when the link is already
     * another server item's (a publisher that links two items to one page), so neither is lost.
     */
    const idsInStore = async (feedUrl: string, group: readonly AccountItem[], directItemsKept: boolean): Promise<string[]> => {
      const byLink = new Map<string, string>();
      if (directItemsKept) {
        // The feed's own items came from the publisher under their guids: find them by link once.
        for (const old of await db.items.where('[feedUrl+id]').between(...keysOfFeed(feedUrl), true, true).toArray()) {
          const key = linkKeyOf(old);
          if (key !== null && old.readerItemId === undefined) byLink.set(key, old.id);
        }
      }
      const ids = group.map((entry) => byLink.get(entry.item.id) ?? entry.item.id);
      const owners = await db.items.bulkGet(ids.map((id) => [feedUrl, id]));
      const taken = new Set<string>();
      return ids.map((id, index) => {
        const entry = group[index];
        const owner = owners[index]?.readerItemId;
        if (entry === undefined) return id;
        const own = taken.has(id) || (owner !== undefined && owner !== entry.readerItemId) ? `reader:${entry.readerItemId}` : id;
        taken.add(own);
        return own;
      });
    };
    return db.transaction('rw', db.items, db.feeds, async () => {
      const tally = createCountTally();
      const writes: ItemRecord[] = [];
      const stored: NewsItem[] = [];
      let added = 0;
      const byFeed = new Map<string, AccountItem[]>();
      for (const item of items) {
        const feedUrl = feedUrlOf.get(item.readerFeedId);
        if (feedUrl !== undefined) byFeed.set(feedUrl, [...(byFeed.get(feedUrl) ?? []), item]);
      }
      const feeds = await db.feeds.bulkGet([...byFeed.keys()]);
      for (const [index, [feedUrl, group]] of [...byFeed].entries()) {
        const feed = feeds[index];
        // A feed removed (or disconnected) while the sync ran gets nothing: no item without its feed.
        if (feed?.account !== accountId) continue;
        const ids = await idsInStore(feedUrl, group, feed.directItemsKept === true);
        const copies = await db.items.bulkGet(ids.map((id) => [feedUrl, id]));
        group.forEach((entry, position) => {
          const id = ids[position] ?? entry.item.id;
          const copy = copies[position];
          const incoming = id === entry.item.id ? entry.item : { ...entry.item, id };
          const merged = mergeFeedItem(copy, incoming, feedUrl, now);
          const tags = { readerAccount: accountId, readerItemId: entry.readerItemId };
          if (merged === null) {
            // Content unchanged: only an item not yet known by its server id is written (its id added).
            if (copy !== undefined && copy.readerItemId !== entry.readerItemId) writes.push({ ...copy, ...tags });
            return;
          }
          const flagged = copy === undefined ? { ...merged, read: entry.read, starred: entry.starred } : merged;
          if (copy === undefined) added += 1;
          tally.record(feedUrl, copy, flagged);
          writes.push({ ...storedNewsItem(flagged), ...tags });
          stored.push(flagged);
        });
      }
      if (writes.length > 0) await db.items.bulkPut(writes);
      await applyCountTally(db, tally);
      return { added, updated: stored.length - added, stored };
    });
  },

});
