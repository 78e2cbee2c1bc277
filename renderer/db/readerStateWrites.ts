// The server's read and starred states applied to an account's items under the conflict rule
// (shared/aggregator/readerChanges.ts), and the queue of the laptop's own changes waiting to be sent.
import { flagAfterServer, type ReaderChange } from '../../shared/aggregator/readerChanges';
import { applyCountTally, createCountTally } from './feedCounts';
import { keysOfFeed, storedNewsItem, type FieldNewsDb, type ItemRecord, type ReaderChangeRecord } from './fieldNewsDb';

/** A mark the server refuses this many times is let go. */
export const refusalsBeforeLettingGo = 3;

const waitingKeys = (changes: readonly ReaderChange[]): Set<string> => new Set(changes.map((change) => `${change.flag}\n${change.readerItemId}`));

/** The server's read and starred states, and the queue of the laptop's own changes. */
export const readerStateWrites = (db: FieldNewsDb) => ({
  /**
   * The server's unread items of one feed, applied under the conflict rule: an item with a change
   * waiting in the queue keeps the laptop's flag. Returns how many became read (read elsewhere).
   */
  async applyUnreadState(accountId: string, feedUrl: string, unreadOnServer: ReadonlySet<string>): Promise<{ readElsewhere: number; unreadElsewhere: number }> {
    return db.transaction('rw', db.items, db.feeds, db.readerChanges, async () => {
      const waiting = waitingKeys(await db.readerChanges.where('accountId').equals(accountId).toArray().then((rows) => rows as ReaderChange[]));
      const tally = createCountTally();
      const writes: ItemRecord[] = [];
      let readElsewhere = 0;
      let unreadElsewhere = 0;
      await db.items
        .where('[feedUrl+id]')
        .between(...keysOfFeed(feedUrl), true, true)
        .each((item) => {
          if (item.readerAccount !== accountId || item.readerItemId === undefined) return;
          const read = flagAfterServer(item.read, !unreadOnServer.has(item.readerItemId), waiting.has(`read\n${item.readerItemId}`));
          if (read === null) return;
          if (read) readElsewhere += 1;
          else unreadElsewhere += 1;
          const updated = { ...storedNewsItem({ ...item, read }), readerAccount: accountId, readerItemId: item.readerItemId };
          tally.record(feedUrl, item, updated);
          writes.push(updated);
        });
      if (writes.length > 0) await db.items.bulkPut(writes);
      await applyCountTally(db, tally);
      return { readElsewhere, unreadElsewhere };
    });
  },

  /**
   * The server's starred items, applied under the conflict rule. Returns the starred ids the laptop
   * does not hold (older than its news), for the sync to fetch.
   */
  async applyStarredState(accountId: string, starredOnServer: ReadonlySet<string>): Promise<{ changed: number; missing: string[] }> {
    return db.transaction('rw', db.items, db.feeds, db.readerChanges, async () => {
      const waiting = waitingKeys(await db.readerChanges.where('accountId').equals(accountId).toArray().then((rows) => rows as ReaderChange[]));
      const tally = createCountTally();
      const writes: ItemRecord[] = [];
      const starredHere = await db.items.where('starredSortDate').above('').filter((item) => item.readerAccount === accountId).toArray();
      const serverIds = [...starredOnServer];
      const held = serverIds.length === 0 ? [] : await db.items.where('[readerAccount+readerItemId]').anyOf(serverIds.map((id) => [accountId, id])).toArray();
      const heldIds = new Set(held.map((item) => item.readerItemId));
      for (const item of [...starredHere, ...held]) {
        if (item.readerItemId === undefined || writes.some((write) => write.readerItemId === item.readerItemId)) continue;
        const starred = flagAfterServer(item.starred, starredOnServer.has(item.readerItemId), waiting.has(`starred\n${item.readerItemId}`));
        if (starred === null) continue;
        const updated = { ...storedNewsItem({ ...item, starred }), readerAccount: accountId, readerItemId: item.readerItemId };
        tally.record(item.feedUrl, item, updated);
        writes.push(updated);
      }
      if (writes.length > 0) await db.items.bulkPut(writes);
      await applyCountTally(db, tally);
      return { changed: writes.length, missing: serverIds.filter((id) => !heldIds.has(id)) };
    });
  },

  /** The account's waiting changes, in the order they were made. */
  async waitingChanges(accountId: string): Promise<ReaderChange[]> {
    const rows = await db.readerChanges.where('accountId').equals(accountId).sortBy('seq');
    return rows.flatMap((row) => (row.seq === undefined ? [] : [{ ...row, seq: row.seq }]));
  },

  /**
   * Marks the server took but did not do: each is tried again at the next sync, and let go after its
   * third refusal (an item the server no longer has would block the queue for ever). Returns how many were let go.
   */
  async noteRefusedChanges(seqs: readonly number[]): Promise<number> {
    return db.transaction('rw', db.readerChanges, async () => {
      const rows = await db.readerChanges.bulkGet([...seqs]);
      const tries = (row: ReaderChangeRecord) => (row.refusals ?? 0) + 1;
      const givenUp = rows.flatMap((row) => (row?.seq !== undefined && tries(row) >= refusalsBeforeLettingGo ? [row.seq] : []));
      const retried = rows.flatMap((row) => (row?.seq !== undefined && tries(row) < refusalsBeforeLettingGo ? [{ ...row, refusals: tries(row) }] : []));
      await db.readerChanges.bulkDelete(givenUp);
      await db.readerChanges.bulkPut(retried);
      return givenUp.length;
    });
  },

  /** The changes the server took: out of the queue. */
  async settleChanges(seqs: readonly number[]): Promise<void> {
    await db.readerChanges.bulkDelete([...seqs]);
  },
});

