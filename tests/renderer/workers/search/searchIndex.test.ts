// The search worker's index over time, over a real (fake-indexeddb) database and the real
// gazetteer: an article saved after its item was indexed reaches the search through the worker's
// own watch, within about the delay it takes for a stored item. liveQuery needs indexedDB as a
// global, as in a worker: the auto import provides it.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedArticle } from '../../../../shared/articles/articleRecord';
import { keyTextOf } from '../../../../shared/feed/newsItem';
import { createNewsWordIndex } from '../../../../shared/wordSearch/newsWordIndex';
import { createArticleRepository } from '../../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { readSavedSearchIndex } from '../../../../renderer/db/searchIndexStore';
import { startSearchIndex } from '../../../../renderer/workers/search/searchIndex';
import { itemsSettleMilliseconds } from '../../../../renderer/workers/search/watchItems';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';

const feedUrl = 'https://news.example.org/feed.xml';
const itemKey = keyTextOf(feedUrl, 'teaser');
const gazetteerFile: unknown = JSON.parse(readFileSync(new URL('../../../../renderer/window/search/gazetteer.json', import.meta.url), 'utf8'));
const noFilters = { placeIds: [], from: null, to: null };
const text = 'Families reached the shelter in Tapachula; a desalination plant gives them water.';
const article: SavedArticle = { html: `<p>${text}</p>`, text, title: null, byline: null, siteName: 'News', length: text.length, pageUrl: 'https://news.example.org/a/teaser' };

let db: FieldNewsDb;
beforeEach(async () => {
  // Node 20 has no navigator: the index then steps aside for no sync, as where Web Locks are missing.
  if (typeof navigator === 'undefined') vi.stubGlobal('navigator', {});
  db = new FieldNewsDb(`field-news-search-index-test-${Math.random()}`);
  await db.open();
  const teaser = plainFeedItem('teaser', '2026-12-01T00:00:00Z', { title: 'Shelter opens its doors', contentText: 'Two lines, then a link.', url: 'https://news.example.org/a/teaser' });
  await createNewsRepository(db).storeFeedPage({ url: feedUrl, title: 'News', builtIn: false }, feedPageOf([teaser]));
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

const until = async (condition: () => boolean, milliseconds: number): Promise<boolean> => {
  const end = Date.now() + milliseconds;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
};

describe('the search index over time', () => {
  it('finds an item by its article\'s place and word soon after the article is saved', async () => {
    let refreshes = 0;
    const index = startSearchIndex({
      db,
      createTextIndex: createNewsWordIndex,
      loadGazetteerFile: () => Promise.resolve(gazetteerFile),
      onReady: () => {
        refreshes += 1;
      },
      onUnavailable: () => undefined,
    });
    await index.start('gazetteer.json');
    const engine = await index.engine();
    // The first build, then the watch's first call: what comes after is the watch hearing of the article.
    expect(await until(() => refreshes === 2, 5_000)).toBe(true);
    const found = (query: string) => engine.search(query, noFilters).hits.map((hit) => hit.key);
    expect([found('Chiapas'), found('Tapachula'), found('desalination')]).toEqual([[], [], []]);
    const articles = createArticleRepository(db);
    await articles.queueArticles([{ itemKey, feedUrl, link: 'https://news.example.org/a/teaser' }]);
    const saved = Date.now();
    await articles.recordTry(itemKey, { kind: 'saved', article });
    // Chiapas, Tapachula's state, is named nowhere: only the item's place tags find it.
    expect(await until(() => found('Chiapas').length > 0, 5_000)).toBe(true);
    // The watch's settle delay, and the refresh after it.
    expect(Date.now() - saved).toBeLessThan(itemsSettleMilliseconds + 1_500);
    expect([found('Chiapas'), found('Tapachula'), found('desalination')]).toEqual([[itemKey], [itemKey], [itemKey]]);
  });

  it('saves its indexes once refreshes are quiet, and a later start reads them back instead of the items', async () => {
    const options = { db, createTextIndex: createNewsWordIndex, loadGazetteerFile: () => Promise.resolve(gazetteerFile), onReady: () => undefined, onUnavailable: () => undefined, saveDelayMs: 50 };
    const first = startSearchIndex(options);
    await first.start('gazetteer.json');
    expect((await first.engine()).indexedCount).toBe(1);
    let saved = await readSavedSearchIndex(db);
    for (let look = 0; saved === undefined && look < 250; look += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      saved = await readSavedSearchIndex(db);
    }
    expect(saved?.words.keys).toEqual([itemKey]);
    const readEveryItem = vi.spyOn(db.items, 'each');
    // The count of items never comes: the saved indexes answer before the refresh looks at what changed.
    const countItems = vi.spyOn(db.items, 'count').mockReturnValue(new Promise<number>(() => undefined) as ReturnType<typeof db.items.count>);
    const later = startSearchIndex(options);
    void later.start('gazetteer.json');
    expect((await later.engine()).search('Shelter', noFilters).hits.map((hit) => hit.key)).toEqual([itemKey]);
    expect(readEveryItem).not.toHaveBeenCalled();
    countItems.mockRestore();
  });
});

