// A saved article counts for its item in search, over a real (fake-indexeddb) database and the real
// gazetteer: the places and words of the article find the item, also when the article is saved after
// the item was tagged, and start-up rebuilds the word index without reading a single article.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedArticle } from '../../../../shared/articles/articleRecord';
import { keyTextOf } from '../../../../shared/feed/newsItem';
import { createNewsWordIndex } from '../../../../shared/wordSearch/newsWordIndex';
import { createArticleRepository } from '../../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { createNewsIndexes } from '../../../../renderer/workers/search/newsIndexes';
import { createNewsSearchEngine, type NewsSearchEngine } from '../../../../renderer/workers/search/newsSearchEngine';
import { articlePlaceCharacters, articleWordCharacters } from '../../../../renderer/workers/search/savedArticles';
import type { SearchFilters } from '../../../../renderer/threads/searchContract';
import { bundledGazetteer } from '../../../fixtures/bundledData';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';

const feedUrl = 'https://news.example.org/feed.xml';
const noFilters: SearchFilters = { placeIds: [], from: null, to: null };
const teaserKey = keyTextOf(feedUrl, 'teaser');
const otherKey = keyTextOf(feedUrl, 'other');
const tapachula = bundledGazetteer.places.find((place) => place.name === 'Tapachula' && place.country === 'MX')!;

/** A summary that names no place and none of the article's words. */
const teaser = plainFeedItem('teaser', '2026-12-01T00:00:00Z', { title: 'Shelter opens its doors', contentText: 'Two lines, then a link.', url: 'https://news.example.org/a/teaser' });
const other = plainFeedItem('other', '2026-12-02T00:00:00Z', { title: 'Rains in the valley', contentText: 'Farmers wait for the harvest.', url: 'https://news.example.org/a/other' });
const savedArticle = (text: string): SavedArticle => ({ html: `<p>${text}</p>`, text, title: null, byline: null, siteName: 'News', length: text.length, pageUrl: 'https://news.example.org/a/teaser' });
const bodyText = 'The shelter in Tapachula registered three hundred families; a desalination plant now gives them water.';

let db: FieldNewsDb;
let engine: NewsSearchEngine;

const saveArticle = async (itemKey: string, text: string) => {
  const articles = createArticleRepository(db);
  await articles.queueArticles([{ itemKey, feedUrl, link: 'https://news.example.org/a/teaser' }]);
  await articles.recordTry(itemKey, { kind: 'saved', article: savedArticle(text) });
};
const keysFound = (query: string): string[] => engine.search(query, noFilters).hits.map((hit) => hit.key);

beforeEach(async () => {
  db = new FieldNewsDb('field-news-article-search-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await createNewsRepository(db).storeFeedPage({ url: feedUrl, title: 'News', builtIn: false }, feedPageOf([teaser, other]));
  engine = createNewsSearchEngine(db, bundledGazetteer, createNewsWordIndex);
});
afterEach(() => db.close());

describe('a saved article in search', () => {
  it('finds the item by a place and a word named only in its saved article', async () => {
    await saveArticle(teaserKey, bodyText);
    await engine.refresh();
    expect(keysFound('Tapachula')).toEqual([teaserKey]);
    expect(engine.search('Tapachula', noFilters).hits[0]).toMatchObject({ placeId: tapachula.id, highlightNames: ['Tapachula'] });
    expect(keysFound('Chiapas')).toEqual([teaserKey]);
    expect(keysFound('desalination')).toEqual([teaserKey]);
    expect((await db.items.get([feedUrl, 'teaser']))?.places).toContain(tapachula.id);
  });

  it('tags and indexes the item again when its article is saved after the item was indexed', async () => {
    await engine.refresh();
    expect(keysFound('Tapachula')).toEqual([]);
    expect(keysFound('desalination')).toEqual([]);
    await saveArticle(teaserKey, bodyText);
    expect(await engine.refresh()).toBe(1);
    expect(keysFound('Tapachula')).toEqual([teaserKey]);
    expect(keysFound('desalination')).toEqual([teaserKey]);
    expect((await db.items.get([feedUrl, 'teaser']))?.places).toContain(tapachula.id);
    // Nothing changed since: nothing is tagged again.
    expect(await engine.refresh()).toBe(0);
  });

  it('forgets the article\'s places and words when the article is no longer saved', async () => {
    await saveArticle(teaserKey, bodyText);
    await engine.refresh();
    await createArticleRepository(db).tryAgain(teaserKey);
    expect(await engine.refresh()).toBe(1);
    expect(keysFound('Tapachula')).toEqual([]);
    expect(keysFound('desalination')).toEqual([]);
  });

  it('reads the article\'s words from its first characters and its places from a longer stretch', async () => {
    const sentence = 'the team met again with the families and their partners. ';
    const filler = (characters: number) => sentence.repeat(Math.ceil(characters / sentence.length)).slice(0, characters);
    const text = `${filler(articleWordCharacters)} aquaponics in Tapachula. ${filler(articlePlaceCharacters)} Then Comalapa.`;
    await saveArticle(teaserKey, text);
    // The same words at the start of another article are found: only where they stand differs.
    await saveArticle(otherKey, 'Then Comalapa, and aquaponics.');
    await engine.refresh();
    expect(keysFound('partners')).toEqual([teaserKey]);
    expect(keysFound('aquaponics')).toEqual([otherKey]);
    expect(keysFound('Tapachula')).toEqual([teaserKey]);
    expect(keysFound('Comalapa')).toEqual([otherKey]);
  });

  it('rebuilds the word index at start-up from the items alone, without reading the articles', async () => {
    await saveArticle(teaserKey, bodyText);
    await engine.refresh();
    await db.articles.clear();
    const indexes = createNewsIndexes(db, bundledGazetteer, createNewsWordIndex);
    await indexes.rebuild();
    expect(indexes.current.textIndex.search(['desalination'], 10).map((hit) => hit.key)).toEqual([teaserKey]);
    expect(indexes.current.placeIndex.itemsOf(tapachula.id).map((item) => item.key)).toEqual([teaserKey]);
  });

  it('leaves an item without a saved article as it was', async () => {
    await saveArticle(teaserKey, bodyText);
    await engine.refresh();
    expect(keysFound('harvest')).toEqual([otherKey]);
    expect(Object.keys((await db.items.get([feedUrl, 'other']))!)).not.toContain('articleWords');
  });
});
