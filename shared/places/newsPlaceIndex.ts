// In-memory index from place to the stored items that name it, or name a place inside it (a town's
// items also count for its state and its country). Filled from [item key, place ids, date] alone,
// so search never scans item texts; items can be added, re-tagged and removed one at a time.
// A place tagged only weakly (a shared name the item did not settle) is kept apart, after the
// items that name the place for certain.
import { readAt, readFloat64At, readInt32At } from '../checkedRead';
import type { Gazetteer, Place } from './gazetteer';
import { createPlacePostings, type PlacePostings } from './placePostings';

export interface IndexedItem {
  key: string;
  /** Milliseconds since 1970; NaN when the item has no date (it sorts last). */
  date: number;
}

export interface NewsPlaceIndex {
  readonly gazetteer: Gazetteer;
  /** Adds an item or replaces its places and date. Unknown place ids are ignored; `weakIds` are
   *  those of `placeIds` the item names only weakly. */
  setItem(key: string, placeIds: readonly string[], date: string | number | null, weakIds?: readonly string[]): void;
  removeItem(key: string): void;
  /** Items that name the place or a place inside it, newest first (weak tags last). */
  itemsOf(placeId: string, limit?: number): IndexedItem[];
  /** How many items name the place or a place inside it. */
  countOf(placeId: string): number;
  /** countOf by the place's position in the gazetteer: search reads it for hundreds of names a
   *  keystroke, without looking the id up each time. */
  countAt(ordinal: number): number;
  /** How many items name the place itself. */
  directCountOf(placeId: string): number;
  /** Places with at least one item, counting states and countries of named places. */
  presentPlaces(): Place[];
  placeIdsOf(key: string): string[];
  readonly itemCount: number;
  /** Changes on every update, so caches built on the index know when to refresh. */
  readonly revision: number;
  /** For search: visit the item slots of a place newest first, the items tagged weakly after the
   *  others; stop by returning false. */
  visit(placeId: string, visitor: (slot: number, key: string, date: number, weak: boolean) => boolean): void;
  /** Sets marks[slot] = mark for every item of the place and returns how many were not marked so
   *  before: the distinct items of several places, counted without a call per item. */
  markItems(placeId: string, marks: Uint32Array, mark: number): number;
  /** Upper bound of slot numbers, for callers that mark slots in a typed array. */
  readonly slotLimit: number;
  /** Every item's key, date, places and weak places (copies), to keep on disk: start-up sets
   *  them again without reading the items. */
  save(): SavedPlaceIndex;
}

/** A place index at rest, one entry per item in each array (kept on disk by the search worker in
 *  a form of its own: renderer/workers/search/savedIndexes.ts). */
export interface SavedPlaceIndex {
  keys: string[];
  dates: Float64Array;
  placeIds: string[][];
  weakIds: string[][];
}

const toTime = (date: string | number | null): number =>
  typeof date === 'number' ? date : date === null ? Number.NaN : Date.parse(date);

/** The items by slot: a removed item's slot is taken again by the next new one. The dates are a
 *  typed array, grown as slots are added: a plain array of numbers read through checkedRead.ts
 *  could be turned into an array of boxed numbers (see there). */
interface SlotItems {
  keys: string[];
  dates: Float64Array;
}

const withRoomFor = (dates: Float64Array, slot: number): Float64Array => {
  if (slot < dates.length) return dates;
  const grown = new Float64Array(Math.max(slot + 1, dates.length * 2));
  grown.set(dates);
  return grown;
};

type PlaceQueries = Pick<NewsPlaceIndex, 'itemsOf' | 'countOf' | 'countAt' | 'directCountOf' | 'presentPlaces' | 'visit' | 'markItems'>;

/** What search asks of the index, answered from the item lists and the items' keys and dates. */
const answerPlaceQueries = (
  gazetteer: Gazetteer, ordinalOf: ReadonlyMap<string, number>, postings: PlacePostings, items: Readonly<SlotItems>,
): PlaceQueries => {
  const visit: NewsPlaceIndex['visit'] = (placeId, visitor) => {
    const ordinal = ordinalOf.get(placeId);
    if (ordinal === undefined) return;
    for (const isWeak of [false, true]) {
      const list = postings.sortedList(ordinal, isWeak);
      if (list === undefined) continue;
      for (let at = 0; at < list.length; at += 1) {
        const slot = readInt32At(list.slots, at);
        if (!visitor(slot, readAt(items.keys, slot), readFloat64At(items.dates, slot), isWeak)) return;
      }
    }
  };

  return {
    itemsOf(placeId, limit = Number.POSITIVE_INFINITY) {
      const items: IndexedItem[] = [];
      if (limit <= 0) return items;
      visit(placeId, (_slot, key, date) => items.push({ key, date }) < limit);
      return items;
    },
    countOf(placeId) {
      const ordinal = ordinalOf.get(placeId);
      return ordinal === undefined ? 0 : postings.countAt(ordinal);
    },
    countAt: postings.countAt,
    directCountOf(placeId) {
      const ordinal = ordinalOf.get(placeId);
      return ordinal === undefined ? 0 : postings.directCountAt(ordinal);
    },
    presentPlaces: () => postings.presentOrdinals().map((ordinal) => readAt(gazetteer.places, ordinal)),
    visit,
    markItems(placeId, marks, mark) {
      const ordinal = ordinalOf.get(placeId);
      return ordinal === undefined ? 0 : postings.markItems(ordinal, marks, mark);
    },
  };
};

export const createNewsPlaceIndex = (gazetteer: Gazetteer): NewsPlaceIndex => {
  const ordinalOf = new Map<string, number>();
  gazetteer.places.forEach((place, ordinal) => ordinalOf.set(place.id, ordinal));

  const items: SlotItems = { keys: [], dates: new Float64Array(1024) };
  const { keys } = items;
  const placesOfSlot: (number[] | undefined)[] = [];
  // No set: the item names none of its places weakly.
  const weakOfSlot: (ReadonlySet<number> | undefined)[] = [];
  const slotOfKey = new Map<string, number>();
  const freeSlots: number[] = [];
  const postings = createPlacePostings(gazetteer, ordinalOf, items);
  let revision = 0;

  const detach = (slot: number): void => {
    postings.remove(slot, readAt(placesOfSlot, slot), weakOfSlot[slot]);
    placesOfSlot[slot] = undefined;
    weakOfSlot[slot] = undefined;
  };

  return {
    gazetteer,
    setItem(key, placeIds, date, weakIds = []) {
      revision += 1;
      let slot = slotOfKey.get(key);
      if (slot === undefined) {
        // No free slot: a new one at the end.
        slot = freeSlots.pop() ?? keys.length;
        slotOfKey.set(key, slot);
        keys[slot] = key;
      } else {
        detach(slot);
      }
      items.dates = withRoomFor(items.dates, slot);
      items.dates[slot] = toTime(date);
      // Unknown place ids are ignored, as documented.
      const ordinals = [...new Set(placeIds.flatMap((id) => ordinalOf.get(id) ?? []))];
      placesOfSlot[slot] = ordinals;
      const weak = weakIds.length === 0 ? undefined : new Set(weakIds.flatMap((id) => ordinalOf.get(id) ?? []));
      weakOfSlot[slot] = weak;
      postings.add(slot, ordinals, weak);
    },
    removeItem(key) {
      const slot = slotOfKey.get(key);
      if (slot === undefined) return;
      revision += 1;
      detach(slot);
      slotOfKey.delete(key);
      keys[slot] = '';
      items.dates[slot] = Number.NaN;
      freeSlots.push(slot);
    },
    placeIdsOf(key) {
      const slot = slotOfKey.get(key);
      return slot === undefined ? [] : readAt(placesOfSlot, slot).map((ordinal) => readAt(gazetteer.places, ordinal).id);
    },
    get itemCount() {
      return slotOfKey.size;
    },
    get revision() {
      return revision;
    },
    get slotLimit() {
      return keys.length;
    },
    save() {
      const saved: SavedPlaceIndex = { keys: [], dates: new Float64Array(slotOfKey.size), placeIds: [], weakIds: [] };
      const idAt = (ordinal: number) => readAt(gazetteer.places, ordinal).id;
      for (const [key, slot] of slotOfKey) {
        saved.dates[saved.keys.length] = readFloat64At(items.dates, slot);
        saved.keys.push(key);
        saved.placeIds.push(readAt(placesOfSlot, slot).map(idAt));
        saved.weakIds.push([...(weakOfSlot[slot] ?? [])].map(idAt));
      }
      return saved;
    },
    ...answerPlaceQueries(gazetteer, ordinalOf, postings, items),
  };
};
