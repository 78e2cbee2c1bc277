// The search side of the database, in the search worker: tags stored items with places (new,
// changed, tagged by an older gazetteer, or whose article was saved since), keeps the place index
// and the word index in step with IndexedDB, and answers each keystroke from those indexes, never
// by scanning items.
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import type { Gazetteer } from '../../../shared/places/gazetteer';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { SearchAnswer, SearchFilters } from '../../threads/searchContract';
import { answerNewsQuery } from './answerNewsQuery';
import { createNewsIndexes, type CreateTextIndex } from './newsIndexes';
import { createNewsMapMarkers, viewPlaceIds } from './newsMapView';

export type { CreateTextIndex, NewsTextIndex } from './newsIndexes';

/** Any query files the names; a one-letter one does the least else. */
const namesFiledBy = 'a';

export const createNewsSearchEngine = (db: FieldNewsDb, gazetteer: Gazetteer, createTextIndex: CreateTextIndex) => {
  const indexes = createNewsIndexes(db, gazetteer, createTextIndex);
  const mapMarkers = createNewsMapMarkers(gazetteer);
  let restoring: Promise<boolean> | null = null;
  const restore = () => (restoring ??= indexes.restore());

  return {
    /** Takes the indexes saved for this start when they are whole, once; says whether it did. They
     *  answer at once; the first refresh then brings them up to what changed since they were saved. */
    restore,

    /** Brings the indexes up to date with the database, the first time from the indexes saved at
     *  the last save when they are still whole. Returns how many items were tagged. */
    async refresh(batchSize = 500): Promise<number> {
      await restore();
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

    /** Saves the indexes for the next start when they changed; says whether it did. */
    saveIndexes: (): Promise<boolean> => indexes.save(),

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
