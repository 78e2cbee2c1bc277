// Finds the gazetteer places a news item names, one pass over its words with the matcher of
// placeTagger.ts, and resolves the names several places share (resolveMentions.ts).
import { assertNever } from '../assertNever';
import { readAt } from '../checkedRead';
import { gazetteerFormat } from './gazetteer';
import { nearestTown } from './nearestTown';
import { foldWord } from './normalizePlaceName';
import type { PlaceTagger } from './placeTagger';
import { choosePlace, isHintWord, regionHints } from './resolveMentions';

// The matcher is built in placeTagger.ts; its importers have long found it here.
export { createPlaceTagger, type PlaceTagger } from './placeTagger';

/** Changes whenever the gazetteer layout or the tagging rules change: stored items tagged under
 *  another version must be tagged again. Bump the tagger part when editing this module, the stop
 *  names or the aliases, and after regenerating the gazetteer. */
export const placeTaggingVersion = `${gazetteerFormat}+tagger.7`;

/** Text beyond this many characters is not scanned, in the item's text and in its saved article
 *  each: places are named early, and a huge item must not stall storage (50,000 characters take
 *  about 3.5 ms). */
export const scannedCharacters = 50_000;

/** Where a name stands: the item's title, its text, or the article saved for it. */
export type MentionField = 'title' | 'text' | 'article';

export interface PlaceMention {
  placeId: string;
  field: MentionField;
  /** Character range of the name in that field, end exclusive: for highlighting. */
  start: number;
  end: number;
  /** The name as the item writes it ("Tecún Umán"): what the window marks, without the tagger. */
  name: string;
  /** One of two equally likely readings of a shared name (see resolveMentions): a weak tag. */
  weak?: true;
}

export interface TaggableItem {
  title: string;
  /** Plain text of the item (its text or its HTML with the tags stripped). */
  text: string;
  /** Plain text of the whole article saved for the item, when there is one: a town named only in
   *  the body is a place of the item too. */
  article?: string;
  /** Where the feed says the item happened (GeoRSS): tagged with the nearest town within 25 km. */
  point?: { latitude: number; longitude: number } | null;
}

interface Word {
  folded: string;
  start: number;
  end: number;
  capitalised: boolean;
  acronym: boolean;
}

const wordCharacter = /[\p{L}\p{M}\p{N}]/u;
const upperCase = /\p{Lu}/u;

/** Whether the UTF-16 unit at `at` is part of a word; ASCII decides by code, the rest by Unicode
 *  class (a surrogate pair is tested whole). */
const isWordUnit = (text: string, at: number, code: number): boolean => {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xdc00 && code <= 0xdfff && at > 0) {
    const high = text.charCodeAt(at - 1);
    if (high >= 0xd800 && high <= 0xdbff) return wordCharacter.test(text.slice(at - 1, at + 1));
  }
  if (code >= 0xd800 && code <= 0xdbff) return wordCharacter.test(text.slice(at, at + 2));
  return wordCharacter.test(String.fromCharCode(code));
};

/** The words of a text, in one pass over its characters: a word is a run of letters, marks and
 *  digits. Plain lower-case ASCII words (most of them) are folded by taking them as they are. */
const wordsOf = (text: string): Word[] => {
  const words: Word[] = [];
  const length = text.length;
  let at = 0;
  while (at < length) {
    let code = text.charCodeAt(at);
    if (!isWordUnit(text, at, code)) {
      at += 1;
      continue;
    }
    const start = at;
    let ascii = true;
    let upper = 0;
    let lower = false;
    while (at < length && isWordUnit(text, at, code)) {
      if (code >= 128) ascii = false;
      else if (code >= 65 && code <= 90) upper += 1;
      else if (code >= 97) lower = true;
      at += 1;
      code = text.charCodeAt(at);
    }
    const raw = text.slice(start, at);
    const first = raw.charCodeAt(0);
    // ASCII letters decide by code; only other scripts need the Unicode test.
    const capitalised = first < 128 ? first >= 65 && first <= 90 : upperCase.test(String.fromCharCode(first));
    // "IOM", "COPECO": organisations, not places, even when an acronym spells a place code.
    const allUpper = ascii ? !lower : raw === raw.toUpperCase();
    words.push({
      folded: ascii ? (upper === 0 ? raw : raw.toLowerCase()) : foldWord(raw),
      start,
      end: at,
      capitalised,
      acronym: capitalised && raw.length <= 6 && allUpper && raw.length > 1,
    });
  }
  return words;
};

interface Candidate {
  field: MentionField;
  start: number;
  end: number;
  places: readonly number[];
  /** The name's reading without evidence (PlaceName.usual). */
  usual: number | undefined;
}

const matchNames = (tagger: PlaceTagger, field: MentionField, words: readonly Word[], into: Candidate[]): void => {
  let index = 0;
  while (index < words.length) {
    const word = readAt(words, index);
    // Most words are lower case and start no name that is tagged in lower case: no look-up at all.
    const looked = word.capitalised ? !word.acronym || tagger.curatedAcronyms.has(word.folded)
      : tagger.anyCaseLengths[word.folded.length] === true && tagger.anyCaseFirstWords.has(word.folded);
    const entry = looked ? tagger.namesByFirstWord.get(word.folded) : undefined;
    let taken = 0;
    if (entry !== undefined && (word.capitalised || entry.anyCase)) {
      // The last word has no next one.
      const next = words[index + 1]?.folded;
      for (const name of (next === undefined ? undefined : entry.longer.get(next)) ?? []) {
        if (!word.capitalised && !name.anyCase) continue;
        const length = name.words.length;
        if (index + length > words.length) continue;
        let same = true;
        for (let offset = 2; offset < length && same; offset += 1) {
          same = readAt(words, index + offset).folded === readAt(name.words, offset);
        }
        if (!same) continue;
        into.push({ field, start: word.start, end: readAt(words, index + length - 1).end, places: name.places, usual: name.usual });
        taken = length;
        break;
      }
      const single = entry.single;
      if (taken === 0 && single !== undefined && (word.capitalised || single.anyCase)) {
        into.push({ field, start: word.start, end: word.end, places: single.places, usual: single.usual });
        taken = 1;
      }
    }
    index += Math.max(taken, 1);
  }
};

interface Reading {
  index: number;
  /** An equally likely second reading: both are weak. */
  alternative: number | undefined;
}

/** The places an item's mentions point to. An ambiguous name is weighed by the rest of the item
 *  (see resolveMentions); a country always wins over a town of the same name ("Costa Rica"). */
const resolve = (tagger: PlaceTagger, candidates: readonly Candidate[], itemWords: () => string[]): (Reading | undefined)[] => {
  const { places } = tagger.gazetteer;
  // A name said twice is one piece of context, not two: group occurrences by name.
  const names = [...new Set(candidates.map((candidate) => candidate.places))];
  const chosen = new Map<readonly number[], Reading | undefined>();
  const ambiguous = names.filter((name) => name.length > 1);
  for (const name of names) if (name.length === 1) chosen.set(name, { index: readAt(name, 0), alternative: undefined });
  if (ambiguous.length === 0) return candidates.map((candidate) => chosen.get(candidate.places));
  const firstChoice = new Map(candidates.map((candidate) => [candidate.places, candidate.usual]));
  const context = new Map<string, number>();
  const count = (id: string | null, step: number): void => {
    if (id !== null) context.set(id, (context.get(id) ?? 0) + step);
  };
  // A name with no reading (usual undefined) contributes nothing.
  const contribute = (index: number | undefined, step: number): void => {
    if (index === undefined) return;
    const place = readAt(places, index);
    count(place.id, step);
    if (place.kind !== 'country') count(place.country, step);
    count(place.state, step);
  };
  for (const choice of firstChoice.values()) contribute(choice, 1);
  const hints = regionHints(itemWords());
  for (const name of ambiguous) {
    const own = firstChoice.get(name);
    contribute(own, -1);
    const anchors = names.flatMap((other) => {
      const usual = firstChoice.get(other);
      return other === name || usual === undefined ? [] : [readAt(places, usual)];
    });
    chosen.set(name, choosePlace(places, name, { context, anchors, hints }));
    contribute(own, 1);
  }
  return candidates.map((candidate) => chosen.get(candidate.places));
};

const scanned = (text: string): string => (text.length > scannedCharacters ? text.slice(0, scannedCharacters) : text);

const fieldText = (item: TaggableItem, field: MentionField): string => {
  switch (field) {
    case 'title':
      return item.title;
    case 'text':
      return item.text;
    case 'article':
      return item.article ?? '';
    default:
      return assertNever(field);
  }
};

/** Every place name in the item's title, text and saved article, longest name first at each
 *  position, with ambiguous names resolved. Never throws. */
export const findPlaceMentions = (tagger: PlaceTagger, item: TaggableItem): PlaceMention[] => {
  const candidates: Candidate[] = [];
  const titleWords = wordsOf(item.title);
  const textWords = wordsOf(scanned(item.text));
  const articleWords = item.article === undefined ? [] : wordsOf(scanned(item.article));
  matchNames(tagger, 'title', titleWords, candidates);
  matchNames(tagger, 'text', textWords, candidates);
  matchNames(tagger, 'article', articleWords, candidates);
  const places = tagger.gazetteer.places;
  // Most items hold no regional word: their folded words are not gathered for regionHints.
  const itemWords = (): string[] => {
    const fields = [titleWords, textWords, articleWords];
    return fields.some((words) => words.some((word) => isHintWord(word.folded))) ? fields.flat().map((word) => word.folded) : [];
  };
  const chosen = resolve(tagger, candidates, itemWords);
  const mentions: PlaceMention[] = [];
  candidates.forEach((candidate, position) => {
    // No reading: the evidence chose no place for the name.
    const reading = chosen[position];
    if (reading === undefined) return;
    const place = readAt(places, reading.index);
    const other = reading.alternative === undefined ? undefined : readAt(places, reading.alternative);
    const source = fieldText(item, candidate.field);
    const range = { field: candidate.field, start: candidate.start, end: candidate.end, name: source.slice(candidate.start, candidate.end) };
    if (other === undefined) {
      mentions.push({ placeId: place.id, ...range });
      return;
    }
    mentions.push({ placeId: place.id, ...range, weak: true }, { placeId: other.id, ...range, weak: true });
  });
  return mentions;
};

export interface PlaceTags {
  /** Distinct place ids, in order of first mention, then the town nearest the item's point. */
  places: string[];
  /** Those of `places` the item names only weakly: never for certain in any mention. */
  weakPlaces: string[];
  mentions: PlaceMention[];
}

/** Everything the tagger finds in an item, in one pass: what is stored with it. */
export const tagItem = (tagger: PlaceTagger, item: TaggableItem): PlaceTags => {
  const mentions = findPlaceMentions(tagger, item);
  const certain = new Set(mentions.flatMap((mention) => (mention.weak ? [] : [mention.placeId])));
  const near = item.point ? nearestTown(tagger.gazetteer, tagger.townGrid, item.point) : undefined;
  const town = near === undefined ? undefined : readAt(tagger.gazetteer.places, near);
  if (town !== undefined) certain.add(town.id);
  const places = [...new Set([...mentions.map((mention) => mention.placeId), ...(town === undefined ? [] : [town.id])])];
  return { places, weakPlaces: places.filter((id) => !certain.has(id)), mentions };
};

/** The distinct ids of the places an item names, in order of first mention, then the town
 *  nearest its coordinates if it has any (its state and country follow from the town in the
 *  place index, as for a named town): what is stored. */
export const tagPlaces = (tagger: PlaceTagger, item: TaggableItem): string[] => tagItem(tagger, item).places;
