// The search worker's in-memory indexes over the stored items, kept in step with IndexedDB: items
// stored, changed or tagged by an older gazetteer are tagged with places and written back, each
// tagged item goes into the place index, the word index and the table of its mentions, and a
// rebuild reads every tagged item into fresh indexes.
import { itemPlainText } from '../../../shared/feed/itemPreview';
import { newsItemKeyText } from '../../../shared/feed/newsItem';
import type { Gazetteer } from '../../../shared/places/gazetteer';
import { createNewsPlaceIndex, type NewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { createPlaceSearch, type PlaceSearch } from '../../../shared/places/placeSearch';
import { createPlaceTagger, placeTaggingVersion, tagItem } from '../../../shared/places/tagPlaces';
import type { TextSearch } from '../../../shared/wordSearch/textSearch';
import type { FieldNewsDb, ItemRecord } from '../../db/fieldNewsDb';
import { createNewsRepository } from '../../db/newsRepository';

export interface NewsTextIndex {
  setItem(key: string, title: string, text: string, date: number): void;
  removeItem(key: string): void;
  search: TextSearch;
}

/** The indexes a query reads; a rebuild replaces them all at once. */
export interface NewsIndexes {
  readonly placeIndex: NewsPlaceIndex;
  readonly placeSearch: PlaceSearch;
  readonly textIndex: NewsTextIndex;
  /** The keys of the items indexed. */
  readonly indexed: Set<string>;
  /** Each item's mentions as [place id, name as written, …]: what a hit marks, without the window
   *  reading the item again on every keystroke. */
  readonly mentionsOf: Map<string, string[]>;
}

export interface NewsIndexKeeper {
  /** The indexes in use now: read it again after a rebuild, which replaces them. */
  readonly current: NewsIndexes;
  /** Tags items stored since the last look, changed since, or tagged by another version, and
   *  indexes them. Returns how many were tagged. */
  tagPending(batchSize: number): Promise<number>;
  /** Reads every tagged item into fresh indexes (at start, and after items were removed). */
  rebuild(): Promise<void>;
}

const emptyIndexes = (gazetteer: Gazetteer, createTextIndex: () => NewsTextIndex): NewsIndexes => {
  const placeIndex = createNewsPlaceIndex(gazetteer);
  return { placeIndex, placeSearch: createPlaceSearch(placeIndex), textIndex: createTextIndex(), indexed: new Set(), mentionsOf: new Map() };
};

export const createNewsIndexes = (db: FieldNewsDb, gazetteer: Gazetteer, createTextIndex: () => NewsTextIndex): NewsIndexKeeper => {
  const tagger = createPlaceTagger(gazetteer);
  const repository = createNewsRepository(db);
  let current = emptyIndexes(gazetteer, createTextIndex);
  // Names are shared strings (most repeat), across rebuilds too.
  const sharedNames = new Map<string, string>();
  const shared = (text: string): string => {
    const known = sharedNames.get(text);
    if (known !== undefined) return known;
    sharedNames.set(text, text);
    return text;
  };

  const addToIndexes = (item: ItemRecord) => {
    const key = newsItemKeyText(item);
    current.placeIndex.setItem(key, item.places, item.sortDate, item.weakPlaces);
    current.textIndex.setItem(key, item.title, itemPlainText(item), Date.parse(item.sortDate));
    const mentions = (item.placeMentions ?? []).flatMap((mention) => [shared(mention.placeId), shared(mention.name)]);
    if (mentions.length > 0) current.mentionsOf.set(key, mentions);
    else current.mentionsOf.delete(key);
    current.indexed.add(key);
  };

  return {
    get current() {
      return current;
    },

    async tagPending(batchSize) {
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
    },

    async rebuild() {
      current = emptyIndexes(gazetteer, createTextIndex);
      await db.items.each((item) => {
        if (item.placesVersion === placeTaggingVersion) addToIndexes(item);
      });
    },
  };
};
