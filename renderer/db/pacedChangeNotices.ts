// Dexie tells every window and worker of each committed write, and their live queries read again
// what it may have changed. A large sync commits a page of 1,000 items every 150 to 200 ms, and
// Dexie marks the whole items table as changed by any write of 50 records or more. So after every
// page the window read its list's rows, the view's newest keys, its counts and the sidebar's feeds
// again, and the search worker its feeds. Those reads reached IndexedDB just ahead of the next page's
// transaction, which waited for them: 17 ms of every page's 180, a tenth of a 100,000-item sync.
// A sync's page writes hand their notice to this pacer instead: the first goes out as its page
// commits, later ones together at most once every `pageNoticeIntervalMs`, and what waits goes out
// when the sync records how it ended. The notice is the one Dexie made (`Dexie.on('storagemutated')`
// is its documented way to send one); only when it is sent changes. Only the sync worker paces: it
// has no live query of its own, whose results Dexie's cache would drop only on a notice sent at commit.
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';

/** At most one notice of a sync's pages a second: the list and counts follow a long sync at that pace. */
export const pageNoticeIntervalMs = 1_000;

export interface PacedChangeNotices {
  /**
   * Takes the notice of the transaction's writes so far off it, so that Dexie does not send it on
   * commit; call it once the transaction's last write is done. Null when there is none to take.
   */
  hold(transaction: IDBTransaction): ObservabilitySet | null;
  /** Sends a committed transaction's notice now, or with the next ones within the interval. */
  send(parts: ObservabilitySet): void;
  /** Sends at once whatever waits (the sync ended). */
  flush(): void;
}

/** Dexie keeps a write transaction's notice on the transaction until it commits. */
type NoticeCarrier = IDBTransaction & { mutatedParts?: ObservabilitySet };

const merged = (into: ObservabilitySet, parts: ObservabilitySet): ObservabilitySet => {
  for (const [part, ranges] of Object.entries(parts)) {
    const known = into[part];
    into[part] = known === undefined ? new RangeSet().add(ranges) : new RangeSet().add(known).add(ranges);
  }
  return into;
};

export const createPacedChangeNotices = (
  intervalMs = pageNoticeIntervalMs,
  sendNow: (parts: ObservabilitySet) => void = (parts) => {
    Dexie.on.storagemutated.fire(parts);
  },
  now: () => number = () => Date.now(),
): PacedChangeNotices => {
  let waiting: ObservabilitySet | null = null;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (waiting === null) return;
    const parts = waiting;
    waiting = null;
    lastSentAt = now();
    sendNow(parts);
  };

  return {
    hold(transaction) {
      const carrier = transaction as NoticeCarrier;
      const parts = carrier.mutatedParts;
      if (parts === undefined) return null;
      delete carrier.mutatedParts;
      return parts;
    },
    send(parts) {
      waiting = merged(waiting ?? {}, parts);
      const dueIn = lastSentAt + intervalMs - now();
      if (dueIn <= 0) flush();
      else timer ??= setTimeout(flush, dueIn);
    },
    flush,
  };
};
