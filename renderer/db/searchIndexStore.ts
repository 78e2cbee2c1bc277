// The search worker's indexes kept between starts: saved when place tagging settles, read back at
// the next start instead of reading every item (15 to 17 s at 100,000 items on a slow disk). Every
// place-tag write counts itself here in its own transaction and drops the saved indexes; a save is
// kept only when no tag write came between the worker's last look and the save, so the indexes read
// back hold every item tagged. Items stored or changed since carry no tags yet and are tagged again;
// items removed since change the count of items, which has the worker build its indexes afresh.
import { placeTaggingVersion } from '../../shared/places/tagPlaces';
import { isSavedWordIndex } from '../../shared/wordSearch/newsWordIndex';
import { wordIndexVersion } from '../../shared/wordSearch/wordTokens';
import type { FieldNewsDb, SavedRuns, SavedSearchIndex } from './fieldNewsDb';

/** The tagger and word folding a saved index was made with. */
export const searchIndexFormat = `index.1+${placeTaggingVersion}+${wordIndexVersion}`;

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/** Runs of positions into a list of `listLength`, one run per item of `itemCount`. */
const isRuns = (value: unknown, itemCount: number, listLength: number): value is SavedRuns => {
  if (typeof value !== 'object' || value === null) return false;
  const { positions, ends } = value as Partial<Record<keyof SavedRuns, unknown>>;
  if (!(positions instanceof Int32Array && ends instanceof Int32Array && ends.length === itemCount)) return false;
  let start = 0;
  for (const end of ends) {
    if (end < start) return false;
    start = end;
  }
  return start === positions.length && positions.every((position) => position >= 0 && position < listLength);
};

/** Whether a record read back is a whole saved index of this format, its parts of one size. */
export const isSavedSearchIndex = (value: unknown): value is SavedSearchIndex => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<Record<keyof SavedSearchIndex, unknown>>;
  if (record.format !== searchIndexFormat || typeof record.tagWrites !== 'number' || !isSavedWordIndex(record.words) || !isStringList(record.names)) return false;
  const itemCount = record.words.keys.length;
  const nameCount = record.names.length;
  return (
    isRuns(record.places, itemCount, nameCount) &&
    isRuns(record.weakPlaces, itemCount, nameCount) &&
    isRuns(record.mentions, itemCount, nameCount) &&
    record.withArticle instanceof Uint8Array &&
    record.withArticle.length === itemCount
  );
};

/** How many place-tag writes the database has seen. */
export const countOfTagWrites = async (db: FieldNewsDb): Promise<number> => {
  const record = await db.searchIndex.get('tagWrites');
  return record?.name === 'tagWrites' ? record.count : 0;
};

/** Counts one place-tag write and drops the saved indexes, which lack it. Call inside the
 *  transaction that writes the tags (with db.searchIndex in its scope); returns the new count. */
export const recordTagWrite = async (db: FieldNewsDb): Promise<number> => {
  const count = (await countOfTagWrites(db)) + 1;
  await db.searchIndex.put({ name: 'tagWrites', count });
  await db.searchIndex.delete('saved');
  return count;
};

/** Saves the indexes when they hold every tag write (the count is still theirs); says whether it did. */
export const storeSearchIndex = (db: FieldNewsDb, saved: SavedSearchIndex): Promise<boolean> =>
  db.transaction('rw', db.searchIndex, async () => {
    if ((await countOfTagWrites(db)) !== saved.tagWrites) return false;
    await db.searchIndex.put({ ...saved, name: 'saved' });
    return true;
  });

/** The indexes saved, when they are of this format and no tag write came since; else undefined. */
export const readSavedSearchIndex = (db: FieldNewsDb): Promise<SavedSearchIndex | undefined> =>
  db.transaction('r', db.searchIndex, async () => {
    const [saved, tagWrites] = await Promise.all([db.searchIndex.get('saved'), countOfTagWrites(db)]);
    return isSavedSearchIndex(saved) && saved.tagWrites === tagWrites ? saved : undefined;
  });
