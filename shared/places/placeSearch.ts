// Search as you type: matches the query against the names of the places that stored items mention
// (matchPlaceNames), then reads their items from the place index. Words that name no place go to
// an optional text search whose hits rank below the place matches.
import { readAt, readUint32At } from '../checkedRead';
import { placeLabelParts, type Place } from './gazetteer';
import { confidentPartScore, createPlaceMatcher, exactEnoughScore, maxQueryCharacters, type PhraseMatches, type PlaceMatcher } from './matchPlaceNames';
import { createNearestPlaces } from './nearestPlaceNames';
import type { NewsPlaceIndex } from './newsPlaceIndex';
import { normalizePlaceName } from './normalizePlaceName';
import { createPlaceNameIndex } from './placeNameIndex';
import { shortestListingQuery, type MatchedPlace, type NewsSearchHit, type NewsSearchResult, type PlaceSearch, type PlaceSuggestion } from './placeSearchResult';
import { placesOfQuery } from './queryPlaces';

export type { NewsSearchHit, NewsSearchResult, PlaceSearch, PlaceSuggestion, SearchOptions } from './placeSearchResult';

/** The items of the matched places, each item once, and how many items they name in all. */
type ReadHits = (matched: readonly MatchedPlace[], hitScoreLimit: number, limit: number) => { hits: NewsSearchHit[]; placeItemCount: number };

const createHitReader = (index: NewsPlaceIndex): ReadHits => {
  const places = index.gazetteer.places;
  // One mark per item slot, so an item two matched places share is listed once.
  let marks = new Uint32Array(0);
  let markEpoch = 0;

  const nextEpoch = (): void => {
    if (marks.length < index.slotLimit) marks = new Uint32Array(Math.max(index.slotLimit * 2, 1024));
    markEpoch += 1;
    if (markEpoch === 0xffffffff) {
      marks.fill(0);
      markEpoch = 1;
    }
  };

  return (matched, hitScoreLimit, limit) => {
    nextEpoch();
    const hits: NewsSearchHit[] = [];
    // Items tagged with a place only weakly (a shared name the item did not settle) come after
    // every item that names a matched place for certain.
    const weakHits: NewsSearchHit[] = [];
    let placeItemCount = 0;
    for (const match of matched) {
      if (match.score > hitScoreLimit) continue;
      const place = readAt(places, match.ordinal);
      // Items are read one by one only while they can still be hits; the rest only count ("san"
      // names tens of thousands). A weak item is a hit while there is room; a certain one also
      // takes the room of weak ones.
      let full = hits.length >= limit;
      if (!full) {
        index.visit(place.id, (slot, key, date, weak) => {
          if (readUint32At(marks, slot) === markEpoch) return true;
          full = hits.length >= limit || (weak && hits.length + weakHits.length >= limit);
          if (full) return false;
          marks[slot] = markEpoch;
          placeItemCount += 1;
          (weak ? weakHits : hits).push({ itemKey: key, date, placeId: place.id, matchedName: match.matchedName });
          return true;
        });
      }
      if (full) placeItemCount += index.markItems(place.id, marks, markEpoch);
    }
    hits.push(...weakHits);
    hits.length = Math.min(hits.length, limit);
    return { hits, placeItemCount };
  };
};

export const createPlaceSearch = (index: NewsPlaceIndex): PlaceSearch => {
  const places = index.gazetteer.places;
  const names = createPlaceNameIndex(index);
  const matchPlaces = createPlaceMatcher(index, names);
  const nearestPlaces = createNearestPlaces(index, names);
  const readHits = createHitReader(index);
  // The previous query's phrases and their matches: "cuidad j" matches "cuidad" again, as the
  // keystroke before did. One query back only, and only while the index is unchanged (the
  // matches depend on which places have items).
  let remembered = new Map<string, PhraseMatches>();
  let rememberedRevision = -1;

  const suggestionOf = (match: MatchedPlace, place: Place): PlaceSuggestion => ({
    placeId: place.id,
    name: place.name,
    matchedName: match.matchedName,
    parts: placeLabelParts(index.gazetteer, place),
    count: index.countAt(match.ordinal),
    score: match.score,
  });

  const suggestionsOf = (matches: readonly MatchedPlace[]): PlaceSuggestion[] =>
    matches.map((match) => suggestionOf(match, readAt(places, match.ordinal)));

  return {
    search(query, options = {}) {
      const limit = options.limit ?? 100;
      const suggestionLimit = options.suggestionLimit ?? 8;
      const normalizedQuery = normalizePlaceName(query.slice(0, maxQueryCharacters));
      const empty: NewsSearchResult = {
        normalizedQuery, suggestions: [], hits: [], placeItemCount: 0, textWords: [], nothingMatched: false, nearestPlaces: [],
      };
      if (normalizedQuery.length === 0) return empty;
      names.refresh();
      const previous = rememberedRevision === index.revision ? remembered : new Map<string, PhraseMatches>();
      const current = new Map<string, PhraseMatches>();
      // A remembered match list serves a phrase if it is complete as far as the caller needs.
      const matchRemembering: PlaceMatcher = (phrase, scoreLimit = Number.POSITIVE_INFINITY) => {
        const known = [current.get(phrase), previous.get(phrase)].find((matches) => matches !== undefined && matches.completeTo >= scoreLimit);
        const found = known ?? matchPlaces(phrase, scoreLimit);
        current.set(phrase, found);
        return found;
      };
      const { matched, textWords } = placesOfQuery(matchRemembering, normalizedQuery.split(' '), { wanted: suggestionLimit, startsAName: (text) => names.startsAName(text) });
      remembered = current;
      rememberedRevision = index.revision;

      // When the query spells a name exactly or starts one, looser fuzzy matches ("la habana" for
      // "la ceiba") stay as suggestions but bring no items: they would only push the right ones down.
      // One or two letters start hundreds of names: they suggest places, but bring only the items
      // of a name spelled in full ("la"), not the whole corpus on every first keystroke.
      const hitScoreLimit = normalizedQuery.length < shortestListingQuery ? 0
        : (matched[0]?.score ?? 1) <= exactEnoughScore ? confidentPartScore : Number.POSITIVE_INFINITY;
      const { hits, placeItemCount } = readHits(matched, hitScoreLimit, limit);
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
        suggestions: suggestionsOf(matched.slice(0, suggestionLimit)),
        hits,
        placeItemCount,
        textWords,
        nothingMatched,
        nearestPlaces: nothingMatched ? suggestionsOf(nearestPlaces(normalizedQuery, suggestionLimit)) : [],
      };
    },
  };
};
