// The spellings of the places stored items name, filed for search as you type: one fuse.js index
// per first letter of any word of a name ("ciudad juarez" under "c" and "j"), and each word's
// letters 2–4 ("apa" for "tapachula") for the door that forgives a typo in the first letter.
import Fuse from 'fuse.js';
import { readAt } from '../checkedRead';
import type { NewsPlaceIndex } from './newsPlaceIndex';
import { normalizePlaceName } from './normalizePlaceName';

/** One spelling of a present place. */
export interface IndexedName {
  /** Folded as queries are (normalizePlaceName), so exact and prefix matches need no fuse.js. */
  folded: string;
  /** The place's position in the gazetteer. */
  ordinal: number;
  /** As the gazetteer writes it ("Ciudad Juárez"). */
  spelling: string;
}

export interface NameBucket {
  fuse: Fuse<string>;
  /** Fuse's record i is names[refs[i]]. */
  refs: number[];
  /** Fuse's record i as it was given to fuse.js (fuseKeyOf its folded name). */
  keys: string[];
}

export interface PlaceNameIndex {
  readonly names: readonly IndexedName[];
  /** Names with a word starting with this letter. */
  bucketOf(letter: string): NameBucket | undefined;
  /** Letters 2–4 of a word → [name, where the word starts in it] pairs, flattened. */
  tailsOf(tail: string): readonly number[];
  /** The names whose folded spelling starts with this text, in filing order. */
  startingWith(prefix: string): number[];
  /** Whether any name's folded spelling starts with this text. */
  startsAName(prefix: string): boolean;
  /** Files the spellings of places that joined the index since the last call. */
  refresh(): void;
}

/** Location 0 favours a match at the start of a name. fuse.js's ignoreDiacritics is done once
 *  here instead (fuseKeyOf): fuse.js stripped every name again on every search. */
export const fuseOptions = { includeScore: true, threshold: 0.4, location: 0, distance: 40 };

// Letters that have no accent to drop (so normalizePlaceName keeps them) but that fuse.js's
// ignoreDiacritics spells plainly: kept so, "lodz" still finds "Łódź".
const plainLetters: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', ħ: 'h', ŧ: 't', ı: 'i', ß: 'ss' };
const unplainLetters = /[łđøħŧıß]/g;
/** A folded name or query as fuse.js compares it (it lowers both; folded text is lower case already). */
export const fuseKeyOf = (folded: string): string => folded.replace(unplainLetters, (letter) => plainLetters[letter] ?? letter).toLowerCase();
/** Words shorter than this are not filed by their letters 2–4. */
const shortestTailWord = 4;

export const createPlaceNameIndex = (index: NewsPlaceIndex): PlaceNameIndex => {
  const places = index.gazetteer.places;
  const ordinalOf = new Map<string, number>();
  places.forEach((place, ordinal) => ordinalOf.set(place.id, ordinal));
  // Places only ever join; a place whose items are all gone is skipped when matched.
  const names: IndexedName[] = [];
  const indexed = new Set<number>();
  const byLetter = new Map<string, NameBucket>();
  const byTail = new Map<string, number[]>();
  // Name positions sorted by folded spelling, rebuilt when names join: a prefix is a range of it.
  let sorted: number[] = [];
  let seenRevision = -1;

  const file = (name: IndexedName): void => {
    const refIndex = names.length;
    names.push(name);
    const words = name.folded.split(' ');
    let wordStart = 0;
    for (const word of words) {
      if (word.length >= shortestTailWord) {
        const tail = word.slice(1, 4);
        const list = byTail.get(tail);
        if (list === undefined) byTail.set(tail, [refIndex, wordStart]);
        else list.push(refIndex, wordStart);
      }
      wordStart += word.length + 1;
    }
    for (const letter of new Set(words.map((word) => word.charAt(0)))) {
      let bucket = byLetter.get(letter);
      if (bucket === undefined) {
        bucket = { fuse: new Fuse<string>([], fuseOptions), refs: [], keys: [] };
        byLetter.set(letter, bucket);
      }
      const key = fuseKeyOf(name.folded);
      bucket.fuse.add(key);
      bucket.keys.push(key);
      bucket.refs.push(refIndex);
    }
  };

  /** The first position in `sorted` whose name is not below the text. */
  const firstFrom = (text: string): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (readAt(names, readAt(sorted, middle)).folded < text) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  return {
    names,
    bucketOf: (letter) => byLetter.get(letter),
    tailsOf: (tail) => byTail.get(tail) ?? [],
    startingWith(prefix) {
      const found: number[] = [];
      const low = firstFrom(prefix);
      for (let at = low; at < sorted.length; at += 1) {
        const refIndex = readAt(sorted, at);
        if (!readAt(names, refIndex).folded.startsWith(prefix)) break;
        found.push(refIndex);
      }
      return found.sort((a, b) => a - b);
    },
    startsAName(prefix) {
      // The first name not below the prefix starts with it, if any does; past the end, none does.
      const at = firstFrom(prefix);
      return at < sorted.length && readAt(names, readAt(sorted, at)).folded.startsWith(prefix);
    },
    refresh() {
      if (seenRevision === index.revision) return;
      seenRevision = index.revision;
      // Sorted by ordinal, so the names are filed in one order whatever order items arrived in.
      const joined = index.presentPlaces().flatMap((place) => ordinalOf.get(place.id) ?? []).filter((ordinal) => !indexed.has(ordinal));
      for (const ordinal of joined.sort((a, b) => a - b)) {
        indexed.add(ordinal);
        const place = readAt(places, ordinal);
        const seen = new Set<string>();
        for (const spelling of [place.name, place.asciiName, ...place.alternateNames]) {
          const folded = normalizePlaceName(spelling);
          if (folded.length === 0 || seen.has(folded)) continue;
          seen.add(folded);
          file({ folded, ordinal, spelling });
        }
      }
      if (sorted.length !== names.length) {
        sorted = names.map((_, refIndex) => refIndex);
        const foldedOf = (refIndex: number): string => readAt(names, refIndex).folded;
        sorted.sort((a, b) => (foldedOf(a) < foldedOf(b) ? -1 : foldedOf(a) > foldedOf(b) ? 1 : a - b));
      }
    },
  };
};
