// The spellings of the places stored items name, filed for search as you type: one fuse.js index
// per first letter of any word of a name ("ciudad juarez" under "c" and "j"), and each word's
// letters 2–4 ("apa" for "tapachula") for the door that forgives a typo in the first letter.
import Fuse from 'fuse.js';
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
}

export interface PlaceNameIndex {
  readonly names: readonly IndexedName[];
  /** Names with a word starting with this letter. */
  bucketOf(letter: string): NameBucket | undefined;
  /** Letters 2–4 of a word → [name, where the word starts in it] pairs, flattened. */
  tailsOf(tail: string): readonly number[];
  /** Files the spellings of places that joined the index since the last call. */
  refresh(): void;
}

/** ignoreDiacritics keeps fuse.js's own comparison accent-blind; location 0 favours a match at
 *  the start of a name. */
const fuseOptions = { ignoreDiacritics: true, includeScore: true, threshold: 0.4, location: 0, distance: 40 };
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
    for (const letter of new Set(words.map((word) => word[0] ?? ''))) {
      let bucket = byLetter.get(letter);
      if (bucket === undefined) {
        bucket = { fuse: new Fuse<string>([], fuseOptions), refs: [] };
        byLetter.set(letter, bucket);
      }
      bucket.fuse.add(name.folded);
      bucket.refs.push(refIndex);
    }
  };

  return {
    names,
    bucketOf: (letter) => byLetter.get(letter),
    tailsOf: (tail) => byTail.get(tail) ?? [],
    refresh() {
      if (seenRevision === index.revision) return;
      seenRevision = index.revision;
      // Sorted by ordinal, so the names are filed in one order whatever order items arrived in.
      const joined = index.presentPlaces().flatMap((place) => ordinalOf.get(place.id) ?? []).filter((ordinal) => !indexed.has(ordinal));
      for (const ordinal of joined.sort((a, b) => a - b)) {
        indexed.add(ordinal);
        const place = places[ordinal];
        if (place === undefined) continue;
        const seen = new Set<string>();
        for (const spelling of [place.name, place.asciiName, ...place.alternateNames]) {
          const folded = normalizePlaceName(spelling);
          if (folded.length === 0 || seen.has(folded)) continue;
          seen.add(folded);
          file({ folded, ordinal, spelling });
        }
      }
    },
  };
};
