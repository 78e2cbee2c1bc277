// Every write of saved pictures: a picture is stored once per address and shared by the items that
// name it; it goes when no stored item names it any more (feed removed, retention) or the budget is passed.
import { newsItemKeyFromText } from '../../shared/feed/newsItem';
import { picturesOverBudget, type SavedPictureFacts } from '../../shared/pictures/pictureBudget';
import { isPictureOf, pictureKey } from '../../shared/pictures/pictureKey';
import type { FieldNewsDb, PictureRecord } from './fieldNewsDb';

export interface PictureToStore {
  url: string;
  blob: Blob;
  width: number;
  height: number;
}

export interface PictureUsage {
  count: number;
  bytes: number;
}

/** Pictures are checked against their items in batches of this many, so no read holds them all. */
const sweepBatch = 200;

/** Saving: a page's items join the pictures saved already, and the downloaded ones are stored. */
const pictureSaves = (db: FieldNewsDb, clock: () => number) => ({
  /**
   * Notes that each item names its picture where that picture is saved already (sharing: a picture
   * two items name is stored once), in one transaction for a whole page. Returns the addresses
   * that are saved, which need no download.
   */
  async addPictureUsers(uses: readonly { url: string; itemKey: string }[]): Promise<Set<string>> {
    return db.transaction('rw', db.pictures, async () => {
      const urls = [...new Set(uses.map((use) => use.url))];
      const found = await db.pictures.bulkGet(urls.map(pictureKey));
      const saved = new Map(urls.flatMap((url, index) => (isPictureOf(found[index], url) ? [[url, found[index] as PictureRecord]] : [])));
      const changed = new Set<PictureRecord>();
      for (const { url, itemKey } of uses) {
        const record = saved.get(url);
        if (record === undefined || record.itemKeys.includes(itemKey)) continue;
        record.itemKeys = [...record.itemKeys, itemKey];
        changed.add(record);
      }
      if (changed.size > 0) await db.pictures.bulkPut([...changed]);
      return new Set(saved.keys());
    });
  },

  /**
   * Stores downloaded pictures, each for its items (joining the items already using it), all in one
   * transaction: a write per picture would queue as many commits beside the news.
   */
  async storePictures(pictures: readonly { picture: PictureToStore; itemKeys: readonly string[] }[]): Promise<void> {
    if (pictures.length === 0) return;
    await db.transaction('rw', db.pictures, async () => {
      const previous = await db.pictures.bulkGet(pictures.map(({ picture }) => pictureKey(picture.url)));
      const savedAt = clock();
      const records = new Map<string, PictureRecord>();
      pictures.forEach(({ picture, itemKeys }, index) => {
        const key = pictureKey(picture.url);
        const before = records.get(key) ?? previous[index];
        const users = isPictureOf(before, picture.url) ? (before?.itemKeys ?? []) : [];
        records.set(key, { key, ...picture, bytes: picture.blob.size, savedAt, itemKeys: [...new Set([...users, ...itemKeys])] });
      });
      await db.pictures.bulkPut([...records.values()]);
    });
  },
});

/** The space pictures take: what no item names any more goes, then the oldest past the budget. */
const pictureSpace = (db: FieldNewsDb) => ({
  /** Drops the users that are no longer stored, and each picture left with none. Returns how many went. */
  async releaseUnusedPictures(): Promise<number> {
    let removed = 0;
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const batch: PictureRecord[] = await db.transaction('rw', db.pictures, db.items, async () => {
        const records: PictureRecord[] = await (from === null ? db.pictures.orderBy('key') : db.pictures.where('key').above(from)).limit(sweepBatch).toArray();
        const keys = [...new Set(records.flatMap((record) => record.itemKeys))];
        const items = await db.items.bulkGet(keys.map(newsItemKeyFromText));
        const present = new Set(keys.filter((_, index) => items[index] !== undefined));
        for (const record of records) {
          const users = record.itemKeys.filter((key) => present.has(key));
          if (users.length === 0) {
            await db.pictures.delete(record.key);
            removed += 1;
          } else if (users.length < record.itemKeys.length) await db.pictures.update(record.key, { itemKeys: users });
        }
        return records;
      });
      if (batch.length < sweepBatch) return removed;
      after = batch.at(-1)?.key ?? null;
    }
  },

  /** Drops the oldest pictures of unstarred items, then of starred ones, until the rest fits `budgetBytes`. Returns how many went. */
  async keepWithinBudget(budgetBytes: number): Promise<number> {
    return db.transaction('rw', db.pictures, db.items, async () => {
      const records = await db.pictures.toArray();
      if (records.reduce((sum, record) => sum + record.bytes, 0) <= budgetBytes) return 0;
      const keys = [...new Set(records.flatMap((record) => record.itemKeys))];
      const items = await db.items.bulkGet(keys.map(newsItemKeyFromText));
      const starred = new Set(keys.filter((_, index) => items[index]?.starred === true));
      const facts: SavedPictureFacts[] = records.map((record) => ({
        key: record.key,
        bytes: record.bytes,
        savedAt: record.savedAt,
        starred: record.itemKeys.some((key) => starred.has(key)),
      }));
      const dropped = picturesOverBudget(facts, budgetBytes);
      await db.pictures.bulkDelete(dropped);
      return dropped.length;
    });
  },

  /** How many pictures are saved and the space they take (their blobs' sizes). */
  async pictureUsage(): Promise<PictureUsage> {
    let usage: PictureUsage = { count: 0, bytes: 0 };
    await db.pictures.each((record) => {
      usage = { count: usage.count + 1, bytes: usage.bytes + record.bytes };
    });
    return usage;
  },
});

export const createPictureRepository = (db: FieldNewsDb, clock: () => number = Date.now) => {
  /** The stored picture of `url`, or undefined (never another address's picture under a colliding key). */
  const readPicture = async (url: string): Promise<PictureRecord | undefined> => {
    const record = await db.pictures.get(pictureKey(url));
    return isPictureOf(record, url) ? record : undefined;
  };

  return { readPicture, ...pictureSaves(db, clock), ...pictureSpace(db) };
};

export type PictureRepository = ReturnType<typeof createPictureRepository>;
