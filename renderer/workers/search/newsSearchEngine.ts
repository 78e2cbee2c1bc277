// The search side of the database, in the search worker: tags stored items with places (new,
// changed, or tagged by an older gazetteer), keeps the place index and the word index in step with
// IndexedDB, and answers each keystroke from those indexes, never by scanning items.
import { itemPlainText } from '../../../shared/feed/itemPreview';
import { newsItemKeyText } from '../../../shared/feed/newsItem';
import { placeMarkersOf, type PlaceMarker } from '../../../shared/map/placeMarkers';
import { placeContains, type Gazetteer, type Place } from '../../../shared/places/gazetteer';
import { createNewsPlaceIndex, type NewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { createPlaceSearch, type PlaceSearch } from '../../../shared/places/placeSearch';
import { shortestListingQuery } from '../../../shared/places/placeSearchResult';
import { createPlaceTagger, placeTaggingVersion, tagItem } from '../../../shared/places/tagPlaces';
import type { TextSearch } from '../../../shared/wordSearch/textSearch';
import type { FieldNewsDb, ItemRecord } from '../../db/fieldNewsDb';
import { createNewsRepository } from '../../db/newsRepository';
import type { SearchAnswer, SearchFilters, SearchHit } from '../../threads/searchContract';

export interface NewsTextIndex {
  setItem(key: string, title: string, text: string, date: number): void;
  removeItem(key: string): void;
  search: TextSearch;
}

/** Any query files the names; a one-letter one does the least else. */
const namesFiledBy = 'a';
const dayStart = (day: string | null) => (day ? Date.parse(`${day}T00:00:00Z`) : Number.NEGATIVE_INFINITY);
const dayEnd = (day: string | null) => (day ? Date.parse(`${day}T23:59:59.999Z`) : Number.POSITIVE_INFINITY);

export const createNewsSearchEngine = (db: FieldNewsDb, gazetteer: Gazetteer, createTextIndex: () => NewsTextIndex) => {
  const tagger = createPlaceTagger(gazetteer);
  const repository = createNewsRepository(db);
  let placeIndex: NewsPlaceIndex = createNewsPlaceIndex(gazetteer);
  let placeSearch: PlaceSearch = createPlaceSearch(placeIndex);
  let textIndex = createTextIndex();
  let indexed = new Set<string>();
  // Each item's mentions as [place id, name as written, …]: what a hit marks, without the window
  // reading the item again on every keystroke. Names are shared strings (most repeat).
  let mentionsOf = new Map<string, string[]>();
  const sharedNames = new Map<string, string>();
  const shared = (text: string): string => {
    const known = sharedNames.get(text);
    if (known !== undefined) return known;
    sharedNames.set(text, text);
    return text;
  };
  let mapCache: { key: string; index: NewsPlaceIndex; markers: PlaceMarker[] } | null = null;

  const addToIndexes = (item: ItemRecord) => {
    const key = newsItemKeyText(item);
    placeIndex.setItem(key, item.places, item.sortDate, item.weakPlaces);
    textIndex.setItem(key, item.title, itemPlainText(item), Date.parse(item.sortDate));
    const mentions = (item.placeMentions ?? []).flatMap((mention) => [shared(mention.placeId), shared(mention.name)]);
    if (mentions.length > 0) mentionsOf.set(key, mentions);
    else mentionsOf.delete(key);
    indexed.add(key);
  };

  /** Reads every tagged item into fresh indexes (at start, and after items were removed). */
  const rebuild = async () => {
    placeIndex = createNewsPlaceIndex(gazetteer);
    placeSearch = createPlaceSearch(placeIndex);
    textIndex = createTextIndex();
    indexed = new Set();
    mentionsOf = new Map();
    await db.items.each((item) => {
      if (item.placesVersion === placeTaggingVersion) addToIndexes(item);
    });
  };

  /** Tags items stored since the last look, changed since, or tagged by another version. */
  const tagPending = async (batchSize: number): Promise<number> => {
    let tagged = 0;
    for (let round = 0; round < 100_000; round += 1) {
      const batch = await db.items.where('placesVersion').notEqual(placeTaggingVersion).limit(batchSize).toArray();
      if (batch.length === 0) break;
      // Tagging writes through the repository like every other write; it skips items sync changed meanwhile.
      const written = await repository.storePlaceTags(batch.map((item) => {
        const tags = tagItem(tagger, { title: item.title, text: itemPlainText(item), point: item.point });
        return {
          feedUrl: item.feedUrl,
          id: item.id,
          contentHash: item.contentHash,
          places: tags.places,
          weakPlaces: tags.weakPlaces,
          placeMentions: tags.mentions,
          placesVersion: placeTaggingVersion,
        };
      }));
      written.forEach(addToIndexes);
      tagged += written.length;
    }
    return tagged;
  };

  /** The items the query and filters select, in answer order. `limit` caps the hits place search
   *  builds when nothing filters them afterwards (a broad query like "san" names tens of thousands
   *  of items, the list shows fifty); with a chip or a date, every hit must be seen first. */
  const match = (query: string, filters: SearchFilters, limit = Number.MAX_SAFE_INTEGER) => {
    const chipPlaces = filters.placeIds.flatMap((id) => gazetteer.byId.get(id) ?? []);
    const from = dayStart(filters.from);
    const to = dayEnd(filters.to);
    const chipItems = chipPlaces
      .flatMap((place) => placeIndex.itemsOf(place.id))
      .sort((left, right) => (right.date || 0) - (left.date || 0));
    const inChips = chipPlaces.length === 0 ? null : new Set(chipItems.map((item) => item.key));
    const unfiltered = chipPlaces.length === 0 && from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY;
    const answer = placeSearch.search(query, { limit: unfiltered ? limit : Number.MAX_SAFE_INTEGER, textSearch: textIndex.search });
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

  return {
    /** Brings the indexes up to date with the database. Returns how many items were tagged. */
    async refresh(batchSize = 500): Promise<number> {
      const tagged = await tagPending(batchSize);
      if ((await db.items.count()) !== indexed.size) await rebuild();
      // The place search files the names of places new to the index on its next query (fuse.js
      // collections: hundreds of milliseconds after a rebuild at 100,000 items). One query now, so
      // the user's first keystroke does not pay for it.
      placeSearch.search(namesFiledBy);
      return tagged;
    },

    get indexedCount() {
      return indexed.size;
    },

    search(query: string, filters: SearchFilters, limit = 1_000): SearchAnswer {
      const { chipPlaces, answer, searching, matching, unfiltered } = match(query, filters, limit);
      // The names the tagger found of the places inside the areas, as the item wrote them.
      const namesToMark = (key: string, areas: readonly Place[]): string[] => {
        const mentions = mentionsOf.get(key) ?? [];
        const names = new Set<string>();
        for (let at = 0; at + 1 < mentions.length; at += 2) {
          const place = gazetteer.byId.get(mentions[at] ?? '');
          if (place !== undefined && areas.some((area) => placeContains(area, place))) names.add(mentions[at + 1] ?? '');
        }
        return [...names];
      };
      const hits = matching.slice(0, limit).map((hit): SearchHit => {
        const matchedPlace = hit.placeId === null ? undefined : gazetteer.byId.get(hit.placeId);
        const areas = [...(matchedPlace ? [matchedPlace] : []), ...chipPlaces];
        // A hit of the text fallback marks the query's words that named no place ("psychosocial").
        const names = areas.length === 0 ? [] : namesToMark(hit.itemKey, areas);
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
    },

    /** For the map: the places each item of the view names. With no text and no chip the view is
     *  every item (within the dates); an item that names no place is not on the map, so the
     *  countries' postings reach every item that counts. */
    viewPlaceIds(query: string, filters: SearchFilters): string[][] {
      if (query.trim() !== '' || filters.placeIds.length > 0) {
        return match(query, filters).matching.map((hit) => placeIndex.placeIdsOf(hit.itemKey));
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
    },

    /** The map's markers for the view: one per place, with its count of the view's items. */
    mapMarkers(query: string, filters: SearchFilters): PlaceMarker[] {
      // Reopening the map, or going back to a view, costs nothing until the index changes.
      const key = JSON.stringify([placeIndex.revision, query, filters]);
      if (mapCache?.key !== key || mapCache.index !== placeIndex) {
        mapCache = { key, index: placeIndex, markers: placeMarkersOf(gazetteer, this.viewPlaceIds(query, filters)) };
      }
      return mapCache.markers;
    },
  };
};

export type NewsSearchEngine = ReturnType<typeof createNewsSearchEngine>;
