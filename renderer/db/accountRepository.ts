// The writes of a team aggregator's account: its record and sync mark and its feeds as the server
// lists them here; its items (accountItemWrites.ts) and the read and starred states with the queue of
// the laptop's own changes (readerStateWrites.ts) meet here.
import type { AccountSyncMark } from '../../shared/aggregator/accountSyncPlan';
import type { UserMessage } from '../../shared/i18n/userMessage';
import { accountItemWrites } from './accountItemWrites';
import { readerStateWrites } from './readerStateWrites';
import { newFeedRecord } from './feedRecordWrites';
import { keysOfFeed, type AccountRecord, type FeedRecord, type FieldNewsDb, type ItemRecord } from './fieldNewsDb';

export type { StoredAccountItems } from './accountItemWrites';

/** A feed of the account as the server lists it, with the address it is kept under here. */
export interface AccountFeed {
  readerFeedId: string;
  url: string;
  title: string;
  folder: string | null;
}

/**
 * Lets go of an account's feed: one the laptop followed itself before the account took it over goes
 * back to being fetched directly, with all its news (its items lose their ids on the server); any
 * other is removed with its news and saved articles. Call inside a transaction over items, feeds, articles.
 */
const releaseFeeds = async (db: FieldNewsDb, feeds: readonly FeedRecord[]): Promise<void> => {
  for (const feed of feeds) {
    const items = db.items.where('[feedUrl+id]').between(...keysOfFeed(feed.url), true, true);
    if (feed.directItemsKept === true) {
      await items.modify((item: ItemRecord) => {
        delete item.readerAccount;
        delete item.readerItemId;
      });
      // Its old validators would let the publisher answer 304 for news the account brought meanwhile.
      const own: FeedRecord = { ...feed, lastSyncAt: null, pageValidators: {}, walkResume: null };
      delete own.account;
      delete own.readerFeedId;
      delete own.directItemsKept;
      await db.feeds.put(own);
      continue;
    }
    await items.delete();
    await db.articles.where('feedUrl').equals(feed.url).delete();
    await db.feeds.delete(feed.url);
  }
};

/** The account's record, its sync mark, and its removal with everything it brought. */
const accountRecordWrites = (db: FieldNewsDb, clock: () => Date) => ({
  /** Adds the account; connecting again (a changed password) keeps what its syncs saw, so nothing is fetched twice. */
  async addAccount(record: AccountRecord): Promise<void> {
    await db.transaction('rw', db.accounts, async () => {
      const known = await db.accounts.get(record.id);
      await db.accounts.put(known === undefined ? record : { ...known, serverAddress: record.serverAddress, userName: record.userName, service: record.service, lastError: null });
    });
  },

  /**
   * Removes the account, the feeds it brought with their news, and its waiting changes; a feed the
   * laptop followed itself before connecting stays, fetched directly again. Nothing on the server changes.
   */
  async removeAccount(accountId: string): Promise<void> {
    await db.transaction('rw', [db.items, db.feeds, db.articles, db.accounts, db.readerChanges], async () => {
      await releaseFeeds(db, await db.feeds.filter((feed) => feed.account === accountId).toArray());
      await db.readerChanges.where('accountId').equals(accountId).delete();
      await db.accounts.delete(accountId);
    });
  },

  async recordAccountSync(accountId: string, mark: AccountSyncMark, lastSync: NonNullable<AccountRecord['lastSync']>): Promise<void> {
    await db.accounts.update(accountId, { ...mark, lastSync, lastSyncAt: clock().toISOString(), lastError: null });
  },

  async recordAccountFailure(accountId: string, error: UserMessage): Promise<void> {
    await db.accounts.update(accountId, { lastError: error });
  },
});

/** The account's feeds, as the server lists them. */
const accountNewsWrites = (db: FieldNewsDb, clock: () => Date) => ({
  /**
   * Makes the account's feeds what the server lists: new ones added, titles and folders following
   * the server, feeds gone from it let go (releaseFeeds). A feed the laptop already fetched itself
   * under the same address becomes the account's (one download for the team, its news kept).
   */
  async storeAccountFeeds(accountId: string, listed: readonly AccountFeed[]): Promise<{ added: number; removed: string[] }> {
    return db.transaction('rw', [db.items, db.feeds, db.articles], async () => {
      const now = clock().toISOString();
      const all = await db.feeds.toArray();
      const byUrl = new Map(all.map((feed) => [feed.url, feed]));
      const listedUrls = new Set(listed.map((feed) => feed.url));
      let added = 0;
      const writes: FeedRecord[] = [];
      for (const feed of listed) {
        const stored = byUrl.get(feed.url);
        if (stored !== undefined && stored.account !== undefined && stored.account !== accountId) continue;
        if (stored === undefined) added += 1;
        const base = stored ?? newFeedRecord({ url: feed.url, title: feed.title, builtIn: false }, now);
        writes.push({
          ...base,
          title: feed.title || base.title,
          folder: feed.folder,
          account: accountId,
          readerFeedId: feed.readerFeedId,
          // Its own back-off no longer applies: the account's server fetches it now.
          failures: 0,
          nextAttemptAt: null,
          lastError: null,
          ...(stored !== undefined && stored.account === undefined && stored.itemCount > 0 ? { directItemsKept: true } : {}),
        });
      }
      const gone = all.filter((feed) => feed.account === accountId && !listedUrls.has(feed.url));
      await releaseFeeds(db, gone);
      await db.feeds.bulkPut(writes);
      return { added, removed: gone.map((feed) => feed.url) };
    });
  },

});

export const accountWrites = (db: FieldNewsDb, clock: () => Date) => ({
  ...accountRecordWrites(db, clock),
  ...accountNewsWrites(db, clock),
  ...accountItemWrites(db, clock),
  ...readerStateWrites(db),
});

export type AccountWrites = ReturnType<typeof accountWrites>;
