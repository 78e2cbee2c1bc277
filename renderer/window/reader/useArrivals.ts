// News that arrives in the view the list shows, counted without moving the list: when the view's
// count changes, its keys are read again (at most every few seconds, and once that read is costly,
// only when no feed syncs) and compared with the snapshot; news at the top joins from the view's head.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import { countArrivals, countView, readViewKeys, withNewestKeys, type ListView } from '../../db/listViews';
import { syncingLocksHeld } from '../../threads/waitWhileSyncing';
import { db } from '../database';

/** The shortest time between two reads of a view's keys while news arrives. */
const arrivalsEveryMs = 3_000;
/** A read of the view's keys this long waits for the syncs to end before it runs again. */
const costlyReadMs = 50;
const syncPollMs = 500;

export type KeysOf = { key: string; keys: readonly NewsItemKey[] };
/** A fresh snapshot not shown yet, and how many news it has (at least, when it came from the head). */
export type PendingKeys = KeysOf & { arrived: number };

interface ArrivalsOptions {
  view: ListView | null;
  /** The view's name as text: a new object for the same view is the same view. */
  key: string;
  snapshotKeys: readonly NewsItemKey[] | undefined;
  head: { key: string; keys: readonly NewsItemKey[] | null } | undefined;
  pending: PendingKeys | null;
  setPending: (pending: PendingKeys | null) => void;
  setSnapshot: (snapshot: KeysOf) => void;
}

export const useArrivals = ({ view, key, snapshotKeys, head, pending, setPending, setSnapshot }: ArrivalsOptions): void => {
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
        const arrived = await countArrivals(keys, fresh, () => new Promise((done) => window.setTimeout(done, 0)));
        if (!current) return;
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
};
