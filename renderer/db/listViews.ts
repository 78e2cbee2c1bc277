// The news list's views (all, unread, starred, one feed, one place) read by index, newest first:
// a view is first a snapshot of its item keys, then pages of items read by position in it, so the
// list reaches any of 100,000 items without holding them, and positions stay put while a sync adds news.
import type { Collection } from 'dexie';
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

/** Keys per read of a snapshot: 100,000 keys in one answer cost the window a 260 ms task, most of it turning the answer into script values. */
export const snapshotReadKeys = 5_000;

type DateIndex = 'sortDate' | 'unreadSortDate' | 'starredSortDate';

/**
 * Every key of an index in date order, newest first. Read oldest first and turned round here: a
 * forward read of keys is one getAllKeys request, a backward one walks a cursor key by key.
 * At equal dates the larger key comes first, the order of a backward walk of the index.
 * Read `snapshotReadKeys` at a time, each answer its own short task, in one transaction so that the
 * parts fit together while a sync writes. A part that ends inside a run of equal dates is cut before
 * the run, the run read whole, and the next part starts above its date.
 */
const newestFirst = (db: FieldNewsDb, index: DateIndex, partKeys: number): Promise<NewsItemKey[]> =>
  db.transaction('r', db.items, async () => {
    const keys: NewsItemKey[] = [];
    let above: string | null = null;
    for (;;) {
      const from: Collection<ItemRecord, NewsItemKey> = above === null ? db.items.orderBy(index) : db.items.where(index).above(above);
      const part: NewsItemKey[] = await from.limit(partKeys).primaryKeys();
      const last = part.at(-1);
      if (part.length < partKeys || last === undefined) {
        for (const key of part) keys.push(key);
        return keys.reverse();
      }
      const date: string | null | undefined = (await db.items.get(last))?.[index];
      if (date === null || date === undefined) throw new Error(`The item ${keyText(last)} is not in the ${index} index it was just read from.`);
      const run = await db.items.where(index).equals(date).primaryKeys();
      const inRun = new Set(run.map(keyText));
      let end = part.length;
      while (end > 0 && inRun.has(keyText(part[end - 1] as NewsItemKey))) end -= 1;
      // One key at a time: a run can be long (a feed without dates), too long to spread as arguments.
      for (const key of part.slice(0, end)) keys.push(key);
      for (const key of run) keys.push(key);
      above = date;
    }
  });

/** The keys of a view's items, newest first: the snapshot the list pages through. */
export const readViewKeys = async (db: FieldNewsDb, view: ListView, partKeys = snapshotReadKeys): Promise<NewsItemKey[]> => {
  switch (view.kind) {
    case 'all':
      return newestFirst(db, 'sortDate', partKeys);
    case 'unread':
      return newestFirst(db, 'unreadSortDate', partKeys);
    case 'starred':
      return newestFirst(db, 'starredSortDate', partKeys);
    case 'feed': {
      // The date order of all keys, kept to one feed: no per-feed index for every sync write to keep up.
      const all = await newestFirst(db, 'sortDate', partKeys);
      return all.filter(([feedUrl]) => feedUrl === view.feedUrl);
    }
    case 'place': {
      const [all, ofPlace] = await Promise.all([newestFirst(db, 'sortDate', partKeys), db.items.where('places').equals(view.placeId).primaryKeys()]);
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

/** Keys looked at between two pauses of countArrivals. */
export const arrivalStepKeys = 20_000;

/**
 * How many keys of a fresh snapshot are not in the one on screen: the "N new" a list shows instead of
 * moving what the reader is looking at. Ids by feed, not keys written out as text (100,000 texts made
 * a 125 ms task at the end of a large sync); `pause` is awaited every `arrivalStepKeys` keys, so that
 * the window's thread is never held for the whole pass (the window passes a yield to its event loop).
 */
export const countArrivals = async (shown: readonly NewsItemKey[], fresh: readonly NewsItemKey[], pause: () => Promise<void> = () => Promise.resolve()): Promise<number> => {
  const present = new Map<string, Set<string>>();
  let looked = 0;
  for (const [feedUrl, id] of shown) {
    let ids = present.get(feedUrl);
    if (ids === undefined) {
      ids = new Set();
      present.set(feedUrl, ids);
    }
    ids.add(id);
    looked += 1;
    if (looked % arrivalStepKeys === 0) await pause();
  }
  let arrived = 0;
  for (const [feedUrl, id] of fresh) {
    if (present.get(feedUrl)?.has(id) !== true) arrived += 1;
    looked += 1;
    if (looked % arrivalStepKeys === 0) await pause();
  }
  return arrived;
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
