// Finds the gazetteer places a news item names. The matcher is built once per gazetteer: a map
// from a name's first word to the names that start with it, longest first, so tagging an item is
// one pass over its words.
import { gazetteerFormat, type Gazetteer, type Place } from './gazetteer';
import { createTownGrid, nearestTown, type TownGrid } from './nearestTown';
import { foldWord, normalizePlaceName } from './normalizePlaceName';
import { curatedNamesById } from './placeExonyms';
import { placeStopNames } from './placeStopNames';

/** Changes whenever the gazetteer layout or the tagging rules change: stored items tagged under
 *  another version must be tagged again. Bump the tagger part when editing this module, the stop
 *  names or the aliases, and after regenerating the gazetteer. */
export const placeTaggingVersion = `${gazetteerFormat}+tagger.3`;

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

export interface PlaceTagger {
  readonly gazetteer: Gazetteer;
  /** First folded word → the names starting with it, longest first. */
  readonly namesByFirstWord: ReadonlyMap<string, readonly PlaceName[]>;
  /** Towns by half-degree cell, for items that carry coordinates. */
  readonly townGrid: TownGrid;
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

const kindRank = { country: 3, state: 2, town: 1 } as const;

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
  const namesByFirstWord = new Map<string, PlaceName[]>();
  for (const name of byName.values()) {
    const first = name.words[0] ?? '';
    const list = namesByFirstWord.get(first);
    if (list === undefined) namesByFirstWord.set(first, [name]);
    else list.push(name);
  }
  for (const list of namesByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const curatedAcronyms = new Set([...curatedNamesById.values()].flat().filter((name) => /^[A-Z]{2,6}$/.test(name)).map(foldWord));
  return { gazetteer, namesByFirstWord, townGrid: createTownGrid(gazetteer), curatedAcronyms };
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
    const first = raw[0] ?? '';
    const capitalised = upperCase.test(first);
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

const matchNames = (tagger: PlaceTagger, field: 'title' | 'text', text: string, into: Candidate[]): void => {
  const words = wordsOf(text);
  let index = 0;
  while (index < words.length) {
    const word = words[index];
    if (word === undefined) break;
    const names = word.acronym && !tagger.curatedAcronyms.has(word.folded) ? undefined : tagger.namesByFirstWord.get(word.folded);
    let taken = 0;
    if (names !== undefined) {
      for (const name of names) {
        if (!word.capitalised && !name.anyCase) continue;
        const length = name.words.length;
        if (index + length > words.length) continue;
        let same = true;
        for (let offset = 1; offset < length && same; offset += 1) {
          same = words[index + offset]?.folded === name.words[offset];
        }
        if (!same) continue;
        const last = words[index + length - 1];
        into.push({ field, start: word.start, end: last?.end ?? word.end, places: name.places });
        taken = length;
        break;
      }
    }
    index += Math.max(taken, 1);
  }
};

/** The places an item's mentions point to. An ambiguous name goes to the place that lies in a
 *  state or country the item names elsewhere, else to the most populous (a state's population is
 *  that of its towns). A country always wins over a town of the same name ("Costa Rica"). */
const resolve = (places: readonly Place[], candidates: readonly Candidate[]): number[] => {
  // A name said twice is one piece of context, not two: group occurrences by name.
  const names = [...new Set(candidates.map((candidate) => candidate.places))];
  const firstChoice = new Map(names.map((name) => [name, pickWithout(places, name, undefined)]));
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
  const chosen = new Map<readonly number[], number>();
  for (const name of names) {
    if (name.length === 1) {
      chosen.set(name, name[0] ?? -1);
      continue;
    }
    const own = firstChoice.get(name);
    contribute(own, -1);
    chosen.set(name, pickWithout(places, name, context) ?? -1);
    contribute(own, 1);
  }
  return candidates.map((candidate) => chosen.get(candidate.places) ?? -1);
};

const pickWithout = (
  places: readonly Place[],
  indexes: readonly number[],
  context: ReadonlyMap<string, number> | undefined,
): number | undefined => {
  let best: number | undefined;
  let bestKey: [number, number, number, number] = [-1, -1, -1, -1];
  for (const index of indexes) {
    const place = places[index];
    if (place === undefined) continue;
    const inState = context !== undefined && place.state !== null ? (context.get(place.state) ?? 0) : 0;
    const inCountry = context !== undefined && place.kind !== 'country' ? (context.get(place.country) ?? 0) : 0;
    const key: [number, number, number, number] = [
      place.kind === 'country' ? 1 : 0,
      inState > 0 ? 2 : inCountry > 0 ? 1 : 0,
      place.population,
      kindRank[place.kind],
    ];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] &&
      (key[2] > bestKey[2] || (key[2] === bestKey[2] && key[3] > bestKey[3])))))) {
      best = index;
      bestKey = key;
    }
  }
  // "Managua", "Quetzaltenango": the state and its capital share the name; the town is the more
  // precise reading, and the state's search still finds it.
  const state = best === undefined ? undefined : places[best];
  if (state?.kind !== 'state') return best;
  let capital: number | undefined;
  for (const index of indexes) {
    const town = places[index];
    if (town?.state === state.id && town.population > (places[capital ?? -1]?.population ?? -1)) capital = index;
  }
  return capital ?? best;
};

/** Every place name in the item's title and text, longest name first at each position, with
 *  ambiguous names resolved. Never throws. */
export const findPlaceMentions = (tagger: PlaceTagger, item: TaggableItem): PlaceMention[] => {
  const candidates: Candidate[] = [];
  matchNames(tagger, 'title', item.title, candidates);
  matchNames(tagger, 'text', item.text.length > scannedCharacters ? item.text.slice(0, scannedCharacters) : item.text, candidates);
  const places = tagger.gazetteer.places;
  const chosen = resolve(places, candidates);
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
