// The search engine over a real (fake-indexeddb) database, the real gazetteer and the bundled sample:
// items are tagged and written back, indexes follow the database, and answers carry what to highlight.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsItemKeyText } from '../../../../shared/feed/newsItem';
import { sampleFeedKey } from '../../../../shared/feed/sampleFeed';
import { createNewsWordIndex } from '../../../../shared/wordSearch/newsWordIndex';
import { placeTaggingVersion } from '../../../../shared/places/tagPlaces';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../../renderer/db/newsRepository';
import { suggestionLabel } from '../../../../shared/places/placeLabel';
import { createNewsSearchEngine, type NewsSearchEngine } from '../../../../renderer/workers/search/newsSearchEngine';
import type { SearchFilters, SearchHit } from '../../../../renderer/threads/searchContract';
import { bundledGazetteer, bundledSamplePage } from '../../../fixtures/bundledData';
import { intlFor } from '../../../../shared/i18n/formatMessages';

const sample = { value: bundledSamplePage() };
const idStarting = (prefix: string) => sample.value.items.find((item) => item.id.startsWith(prefix))!.id;
const tapachulaItem = idStarting('2021-07-01');
const petenItem = idStarting('2021-06-18');
const womenItem = idStarting('2021-06-28-iom-presents');
const noFilters: SearchFilters = { placeIds: [], from: null, to: null };

let db: FieldNewsDb;
let repository: NewsRepository;
let engine: NewsSearchEngine;

beforeEach(async () => {
  db = new FieldNewsDb('field-news-search-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
  await repository.storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, sample.value);
  engine = createNewsSearchEngine(db, bundledGazetteer, createNewsWordIndex);
  await engine.refresh();
});
afterEach(() => db.close());

/** What the window marks in a hit: the names the worker worked out from the stored mentions. */
const markedIn = (hit: SearchHit | undefined): string[] => hit?.highlightNames ?? [];

const firstIds = (query: string, filters = noFilters) => engine.search(query, filters).hits.map((hit) => hit.key.split('\n')[1]);

describe('the search engine', () => {
  it('tags every stored item once and writes the places back to IndexedDB', async () => {
    expect(await db.items.where('placesVersion').equals(placeTaggingVersion).count()).toBe(10);
    expect((await db.items.get([sampleFeedKey, tapachulaItem]))?.places.length).toBeGreaterThanOrEqual(3);
    expect(await engine.refresh()).toBe(0);
    expect(engine.indexedCount).toBe(10);
  });

  it('finds the Tapachula item for "tapachla" and says to mark "Tapachula" in it', () => {
    const answer = engine.search('tapachla', noFilters);
    expect(answer.hits[0]?.key.split('\n')[1]).toBe(tapachulaItem);
    expect(markedIn(answer.hits[0])).toEqual(['Tapachula']);
    expect(suggestionLabel(intlFor('en'), answer.suggestions[0]!)).toBe('Tapachula — Chiapas, Mexico · 1 item');
  });

  it('finds the Petén item for "Guatemala", marking Petén, a place inside it, where the tagger found it', async () => {
    const answer = engine.search('Guatemala', noFilters);
    expect(answer.hits[0]?.key.split('\n')[1]).toBe(petenItem);
    expect((markedIn(answer.hits[0])).sort()).toEqual(['La Libertad', 'Melchor de Mencos', 'Petén']);
    const stored = await db.items.get([sampleFeedKey, petenItem]);
    expect(stored?.placeMentions?.map((mention) => mention.name)).toEqual(expect.arrayContaining(['Petén', 'La Libertad']));
  });

  it('narrows to the place chips, and to a date range', () => {
    expect(firstIds('', { placeIds: ['MX'], from: null, to: null }).sort()).toEqual([tapachulaItem, womenItem].sort());
    expect(firstIds('', { placeIds: ['MX'], from: '2021-06-30', to: null })).toEqual([tapachulaItem]);
    expect(firstIds('mexico', { placeIds: [], from: '2021-06-01', to: '2021-06-29' })).toEqual([womenItem]);
  });

  it('says when nothing matches, and offers the nearest place names', () => {
    const answer = engine.search('Tokyo', noFilters);
    expect(answer.hits).toEqual([]);
    expect(answer.nothingMatched).toBe(true);
    expect(answer.keepTyping).toBe(false);
  });

  it('takes one or two letters that start place names for a query still being typed, not a miss', () => {
    for (const query of ['t', 'Ta']) {
      const answer = engine.search(query, noFilters);
      expect(answer.suggestions.length).toBeGreaterThan(0);
      expect([answer.keepTyping, answer.nothingMatched, answer.nearestPlaces]).toEqual([true, false, []]);
    }
    // Letters no place name starts with are a miss however short.
    expect([engine.search('qx', noFilters).keepTyping, engine.search('qx', noFilters).nothingMatched]).toEqual([false, true]);
  });

  it('finds words that name no place in titles and texts, below place matches', () => {
    expect(firstIds('psychosocial')[0]).toBe(tapachulaItem);
    const textHit = engine.search('psychosocial', noFilters).hits[0];
    expect([textHit?.placeId, markedIn(textHit)]).toEqual([null, ['psychosocial']]);
    expect(firstIds('trafficking')[0]).toBe(idStarting('2021-06-21-iom-panama'));
  });

  it('tags items again when they were tagged by another gazetteer or tagger version', async () => {
    await db.items.update([sampleFeedKey, petenItem], { places: [], placesVersion: 'field-news-gazetteer/0+tagger.0' });
    expect(await engine.refresh()).toBe(1);
    expect((await db.items.get([sampleFeedKey, petenItem]))?.places.length).toBeGreaterThan(0);
    expect(firstIds('peten')[0]).toBe(petenItem);
  });

  it('tags, in batches, items new since the last look and items a newer version tagged, and leaves the rest', async () => {
    const items = await db.items.toArray();
    // New items carry '' (below this version in the index); a newer app's tags sort above it.
    await db.items.bulkPut(items.map((item, index) => ({ ...item, placesVersion: index % 3 === 0 ? '' : index % 3 === 1 ? `${placeTaggingVersion}.1` : item.placesVersion })));
    const waiting = items.filter((_, index) => index % 3 !== 2).length;
    expect(await engine.refresh(2)).toBe(waiting);
    expect(await db.items.where('placesVersion').equals(placeTaggingVersion).count()).toBe(items.length);
    expect(await engine.refresh(2)).toBe(0);
  });

  it('follows the database when a feed and its items are removed', async () => {
    await repository.removeFeed(sampleFeedKey);
    await engine.refresh();
    expect(engine.indexedCount).toBe(0);
    expect(engine.search('tapachula', noFilters).hits).toEqual([]);
  });

  it('finds an item that carries only coordinates by its nearest town, that town\'s state and its country', async () => {
    // 14.906, -92.263 is central Tapachula; the item names no place in its words.
    const pointOnly = {
      ...sample.value.items[0]!,
      id: 'point-only',
      title: 'Shelter opens its doors',
      contentText: 'Families arrived overnight and were given beds.',
      contentHtml: null,
      summary: null,
      point: { latitude: 14.906, longitude: -92.263 },
    };
    await repository.storeFeedPage({ url: 'https://example.org/point.json', title: 'Point feed', builtIn: false }, { ...sample.value, items: [pointOnly] });
    await engine.refresh();
    for (const query of ['Tapachula', 'Chiapas', 'Mexico']) expect(firstIds(query)).toContain('point-only');
    expect(firstIds('Guatemala')).not.toContain('point-only');
  });

  it('writes no tags over an item that sync changed after it was read', async () => {
    const stored = (await db.items.get([sampleFeedKey, petenItem]))!;
    const tag = { feedUrl: sampleFeedKey, id: petenItem, places: ['JM'], weakPlaces: [], placeMentions: [], placesVersion: placeTaggingVersion };
    expect((await repository.storePlaceTags([{ ...tag, contentHash: 'an older hash' }])).items).toEqual([]);
    expect((await db.items.get([sampleFeedKey, petenItem]))?.places).toEqual(stored.places);
    expect((await repository.storePlaceTags([{ ...tag, contentHash: stored.contentHash }])).items.map((item) => item.places)).toEqual([['JM']]);
  });

  it('builds only the hits asked for, and still counts every matching item', () => {
    const answer = engine.search('mexico', noFilters, 1);
    expect(answer.hits).toHaveLength(1);
    expect(answer.total).toBe(engine.search('mexico', noFilters).hits.length);
    expect(answer.total).toBeGreaterThanOrEqual(2);
    // A date filters after place search: the count is of the filtered items.
    const since = { placeIds: [], from: '2021-06-30', to: null };
    expect(engine.search('mexico', since, 1).total).toBe(1);
    expect(engine.search('mexico', since).hits).toHaveLength(1);
  });

  it('keys hits as the list does', () => {
    expect(engine.search('panama', noFilters).hits[0]?.key).toBe(newsItemKeyText({ feedUrl: sampleFeedKey, id: idStarting('2021-06-21-iom-panama') }));
  });
});
