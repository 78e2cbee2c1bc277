// The search worker's in-memory indexes over the stored items, kept in step with IndexedDB: items
// stored, changed or tagged by an older gazetteer are tagged with places (their saved article's too)
// and written back, each tagged item goes into the place index, the word index and the table of its
// mentions, and a rebuild reads every tagged item into fresh indexes. An article saved, or no longer
// saved, after its item was tagged has the item tagged again.
import { itemPlainText } from '../../../shared/feed/itemPreview';
import { newsItemKeyFromText, newsItemKeyText } from '../../../shared/feed/newsItem';
import type { Gazetteer } from '../../../shared/places/gazetteer';
import { createNewsPlaceIndex, type NewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { createPlaceSearch, type PlaceSearch } from '../../../shared/places/placeSearch';
import { createPlaceTagger, placeTaggingVersion, tagItem } from '../../../shared/places/tagPlaces';
import type { TextSearch } from '../../../shared/wordSearch/textSearch';
import { indexableWords } from '../../../shared/wordSearch/wordTokens';
import type { FieldNewsDb, ItemRecord } from '../../db/fieldNewsDb';
import { createNewsRepository, type TaggedItemRecord } from '../../db/newsRepository';
import { articleWordsOf, savedArticleKeys, savedArticleTexts } from './savedArticles';

export interface NewsTextIndex {
  /** `foldedWords`: more words of the item, folded as the word index folds them (its article's). */
  setItem(key: string, title: string, text: string, date: number, foldedWords?: readonly string[]): void;
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
  /** The keys of the items indexed with their saved article's places and words. */
  readonly withArticle: Set<string>;
}

export interface NewsIndexKeeper {
  /** The indexes in use now: read it again after a rebuild, which replaces them. */
  readonly current: NewsIndexes;
  /** Tags items stored since the last look, changed since, or tagged by another version, and
   *  indexes them. Returns how many were tagged. */
  tagPending(batchSize: number): Promise<number>;
  /** Tags again the indexed items whose article was saved, or is no longer saved, since they were
   *  tagged. Returns how many were tagged. */
  tagArticleChanges(batchSize: number): Promise<number>;
  /** Reads every tagged item into fresh indexes (at start, and after items were removed). */
  rebuild(): Promise<void>;
}

const emptyIndexes = (gazetteer: Gazetteer, createTextIndex: () => NewsTextIndex): NewsIndexes => {
  const placeIndex = createNewsPlaceIndex(gazetteer);
  return { placeIndex, placeSearch: createPlaceSearch(placeIndex), textIndex: createTextIndex(), indexed: new Set(), mentionsOf: new Map(), withArticle: new Set() };
};

/**
 * Up to `limit` items not tagged by this version: those below it in the index (new items carry '')
 * and those above it (a newer app's tags). Two plain key ranges of the index, each one read: Dexie's
 * `notEqual` walked the whole index with a cursor, which took 10 to 15 s at 100,000 items on disk at
 * every start and every refresh with no item waiting (these two ranges: 0.7 to 1.1 s there, measured
 * in the worker, issue 24).
 */
const itemsTaggedOtherwise = async (db: FieldNewsDb, limit: number): Promise<ItemRecord[]> => {
  const below = await db.items.where('placesVersion').below(placeTaggingVersion).limit(limit).toArray();
  if (below.length >= limit) return below;
  return [...below, ...(await db.items.where('placesVersion').above(placeTaggingVersion).limit(limit - below.length).toArray())];
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

  const addToIndexes = (item: TaggedItemRecord) => {
    const key = newsItemKeyText(item);
    const { articleWords } = item;
    current.placeIndex.setItem(key, item.places, item.sortDate, item.weakPlaces);
    current.textIndex.setItem(key, item.title, itemPlainText(item), Date.parse(item.sortDate), articleWords ? articleWords.split(' ') : undefined);
    const mentions = (item.placeMentions ?? []).flatMap((mention) => [shared(mention.placeId), shared(mention.name)]);
    if (mentions.length > 0) current.mentionsOf.set(key, mentions);
    else current.mentionsOf.delete(key);
    if (articleWords === undefined) current.withArticle.delete(key);
    else current.withArticle.add(key);
    current.indexed.add(key);
  };

  /** Tags items with the places they and their saved articles name, writes the tags back and
   *  indexes the items as written. Returns how many were written. */
  const tagItems = async (items: readonly ItemRecord[]): Promise<number> => {
    if (items.length === 0) return 0;
    const articles = await savedArticleTexts(db, items.map(newsItemKeyText));
    // Tagging writes through the repository like every other write; it skips items sync changed meanwhile.
    const written = await repository.storePlaceTags(items.map((item) => {
      const article = articles.get(newsItemKeyText(item));
      const text = itemPlainText(item);
      const tags = tagItem(tagger, { title: item.title, text, article, point: item.point });
      return {
        feedUrl: item.feedUrl,
        id: item.id,
        contentHash: item.contentHash,
        places: tags.places,
        weakPlaces: tags.weakPlaces,
        placeMentions: tags.mentions,
        placesVersion: placeTaggingVersion,
        articleWords: article === undefined ? undefined : articleWordsOf(article, indexableWords(`${item.title}\n${text}`)),
      };
    }));
    written.forEach(addToIndexes);
    return written.length;
  };

  return {
    get current() {
      return current;
    },

    async tagPending(batchSize) {
      let tagged = 0;
      for (let round = 0; round < 100_000; round += 1) {
        const batch = await itemsTaggedOtherwise(db, batchSize);
        if (batch.length === 0) break;
        tagged += await tagItems(batch);
      }
      return tagged;
    },

    async tagArticleChanges(batchSize) {
      // Keys only: which items have a saved article, against which were indexed with one.
      const saved = new Set(await savedArticleKeys(db));
      const { indexed, withArticle } = current;
      const changed = [...saved].filter((key) => indexed.has(key) && !withArticle.has(key));
      for (const key of withArticle) if (!saved.has(key)) changed.push(key);
      let tagged = 0;
      for (let at = 0; at < changed.length; at += batchSize) {
        const items = await db.items.bulkGet(changed.slice(at, at + batchSize).map(newsItemKeyFromText));
        // An item changed by sync meanwhile waits for tagPending; one removed is gone with the next rebuild.
        tagged += await tagItems(items.filter((item): item is ItemRecord => item?.placesVersion === placeTaggingVersion));
      }
      return tagged;
    },

    async rebuild() {
      current = emptyIndexes(gazetteer, createTextIndex);
      await db.items.each((item: TaggedItemRecord) => {
        if (item.placesVersion === placeTaggingVersion) addToIndexes(item);
      });
    },
  };
};
