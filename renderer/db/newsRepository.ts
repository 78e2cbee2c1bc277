// Every write to the database goes through this repository, so that sync, search and the UI share one set of rules:
// items are upserted by (feed, id), a page is written all-or-nothing, and the user's flags survive.
// Its writes live by job (a sync's pages, the feed records, the reader's flags, ...) and meet here.
import type { NewsItemKey } from '../../shared/feed/newsItem';
import { accountWrites } from './accountRepository';
import { feedPageWrites } from './feedPageWrites';
import type { PacedChangeNotices } from './pacedChangeNotices';
import { feedListWrites, syncOutcomeWrites } from './feedRecordWrites';
import type { FieldNewsDb, ItemRecord, PlaceTagFields } from './fieldNewsDb';
import { setItemFlags } from './itemFlags';
import { recordTagWrite } from './searchIndexStore';

export type { StoredPageCount } from './feedPageWrites';
export { newFeedRecord, type FeedSource, type SyncFailure } from './feedRecordWrites';

/**
 * What the search worker keeps on an item of the article saved for it (no index, so no schema
 * version): the distinct words of the article's start, folded and joined by spaces, so that start-up
 * rebuilds the word index from the items alone and never reads an article. Absent when the item's
 * tags were found with no saved article.
 */
export interface ArticleWordsField {
  articleWords?: string;
}

/** An item as the place tagger writes it. */
export type TaggedItemRecord = ItemRecord & ArticleWordsField;

/** The places the search worker found in one item, and the content they were found in. */
export interface PlaceTagWrite extends PlaceTagFields, ArticleWordsField {
  feedUrl: string;
  id: string;
  contentHash: string;
  places: string[];
  placesVersion: string;
}

/** The reader's read and starred flags, one item or a view's worth at a time. */
const itemFlagWrites = (db: FieldNewsDb) => ({
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
});

/** What a place-tag write stored: the items as written, and the count of tag writes it makes. */
export interface PlaceTagsWritten {
  items: TaggedItemRecord[];
  tagWrites: number;
}

const placeTagWrites = (db: FieldNewsDb) => ({
  /** Writes the search worker's place tags (and the words of the item's saved article, or none),
   *  skipping an item that sync changed since it was read (another content hash: it is tagged next
   *  round). Counts the write for the saved search index (searchIndexStore.ts), which it makes stale. */
  async storePlaceTags(tags: readonly PlaceTagWrite[]): Promise<PlaceTagsWritten> {
    return db.transaction('rw', db.items, db.searchIndex, async () => {
      const current: (TaggedItemRecord | undefined)[] = await db.items.bulkGet(tags.map((tag) => [tag.feedUrl, tag.id]));
      const updates = tags.flatMap((tag, index) => {
        const stored = current[index];
        if (stored === undefined || stored.contentHash !== tag.contentHash) return [];
        const tagged: TaggedItemRecord = { ...stored, places: tag.places, placesVersion: tag.placesVersion, weakPlaces: tag.weakPlaces, placeMentions: tag.placeMentions };
        // An item without a saved article carries no field for it (most items: nothing to store).
        if (tag.articleWords === undefined) delete tagged.articleWords;
        else tagged.articleWords = tag.articleWords;
        return [tagged];
      });
      await db.items.bulkPut(updates);
      return { items: updates, tagWrites: await recordTagWrite(db) };
    });
  },
});

const settingWrites = (db: FieldNewsDb) => ({
  async readSetting(key: string): Promise<string | undefined> {
    return (await db.settings.get(key))?.value;
  },

  async writeSetting(key: string, value: string): Promise<void> {
    await db.settings.put({ key, value });
  },
});

/** `pageNotices` only in the sync worker: its pages' notices go out paced (pacedChangeNotices.ts). */
export const createNewsRepository = (db: FieldNewsDb, clock: () => Date = () => new Date(), pageNotices?: PacedChangeNotices) => ({
  ...feedPageWrites(db, clock, pageNotices),
  ...feedListWrites(db, clock),
  ...syncOutcomeWrites(db, clock, pageNotices),
  ...itemFlagWrites(db),
  ...placeTagWrites(db),
  ...settingWrites(db),
  ...accountWrites(db, clock),
});

export type NewsRepository = ReturnType<typeof createNewsRepository>;
