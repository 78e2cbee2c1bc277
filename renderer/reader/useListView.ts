// The list's data: a snapshot of the chosen view's keys (or the search's, in its order), the items of
// the rows near the screen read live from IndexedDB, and the count of news that arrived since the
// snapshot, shown on request so that nothing moves under the reader's eyes.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { NewsItemKey } from '../../shared/feed/newsItem';
import { db } from '../database';
import type { ItemRecord } from '../db/fieldNewsDb';
import { countArrivals, countView, readListPage, readViewKeys, type ListView } from '../db/listViews';
import { listPageSize, pagesOfRows, type RowRange } from './listWindow';

export type ListSource = { kind: 'view'; view: ListView } | { kind: 'keys'; keys: readonly NewsItemKey[] };

export interface ListViewState {
  /** The snapshot's keys, newest first; undefined while the first read runs. */
  keys: readonly NewsItemKey[] | undefined;
  /** The item at a row, or undefined while it is read (or after it was removed). */
  itemAt: (row: number) => ItemRecord | undefined;
  /** Tell which rows are on screen; the pages around them are read. */
  setVisibleRows: (range: RowRange) => void;
  /** News that came since the snapshot (not shown yet). */
  arrivals: number;
  /** Take a fresh snapshot: the arrivals join the list. */
  showArrivals: () => void;
}

const sourceKey = (source: ListSource): string => (source.kind === 'keys' ? 'keys' : JSON.stringify(source.view));

export const useListView = (source: ListSource): ListViewState => {
  const [snapshot, setSnapshot] = useState<{ key: string; keys: readonly NewsItemKey[] } | undefined>(undefined);
  const [pending, setPending] = useState<{ key: string; keys: readonly NewsItemKey[] } | null>(null);
  const [range, setRange] = useState<RowRange>({ first: 0, last: listPageSize - 1 });
  const key = sourceKey(source);
  const view = source.kind === 'view' ? source.view : null;

  useEffect(() => {
    if (!view) return;
    let current = true;
    void readViewKeys(db, view).then((keys) => {
      if (current) setSnapshot({ key, keys });
    });
    return () => {
      current = false;
    };
    // The view is named by its key text: a new object for the same view must not read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const keys = source.kind === 'keys' ? source.keys : snapshot?.key === key ? snapshot.keys : undefined;

  // The view's count, read from feed records or an index: when it changes, look for arrivals.
  const count = useLiveQuery(() => (view ? countView(db, view) : Promise.resolve(null)), [key]);
  useEffect(() => {
    if (!view || count === undefined || count === null || !keys || source.kind !== 'view') return;
    let current = true;
    void readViewKeys(db, view).then((fresh) => {
      if (!current) return;
      if (keys.length === 0) setSnapshot({ key, keys: fresh });
      else setPending(countArrivals(keys, fresh) > 0 ? { key, keys: fresh } : null);
    });
    return () => {
      current = false;
    };
    // Only a change of the count asks again; the snapshot it compares with is the one of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count]);

  const pages = pagesOfRows(range, keys?.length ?? 0);
  const start = (pages[0] ?? 0) * listPageSize;
  const end = ((pages.at(-1) ?? -1) + 1) * listPageSize;
  // Re-read live when an item of the window changes (read, starred, a newer copy from a sync).
  const windowItems = useLiveQuery(async () => (keys ? { keys, start, items: await readListPage(db, keys, start, end) } : undefined), [keys, start, end]);
  // The last window read stays on screen while the next one is read, so rows do not blink empty.
  const [held, setHeld] = useState(windowItems);
  if (windowItems && windowItems !== held) setHeld(windowItems);

  const itemAt = useCallback((row: number) => (held && held.keys === keys ? held.items[row - held.start] : undefined), [held, keys]);
  const setVisibleRows = useCallback((next: RowRange) => {
    setRange((previous) => (previous.first === next.first && previous.last === next.last ? previous : next));
  }, []);
  const fresh = pending?.key === key ? pending.keys : null;
  const arrivals = useMemo(() => (fresh && keys ? countArrivals(keys, fresh) : 0), [fresh, keys]);
  const showArrivals = useCallback(() => {
    if (fresh) setSnapshot({ key, keys: fresh });
    setPending(null);
  }, [fresh, key]);
  return { keys, itemAt, setVisibleRows, arrivals, showArrivals };
};
