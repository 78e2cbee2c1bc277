// The list's data: a snapshot of the chosen view's keys (or the search's, in its order), the items of
// the rows near the screen read live from IndexedDB, and the count of news that arrived since the
// snapshot, shown on request so that nothing moves under the reader's eyes.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import type { ItemRecord } from '../../db/fieldNewsDb';
import { readNewestKeys, readViewKeys, type ListView } from '../../db/listViews';
import { db } from '../database';
import type { RowRange } from './listWindow';
import { useArrivals, type KeysOf, type PendingKeys } from './useArrivals';
import { useListWindow } from './useListWindow';

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

const sourceKey = (source: ListSource): string => (source.kind === 'keys' ? 'keys' : JSON.stringify(source.view));

export const useListView = (source: ListSource): ListViewState => {
  const [snapshot, setSnapshot] = useState<KeysOf | undefined>(undefined);
  const [pending, setPending] = useState<PendingKeys | null>(null);
  const key = sourceKey(source);
  const view = source.kind === 'view' ? source.view : null;

  // The first rows at once (a short index walk), while the whole snapshot is read.
  const head = useLiveQuery(async () => (view ? { key, keys: await readNewestKeys(db, view, headRows) } : undefined), [key]);
  const snapshotKeys = snapshot?.key === key ? snapshot.keys : undefined;
  const headKeys = head?.key === key ? (head.keys ?? undefined) : undefined;
  const keys = source.kind === 'keys' ? source.keys : (snapshotKeys ?? headKeys);
  useArrivals({ view, key, snapshotKeys, head, pending, setPending, setSnapshot });
  const { held, shownKeys, itemAt, setVisibleRows } = useListWindow(keys);

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

  const fresh = pending?.key === key ? pending.keys : null;
  const arrivals = pending?.key === key ? pending.arrived : 0;
  const showArrivals = useCallback(() => {
    if (fresh) setSnapshot({ key, keys: fresh });
    setPending(null);
  }, [fresh, key]);
  const complete = shownKeys !== undefined && shownKeys === (source.kind === 'keys' ? source.keys : snapshotKeys);
  return { keys: shownKeys, itemAt, setVisibleRows, arrivals, showArrivals, firstRowsShown, complete };
};
