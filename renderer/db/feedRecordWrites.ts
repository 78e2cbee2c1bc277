// The feed list's records: what the user adds, renames, files and removes, and what each sync walk
// leaves behind (its time, or why it failed and when to try again). Items are written elsewhere.
import type { UserMessage } from '../../shared/i18n/userMessage';
import { keysOfFeed, type FeedRecord, type FieldNewsDb } from './fieldNewsDb';
import type { PacedChangeNotices } from './pacedChangeNotices';

export interface FeedSource {
  url: string;
  title: string;
  builtIn: boolean;
}

export interface SyncFailure {
  error: UserMessage;
  gone: boolean;
  nextAttemptAt: number | null;
  failures: number;
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

/** The user's own changes to the feed list. */
export const feedListWrites = (db: FieldNewsDb, clock: () => Date) => ({
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
   * already in the list are skipped and counted (keeping their own folder and choices); the folder,
   * and the *Full articles* choice where the file names one, come with each new feed.
   */
  async addFeeds(sources: readonly (FeedSource & { folder: string | null; fullArticles?: FeedRecord['fullArticles'] })[]): Promise<{ added: string[]; alreadyThere: number }> {
    return db.transaction('rw', db.feeds, async () => {
      const now = clock().toISOString();
      const present = new Set(await db.feeds.toCollection().primaryKeys());
      const fresh = sources.filter((source) => {
        if (present.has(source.url)) return false;
        present.add(source.url);
        return true;
      });
      await db.feeds.bulkAdd(
        fresh.map((source) => ({ ...newFeedRecord(source, now), folder: source.folder, ...(source.fullArticles ? { fullArticles: source.fullArticles } : {}) })),
      );
      return { added: fresh.map((source) => source.url), alreadyThere: sources.length - fresh.length };
    });
  },

  /** Removes a feed and the items that came from it, at the user's explicit request. */
  async removeFeed(url: string): Promise<void> {
    await db.transaction('rw', db.items, db.feeds, db.articles, async () => {
      await db.items.where('[feedUrl+id]').between(...keysOfFeed(url), true, true).delete();
      await db.articles.where('feedUrl').equals(url).delete();
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
});

/** How a sync walk ended, on the feed's record: the scheduler reads when to try again from it. */
export const syncOutcomeWrites = (db: FieldNewsDb, clock: () => Date, pageNotices?: PacedChangeNotices) => ({
  /** A walk that went to its end: nothing is left to resume. */
  async recordSyncSuccess(url: string): Promise<void> {
    // The walk's last pages are told of now, with its end, not up to a second later.
    pageNotices?.flush();
    await db.feeds.update(url, { lastSyncAt: clock().toISOString(), lastError: null, failures: 0, nextAttemptAt: null, walkResume: null });
  },

  async recordSyncFailure(url: string, failure: SyncFailure): Promise<void> {
    pageNotices?.flush();
    await db.feeds.update(url, {
      lastError: failure.error,
      gone: failure.gone,
      failures: failure.failures,
      nextAttemptAt: failure.nextAttemptAt,
    });
  },
});
