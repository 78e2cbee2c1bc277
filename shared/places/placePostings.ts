// The item lists of the place index, by gazetteer position: the slots of the items that name a
// place or a place inside it (a town's items also count for its state and its country), the items
// tagged only weakly kept in lists of their own, and each place's count kept ready for search.
import { readAt, readFloat64At, readInt32At, readUint32At } from '../checkedRead';
import type { Gazetteer } from './gazetteer';

export interface Postings {
  /** Item slots in slots[0 … length), newest first once sorted. A typed array: 4 bytes an entry. */
  slots: Int32Array;
  length: number;
  sorted: boolean;
  /** Items that name this very place, not only a place inside it. */
  direct: number;
}

export interface PlacePostings {
  /** Files the item in `slot` under its places, their states and their countries. */
  add(slot: number, ordinals: readonly number[], weak: ReadonlySet<number> | undefined): void;
  /** Takes the item out of the lists `add` put it in, given the same places. */
  remove(slot: number, ordinals: readonly number[], weak: ReadonlySet<number> | undefined): void;
  /** A place's certain or weak list, sorted newest first. */
  sortedList(ordinal: number, isWeak: boolean): Postings | undefined;
  /** Items of the place, certain and weak. A property, not a method: the index hands it on as its
   *  own countAt, which search calls for hundreds of names a keystroke. */
  readonly countAt: (ordinal: number) => number;
  /** Items that name the place itself. */
  directCountAt(ordinal: number): number;
  /** Positions of the places with at least one item. */
  presentOrdinals(): number[];
  /** See NewsPlaceIndex.markItems. */
  markItems(ordinal: number, marks: Uint32Array, mark: number): number;
}

interface Cover {
  direct: boolean;
  weak: boolean;
}

/** The place, its state and its country: where an item naming the place is found, and whether
 *  only weakly (no certain place of the item lies there). */
const covering = (
  gazetteer: Gazetteer, ordinalOf: ReadonlyMap<string, number>, ordinals: readonly number[], weak: ReadonlySet<number> | undefined,
): Map<number, Cover> => {
  const cover = new Map<number, Cover>();
  // Certain places first, so a state a certain town lies in is certain whatever weak town follows.
  const ordered = weak === undefined ? ordinals : [...ordinals.filter((o) => !weak.has(o)), ...ordinals.filter((o) => weak.has(o))];
  for (const ordinal of ordered) {
    // No weak set: the item names every place for certain.
    const isWeak = weak?.has(ordinal) ?? false;
    const known = cover.get(ordinal);
    cover.set(ordinal, { direct: true, weak: known === undefined ? isWeak : known.weak && isWeak });
    const place = readAt(gazetteer.places, ordinal);
    for (const id of [place.state, place.country]) {
      // A state or country the gazetteer does not list has no list to count in.
      const outer = id === null ? undefined : ordinalOf.get(id);
      if (outer !== undefined && !cover.has(outer)) cover.set(outer, { direct: false, weak: isWeak });
    }
  }
  return cover;
};

/** Newest first; undated items last, in slot order. */
const newestFirstBy = (dates: Float64Array) => (a: number, b: number): number => {
  const dateA = readFloat64At(dates, a);
  const dateB = readFloat64At(dates, b);
  if (Number.isNaN(dateA) || Number.isNaN(dateB)) return Number.isNaN(dateA) ? (Number.isNaN(dateB) ? a - b : 1) : -1;
  return dateB - dateA || a - b;
};

const append = (list: Postings, slot: number): void => {
  if (list.length === list.slots.length) {
    const grown = new Int32Array(list.length * 2);
    grown.set(list.slots);
    list.slots = grown;
  }
  list.slots[list.length] = slot;
  list.length += 1;
  list.sorted = false;
};

/** `items.dates` holds the index's item dates by slot, read when a list is sorted. */
export const createPlacePostings = (
  gazetteer: Gazetteer, ordinalOf: ReadonlyMap<string, number>, items: { readonly dates: Float64Array },
): PlacePostings => {
  const certainLists = new Map<number, Postings>();
  const weakLists = new Map<number, Postings>();
  // Items of each place, certain and weak, by gazetteer position: countAt without two map reads.
  const counts = new Int32Array(gazetteer.places.length);
  const listsOf = (isWeak: boolean): Map<number, Postings> => (isWeak ? weakLists : certainLists);

  return {
    add(slot, ordinals, weak) {
      for (const [ordinal, { direct, weak: isWeak }] of covering(gazetteer, ordinalOf, ordinals, weak)) {
        const lists = listsOf(isWeak);
        let list = lists.get(ordinal);
        if (list === undefined) {
          list = { slots: new Int32Array(4), length: 0, sorted: true, direct: 0 };
          lists.set(ordinal, list);
        }
        append(list, slot);
        counts[ordinal] = readInt32At(counts, ordinal) + 1;
        if (direct) list.direct += 1;
      }
    },
    remove(slot, ordinals, weak) {
      for (const [ordinal, { direct, weak: isWeak }] of covering(gazetteer, ordinalOf, ordinals, weak)) {
        const lists = listsOf(isWeak);
        const list = lists.get(ordinal);
        if (list === undefined) continue;
        const at = list.slots.subarray(0, list.length).indexOf(slot);
        if (at >= 0) {
          list.slots.copyWithin(at, at + 1, list.length);
          list.length -= 1;
          counts[ordinal] = readInt32At(counts, ordinal) - 1;
        }
        if (direct) list.direct -= 1;
        if (list.length === 0) lists.delete(ordinal);
      }
    },
    sortedList(ordinal, isWeak) {
      const list = listsOf(isWeak).get(ordinal);
      if (list !== undefined && !list.sorted) {
        list.slots.subarray(0, list.length).sort(newestFirstBy(items.dates));
        list.sorted = true;
      }
      return list;
    },
    countAt: (ordinal) => readInt32At(counts, ordinal),
    // A place with no list of a kind has no items of that kind.
    directCountAt: (ordinal) => (certainLists.get(ordinal)?.direct ?? 0) + (weakLists.get(ordinal)?.direct ?? 0),
    presentOrdinals: () => [...new Set([...certainLists.keys(), ...weakLists.keys()])],
    markItems(ordinal, marks, mark) {
      let newlyMarked = 0;
      // In stored order: a count needs no sorting.
      for (const list of [certainLists.get(ordinal), weakLists.get(ordinal)]) {
        if (list === undefined) continue;
        const { slots, length } = list;
        for (let at = 0; at < length; at += 1) {
          const slot = readInt32At(slots, at);
          if (readUint32At(marks, slot) !== mark) {
            marks[slot] = mark;
            newlyMarked += 1;
          }
        }
      }
      return newlyMarked;
    },
  };
};
