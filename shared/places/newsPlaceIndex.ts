// In-memory index from place to the stored items that name it, or name a place inside it (a town's
// items also count for its state and its country). Filled from [item key, place ids, date] alone,
// so search never scans item texts; items can be added, re-tagged and removed one at a time.
// A place tagged only weakly (a shared name the item did not settle) is kept apart, after the
// items that name the place for certain.
import type { Gazetteer, Place } from './gazetteer';

export interface IndexedItem {
  key: string;
  /** Milliseconds since 1970; NaN when the item has no date (it sorts last). */
  date: number;
}

interface Postings {
  /** Item slots in slots[0 … length), newest first once sorted. A typed array: 4 bytes an entry. */
  slots: Int32Array;
  length: number;
  sorted: boolean;
  /** Items that name this very place, not only a place inside it. */
  direct: number;
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
}

const toTime = (date: string | number | null): number =>
  typeof date === 'number' ? date : date === null ? Number.NaN : Date.parse(date);

export const createNewsPlaceIndex = (gazetteer: Gazetteer): NewsPlaceIndex => {
  const ordinalOf = new Map<string, number>();
  gazetteer.places.forEach((place, ordinal) => ordinalOf.set(place.id, ordinal));

  const keys: string[] = [];
  const dates: number[] = [];
  const placesOfSlot: (number[] | undefined)[] = [];
  const slotOfKey = new Map<string, number>();
  const freeSlots: number[] = [];
  const postings = new Map<number, Postings>();
  const weakPostings = new Map<number, Postings>();
  const weakOfSlot: (ReadonlySet<number> | undefined)[] = [];
  // Items of each place, certain and weak, by gazetteer position: countAt without two map reads.
  const counts = new Int32Array(gazetteer.places.length);
  let revision = 0;

  const newestFirst = (a: number, b: number): number => {
    const dateA = dates[a] ?? Number.NaN;
    const dateB = dates[b] ?? Number.NaN;
    if (Number.isNaN(dateA) || Number.isNaN(dateB)) return Number.isNaN(dateA) ? (Number.isNaN(dateB) ? a - b : 1) : -1;
    return dateB - dateA || a - b;
  };

  /** The place, its state and its country: where an item naming the place is found, and whether
   *  only weakly (no certain place of the item lies there). */
  const covering = (ordinals: readonly number[], weak: ReadonlySet<number> | undefined): Map<number, { direct: boolean; weak: boolean }> => {
    const cover = new Map<number, { direct: boolean; weak: boolean }>();
    // Certain places first, so a state a certain town lies in is certain whatever weak town follows.
    const ordered = weak === undefined ? ordinals : [...ordinals.filter((o) => !weak.has(o)), ...ordinals.filter((o) => weak.has(o))];
    for (const ordinal of ordered) {
      const isWeak = weak?.has(ordinal) ?? false;
      const known = cover.get(ordinal);
      cover.set(ordinal, { direct: true, weak: known === undefined ? isWeak : known.weak && isWeak });
      const place = gazetteer.places[ordinal];
      if (place === undefined) continue;
      for (const id of [place.state, place.country]) {
        const outer = id === null ? undefined : ordinalOf.get(id);
        if (outer !== undefined && !cover.has(outer)) cover.set(outer, { direct: false, weak: isWeak });
      }
    }
    return cover;
  };

  const listOf = (isWeak: boolean): Map<number, Postings> => (isWeak ? weakPostings : postings);

  const detach = (slot: number): void => {
    const ordinals = placesOfSlot[slot];
    if (ordinals === undefined) return;
    for (const [ordinal, { direct, weak }] of covering(ordinals, weakOfSlot[slot])) {
      const lists = listOf(weak);
      const list = lists.get(ordinal);
      if (list === undefined) continue;
      const at = list.slots.subarray(0, list.length).indexOf(slot);
      if (at >= 0) {
        list.slots.copyWithin(at, at + 1, list.length);
        list.length -= 1;
        counts[ordinal] = (counts[ordinal] ?? 0) - 1;
      }
      if (direct) list.direct -= 1;
      if (list.length === 0) lists.delete(ordinal);
    }
    placesOfSlot[slot] = undefined;
    weakOfSlot[slot] = undefined;
  };

  const postingsOf = (placeId: string, isWeak = false): Postings | undefined => {
    const ordinal = ordinalOf.get(placeId);
    const list = ordinal === undefined ? undefined : listOf(isWeak).get(ordinal);
    if (list !== undefined && !list.sorted) {
      list.slots.subarray(0, list.length).sort(newestFirst);
      list.sorted = true;
    }
    return list;
  };

  const visit: NewsPlaceIndex['visit'] = (placeId, visitor) => {
    for (const isWeak of [false, true]) {
      const list = postingsOf(placeId, isWeak);
      if (list === undefined) continue;
      for (let at = 0; at < list.length; at += 1) {
        const slot = list.slots[at] ?? 0;
        if (!visitor(slot, keys[slot] ?? '', dates[slot] ?? Number.NaN, isWeak)) return;
      }
    }
  };

  const countAt = (ordinal: number): number => counts[ordinal] ?? 0;

  const markItems: NewsPlaceIndex['markItems'] = (placeId, marks, mark) => {
    const ordinal = ordinalOf.get(placeId);
    if (ordinal === undefined) return 0;
    let newlyMarked = 0;
    // In stored order: a count needs no sorting.
    for (const list of [postings.get(ordinal), weakPostings.get(ordinal)]) {
      if (list === undefined) continue;
      const { slots, length } = list;
      for (let at = 0; at < length; at += 1) {
        const slot = slots[at] ?? 0;
        if (marks[slot] !== mark) {
          marks[slot] = mark;
          newlyMarked += 1;
        }
      }
    }
    return newlyMarked;
  };

  return {
    gazetteer,
    setItem(key, placeIds, date, weakIds = []) {
      revision += 1;
      let slot = slotOfKey.get(key);
      if (slot === undefined) {
        slot = freeSlots.pop() ?? keys.length;
        slotOfKey.set(key, slot);
        keys[slot] = key;
      } else {
        detach(slot);
      }
      dates[slot] = toTime(date);
      const ordinals = [...new Set(placeIds.flatMap((id) => ordinalOf.get(id) ?? []))];
      placesOfSlot[slot] = ordinals;
      const weak = weakIds.length === 0 ? undefined : new Set(weakIds.flatMap((id) => ordinalOf.get(id) ?? []));
      weakOfSlot[slot] = weak;
      for (const [ordinal, { direct, weak: isWeak }] of covering(ordinals, weak)) {
        const lists = listOf(isWeak);
        let list = lists.get(ordinal);
        if (list === undefined) {
          list = { slots: new Int32Array(4), length: 0, sorted: true, direct: 0 };
          lists.set(ordinal, list);
        }
        if (list.length === list.slots.length) {
          const grown = new Int32Array(list.length * 2);
          grown.set(list.slots);
          list.slots = grown;
        }
        list.slots[list.length] = slot;
        list.length += 1;
        counts[ordinal] = (counts[ordinal] ?? 0) + 1;
        list.sorted = false;
        if (direct) list.direct += 1;
      }
    },
    removeItem(key) {
      const slot = slotOfKey.get(key);
      if (slot === undefined) return;
      revision += 1;
      detach(slot);
      slotOfKey.delete(key);
      keys[slot] = '';
      dates[slot] = Number.NaN;
      freeSlots.push(slot);
    },
    itemsOf(placeId, limit = Number.POSITIVE_INFINITY) {
      const items: IndexedItem[] = [];
      if (limit <= 0) return items;
      visit(placeId, (_slot, key, date) => items.push({ key, date }) < limit);
      return items;
    },
    countOf(placeId) {
      const ordinal = ordinalOf.get(placeId);
      return ordinal === undefined ? 0 : countAt(ordinal);
    },
    countAt,
    directCountOf(placeId) {
      const ordinal = ordinalOf.get(placeId);
      return ordinal === undefined ? 0 : (postings.get(ordinal)?.direct ?? 0) + (weakPostings.get(ordinal)?.direct ?? 0);
    },
    presentPlaces: () => [...new Set([...postings.keys(), ...weakPostings.keys()])].flatMap((ordinal) => gazetteer.places[ordinal] ?? []),
    placeIdsOf(key) {
      const slot = slotOfKey.get(key);
      const ordinals = slot === undefined ? undefined : placesOfSlot[slot];
      return (ordinals ?? []).flatMap((ordinal) => gazetteer.places[ordinal]?.id ?? []);
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
    visit,
    markItems,
  };
};
