// The search side of the database, in the search worker: tags stored items with places (new,
// changed, tagged by an older gazetteer, or whose article was saved since), keeps the place index
// and the word index in step with IndexedDB, and answers each keystroke from those indexes, never
// by scanning items.
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import type { Gazetteer } from '../../../shared/places/gazetteer';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { SearchAnswer, SearchFilters } from '../../threads/searchContract';
import { answerNewsQuery } from './answerNewsQuery';
import { createNewsIndexes, type NewsTextIndex } from './newsIndexes';
import { createNewsMapMarkers, viewPlaceIds } from './newsMapView';

export type { NewsTextIndex } from './newsIndexes';

/** Any query files the names; a one-letter one does the least else. */
const namesFiledBy = 'a';

export const createNewsSearchEngine = (db: FieldNewsDb, gazetteer: Gazetteer, createTextIndex: () => NewsTextIndex) => {
  const indexes = createNewsIndexes(db, gazetteer, createTextIndex);
  const mapMarkers = createNewsMapMarkers(gazetteer);

  return {
    /** Brings the indexes up to date with the database. Returns how many items were tagged. */
    async refresh(batchSize = 500): Promise<number> {
      let tagged = await indexes.tagPending(batchSize);
      if ((await db.items.count()) !== indexes.current.indexed.size) await indexes.rebuild();
      // After a rebuild, so that only items still stored are tagged again for their articles.
      tagged += await indexes.tagArticleChanges(batchSize);
      // The place search files the names of places new to the index on its next query (fuse.js
      // collections: hundreds of milliseconds after a rebuild at 100,000 items). One query now, so
      // the user's first keystroke does not pay for it.
      indexes.current.placeSearch.search(namesFiledBy);
      return tagged;
    },

    get indexedCount() {
      return indexes.current.indexed.size;
    },

    search(query: string, filters: SearchFilters, limit = 1_000): SearchAnswer {
      return answerNewsQuery(indexes.current, gazetteer, query, filters, limit);
    },

    /** For the map: the places each item of the view names. */
    viewPlaceIds(query: string, filters: SearchFilters): string[][] {
      return viewPlaceIds(indexes.current, gazetteer, query, filters);
    },

    /** The map's markers for the view: one per place, with its count of the view's items. */
    mapMarkers(query: string, filters: SearchFilters): PlaceMarker[] {
      return mapMarkers(indexes.current, query, filters);
    },
  };
};

export type NewsSearchEngine = ReturnType<typeof createNewsSearchEngine>;
