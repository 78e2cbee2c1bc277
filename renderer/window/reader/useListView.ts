// The list's data: a snapshot of the chosen view's keys (or the search's, in its order), the items of
// the rows near the screen read live from IndexedDB, and the count of news that arrived since the
// snapshot, shown on request so that nothing moves under the reader's eyes.
import { useLiveQuery } from 'dexie-react-hooks';
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import { db } from '../database';
import type { ItemRecord } from '../../db/fieldNewsDb';
import { countArrivals, countView, readListPage, readNewestKeys, readViewKeys, withNewestKeys, type ListView } from '../../db/listViews';
import { listPageSize, pagesOfRows, samePages, type RowRange } from './listWindow';
import { createRecentItems } from './recentItems';
import { syncingLocksHeld } from '../../threads/waitWhileSyncing';

/** Items of the rows [start, start + items.length) of `keys`, as last read. */
interface ListWindow {
  keys: readonly NewsItemKey[];
  start: number;
  items: (ItemRecord | undefined)[];
}

export type ListSource = { kind: 'view'; view: ListView } | { kind: 'keys'; keys: readonly NewsItemKey[] };

export interface ListViewState {
  /** The keys on screen, newest first (the snapshot's, or the search's); undefined while the first read runs. */
  keys: readonly NewsItemKey[] | undefined;
  /** The item at a row, or undefined while it is read (or after it was removed). */
  itemAt: (row: number) => ItemRecord | undefined;
  /** Tell which rows are on screen; the pages around them are read. */
  setVisibleRows: (range: RowRange) => void;
  /** News that came since the snapshot (not in the list yet). */
  arrivals: number;
  /** Take the fresh snapshot: the arrivals join the list (the list keeps the reader's place). */
  showArrivals: () => void;
  /** The view's first rows are on screen (or it has none): slower work may start. */
  firstRowsShown: boolean;
  /** `keys` are the whole current view (not the last view's, nor only its first rows): what "Mark all read" and End act on. */
  complete: boolean;
}

/** The view's first keys, read at once (a short index walk): the first screens, and where news arrives. */
const headRows = 50;
/** The shortest time between two reads of a view's keys while news arrives. */
const arrivalsEveryMs = 3_000;
/** A read of the view's keys this long waits for the syncs to end before it runs again. */
const costlyReadMs = 50;
const syncPollMs = 500;

const sourceKey = (source: ListSource): string => (source.kind === 'keys' ? 'keys' : JSON.stringify(source.view));

export const useListView = (source: ListSource): ListViewState => {
  const [snapshot, setSnapshot] = useState<{ key: string; keys: readonly NewsItemKey[] } | undefined>(undefined);
  /** A fresh snapshot not shown yet, and how many news it has (at least, when it came from the head). */
  const [pending, setPending] = useState<{ key: string; keys: readonly NewsItemKey[]; arrived: number } | null>(null);
  const [range, setRange] = useState<RowRange>({ first: 0, last: listPageSize - 1 });
  const key = sourceKey(source);
  const view = source.kind === 'view' ? source.view : null;

  // The first rows at once (a short index walk), while the whole snapshot is read.
  const head = useLiveQuery(async () => (view ? { key, keys: await readNewestKeys(db, view, headRows) } : undefined), [key]);
  const snapshotKeys = snapshot?.key === key ? snapshot.keys : undefined;
  const headKeys = head?.key === key ? (head.keys ?? undefined) : undefined;
  const keys = source.kind === 'keys' ? source.keys : (snapshotKeys ?? headKeys);

  // The view's count, read from feed records or an index: when it changes after the snapshot was
  // taken, the keys are read again to find what arrived.
  const count = useLiveQuery(async () => (view ? { key, count: await countView(db, view) } : null), [key]);
  const lastRead = useRef(0);
  /** How long the last read of the keys took (with the comparison), in milliseconds. */
  const lastReadMs = useRef(0);
  const [countAtSnapshot, setCountAtSnapshot] = useState<{ key: string; count: number } | null>(null);
  // The count of this view (the live query still holds the last view's for a moment after a switch).
  if (count && count.key === key && snapshotKeys && countAtSnapshot?.key !== key) setCountAtSnapshot(count);
  useEffect(() => {
    if (!view || !count || count.key !== key || !snapshotKeys || countAtSnapshot?.key !== key || count.count === countAtSnapshot.count) return;
    const keys = snapshotKeys;
    let current = true;
    // During a long sync the count changes with every page: read the keys at most every few seconds,
    // and once reading them has become costly (a large list), only when no feed syncs any more: the
    // read competes with the sync's writes and takes the window's thread for a long moment.
    const readArrivals = async () => {
      while (current && lastReadMs.current > costlyReadMs && 'locks' in navigator && (await syncingLocksHeld(navigator.locks))) {
        await new Promise((done) => window.setTimeout(done, syncPollMs));
      }
      if (!current) return;
      lastRead.current = Date.now();
      const started = performance.now();
      const fresh = await readViewKeys(db, view);
      if (!current) return;
      setCountAtSnapshot(count);
      if (keys.length === 0) setSnapshot({ key, keys: fresh });
      else {
        // Counted once here, not again as the list renders: a pass over 100,000 keys each time.
        const arrived = countArrivals(keys, fresh);
        setPending(arrived > 0 ? { key, keys: fresh, arrived } : null);
      }
      lastReadMs.current = performance.now() - started;
    };
    const timer = window.setTimeout(() => void readArrivals(), Math.max(0, lastRead.current + arrivalsEveryMs - Date.now()));
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // Only a change of the count asks again; the snapshot it compares with is the one of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count]);

  // News at the top of the view (a feed just added, the newest page of a sync) joins at once: the
  // head is re-read on every change, and a read of every key can wait seconds behind a long sync.
  const [joinedHead, setJoinedHead] = useState(head);
  if (head !== joinedHead) {
    setJoinedHead(head);
    const base = pending?.key === key ? pending.keys : snapshotKeys;
    const joined = head?.key === key && head.keys && base && base.length > 0 ? withNewestKeys(head.keys, base) : null;
    if (joined) setPending({ key, keys: joined.keys, arrived: joined.arrived });
  }

  const pages = pagesOfRows(range, keys?.length ?? 0);
  const start = (pages[0] ?? 0) * listPageSize;
  const end = ((pages.at(-1) ?? -1) + 1) * listPageSize;
  // The items read lately, by key: the next keystroke's answer mostly lists the same items first.
  const [recentItems] = useState(() => createRecentItems());
  // Re-read live when an item of the window changes (read, starred, a newer copy from a sync). The
  // read starts as the new keys are committed (a layout effect), not after the next paint as
  // useLiveQuery's effect does: on a keystroke that wait was a frame between the answer and its rows.
  const [windowItems, setWindowItems] = useState<ListWindow | undefined>(undefined);
  const [readFailure, setReadFailure] = useState<Error | null>(null);
  if (readFailure) throw readFailure;
  useLayoutEffect(() => {
    if (!keys) return;
    const subscription = liveQuery(async (): Promise<ListWindow> => {
      const items = await readListPage(db, keys, start, end);
      recentItems.remember(items);
      return { keys, start, items };
    }).subscribe({
      next: setWindowItems,
      error: (error: unknown) => setReadFailure(error instanceof Error ? error : new Error(String(error))),
    });
    return () => subscription.unsubscribe();
  }, [keys, start, end, recentItems]);
  // The last window read stays on screen while the next one is read, also across a change of keys
  // (a new search answer): the list switches to the new keys once their first rows are at hand, so it
  // never blinks empty between two keystrokes. Rows read a moment ago are at hand at once: the list
  // shows them while the read (which keeps them live) runs, instead of waiting a read per keystroke.
  const [held, setHeld] = useState(windowItems);
  if (windowItems && windowItems !== held) setHeld(windowItems);
  const recalled = useMemo(() => {
    const covered = held !== undefined && held.keys === keys && held.start === start && held.items.length >= Math.min(end, keys.length) - start;
    const items = keys && !covered ? recentItems.recall(keys, start, end) : undefined;
    return keys && items ? { keys, start, items } : undefined;
  }, [keys, held, start, end, recentItems]);
  const shown = recalled ?? held;
  const shownKeys = shown?.keys ?? keys;

  // The whole snapshot (100,000 keys take a long moment to read) once the first rows are on screen:
  // the first paint never waits for it. A view no single index orders has no first rows to wait for.
  // Latched per view: the head re-read during a sync must not cancel a snapshot read under way.
  const [firstRowsShownFor, setFirstRowsShownFor] = useState<string | null>(null);
  if (firstRowsShownFor !== key && head?.key === key && (head.keys === null || (held !== undefined && held.keys === head.keys))) setFirstRowsShownFor(key);
  const firstRowsShown = firstRowsShownFor === key;
  useEffect(() => {
    // Back from a search to the view read before: its snapshot stands (what arrived meanwhile is
    // counted and offered, as always), and 100,000 keys are not read again on the window's thread.
    if (!view || !firstRowsShown || snapshot?.key === key) return;
    let current = true;
    let timer = 0;
    const frame = window.requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        void readViewKeys(db, view).then((keys) => {
          if (current) setSnapshot({ key, keys });
        });
      }, 0);
    });
    return () => {
      current = false;
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
    // The view is named by its key text: a new object for the same view must not read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, firstRowsShown]);

  const itemAt = useCallback((row: number) => (shown && shown.keys === shownKeys ? shown.items[row - shown.start] : undefined), [shown, shownKeys]);
  // Kept only when the pages change: the rows on screen change on every scroll frame, and a new range
  // re-renders the window around the list (sidebar, reader), which scrolling must not do each frame.
  const setVisibleRows = useCallback((next: RowRange) => {
    setRange((previous) => (samePages(previous, next) ? previous : next));
  }, []);
  const fresh = pending?.key === key ? pending.keys : null;
  const arrivals = pending?.key === key ? pending.arrived : 0;
  const showArrivals = useCallback(() => {
    if (fresh) setSnapshot({ key, keys: fresh });
    setPending(null);
  }, [fresh, key]);
  const complete = shownKeys !== undefined && shownKeys === (source.kind === 'keys' ? source.keys : snapshotKeys);
  return { keys: shownKeys, itemAt, setVisibleRows, arrivals, showArrivals, firstRowsShown, complete };
};
