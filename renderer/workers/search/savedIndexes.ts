// The search worker's indexes saved for the next start and read back (the rules of when they are
// whole live in db/searchIndexStore.ts): the place and word indexes' own states, each item's
// mentions and the items indexed with their saved article, so a start reads one record, not every item.
import { readAt, readFloat64At, readInt32At, readUint8At } from '../../../shared/checkedRead';
import type { Gazetteer } from '../../../shared/places/gazetteer';
import { createNewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { createPlaceSearch } from '../../../shared/places/placeSearch';
import type { FieldNewsDb, SavedRuns, SavedSearchIndex } from '../../db/fieldNewsDb';
import { countOfTagWrites, readSavedSearchIndex, searchIndexFormat } from '../../db/searchIndexStore';
import { workerLog } from '../../log/workerLog';
import type { CreateTextIndex, NewsIndexes } from './newsIndexes';

/** Builds runs of positions in a table of strings, each string entered once. */
const runsInto = (table: Map<string, number>, names: string[]) => {
  const positions: number[] = [];
  const ends: number[] = [];
  return {
    add(run: readonly string[]): void {
      for (const name of run) {
        let position = table.get(name);
        if (position === undefined) {
          position = names.push(name) - 1;
          table.set(name, position);
        }
        positions.push(position);
      }
      ends.push(positions.length);
    },
    saved: (): SavedRuns => ({ positions: Int32Array.from(positions), ends: Int32Array.from(ends) }),
  };
};

/** The indexes as saved: the word index's own state, and every item's places, weak places and
 *  mentions in the word index's order of keys. Throws when the two indexes hold other items. */
export const savedIndexes = (indexes: NewsIndexes, tagWrites: number): SavedSearchIndex => {
  const words = indexes.textIndex.save();
  const places = indexes.placeIndex.save();
  const rowOf = new Map(places.keys.map((key, row) => [key, row]));
  if (rowOf.size !== words.keys.length) throw new Error(`savedIndexes: ${rowOf.size} items in the place index, ${words.keys.length} in the word index`);
  const table = new Map<string, number>();
  const names: string[] = [];
  const [placeRuns, weakRuns, mentionRuns] = [runsInto(table, names), runsInto(table, names), runsInto(table, names)];
  const withArticle = new Uint8Array(words.keys.length);
  words.keys.forEach((key, at) => {
    const row = rowOf.get(key);
    if (row === undefined) throw new Error('savedIndexes: an item of the word index is not in the place index');
    placeRuns.add(readAt(places.placeIds, row));
    weakRuns.add(readAt(places.weakIds, row));
    mentionRuns.add(indexes.mentionsOf.get(key) ?? []);
    withArticle[at] = indexes.withArticle.has(key) ? 1 : 0;
  });
  return { format: searchIndexFormat, tagWrites, words, names, places: placeRuns.saved(), weakPlaces: weakRuns.saved(), mentions: mentionRuns.saved(), withArticle };
};

/** The names of item `at`'s run. */
const runAt = (runs: SavedRuns, names: readonly string[], at: number): string[] => {
  const start = at === 0 ? 0 : readInt32At(runs.ends, at - 1);
  const end = readInt32At(runs.ends, at);
  const run: string[] = [];
  for (let position = start; position < end; position += 1) run.push(readAt(names, readInt32At(runs.positions, position)));
  return run;
};

/** The indexes read back: the place index set again item by item (no text is read or folded). */
const restoredIndexes = (saved: SavedSearchIndex, gazetteer: Gazetteer, createTextIndex: CreateTextIndex): NewsIndexes => {
  const placeIndex = createNewsPlaceIndex(gazetteer);
  const { keys, dates } = saved.words;
  const mentionsOf = new Map<string, string[]>();
  const withArticle = new Set<string>();
  keys.forEach((key, at) => {
    placeIndex.setItem(key, runAt(saved.places, saved.names, at), readFloat64At(dates, at), runAt(saved.weakPlaces, saved.names, at));
    const mentions = runAt(saved.mentions, saved.names, at);
    if (mentions.length > 0) mentionsOf.set(key, mentions);
    if (readUint8At(saved.withArticle, at) === 1) withArticle.add(key);
  });
  return { placeIndex, placeSearch: createPlaceSearch(placeIndex), textIndex: createTextIndex(saved.words), indexed: new Set(keys), mentionsOf, withArticle };
};

/**
 * The indexes saved, read back, with the count of tag writes they hold; null indexes when none are
 * saved whole, with the database's count now: empty indexes lack no tag write they would not
 * notice, as an item tagged before now is either still stored (the count of items then differs, and
 * the items are read) or gone.
 */
export const readBackIndexes = async (db: FieldNewsDb, gazetteer: Gazetteer, createTextIndex: CreateTextIndex): Promise<{ indexes: NewsIndexes | null; tagWrites: number }> => {
  try {
    const saved = await readSavedSearchIndex(db);
    if (saved !== undefined) return { indexes: restoredIndexes(saved, gazetteer, createTextIndex), tagWrites: saved.tagWrites };
  } catch (thrown) {
    // A saved index that cannot be read back costs only time: the items are read instead.
    workerLog.warn('search', 'The saved search index could not be read back; building it from the items', thrown);
  }
  return { indexes: null, tagWrites: await countOfTagWrites(db) };
};
