// The reader's flags on stored items (read, starred), changed with the feeds' counts in one
// transaction per batch, so the sidebar's numbers are right whatever a sync writes meanwhile. A
// change to an item from an aggregator account is queued for its server in the same transaction,
// so it survives going offline and a restart (sent at the next sync, workers/sync/syncAccount.ts).
import type { NewsItemKey } from '../../shared/feed/newsItem';
import { applyCountTally, createCountTally } from './feedCounts';
import { storedNewsItem, type FieldNewsDb, type ItemRecord, type ReaderChangeRecord, type StoredNewsItem } from './fieldNewsDb';

export interface FlagChange {
  read?: boolean;
  starred?: boolean;
}

/** Items per transaction: small enough that a sync page waiting for the store is not held up for long. */
export const flagBatchSize = 500;

const changes = (item: StoredNewsItem | undefined, change: FlagChange): item is StoredNewsItem =>
  item !== undefined && ((change.read !== undefined && change.read !== item.read) || (change.starred !== undefined && change.starred !== item.starred));

/** The queue entries for an account's item whose flags change (none for an item of a feed fetched directly). */
const readerChangesOf = (item: StoredNewsItem & Partial<Pick<ItemRecord, 'readerAccount' | 'readerItemId'>>, change: FlagChange): ReaderChangeRecord[] => {
  const { readerAccount, readerItemId } = item;
  if (readerAccount === undefined || readerItemId === undefined) return [];
  const entries: ReaderChangeRecord[] = [];
  if (change.read !== undefined && change.read !== item.read) entries.push({ accountId: readerAccount, readerItemId, flag: 'read', value: change.read });
  if (change.starred !== undefined && change.starred !== item.starred) entries.push({ accountId: readerAccount, readerItemId, flag: 'starred', value: change.starred });
  return entries;
};

/**
 * Sets the flags on the items of `keys` that exist, in batches of one transaction each. Returns the
 * keys of the items it changed (items already so, or gone, are left out), which is what an undo restores.
 */
export const setItemFlags = async (db: FieldNewsDb, keys: readonly NewsItemKey[], change: FlagChange): Promise<NewsItemKey[]> => {
  const changed: NewsItemKey[] = [];
  for (let start = 0; start < keys.length; start += flagBatchSize) {
    const batch = keys.slice(start, start + flagBatchSize);
    const written = await db.transaction('rw', db.items, db.feeds, db.readerChanges, async () => {
      const stored = (await db.items.bulkGet(batch)).map((item) => (item ? storedNewsItem(item) : undefined));
      const tally = createCountTally();
      const queued: ReaderChangeRecord[] = [];
      const updates = stored.filter((item) => changes(item, change)).map((item) => {
        const updated = storedNewsItem({ ...item, ...change });
        tally.record(item.feedUrl, item, updated);
        queued.push(...readerChangesOf(item, change));
        return updated;
      });
      if (updates.length > 0) await db.items.bulkPut(updates);
      if (queued.length > 0) await db.readerChanges.bulkAdd(queued);
      await applyCountTally(db, tally);
      return updates.map((item): NewsItemKey => [item.feedUrl, item.id]);
    });
    changed.push(...written);
  }
  return changed;
};
