// The search worker's watch of the items table and the saved articles, over a real
// (fake-indexeddb) database. liveQuery only runs where indexedDB is a global, as in a worker: the
// auto import provides it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedArticle } from '../../../../shared/articles/articleRecord';
import { errorMessages } from '../../../../shared/errorMessages';
import { newsItemKeyText } from '../../../../shared/feed/newsItem';
import { sampleFeedKey } from '../../../../shared/feed/sampleFeed';
import { createArticleRepository } from '../../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { watchItems } from '../../../../renderer/workers/search/watchItems';
import { bundledSamplePage } from '../../../fixtures/bundledData';

let db: FieldNewsDb;
beforeEach(async () => {
  db = new FieldNewsDb(`field-news-watch-test-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

const until = async (condition: () => boolean, milliseconds: number): Promise<boolean> => {
  const end = Date.now() + milliseconds;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
};

describe('watchItems', () => {
  it('calls once at the start, then once for a burst of stored items, within 2 s', async () => {
    let calls = 0;
    const stop = watchItems(db, () => { calls += 1; }, 200);
    expect(await until(() => calls === 1, 2_000)).toBe(true);
    const stored = Date.now();
    await createNewsRepository(db).storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
    expect(await until(() => calls === 2, 2_000)).toBe(true);
    expect(Date.now() - stored).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toBe(2);
    stop();
  });

  it('is not woken by writes to items alone (its own place tags), and is by a removed feed', async () => {
    let calls = 0;
    const repository = createNewsRepository(db);
    await repository.storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
    const stop = watchItems(db, () => { calls += 1; }, 50);
    expect(await until(() => calls === 1, 2_000)).toBe(true);
    const [first] = await db.items.limit(1).toArray();
    await db.items.update([first!.feedUrl, first!.id], { placesVersion: 'tagger.test' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
    await repository.removeFeed(sampleFeedKey);
    expect(await until(() => calls === 2, 2_000)).toBe(true);
    stop();
  });

  it('is woken when an article is saved, not when one is queued or its try fails', async () => {
    let calls = 0;
    await createNewsRepository(db).storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
    const [first, second] = await db.items.limit(2).toArray();
    const itemKey = newsItemKeyText(first!);
    const articles = createArticleRepository(db);
    const stop = watchItems(db, () => { calls += 1; }, 50);
    expect(await until(() => calls === 1, 2_000)).toBe(true);
    await articles.queueArticles([{ itemKey, feedUrl: sampleFeedKey, link: 'https://example.org/a' }]);
    await articles.recordTry(itemKey, { kind: 'failed', failure: errorMessages.fetchNoConnection, final: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
    const article: SavedArticle = { html: '<p>In Tapachula.</p>', text: 'In Tapachula.', title: null, byline: null, siteName: null, length: 13, pageUrl: 'https://example.org/a' };
    const saved = Date.now();
    await articles.recordTry(itemKey, { kind: 'saved', article });
    expect(await until(() => calls === 2, 2_000)).toBe(true);
    expect(Date.now() - saved).toBeLessThan(2_000);
    // Any article saved, not only the first of the saved range.
    const secondKey = newsItemKeyText(second!);
    await articles.queueArticles([{ itemKey: secondKey, feedUrl: sampleFeedKey, link: 'https://example.org/b' }]);
    await articles.recordTry(secondKey, { kind: 'saved', article });
    expect(await until(() => calls === 3, 2_000)).toBe(true);
    stop();
  });

  it('stops calling once stopped', async () => {
    let calls = 0;
    const stop = watchItems(db, () => { calls += 1; }, 50);
    expect(await until(() => calls === 1, 2_000)).toBe(true);
    stop();
    await createNewsRepository(db).storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
  });
});
