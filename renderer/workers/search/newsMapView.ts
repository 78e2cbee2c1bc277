// The map's view of the news: the places each item of the view names, and the markers built from
// them, kept until the index or the view changes.
import { placeMarkersOf, type PlaceMarker } from '../../../shared/map/placeMarkers';
import type { Gazetteer } from '../../../shared/places/gazetteer';
import type { NewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import type { SearchFilters } from '../../threads/searchContract';
import { dayEnd, dayStart, matchNews } from './answerNewsQuery';
import type { NewsIndexes } from './newsIndexes';

/** The places each item of the view names. With no text and no chip the view is every item (within
 *  the dates); an item that names no place is not on the map, so the countries' postings reach
 *  every item that counts. */
export const viewPlaceIds = (indexes: NewsIndexes, gazetteer: Gazetteer, query: string, filters: SearchFilters): string[][] => {
  const { placeIndex } = indexes;
  if (query.trim() !== '' || filters.placeIds.length > 0) {
    return matchNews(indexes, gazetteer, query, filters).matching.map((hit) => placeIndex.placeIdsOf(hit.itemKey));
  }
  const from = dayStart(filters.from);
  const to = dayEnd(filters.to);
  const everyDate = from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const placeIds: string[][] = [];
  for (const country of placeIndex.presentPlaces()) {
    if (country.kind !== 'country') continue;
    placeIndex.visit(country.id, (_slot, key, date) => {
      if (!seen.has(key) && (everyDate || (date >= from && date <= to))) placeIds.push(placeIndex.placeIdsOf(key));
      seen.add(key);
      return true;
    });
  }
  return placeIds;
};

/** The map's markers for a view: one per place, with its count of the view's items. */
export const createNewsMapMarkers = (gazetteer: Gazetteer) => {
  let mapCache: { key: string; index: NewsPlaceIndex; markers: PlaceMarker[] } | null = null;
  return (indexes: NewsIndexes, query: string, filters: SearchFilters): PlaceMarker[] => {
    // Reopening the map, or going back to a view, costs nothing until the index changes.
    const key = JSON.stringify([indexes.placeIndex.revision, query, filters]);
    if (mapCache?.key !== key || mapCache.index !== indexes.placeIndex) {
      mapCache = { key, index: indexes.placeIndex, markers: placeMarkersOf(gazetteer, viewPlaceIds(indexes, gazetteer, query, filters)) };
    }
    return mapCache.markers;
  };
};
