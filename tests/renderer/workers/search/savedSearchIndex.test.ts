// The search worker's indexes saved for the next start, over a real (fake-indexeddb) database, the
// real gazetteer and the bundled sample: a start reads them back instead of every item, and never
// answers from indexes that miss a tag write, an item removed or an item changed since the save.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleFeedKey } from '../../../../shared/feed/sampleFeed';
import { placeTaggingVersion } from '../../../../shared/places/tagPlaces';
import { createNewsWordIndex } from '../../../../shared/wordSearch/newsWordIndex';
import { FieldNewsDb, type SearchIndexRecord } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../../renderer/db/newsRepository';
import { readSavedSearchIndex } from '../../../../renderer/db/searchIndexStore';
import { createNewsSearchEngine, type NewsSearchEngine } from '../../../../renderer/workers/search/newsSearchEngine';
import type { SearchFilters } from '../../../../renderer/threads/searchContract';
import { bundledGazetteer, bundledSamplePage } from '../../../fixtures/bundledData';

const sample = bundledSamplePage();
const noFilters: SearchFilters = { placeIds: [], from: null, to: null };
const queries = ['tapachla', 'Guatemala', 'peten', 'Chiapas', 'psychosocial', 'trafiking', 'mexico', 'Tokyo'];
const petenItem = sample.items.find((item) => item.id.startsWith('2021-06-18'))!.id;
const psychosocialItem = sample.items.find((item) => item.id.includes('psychosocial'))!.id;

let db: FieldNewsDb;
let repository: NewsRepository;
let first: NewsSearchEngine;

const answers = (engine: NewsSearchEngine) => queries.map((query) => engine.search(query, noFilters));
const idsFor = (engine: NewsSearchEngine, query: string) => engine.search(query, noFilters).hits.map((hit) => hit.key.split('\n')[1]);
/** A later start of the worker on the same database, and whether it read every item. */
const nextStart = async () => {
  const readEveryItem = vi.spyOn(db.items, 'each');
  const engine = createNewsSearchEngine(db, bundledGazetteer, createNewsWordIndex);
  await engine.refresh();
  const readItems = readEveryItem.mock.calls.length > 0;
  readEveryItem.mockRestore();
  return { engine, readItems };
};

beforeEach(async () => {
  db = new FieldNewsDb(`field-news-saved-index-test-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
  await repository.storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, sample);
  first = createNewsSearchEngine(db, bundledGazetteer, createNewsWordIndex);
  await first.refresh();
});
afterEach(() => db.close());

describe('the search index saved for the next start', () => {
  it('is read back at the next start, which then reads no item and answers as the first did', async () => {
    expect(await first.saveIndexes()).toBe(true);
    const { engine, readItems } = await nextStart();
    expect(readItems).toBe(false);
    expect(engine.indexedCount).toBe(10);
    expect(answers(engine)).toEqual(answers(first));
    expect(idsFor(engine, 'peten')[0]).toBe(petenItem);
  });

  it('is saved once per change: a second save with nothing new writes nothing', async () => {
    expect(await first.saveIndexes()).toBe(true);
    expect(await first.saveIndexes()).toBe(false);
    const { engine } = await nextStart();
    expect(await engine.saveIndexes()).toBe(false);
  });

  it('is dropped by any place-tag write after it, so a start reads the items again', async () => {
    expect(await first.saveIndexes()).toBe(true);
    const stored = (await db.items.get([sampleFeedKey, petenItem]))!;
    await repository.storePlaceTags([{ feedUrl: sampleFeedKey, id: petenItem, contentHash: stored.contentHash, places: ['JM'], weakPlaces: [], placeMentions: [], placesVersion: placeTaggingVersion }]);
    expect(await readSavedSearchIndex(db)).toBeUndefined();
    const { engine, readItems } = await nextStart();
    expect(readItems).toBe(true);
    expect(idsFor(engine, 'Jamaica')).toContain(petenItem);
  });

  it('is not saved by indexes that miss another window\'s tag write', async () => {
    const stored = (await db.items.get([sampleFeedKey, petenItem]))!;
    await repository.storePlaceTags([{ feedUrl: sampleFeedKey, id: petenItem, contentHash: stored.contentHash, places: ['JM'], weakPlaces: [], placeMentions: [], placesVersion: placeTaggingVersion }]);
    expect(await first.saveIndexes()).toBe(false);
    expect(await readSavedSearchIndex(db)).toBeUndefined();
  });

  it('is not saved by indexes that tagged more after another window\'s tag write', async () => {
    const stored = (await db.items.get([sampleFeedKey, petenItem]))!;
    await repository.storePlaceTags([{ feedUrl: sampleFeedKey, id: petenItem, contentHash: stored.contentHash, places: ['JM'], weakPlaces: [], placeMentions: [], placesVersion: placeTaggingVersion }]);
    const later = { ...sample.items[0]!, id: 'later', title: 'Shelter opens in Tapachula' };
    await repository.storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, { ...sample, items: [later] });
    expect(await first.refresh()).toBe(1);
    expect(await first.saveIndexes()).toBe(false);
  });

  it('leaves out an item removed since it was saved: the count differs and the items are read again', async () => {
    expect(await first.saveIndexes()).toBe(true);
    await db.transaction('rw', db.items, () => db.items.delete([sampleFeedKey, psychosocialItem]));
    const { engine, readItems } = await nextStart();
    expect(readItems).toBe(true);
    expect(engine.indexedCount).toBe(9);
    expect(idsFor(engine, 'psychosocial')).toEqual([]);
  });

  it('answers from the indexes read back while it reads every item again, and from the new ones after', async () => {
    expect(await first.saveIndexes()).toBe(true);
    await db.transaction('rw', db.items, () => db.items.delete([sampleFeedKey, psychosocialItem]));
    const engine = createNewsSearchEngine(db, bundledGazetteer, createNewsWordIndex);
    expect(await engine.restore()).toBe(true);
    const answeredDuringTheRead: (string | undefined)[][] = [];
    const each = db.items.each.bind(db.items);
    const readEveryItem = vi.spyOn(db.items, 'each').mockImplementationOnce((callback) => {
      answeredDuringTheRead.push(idsFor(engine, 'psychosocial'));
      return each(callback);
    });
    await engine.refresh();
    readEveryItem.mockRestore();
    expect(answeredDuringTheRead).toEqual([[psychosocialItem]]);
    expect(engine.indexedCount).toBe(9);
    expect(idsFor(engine, 'psychosocial')).toEqual([]);
  });

  it('finds an item changed since it was saved by its new words, not its old ones', async () => {
    expect(await first.saveIndexes()).toBe(true);
    const changed = sample.items.map((item) => (item.id === psychosocialItem ? { ...item, title: 'Quetzalcoatlus bones found', contentText: 'Quetzalcoatlus bones found in Belize.', contentHtml: null, dateModified: '2030-01-01T00:00:00Z' } : item));
    await repository.storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, { ...sample, items: changed });
    const { engine } = await nextStart();
    expect(idsFor(engine, 'quetzalcoatlus')).toEqual([psychosocialItem]);
    expect(idsFor(engine, 'psychosocial')).toEqual([]);
  });

  it('is not read back when another tagger or word folding made it, or when it is not an index', async () => {
    expect(await first.saveIndexes()).toBe(true);
    const saved = await db.searchIndex.get('saved');
    if (saved?.name !== 'saved') throw new Error('no index saved');
    for (const other of [{ ...saved, format: 'index.0+tagger.6+words.0' }, { ...saved, words: { ...saved, keys: [] } }, { name: 'saved' as const, format: saved.format }, { ...saved, mentions: { ...saved.mentions, positions: saved.mentions.positions.map(() => saved.names.length) } }]) {
      await db.searchIndex.put(other as SearchIndexRecord);
      expect(await readSavedSearchIndex(db)).toBeUndefined();
      const { engine, readItems } = await nextStart();
      expect(readItems).toBe(true);
      expect(answers(engine)).toEqual(answers(first));
    }
  });
});
