// Finds the gazetteer places a news item names. The matcher is built once per gazetteer: a map
// from a name's first word to the names that start with it, longest first, so tagging an item is
// one pass over its words.
import { gazetteerFormat, type Gazetteer } from './gazetteer';
import { createTownGrid, nearestTown, type TownGrid } from './nearestTown';
import { foldWord, normalizePlaceName } from './normalizePlaceName';
import { curatedNamesById } from './placeExonyms';
import { placeStopNames } from './placeStopNames';
import { pickPlace, regionHints } from './resolveMentions';

/** Changes whenever the gazetteer layout or the tagging rules change: stored items tagged under
 *  another version must be tagged again. Bump the tagger part when editing this module, the stop
 *  names or the aliases, and after regenerating the gazetteer. */
export const placeTaggingVersion = `${gazetteerFormat}+tagger.6`;

/** Text beyond this many characters is not scanned: places are named early, and a huge item
 *  must not stall storage. */
const scannedCharacters = 50_000;

interface PlaceName {
  words: readonly string[];
  /** Indexes into gazetteer.places of every place with this name. */
  places: number[];
  /** Lower-case Spanish demonyms ("salvadoreño") are tagged without a capital letter. */
  anyCase: boolean;
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
  /** Curated names written in capitals ("CDMX"): tagged although other acronyms are not. */
  readonly curatedAcronyms: ReadonlySet<string>;
}

export interface PlaceMention {
  placeId: string;
  field: 'title' | 'text';
  /** Character range of the name in that field, end exclusive: for highlighting. */
  start: number;
  end: number;
}

export interface TaggableItem {
  title: string;
  /** Plain text of the item (its text or its HTML with the tags stripped). */
  text: string;
  /** Where the feed says the item happened (GeoRSS): tagged with the nearest town within 25 km. */
  point?: { latitude: number; longitude: number } | null;
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
        byName.set(folded, { words: folded.split(' '), places: [index], anyCase });
      } else {
        if (!known.places.includes(index)) known.places.push(index);
        known.anyCase ||= anyCase;
      }
    });
  });
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
  return { gazetteer, namesByFirstWord, townGrid: createTownGrid(gazetteer), curatedAcronyms, anyCaseFirstWords };
};

interface Word {
  folded: string;
  start: number;
  end: number;
  capitalised: boolean;
  acronym: boolean;
}

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;
const upperCase = /\p{Lu}/u;

const wordsOf = (text: string): Word[] => {
  const words: Word[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const raw = match[0];
    const code = raw.charCodeAt(0);
    // ASCII letters decide by code; only other scripts need the Unicode test.
    const capitalised = code < 128 ? code >= 65 && code <= 90 : upperCase.test(raw[0] ?? '');
    words.push({
      folded: foldWord(raw),
      start: match.index,
      end: match.index + raw.length,
      capitalised,
      // "IOM", "COPECO": organisations, not places, even when an acronym spells a place code.
      acronym: capitalised && raw.length <= 6 && raw === raw.toUpperCase() && raw.length > 1,
    });
  }
  return words;
};

interface Candidate {
  field: 'title' | 'text';
  start: number;
  end: number;
  places: readonly number[];
}

const matchNames = (tagger: PlaceTagger, field: 'title' | 'text', words: readonly Word[], into: Candidate[]): void => {
  let index = 0;
  while (index < words.length) {
    const word = words[index];
    if (word === undefined) break;
    // Most words are lower case and start no name that is tagged in lower case: no look-up at all.
    const looked = word.capitalised ? !word.acronym || tagger.curatedAcronyms.has(word.folded) : tagger.anyCaseFirstWords.has(word.folded);
    const entry = looked ? tagger.namesByFirstWord.get(word.folded) : undefined;
    let taken = 0;
    if (entry !== undefined && (word.capitalised || entry.anyCase)) {
      const next = words[index + 1]?.folded;
      for (const name of (next === undefined ? undefined : entry.longer.get(next)) ?? []) {
        if (!word.capitalised && !name.anyCase) continue;
        const length = name.words.length;
        if (index + length > words.length) continue;
        let same = true;
        for (let offset = 2; offset < length && same; offset += 1) {
          same = words[index + offset]?.folded === name.words[offset];
        }
        if (!same) continue;
        const last = words[index + length - 1];
        into.push({ field, start: word.start, end: last?.end ?? word.end, places: name.places });
        taken = length;
        break;
      }
      const single = entry.single;
      if (taken === 0 && single !== undefined && (word.capitalised || single.anyCase)) {
        into.push({ field, start: word.start, end: word.end, places: single.places });
        taken = 1;
      }
    }
    index += Math.max(taken, 1);
  }
};

/** The places an item's mentions point to. An ambiguous name is weighed by the rest of the item
 *  (see resolveMentions); a country always wins over a town of the same name ("Costa Rica"). */
const resolve = (tagger: PlaceTagger, candidates: readonly Candidate[], itemWords: () => string[]): number[] => {
  const { places } = tagger.gazetteer;
  // A name said twice is one piece of context, not two: group occurrences by name.
  const names = [...new Set(candidates.map((candidate) => candidate.places))];
  const chosen = new Map<readonly number[], number>();
  const ambiguous = names.filter((name) => name.length > 1);
  for (const name of names) if (name.length === 1) chosen.set(name, name[0] ?? -1);
  if (ambiguous.length === 0) return candidates.map((candidate) => chosen.get(candidate.places) ?? -1);
  const firstChoice = new Map(names.map((name) => [name, pickPlace(places, name, undefined)]));
  const context = new Map<string, number>();
  const count = (id: string | null, step: number): void => {
    if (id !== null) context.set(id, (context.get(id) ?? 0) + step);
  };
  const contribute = (index: number | undefined, step: number): void => {
    const place = index === undefined ? undefined : places[index];
    if (place === undefined) return;
    count(place.id, step);
    if (place.kind !== 'country') count(place.country, step);
    count(place.state, step);
  };
  for (const choice of firstChoice.values()) contribute(choice, 1);
  const hints = regionHints(itemWords());
  for (const name of ambiguous) {
    const own = firstChoice.get(name);
    contribute(own, -1);
    const anchors = names.flatMap((other) => (other === name ? [] : (places[firstChoice.get(other) ?? -1] ?? [])));
    chosen.set(name, pickPlace(places, name, { context, anchors, hints }) ?? -1);
    contribute(own, 1);
  }
  return candidates.map((candidate) => chosen.get(candidate.places) ?? -1);
};

/** Every place name in the item's title and text, longest name first at each position, with
 *  ambiguous names resolved. Never throws. */
export const findPlaceMentions = (tagger: PlaceTagger, item: TaggableItem): PlaceMention[] => {
  const candidates: Candidate[] = [];
  const titleWords = wordsOf(item.title);
  const textWords = wordsOf(item.text.length > scannedCharacters ? item.text.slice(0, scannedCharacters) : item.text);
  matchNames(tagger, 'title', titleWords, candidates);
  matchNames(tagger, 'text', textWords, candidates);
  const places = tagger.gazetteer.places;
  const chosen = resolve(tagger, candidates, () => [...titleWords, ...textWords].map((word) => word.folded));
  const mentions: PlaceMention[] = [];
  candidates.forEach((candidate, position) => {
    const place = places[chosen[position] ?? -1];
    if (place !== undefined) mentions.push({ placeId: place.id, field: candidate.field, start: candidate.start, end: candidate.end });
  });
  return mentions;
};

/** The distinct ids of the places an item names, in order of first mention, then the town
 *  nearest its coordinates if it has any (its state and country follow from the town in the
 *  place index, as for a named town): what is stored. */
export const tagPlaces = (tagger: PlaceTagger, item: TaggableItem): string[] => {
  const ids = findPlaceMentions(tagger, item).map((mention) => mention.placeId);
  const near = item.point ? nearestTown(tagger.gazetteer, tagger.townGrid, item.point) : undefined;
  const town = near === undefined ? undefined : tagger.gazetteer.places[near];
  if (town !== undefined) ids.push(town.id);
  return [...new Set(ids)];
};
