// The items of the rows near the screen, read live from IndexedDB a page at a time: the last window
// read stays on screen while the next is read (a new search answer never blinks the list empty), and
// rows read a moment ago show at once from memory.
import { liveQuery } from 'dexie';
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import type { ItemRecord } from '../../db/fieldNewsDb';
import { readListPage } from '../../db/listViews';
import { db } from '../database';
import { listPageSize, pagesOfRows, samePages, type RowRange } from './listWindow';
import { createRecentItems } from './recentItems';

/** Items of the rows [start, start + items.length) of `keys`, as last read. */
export interface ListWindow {
  keys: readonly NewsItemKey[];
  start: number;
  items: (ItemRecord | undefined)[];
}

export const useListWindow = (keys: readonly NewsItemKey[] | undefined) => {
  const [range, setRange] = useState<RowRange>({ first: 0, last: listPageSize - 1 });
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

  const itemAt = useCallback((row: number) => (shown && shown.keys === shownKeys ? shown.items[row - shown.start] : undefined), [shown, shownKeys]);
  // Kept only when the pages change: the rows on screen change on every scroll frame, and a new range
  // re-renders the window around the list (sidebar, reader), which scrolling must not do each frame.
  const setVisibleRows = useCallback((next: RowRange) => {
    setRange((previous) => (samePages(previous, next) ? previous : next));
  }, []);
  return { held, shownKeys, itemAt, setVisibleRows };
};
