// The search worker's in-memory indexes over the stored items, kept in step with IndexedDB: items
// stored, changed or tagged by an older gazetteer are tagged with places (their saved article's too)
// and written back, each tagged item goes into the place index, the word index and the table of its
// mentions, and a rebuild reads every tagged item into fresh indexes. An article saved, or no longer
// saved, after its item was tagged has the item tagged again. The indexes are saved for the next
// start and read back there (savedIndexes.ts), so a start need not read every item.
import { itemPlainText } from '../../../shared/feed/itemPreview';
import { newsItemKeyFromText, newsItemKeyText } from '../../../shared/feed/newsItem';
import type { Gazetteer } from '../../../shared/places/gazetteer';
import { createNewsPlaceIndex, type NewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { createPlaceSearch, type PlaceSearch } from '../../../shared/places/placeSearch';
import { createPlaceTagger, placeTaggingVersion, tagItem, type PlaceTagger } from '../../../shared/places/tagPlaces';
import type { TextSearch } from '../../../shared/wordSearch/textSearch';
import { indexableWords } from '../../../shared/wordSearch/wordTokens';
import type { SavedWordIndex } from '../../../shared/wordSearch/newsWordIndex';
import type { FieldNewsDb, ItemRecord } from '../../db/fieldNewsDb';
import { createNewsRepository, type PlaceTagWrite, type TaggedItemRecord } from '../../db/newsRepository';
import { countOfTagWrites, storeSearchIndex } from '../../db/searchIndexStore';
import { articleWordsOf, savedArticleKeys, savedArticleTexts } from './savedArticles';
import { readBackIndexes, savedIndexes } from './savedIndexes';

export interface NewsTextIndex {
  /** `foldedWords`: more words of the item, folded as the word index folds them (its article's). */
  setItem(key: string, title: string, text: string, date: number, foldedWords?: readonly string[]): void;
  removeItem(key: string): void;
  search: TextSearch;
  save(): SavedWordIndex;
}

/** A fresh text index, or one read back from its saved state. */
export type CreateTextIndex = (saved?: SavedWordIndex) => NewsTextIndex;

/** The indexes a query reads; a rebuild builds new ones and replaces them all at once. */
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
  /** Takes the indexes saved at the last save, when they are still whole (searchIndexStore.ts);
   *  says whether it did. */
  restore(): Promise<boolean>;
  /** Saves the indexes when they changed since the last save and hold every tag write; says whether it did. */
  save(): Promise<boolean>;
}

const emptyIndexes = (gazetteer: Gazetteer, createTextIndex: CreateTextIndex): NewsIndexes => {
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

/** Puts a tagged item into the indexes, or puts it there again as it is now. */
const indexItem = (indexes: NewsIndexes, item: TaggedItemRecord, shared: (text: string) => string): void => {
  const key = newsItemKeyText(item);
  const { articleWords } = item;
  indexes.placeIndex.setItem(key, item.places, item.sortDate, item.weakPlaces);
  indexes.textIndex.setItem(key, item.title, itemPlainText(item), Date.parse(item.sortDate), articleWords ? articleWords.split(' ') : undefined);
  const mentions = (item.placeMentions ?? []).flatMap((mention) => [shared(mention.placeId), shared(mention.name)]);
  if (mentions.length > 0) indexes.mentionsOf.set(key, mentions);
  else indexes.mentionsOf.delete(key);
  if (articleWords === undefined) indexes.withArticle.delete(key);
  else indexes.withArticle.add(key);
  indexes.indexed.add(key);
};

/** The places an item and its saved article (if any) name, as the tag write to store. */
const placeTagsOf = (tagger: PlaceTagger, item: ItemRecord, article: string | undefined): PlaceTagWrite => {
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
};

export const createNewsIndexes = (db: FieldNewsDb, gazetteer: Gazetteer, createTextIndex: CreateTextIndex): NewsIndexKeeper => {
  const tagger = createPlaceTagger(gazetteer);
  const repository = createNewsRepository(db);
  let current = emptyIndexes(gazetteer, createTextIndex);
  // The count of tag writes the indexes hold every one of (null: not known, so they are not saved),
  // and whether they changed since they were last saved or read back.
  let tagWritesHeld: number | null = null;
  let unsaved = false;
  // Names are shared strings (most repeat), across rebuilds too.
  const sharedNames = new Map<string, string>();
  const shared = (text: string): string => {
    const known = sharedNames.get(text);
    if (known !== undefined) return known;
    sharedNames.set(text, text);
    return text;
  };

  const addToIndexes = (item: TaggedItemRecord) => indexItem(current, item, shared);

  /** Tags items with the places they and their saved articles name, writes the tags back and
   *  indexes the items as written. Returns how many were written. */
  const tagItems = async (items: readonly ItemRecord[]): Promise<number> => {
    if (items.length === 0) return 0;
    const articles = await savedArticleTexts(db, items.map(newsItemKeyText));
    // Tagging writes through the repository like every other write; it skips items sync changed meanwhile.
    const { items: written, tagWrites } = await repository.storePlaceTags(items.map((item) => placeTagsOf(tagger, item, articles.get(newsItemKeyText(item)))));
    written.forEach(addToIndexes);
    // Another tagger's write between ours (a second window) leaves indexes that may lack its items.
    tagWritesHeld = tagWritesHeld !== null && tagWrites === tagWritesHeld + 1 ? tagWrites : null;
    unsaved = true;
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
      // Counted before the read: a tag write during it makes the count differ, and the save skip.
      const tagWrites = await countOfTagWrites(db);
      // Built apart and put in place whole: searches meanwhile answer from the indexes in use (at
      // 100,000 items the read takes 15 s or more), not from half-built ones.
      const fresh = emptyIndexes(gazetteer, createTextIndex);
      await db.items.each((item: TaggedItemRecord) => {
        if (item.placesVersion === placeTaggingVersion) indexItem(fresh, item, shared);
      });
      current = fresh;
      tagWritesHeld = tagWrites;
      unsaved = true;
    },

    async restore() {
      const { indexes, tagWrites } = await readBackIndexes(db, gazetteer, createTextIndex);
      current = indexes ?? emptyIndexes(gazetteer, createTextIndex);
      tagWritesHeld = tagWrites;
      unsaved = false;
      return indexes !== null;
    },

    async save() {
      if (!unsaved || tagWritesHeld === null) return false;
      const stored = await storeSearchIndex(db, savedIndexes(current, tagWritesHeld));
      if (stored) unsaved = false;
      return stored;
    },
  };
};
