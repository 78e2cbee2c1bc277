// Search as you type: matches the query fuzzily (fuse.js) against the names of the places that
// stored items mention, then reads their items from the index. Words that name no place go to an
// optional text search whose hits rank below the place matches.
import Fuse from 'fuse.js';
import { placeContains, placeLabelParts, type Place, type PlaceLabelParts } from './gazetteer';
import type { NewsPlaceIndex } from './newsPlaceIndex';
import { editDistances } from './editDistance';
import { normalizePlaceName } from './normalizePlaceName';
import { findPlaceMentions, type PlaceMention, type PlaceTagger, type TaggableItem } from './tagPlaces';

export interface PlaceSuggestion {
  placeId: string;
  name: string;
  /** The spelling of the place that matched the query ("Ciudad Juárez", "Salvadoran"). */
  matchedName: string;
  /** Name, state and country as data; the window words the label ("Tapachula — Chiapas, México"). */
  parts: PlaceLabelParts;
  /** Items naming the place or a place inside it. */
  count: number;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
}

export interface NewsSearchHit {
  itemKey: string;
  date: number;
  /** Why the item is here: the place that matched, or null for a text match. */
  placeId: string | null;
  matchedName: string | null;
}

export interface NewsSearchResult {
  /** The query as matched: lower case, without accents. */
  normalizedQuery: string;
  suggestions: PlaceSuggestion[];
  hits: NewsSearchHit[];
  /** Distinct items of the matched places, beyond the hits returned too. */
  placeItemCount: number;
  /** Query words that named no place and went to the text search. */
  textWords: string[];
  /** Nothing matched: show this, with the nearest place names to try instead. */
  nothingMatched: boolean;
  nearestPlaces: PlaceSuggestion[];
}

/** Finds items by words of their title and text; newest or best first. Supplied by the app. */
export type TextSearch = (words: readonly string[], limit: number) => readonly { key: string; date: number }[];

export interface SearchOptions {
  /** Most hits returned (the place item count still covers all). Default 100. */
  limit?: number;
  /** Most suggestions. Default 8. */
  suggestionLimit?: number;
  textSearch?: TextSearch;
}

export interface PlaceSearch {
  search(query: string, options?: SearchOptions): NewsSearchResult;
}

/** A whole query this close to a place name is taken as meant ("cuidad juarez"); a part of a
 *  longer query must be closer, or every word would find some place. */
const confidentWholeScore = 0.3;
const confidentPartScore = 0.2;
/** A name found through the door for a typo in the first letter starts from this score. */
const firstLetterTypoScore = 0.05;
/** Scores of a whole-name or prefix match (see offerAll). */
const exactEnoughScore = 0.01;
/** Fuse's field-length norm can push a score above its threshold; such matches are noise. */
const weakestScore = 0.5;
const fuseThreshold = 0.4;
const maxQueryCharacters = 200;

interface MatchedPlace {
  ordinal: number;
  score: number;
  matchedName: string;
}

const letterPairs = (text: string): Map<string, number> => {
  const pairs = new Map<string, number>();
  const padded = ` ${text} `;
  for (let at = 0; at + 2 <= padded.length; at += 1) {
    const pair = padded.slice(at, at + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
};

const diceSimilarity = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number => {
  let shared = 0;
  let total = 0;
  for (const [pair, count] of a) {
    shared += Math.min(count, b.get(pair) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
};

export const createPlaceSearch = (index: NewsPlaceIndex): PlaceSearch => {
  const places = index.gazetteer.places;
  const ordinalOf = new Map<string, number>();
  places.forEach((place, ordinal) => ordinalOf.set(place.id, ordinal));

  // One Fuse record per spelling of a present place, in one Fuse per first letter of any word of
  // the name ("ciudad juarez" is under "c" and "j"): a query is matched against the names sharing
  // its first letter, a fraction of all. Only when that finds nothing confident does a second door
  // open, for a typo in the first letter: each word is also filed under its letters 2–4 ("apa" for
  // "tapachula"), looked up by the query's letters 2–4 (a wrong first letter), 1–3 (a dropped one)
  // and 3–5 (an added one), and the few names found are compared by edit distance.
  // Places only ever join; a place whose items are all gone is skipped when matched.
  const names: string[] = [];
  const nameOwner: number[] = [];
  const nameSpelling: string[] = [];
  const indexed = new Set<number>();
  const namePairs: Map<string, number>[] = [];
  // Names and queries are folded by normalizePlaceName as well, so that exact and prefix matches
  // can be recognised outside Fuse; ignoreDiacritics keeps Fuse's own comparison accent-blind.
  const fuseOptions = {
    ignoreDiacritics: true,
    includeScore: true,
    threshold: fuseThreshold,
    location: 0,
    distance: 40,
  };
  type Bucket = { fuse: Fuse<string>; refs: number[] };
  const byLetter = new Map<string, Bucket>();
  /** Letters 2–4 of a word → [name, where the word starts in it] pairs, flattened. */
  const byTail = new Map<string, number[]>();
  const distanceRows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(maxQueryCharacters * 4 + 2), new Int32Array(maxQueryCharacters * 4 + 2), new Int32Array(maxQueryCharacters * 4 + 2)];
  let seenRevision = -1;
  let marks = new Uint32Array(0);
  let markEpoch = 0;

  const refresh = (): void => {
    if (seenRevision === index.revision) return;
    seenRevision = index.revision;
    for (const place of index.presentPlaces()) {
      const ordinal = ordinalOf.get(place.id);
      if (ordinal === undefined || indexed.has(ordinal)) continue;
      indexed.add(ordinal);
      const seen = new Set<string>();
      for (const spelling of [place.name, place.asciiName, ...place.alternateNames]) {
        const folded = normalizePlaceName(spelling);
        if (folded.length === 0 || seen.has(folded)) continue;
        seen.add(folded);
        const refIndex = names.length;
        names.push(folded);
        nameOwner.push(ordinal);
        nameSpelling.push(spelling);
        let wordStart = 0;
        for (const word of folded.split(' ')) {
          if (word.length >= 4) {
            const tail = word.slice(1, 4);
            const list = byTail.get(tail);
            if (list === undefined) byTail.set(tail, [refIndex, wordStart]);
            else list.push(refIndex, wordStart);
          }
          wordStart += word.length + 1;
        }
        for (const letter of new Set(folded.split(' ').map((word) => word[0] ?? ''))) {
          let bucket = byLetter.get(letter);
          if (bucket === undefined) {
            bucket = { fuse: new Fuse<string>([], fuseOptions), refs: [] };
            byLetter.set(letter, bucket);
          }
          bucket.fuse.add(folded);
          bucket.refs.push(refIndex);
        }
      }
    }
  };

  /** Places whose names match the phrase, best first, one entry per place. */
  const matchPlaces = (phrase: string): MatchedPlace[] => {
    const best = new Map<number, MatchedPlace>();
    const offer = (refIndex: number, score: number): void => {
      const ordinal = nameOwner[refIndex];
      const place = ordinal === undefined ? undefined : places[ordinal];
      if (ordinal === undefined || place === undefined || index.countOf(place.id) === 0) return;
      const known = best.get(ordinal);
      if (known === undefined || score < known.score) best.set(ordinal, { ordinal, score, matchedName: nameSpelling[refIndex] ?? place.name });
    };
    if (phrase.length < 3) {
      // One or two letters: fuzzy matching would match everything; offer names that start so.
      names.forEach((name, refIndex) => {
        if (name.startsWith(phrase)) offer(refIndex, name === phrase ? 0 : 0.1);
      });
    } else {
      const offerAll = (results: readonly { refIndex: number; score?: number }[], refs?: readonly number[]): void => {
        for (const result of results) {
          const refIndex = refs === undefined ? result.refIndex : (refs[result.refIndex] ?? -1);
          const name = names[refIndex] ?? '';
          // Fuse scores a prefix about as well as a whole name; a whole-name match must win.
          const score = name === phrase ? 0 : Math.max(result.score ?? 1, name.startsWith(phrase) ? 0.01 : 0.02);
          if (score <= weakestScore) offer(refIndex, score);
        }
      };
      const bucket = byLetter.get(phrase[0] ?? '');
      if (bucket !== undefined) offerAll(bucket.fuse.search(phrase, { limit: 200 }), bucket.refs);
      if (phrase.length >= 4 && ![...best.values()].some((match) => match.score <= confidentWholeScore)) {
        // At most one edit per four letters; the name from the matched word on, as typed so far.
        const limit = Math.max(1, Math.floor(phrase.length / 4));
        for (const tail of new Set([phrase.slice(1, 4), phrase.slice(0, 3), phrase.slice(2, 5)])) {
          const list = byTail.get(tail) ?? [];
          for (let at = 0; at + 1 < list.length; at += 2) {
            const refIndex = list[at] ?? -1;
            const rest = (names[refIndex] ?? '').slice(list[at + 1] ?? 0);
            const { prefix } = editDistances(phrase, rest, limit, distanceRows);
            if (prefix <= limit) offer(refIndex, firstLetterTypoScore + prefix / phrase.length / 2);
          }
        }
      }
    }
    const kindRank = { country: 0, state: 1, town: 2 } as const;
    return [...best.values()].sort((a, b) => {
      const placeA = places[a.ordinal];
      const placeB = places[b.ordinal];
      if (placeA === undefined || placeB === undefined) return 0;
      return a.score - b.score || index.countOf(placeB.id) - index.countOf(placeA.id) ||
        kindRank[placeA.kind] - kindRank[placeB.kind];
    });
  };

  /** The query as a whole names a place, or else its longest word runs that do. */
  const placesOfQuery = (words: readonly string[]): { matched: MatchedPlace[]; textWords: string[] } => {
    const whole = matchPlaces(words.join(' '));
    if (words.length === 1 || (whole[0]?.score ?? 1) <= confidentWholeScore) {
      return { matched: whole, textWords: whole.length === 0 ? [...words] : [] };
    }
    const covered = new Array<boolean>(words.length).fill(false);
    const matched: MatchedPlace[] = [];
    for (let length = words.length - 1; length >= 1; length -= 1) {
      for (let start = 0; start + length <= words.length; start += 1) {
        if (covered.slice(start, start + length).some(Boolean)) continue;
        const found = matchPlaces(words.slice(start, start + length).join(' ')).filter((m) => m.score <= confidentPartScore);
        if (found.length === 0) continue;
        matched.push(...found);
        covered.fill(true, start, start + length);
      }
    }
    if (matched.length === 0) return { matched: whole, textWords: whole.length === 0 ? [...words] : [] };
    matched.sort((a, b) => a.score - b.score);
    return { matched, textWords: words.filter((_, position) => !covered[position]) };
  };

  const suggestionOf = (match: MatchedPlace, place: Place): PlaceSuggestion => {
    const count = index.countOf(place.id);
    return {
      placeId: place.id,
      name: place.name,
      matchedName: match.matchedName,
      parts: placeLabelParts(index.gazetteer, place),
      count,
      score: match.score,
    };
  };

  /** Only when nothing matched: present names sharing the most letter pairs with the query. */
  const nearestPlaces = (query: string, limit: number): PlaceSuggestion[] => {
    const wanted = letterPairs(query);
    const best = new Map<number, MatchedPlace>();
    for (let refIndex = namePairs.length; refIndex < names.length; refIndex += 1) namePairs.push(letterPairs(names[refIndex] ?? ''));
    namePairs.forEach((pairs, refIndex) => {
      const ordinal = nameOwner[refIndex];
      const place = ordinal === undefined ? undefined : places[ordinal];
      if (ordinal === undefined || place === undefined || index.countOf(place.id) === 0) return;
      const score = 1 - diceSimilarity(wanted, pairs);
      const known = best.get(ordinal);
      if (known === undefined || score < known.score) best.set(ordinal, { ordinal, score, matchedName: nameSpelling[refIndex] ?? place.name });
    });
    return [...best.values()]
      .sort((a, b) => a.score - b.score)
      .slice(0, limit)
      .flatMap((match) => {
        const place = places[match.ordinal];
        return place === undefined ? [] : [suggestionOf(match, place)];
      });
  };

  return {
    search(query, options = {}) {
      const limit = options.limit ?? 100;
      const suggestionLimit = options.suggestionLimit ?? 8;
      const normalizedQuery = normalizePlaceName(query.slice(0, maxQueryCharacters));
      const empty: NewsSearchResult = {
        normalizedQuery, suggestions: [], hits: [], placeItemCount: 0, textWords: [], nothingMatched: false, nearestPlaces: [],
      };
      if (normalizedQuery.length === 0) return empty;
      refresh();
      const words = normalizedQuery.split(' ');
      const { matched, textWords } = placesOfQuery(words);

      if (marks.length < index.slotLimit) marks = new Uint32Array(Math.max(index.slotLimit * 2, 1024));
      markEpoch += 1;
      if (markEpoch === 0xffffffff) {
        marks.fill(0);
        markEpoch = 1;
      }
      const hits: NewsSearchHit[] = [];
      let placeItemCount = 0;
      const suggestions: PlaceSuggestion[] = [];
      // When the query spells a name exactly or starts one, looser fuzzy matches ("la habana" for
      // "la ceiba") stay as suggestions but bring no items: they would only push the right ones down.
      // One or two letters start hundreds of names: they suggest places, but bring only the items
      // of a name spelled in full ("la"), not the whole corpus on every first keystroke.
      const hitScoreLimit = normalizedQuery.length < 3 ? 0
        : (matched[0]?.score ?? 1) <= exactEnoughScore ? confidentPartScore : Number.POSITIVE_INFINITY;
      for (const match of matched) {
        const place = places[match.ordinal];
        if (place === undefined) continue;
        if (suggestions.length < suggestionLimit) suggestions.push(suggestionOf(match, place));
        if (match.score > hitScoreLimit) continue;
        index.visit(place.id, (slot, key, date) => {
          if (marks[slot] === markEpoch) return true;
          marks[slot] = markEpoch;
          placeItemCount += 1;
          if (hits.length < limit) hits.push({ itemKey: key, date, placeId: place.id, matchedName: match.matchedName });
          return true;
        });
      }
      if (textWords.length > 0 && options.textSearch !== undefined && hits.length < limit) {
        const shown = new Set(hits.map((hit) => hit.itemKey));
        for (const found of options.textSearch(textWords, limit)) {
          if (hits.length >= limit) break;
          if (shown.has(found.key)) continue;
          shown.add(found.key);
          hits.push({ itemKey: found.key, date: found.date, placeId: null, matchedName: null });
        }
      }
      const nothingMatched = hits.length === 0;
      return {
        normalizedQuery,
        suggestions,
        hits,
        placeItemCount,
        textWords,
        nothingMatched,
        nearestPlaces: nothingMatched ? nearestPlaces(normalizedQuery, suggestionLimit) : [],
      };
    },
  };
};

/** Where to highlight the matched place in an item: mentions of that place or of places inside it
 *  ("Petén" in an item found by "Guatemala"). */
export const mentionsToHighlight = (tagger: PlaceTagger, item: TaggableItem, placeId: string): PlaceMention[] =>
{
  const area = tagger.gazetteer.byId.get(placeId);
  return findPlaceMentions(tagger, item).filter((mention) => {
    const place = tagger.gazetteer.byId.get(mention.placeId);
    return area !== undefined && place !== undefined && placeContains(area, place);
  });
};
