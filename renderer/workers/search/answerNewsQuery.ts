// One keystroke's answer from the indexes: the items the query and the filters select, in answer
// order, and for each hit the names to mark in it (the places it matched, as the item wrote them,
// or the query's words when no place matched). Runs per keystroke at 100,000 items: no scan of
// items, and nothing allocated per mention.
import { readAt } from '../../../shared/checkedRead';
import { placeContains, type Gazetteer, type Place } from '../../../shared/places/gazetteer';
import { shortestListingQuery } from '../../../shared/places/placeSearchResult';
import type { SearchAnswer, SearchFilters, SearchHit } from '../../threads/searchContract';
import type { NewsIndexes } from './newsIndexes';

export const dayStart = (day: string | null) => (day ? Date.parse(`${day}T00:00:00Z`) : Number.NEGATIVE_INFINITY);
export const dayEnd = (day: string | null) => (day ? Date.parse(`${day}T23:59:59.999Z`) : Number.POSITIVE_INFINITY);

/** The items the query and filters select, in answer order. `limit` caps the hits place search
 *  builds when nothing filters them afterwards (a broad query like "san" names tens of thousands
 *  of items, the list shows fifty); with a chip or a date, every hit must be seen first. */
export const matchNews = (indexes: NewsIndexes, gazetteer: Gazetteer, query: string, filters: SearchFilters, limit = Number.MAX_SAFE_INTEGER) => {
  const chipPlaces = filters.placeIds.flatMap((id) => gazetteer.byId.get(id) ?? []);
  const from = dayStart(filters.from);
  const to = dayEnd(filters.to);
  const chipItems = chipPlaces
    .flatMap((place) => indexes.placeIndex.itemsOf(place.id))
    .sort((left, right) => (right.date || 0) - (left.date || 0));
  const inChips = chipPlaces.length === 0 ? null : new Set(chipItems.map((item) => item.key));
  const unfiltered = chipPlaces.length === 0 && from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY;
  const answer = indexes.placeSearch.search(query, { limit: unfiltered ? limit : Number.MAX_SAFE_INTEGER, textSearch: indexes.textIndex.search });
  const searching = answer.normalizedQuery.length > 0;
  const candidates = searching
    ? answer.hits
    : chipItems.map((item) => ({ itemKey: item.key, date: item.date, placeId: null, matchedName: null }));
  const seen = new Set<string>();
  const matching = candidates.filter((hit) => {
    if (seen.has(hit.itemKey)) return false;
    seen.add(hit.itemKey);
    if (inChips && !inChips.has(hit.itemKey)) return false;
    return from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY ? true : hit.date >= from && hit.date <= to;
  });
  return { chipPlaces, answer, searching, matching, unfiltered };
};

/** The names the tagger found of the places inside the areas, as the item wrote them. */
const namesToMark = (gazetteer: Gazetteer, mentionsOf: NewsIndexes['mentionsOf'], key: string, areas: readonly Place[]): string[] => {
  const mentions = mentionsOf.get(key) ?? [];
  const names = new Set<string>();
  // Mentions come in pairs [place id, name]: the loop reads a pair only when both are there.
  for (let at = 0; at + 1 < mentions.length; at += 2) {
    const place = gazetteer.byId.get(readAt(mentions, at));
    if (place !== undefined && areas.some((area) => placeContains(area, place))) names.add(readAt(mentions, at + 1));
  }
  return [...names];
};

export const answerNewsQuery = (indexes: NewsIndexes, gazetteer: Gazetteer, query: string, filters: SearchFilters, limit: number): SearchAnswer => {
  const { chipPlaces, answer, searching, matching, unfiltered } = matchNews(indexes, gazetteer, query, filters, limit);
  const hits = matching.slice(0, limit).map((hit): SearchHit => {
    const matchedPlace = hit.placeId === null ? undefined : gazetteer.byId.get(hit.placeId);
    const areas = [...(matchedPlace ? [matchedPlace] : []), ...chipPlaces];
    // A hit of the text fallback marks the query's words that named no place ("psychosocial").
    const names = areas.length === 0 ? [] : namesToMark(gazetteer, indexes.mentionsOf, hit.itemKey, areas);
    const words = hit.placeId === null ? answer.textWords : [];
    return { key: hit.itemKey, placeId: hit.placeId, highlightNames: words.length === 0 ? names : [...new Set([...names, ...words])] };
  });
  // "s" or "ta" start hundreds of names and list no news: that is no miss, the user types on.
  const keepTyping = searching && matching.length === 0 && answer.normalizedQuery.length < shortestListingQuery && answer.suggestions.length > 0;
  return {
    query: answer.normalizedQuery,
    suggestions: answer.suggestions,
    hits,
    // Unfiltered, place search counts every item of the matched places, beyond the hits it built.
    total: unfiltered ? Math.max(matching.length, answer.placeItemCount) : matching.length,
    nothingMatched: searching && matching.length === 0 && !keepTyping,
    keepTyping,
    nearestPlaces: keepTyping ? [] : answer.nearestPlaces,
  };
};
