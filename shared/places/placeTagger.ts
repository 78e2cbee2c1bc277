// The place matcher built once per gazetteer: a map from a name's first word to the names that
// start with it, longest first, so tagging an item is one pass over its words.
import type { Gazetteer } from './gazetteer';
import { createTownGrid, type TownGrid } from './nearestTown';
import { foldWord, normalizePlaceName } from './normalizePlaceName';
import { curatedNamesById } from './placeExonyms';
import { placeStopNames } from './placeStopNames';
import { pickPlace } from './resolveMentions';

export interface PlaceName {
  words: readonly string[];
  /** Indexes into gazetteer.places of every place with this name. */
  places: number[];
  /** Lower-case Spanish demonyms ("salvadoreño") are tagged without a capital letter. */
  anyCase: boolean;
  /** The reading an item gives no evidence for (pickPlace without evidence): settled once here,
   *  not for every item that names the place. */
  usual: number | undefined;
}

export interface FirstWordNames {
  /** The one-word name, if the word is one. */
  single: PlaceName | undefined;
  /** Longer names by their second word, longest first: "san" → "jose" → ["san jose de ...", "san jose"]. */
  longer: ReadonlyMap<string, readonly PlaceName[]>;
  /** Some name here is tagged without a capital letter: a lower-case word must be looked at. */
  anyCase: boolean;
}

export interface PlaceTagger {
  readonly gazetteer: Gazetteer;
  /** First folded word → the names starting with it: so each word of an item costs one look-up. */
  readonly namesByFirstWord: ReadonlyMap<string, FirstWordNames>;
  /** Towns by half-degree cell, for items that carry coordinates. */
  readonly townGrid: TownGrid;
  /** First words of names tagged in lower case too ("salvadoreño"). */
  readonly anyCaseFirstWords: ReadonlySet<string>;
  /** Whether some first word of anyCaseFirstWords has this many letters: a lower-case word of
   *  another length ("the", "and") needs no look-up at all. */
  readonly anyCaseLengths: readonly boolean[];
  /** Curated names written in capitals ("CDMX"): tagged although other acronyms are not. */
  readonly curatedAcronyms: ReadonlySet<string>;
}

/** Builds the matcher for a gazetteer. Takes a few hundred milliseconds: do it once. */
export const createPlaceTagger = (gazetteer: Gazetteer): PlaceTagger => {
  const stop = new Set(placeStopNames);
  const byName = new Map<string, PlaceName>();
  gazetteer.places.forEach((place, index) => {
    const mainWords = new Set(normalizePlaceName(place.name).split(' '));
    const curated = new Set((curatedNamesById.get(place.id) ?? []).map(normalizePlaceName));
    const spellings = [place.name, place.asciiName, ...place.alternateNames];
    spellings.forEach((spelling, position) => {
      const folded = normalizePlaceName(spelling);
      if (folded.length < 3 || stop.has(folded) || folded.startsWith('the ')) return;
      // A town's one-word alternate that is no word of its name is often a surname ("Gutierrez"
      // for Tuxtla) or an old name; search still finds it, tagging does not. "Juárez" stays.
      // A curated short name ("Xela", "Tegus") is one news uses, with its source: it is tagged.
      if (place.kind === 'town' && position > 1 && !folded.includes(' ') && !mainWords.has(folded) && !curated.has(folded)) return;
      const anyCase = place.kind === 'country' && spelling.length > 0 && spelling[0] !== spelling[0]?.toUpperCase();
      const known = byName.get(folded);
      if (known === undefined) {
        byName.set(folded, { words: folded.split(' '), places: [index], anyCase, usual: undefined });
      } else {
        if (!known.places.includes(index)) known.places.push(index);
        known.anyCase ||= anyCase;
      }
    });
  });
  for (const name of byName.values()) name.usual = pickPlace(gazetteer.places, name.places, undefined);
  const namesByFirstWord = new Map<string, { single: PlaceName | undefined; longer: Map<string, PlaceName[]>; anyCase: boolean }>();
  for (const name of byName.values()) {
    const [first = '', second] = name.words;
    let entry = namesByFirstWord.get(first);
    if (entry === undefined) {
      entry = { single: undefined, longer: new Map(), anyCase: false };
      namesByFirstWord.set(first, entry);
    }
    entry.anyCase ||= name.anyCase;
    if (second === undefined) {
      entry.single = name;
      continue;
    }
    const list = entry.longer.get(second);
    if (list === undefined) entry.longer.set(second, [name]);
    else list.push(name);
  }
  for (const entry of namesByFirstWord.values()) for (const list of entry.longer.values()) list.sort((a, b) => b.words.length - a.words.length);
  const curatedAcronyms = new Set([...curatedNamesById.values()].flat().filter((name) => /^[A-Z]{2,6}$/.test(name)).map(foldWord));
  const anyCaseFirstWords = new Set([...namesByFirstWord].flatMap(([first, entry]) => (entry.anyCase ? [first] : [])));
  const anyCaseLengths: boolean[] = [];
  for (const word of anyCaseFirstWords) anyCaseLengths[word.length] = true;
  return { gazetteer, namesByFirstWord, townGrid: createTownGrid(gazetteer), curatedAcronyms, anyCaseFirstWords, anyCaseLengths };
};
