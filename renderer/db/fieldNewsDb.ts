// The Field News database: its tables and every schema version, in one place.
// A new version adds an upgrade; no release may open an existing database in a way that drops it.
import { Dexie, type Table, type Transaction } from 'dexie';
import { databaseName } from '../../shared/appIdentity';
import type { NewsItem, NewsItemKey } from '../../shared/feed/newsItem';
import { previewText } from '../../shared/feed/itemPreview';
import type { PageValidators, WalkResumePoint } from '../../shared/sync/walkFeedPages';
import type { StoredMessage } from '../../shared/i18n/userMessage';
import type { PlaceMention } from '../../shared/places/tagPlaces';
import type { ArticleRecord, FullArticlesChoice } from '../../shared/articles/articleRecord';
import type { AccountSyncMark } from '../../shared/aggregator/accountSyncPlan';
import type { ReaderChange } from '../../shared/aggregator/readerChanges';
import type { SavedWordIndex } from '../../shared/wordSearch/newsWordIndex';

export interface FeedRecord {
  /** The feed's web address, or the bundled sample's key. */
  url: string;
  title: string;
  builtIn: boolean;
  addedAt: string;
  lastSyncAt: string | null;
  /** The last failure as a message id, or null after a success; an English sentence in rows from before errors were ids (see StoredMessage). */
  lastError: StoredMessage | null;
  /** Conditional-GET validators of each page, stored with the page's items. (Since version 2.) */
  pageValidators: Record<string, PageValidators>;
  /** Failures in a row, and when the next automatic try may happen (ms since epoch). (Since version 2.) */
  failures: number;
  nextAttemptAt: number | null;
  /** The server answered 410 Gone: the feed is no longer polled. (Since version 2.) */
  gone: boolean;
  /** How many items of this feed are stored, kept by the repository so no screen has to count the items table. (Since version 3.) */
  itemCount: number;
  /** The folder the feed sits in (from an OPML import or the user), or null at the top. (Since version 5.) */
  folder: string | null;
  /** Where an unfinished multi-page walk stopped, or null. (Since version 5.) */
  walkResume: WalkResumePoint | null;
  /** How many of its stored items are unread, and starred: kept in the transactions that change them. (Since version 6.) */
  unreadCount: number;
  starredCount: number;
  /**
   * The feed's declared language ("es", "fr-CA"), or null when it declares none. Optional rather than
   * a schema upgrade: rows stored before it have none until their next sync, and read as unknown.
   */
  language?: string | null;
  /** The feed's *Full articles* choice; absent in rows from before it (read as 'automatic', parseFullArticles). */
  fullArticles?: FullArticlesChoice;
  /** The aggregator account that brings this feed (since version 9), absent for a feed the laptop fetches itself. */
  account?: string;
  /** The feed's id on that account's server ("feed/12"). */
  readerFeedId?: string;
  /** The laptop fetched this feed itself before the account brought it: its items are matched by link (accountRepository). */
  directItemsKept?: boolean;
}

/**
 * A team aggregator's account (since version 9): where it is, who signs in, and what its last sync
 * saw. Never the password or the token: the main process keeps them with safeStorage (web mode: the
 * session, or encrypted with a key the browser will not export, renderer/db/accountSecrets.ts).
 */
export interface AccountRecord extends AccountSyncMark {
  /** "user@server": one account per user and server. */
  id: string;
  serverAddress: string;
  userName: string;
  /** "FreshRSS", or the server's host. */
  service: string;
  addedAt: string;
  lastSyncAt: string | null;
  lastError: StoredMessage | null;
  lastSync: { newItems: number; readElsewhere: number; bytes: number } | null;
}

/** A read or starred change made on the laptop, waiting to be sent to the account's server (since version 9). */
export type ReaderChangeRecord = Omit<ReaderChange, 'seq'> & {
  seq?: number;
  /** How often the server took the mark but did not do it (let go at three: readerStateWrites.ts). */
  refusals?: number;
};

/**
 * Web mode only, when the person ticks *Remember on this device*: an account's token and API password
 * sealed with AES-GCM under a key the browser will not export (a CryptoKey kept beside it), so the
 * database never holds them in clear (renderer/db/accountSecrets.ts).
 */
export interface AccountSecretRecord {
  accountId: string;
  key: CryptoKey;
  iv: Uint8Array;
  sealed: ArrayBuffer;
}

/** What an item from an account carries besides the news (since version 9; absent on other items, so out of the index). */
export interface AccountItemFields {
  readerAccount: string;
  readerItemId: string;
}

/**
 * An item as the items table holds it (since version 6): the news item and the keys of the unread and
 * starred views, its sortDate while the flag holds and null otherwise. IndexedDB leaves a record
 * whose key is null out of an index, so each index holds only its view's items, newest last.
 */
export interface StoredNewsItem extends NewsItem {
  unreadSortDate: string | null;
  starredSortDate: string | null;
}

/**
 * What the items table is typed with: the view keys optional, so that readers that know only NewsItem
 * (search) keep compiling. Writers keep them: the repositories write through storedNewsItem, the
 * place tagger writes a copy of the stored record.
 */
export type ItemRecord = NewsItem & Partial<Pick<StoredNewsItem, 'unreadSortDate' | 'starredSortDate'>> & Partial<PlaceTagFields> & Partial<AccountItemFields>;

/**
 * What the place tagger stores beside `places` (since tagger.7, no index, so no schema version):
 * the places named only weakly, and where each name stands, for highlighting. Records tagged
 * earlier lack them and are tagged again, as their placesVersion is older.
 */
export interface PlaceTagFields {
  weakPlaces: string[];
  placeMentions: PlaceMention[];
}

/** The record to store for an item: every write of an item goes through here, so the view keys follow its flags. */
export const storedNewsItem = (item: NewsItem): StoredNewsItem => ({
  ...item,
  unreadSortDate: item.read ? null : item.sortDate,
  starredSortDate: item.starred ? item.sortDate : null,
});

/**
 * The search worker's indexes as they stood after a place-tag write (searchIndexStore.ts): the place
 * index, the word index, each item's mentions and which items were indexed with their saved article.
 */
export interface SavedSearchIndex {
  /** What wrote it: it is read back only by the same tagger and word folding. */
  format: string;
  /** How many place-tag writes the database had seen when it was saved: any write since makes it stale. */
  tagWrites: number;
  /** The word index; its keys and dates are every item indexed, in the order of the runs below. */
  words: SavedWordIndex;
  /** Place ids and names as written, each once: the runs point into it. */
  names: string[];
  /** Per item: its places, its weak places, and its mentions as [place id, name as written] pairs. */
  places: SavedRuns;
  weakPlaces: SavedRuns;
  mentions: SavedRuns;
  /** 1 for an item indexed with its saved article's words. */
  withArticle: Uint8Array;
}

/**
 * Lists of positions, one list per item, kept as two typed arrays: a few arrays of numbers are read
 * back from disk many times faster than 100,000 small arrays of strings (1.3 s at 100,000 items).
 */
export interface SavedRuns {
  /** Every list, one after another. */
  positions: Int32Array;
  /** Where each item's list ends in `positions`. */
  ends: Int32Array;
}

/** The search index's table: the count of place-tag writes, and the indexes saved. */
export type SearchIndexRecord = { name: 'tagWrites'; count: number } | (SavedSearchIndex & { name: 'saved' });

/** One line of the diagnostics log (web mode keeps it here, as a ring buffer; Electron keeps a file). No item content. */
export interface LogRecord {
  seq?: number;
  at: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  /** The part of the app that wrote it ("sync", "search", "db"…). */
  scope: string;
  message: string;
}

/**
 * A picture saved at sync time (since version 7), keyed by a hash of its address (shared/pictures/pictureKey.ts)
 * and shared by every item that names it; removed when no item uses it any more, or over the budget.
 */
export interface PictureRecord {
  key: string;
  /** The address it was saved from: a lookup checks it, so a hash collision shows no wrong picture. */
  url: string;
  blob: Blob;
  /** The blob's size, kept so the budget and the settings never read the pictures themselves. */
  bytes: number;
  width: number;
  height: number;
  /** When it was saved (ms since epoch): the oldest go first when the budget is passed. */
  savedAt: number;
  /** The items that name it, as newsItemKeyText. */
  itemKeys: string[];
}

export interface SettingRecord {
  key: string;
  value: string;
}

/** Version 1, as the first release wrote it: kept so the upgrade from it stays tested. */
export const schemaVersion1 = {
  items: '[feedUrl+id], feedUrl, sortDate, firstSeenAt, *places, placesVersion',
  feeds: 'url',
  settings: 'key',
} as const;

/** Version 2 adds sync state to feed records; the stores and indexes are those of version 1. */
const addSyncStateToFeeds = async (transaction: Transaction): Promise<void> => {
  await transaction
    .table('feeds')
    .toCollection()
    .modify((feed: Partial<FeedRecord>) => {
      feed.pageValidators ??= {};
      feed.failures ??= 0;
      feed.nextAttemptAt ??= null;
      feed.gone ??= false;
    });
};

/** Version 3 keeps each feed's item count on its record; the upgrade counts what is stored. */
const countItemsOfFeeds = async (transaction: Transaction): Promise<void> => {
  const items = transaction.table<NewsItem, NewsItemKey>('items');
  const feeds = transaction.table<Partial<FeedRecord>, string>('feeds');
  for (const feed of await feeds.toArray()) {
    if (feed.url === undefined) continue;
    await feeds.update(feed.url, { itemCount: await items.where('feedUrl').equals(feed.url).count() });
  }
};

/**
 * Version 4 drops the feedUrl and firstSeenAt indexes: no query uses them (the primary key
 * [feedUrl+id] answers "the items of a feed"), and every index costs every write of a sync.
 */
export const schemaVersion4 = {
  items: '[feedUrl+id], sortDate, *places, placesVersion',
  feeds: 'url',
  settings: 'key',
} as const;

/** Version 5 adds a log table for diagnostics; feeds gain a folder and a resume point, items a stored preview. */
export const schemaVersion5 = { ...schemaVersion4, logs: '++seq' } as const;

/** Version 6 indexes the unread and starred views (sparse: only items with the flag) and counts them on feed records. */
export const schemaVersion6 = { ...schemaVersion5, items: `${schemaVersion5.items}, unreadSortDate, starredSortDate` } as const;

/** The upgrade to version 6 gives every item its view keys and counts, in the same pass, what each feed holds. */
const addViewKeysAndFlagCounts = async (transaction: Transaction): Promise<void> => {
  const counts = new Map<string, { itemCount: number; unreadCount: number; starredCount: number }>();
  await transaction
    .table('items')
    .toCollection()
    .modify((item: NewsItem & Partial<StoredNewsItem>) => {
      Object.assign(item, storedNewsItem(item));
      const count = counts.get(item.feedUrl) ?? { itemCount: 0, unreadCount: 0, starredCount: 0 };
      count.itemCount += 1;
      if (!item.read) count.unreadCount += 1;
      if (item.starred) count.starredCount += 1;
      counts.set(item.feedUrl, count);
    });
  await transaction
    .table('feeds')
    .toCollection()
    .modify((feed: Partial<FeedRecord> & Pick<FeedRecord, 'url'>) => {
      Object.assign(feed, counts.get(feed.url) ?? { itemCount: 0, unreadCount: 0, starredCount: 0 });
    });
};

/** Version 7 adds the pictures saved at sync time; nothing moves, so it needs no upgrade. */
export const schemaVersion7 = { ...schemaVersion6, pictures: 'key, savedAt' } as const;

/** Version 8: saved articles, one per item, found by feed (removal) and by what waits (the article worker). */
export const schemaVersion8 = { ...schemaVersion7, articles: 'itemKey, feedUrl, [status+nextTryAt]' } as const;

/**
 * Version 9: aggregator accounts, the queue of read and starred changes for them, and items found by
 * their id on the account's server (a sparse index: items of feeds fetched directly lack the fields).
 */
export const schemaVersion9 = {
  ...schemaVersion8,
  items: `${schemaVersion8.items}, [readerAccount+readerItemId]`,
  accounts: 'id',
  readerChanges: '++seq, accountId',
  accountSecrets: 'accountId',
} as const;

/**
 * Version 10: the search worker's indexes kept between starts, so that a start with 100,000 items
 * stored does not read every item again (searchIndexStore.ts). Derived data only: nothing moves.
 */
export const schemaVersion10 = { ...schemaVersion9, searchIndex: 'name' } as const;

/** The schema a database opened today has (the benches build their references on it). */
export const currentSchema = schemaVersion10;

const addFoldersResumeAndPreviews = async (transaction: Transaction): Promise<void> => {
  await transaction
    .table('feeds')
    .toCollection()
    .modify((feed: Partial<FeedRecord>) => {
      feed.folder ??= null;
      feed.walkResume ??= null;
    });
  await transaction
    .table('items')
    .toCollection()
    .modify((item: Partial<NewsItem> & Pick<NewsItem, 'summary' | 'contentText' | 'contentHtml'>) => {
      item.preview ??= previewText(item);
    });
};

/**
 * The range of primary keys holding one feed's items: every id, also those that start with U+FFFF
 * (an array sorts after every string in IndexedDB's key order), and no other feed's. Not Dexie.maxKey:
 * Dexie falls back to '\uffff' for it when IndexedDB is not a global (Node tests over fake-indexeddb).
 */
export const keysOfFeed = (feedUrl: string): [[string, string], [string, never[]]] => [
  [feedUrl, ''],
  [feedUrl, []],
];

export class FieldNewsDb extends Dexie {
  items!: Table<ItemRecord, NewsItemKey>;
  feeds!: Table<FeedRecord, string>;
  settings!: Table<SettingRecord, string>;
  logs!: Table<LogRecord, number>;
  pictures!: Table<PictureRecord, string>;
  articles!: Table<ArticleRecord, string>;
  accounts!: Table<AccountRecord, string>;
  readerChanges!: Table<ReaderChangeRecord, number>;
  accountSecrets!: Table<AccountSecretRecord, string>;
  searchIndex!: Table<SearchIndexRecord, string>;

  constructor(name: string = databaseName, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaVersion1);
    this.version(2).stores(schemaVersion1).upgrade(addSyncStateToFeeds);
    this.version(3).stores(schemaVersion1).upgrade(countItemsOfFeeds);
    this.version(4).stores(schemaVersion4);
    this.version(5).stores(schemaVersion5).upgrade(addFoldersResumeAndPreviews);
    this.version(6).stores(schemaVersion6).upgrade(addViewKeysAndFlagCounts);
    this.version(7).stores(schemaVersion7);
    this.version(8).stores(schemaVersion8);
    this.version(9).stores(schemaVersion9);
    this.version(10).stores(schemaVersion10);
  }
}
