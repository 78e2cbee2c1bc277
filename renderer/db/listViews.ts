// The news list's views (all, unread, starred, one feed, one place) read by index, newest first:
// a view is first a snapshot of its item keys, then pages of items read by position in it, so the
// list reaches any of 100,000 items without holding them, and positions stay put while a sync adds news.
import { assertNever } from '../../shared/assertNever';
import { newsItemKeyText, type NewsItemKey } from '../../shared/feed/newsItem';
import { sumFeedCounts } from './feedCounts';
import type { FieldNewsDb, ItemRecord } from './fieldNewsDb';

const keyText = ([feedUrl, id]: NewsItemKey): string => newsItemKeyText({ feedUrl, id });

export type ListView =
  | { kind: 'all' }
  | { kind: 'unread' }
  | { kind: 'starred' }
  | { kind: 'feed'; feedUrl: string }
  | { kind: 'place'; placeId: string };

/**
 * Every key of an index in date order, newest first. Read oldest first and turned round here: a
 * forward read of keys is one getAllKeys request, a backward one walks a cursor key by key.
 * At equal dates the larger key comes first, the order of a backward walk of the index.
 */
const newestFirst = async (db: FieldNewsDb, index: 'sortDate' | 'unreadSortDate' | 'starredSortDate'): Promise<NewsItemKey[]> =>
  (await db.items.orderBy(index).primaryKeys()).reverse();

/** The keys of a view's items, newest first: the snapshot the list pages through. */
export const readViewKeys = async (db: FieldNewsDb, view: ListView): Promise<NewsItemKey[]> => {
  switch (view.kind) {
    case 'all':
      return newestFirst(db, 'sortDate');
    case 'unread':
      return newestFirst(db, 'unreadSortDate');
    case 'starred':
      return newestFirst(db, 'starredSortDate');
    case 'feed': {
      // The date order of all keys, kept to one feed: no per-feed index for every sync write to keep up.
      const all = await newestFirst(db, 'sortDate');
      return all.filter(([feedUrl]) => feedUrl === view.feedUrl);
    }
    case 'place': {
      const [all, ofPlace] = await Promise.all([newestFirst(db, 'sortDate'), db.items.where('places').equals(view.placeId).primaryKeys()]);
      const wanted = new Set(ofPlace.map(keyText));
      return all.filter((key) => wanted.has(keyText(key)));
    }
    default:
      return assertNever(view);
  }
};

/**
 * The first keys of a view, newest first, read with a short backward walk of its index: what the
 * list shows at once while the whole snapshot is read. Null for views no single index orders.
 */
export const readNewestKeys = async (db: FieldNewsDb, view: ListView, limit: number): Promise<NewsItemKey[] | null> => {
  switch (view.kind) {
    case 'all':
      return db.items.orderBy('sortDate').reverse().limit(limit).primaryKeys();
    case 'unread':
      return db.items.orderBy('unreadSortDate').reverse().limit(limit).primaryKeys();
    case 'starred':
      return db.items.orderBy('starredSortDate').reverse().limit(limit).primaryKeys();
    case 'feed':
    case 'place':
      return null;
    default:
      return assertNever(view);
  }
};

/** How many items a view holds, from the feed records' counts or an indexed count: never a walk of the items. */
export const countView = async (db: FieldNewsDb, view: ListView): Promise<number> => {
  switch (view.kind) {
    case 'all':
      return sumFeedCounts(await db.feeds.toArray()).itemCount;
    case 'unread':
      return sumFeedCounts(await db.feeds.toArray()).unreadCount;
    case 'starred':
      return sumFeedCounts(await db.feeds.toArray()).starredCount;
    case 'feed':
      return (await db.feeds.get(view.feedUrl))?.itemCount ?? 0;
    case 'place':
      return db.items.where('places').equals(view.placeId).count();
    default:
      return assertNever(view);
  }
};

/**
 * The items at positions [start, end) of a snapshot. An item removed since the snapshot was taken
 * (retention, a removed feed) reads as undefined, so the positions of the others do not move.
 */
export const readListPage = async (db: FieldNewsDb, keys: readonly NewsItemKey[], start: number, end: number): Promise<(ItemRecord | undefined)[]> => {
  const slice = keys.slice(Math.max(0, start), Math.max(0, end));
  return slice.length > 0 ? db.items.bulkGet(slice) : [];
};

/**
 * How many keys of a fresh snapshot are not in the one on screen: the "N new" a list shows instead of
 * moving what the reader is looking at.
 */
export const countArrivals = (shown: readonly NewsItemKey[], fresh: readonly NewsItemKey[]): number => {
  const present = new Set(shown.map(keyText));
  return fresh.reduce((count, key) => (present.has(keyText(key)) ? count : count + 1), 0);
};

/**
 * A snapshot with the news that arrived at the top of the view since: `newest` is the view's first
 * keys as they are now (a short index walk, re-read on every change), `keys` the snapshot. Null when
 * nothing new is among them. The keys the two share are looked for among the snapshot's first few
 * (they are the newest): the snapshot is cut after the last one found, and what it held above that
 * point and the head no longer holds has gone. Arrivals further down wait for the next whole read.
 */
export const withNewestKeys = (newest: readonly NewsItemKey[], keys: readonly NewsItemKey[]): { keys: NewsItemKey[]; arrived: number } | null => {
  const top = new Map(keys.slice(0, newest.length * 2).map((key, position) => [keyText(key), position]));
  let cut = 0;
  let arrived = 0;
  for (const key of newest) {
    const position = top.get(keyText(key));
    if (position === undefined) arrived += 1;
    else cut = Math.max(cut, position + 1);
  }
  return arrived === 0 ? null : { keys: [...newest, ...keys.slice(cut)], arrived };
};
