// The writes of saved articles: what waits, each try's outcome and its retry, "Try again", a feed's
// choice applied to what is stored, and the space saved articles take.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { articleAttempts, articleRetryDelayMs, type SavedArticle } from '../../../shared/articles/articleRecord';
import { errorMessages } from '../../../shared/errorMessages';
import { keyTextOf } from '../../../shared/feed/newsItem';
import { articleQueueChunk, createArticleRepository } from '../../../renderer/db/articleRepository';
import { Dexie } from 'dexie';
import { FieldNewsDb, schemaVersion7 } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../renderer/db/newsRepository';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';

const feedUrl = 'https://news.example.org/feed.xml';
const link = (id: string) => `https://news.example.org/articles/${id}`;
const candidate = (id: string) => ({ itemKey: keyTextOf(feedUrl, id), feedUrl, link: link(id) });
const article: SavedArticle = { html: '<p>Shelters in Tapachula.</p>', text: 'Shelters in Tapachula.', title: 'Shelters', byline: null, siteName: 'News', length: 22, pageUrl: link('a') };

let db: FieldNewsDb;
let now = 1_000_000;
const articles = () => createArticleRepository(db, () => now);

beforeEach(async () => {
  db = new FieldNewsDb('articles', { indexedDB: new IDBFactory(), IDBKeyRange });
  const teaser = (id: string) => plainFeedItem(id, '2026-12-01T00:00:00Z', { contentText: 'Two lines.', url: link(id) });
  await createNewsRepository(db).storeFeedPage({ url: feedUrl, title: 'News', builtIn: false }, feedPageOf(['a', 'b', 'c'].map(teaser)));
});

describe('the article queue', () => {
  it('queues a new item once, starts over when its link changes, and leaves a saved one alone', async () => {
    expect(await articles().queueArticles([candidate('a'), candidate('b')])).toBe(2);
    expect(await articles().queueArticles([candidate('a')])).toBe(0);
    await articles().recordTry(keyTextOf(feedUrl, 'a'), { kind: 'saved', article });
    expect(await articles().queueArticles([candidate('a')])).toBe(0);
    expect((await articles().articleOf(keyTextOf(feedUrl, 'a')))?.status).toBe('saved');
    expect(await articles().queueArticles([{ ...candidate('b'), link: `${link('b')}?moved` }])).toBe(1);
    expect(await articles().waitingCount()).toBe(1);
  });

  it("queues a large sync's articles a few hundred per write, so that no write holds the database for long", async () => {
    const putSizes: number[] = [];
    // Dexie takes a middleware when it opens.
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'article put sizes',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) => {
              if (name === 'articles' && request.type === 'put') putSizes.push(request.values.length);
              return table.mutate(request);
            },
          };
        },
      }),
    });
    await db.open();
    const many = Array.from({ length: 2 * articleQueueChunk + 1 }, (_, number) => candidate(`item-${number}`));
    expect(await articles().queueArticles(many)).toBe(many.length);
    expect(putSizes).toEqual([articleQueueChunk, articleQueueChunk, 1]);
    expect(await articles().waitingCount()).toBe(many.length);
  });

  it('tries a failing article again after its pause, then leaves it until the person asks', async () => {
    const key = keyTextOf(feedUrl, 'a');
    await articles().queueArticles([candidate('a')]);
    for (let attempt = 1; attempt <= articleAttempts; attempt += 1) {
      expect((await articles().dueArticles(10)).map((record) => record.itemKey)).toEqual([key]);
      await articles().recordTry(key, { kind: 'failed', failure: errorMessages.fetchNoConnection, final: false });
      if (attempt < articleAttempts) {
        expect(await articles().dueArticles(10)).toEqual([]);
        now += articleRetryDelayMs(attempt);
      }
    }
    expect(await articles().articleOf(key)).toMatchObject({ status: 'failed', attempts: articleAttempts, failure: errorMessages.fetchNoConnection });
    now += 24 * 60 * 60_000;
    expect(await articles().dueArticles(10)).toEqual([]);
    await articles().tryAgain(key);
    expect((await articles().dueArticles(10)).map((record) => record.itemKey)).toEqual([key]);
  });

  it('keeps a page without an article, and a lasting failure, out of the queue at once', async () => {
    await articles().queueArticles([candidate('a'), candidate('b')]);
    await articles().recordTry(keyTextOf(feedUrl, 'a'), { kind: 'not-an-article', failure: errorMessages.articleNotInPage });
    await articles().recordTry(keyTextOf(feedUrl, 'b'), { kind: 'failed', failure: errorMessages.fetchPageInsecure, final: true });
    expect(await articles().dueArticles(10)).toEqual([]);
    expect(await articles().articleOf(keyTextOf(feedUrl, 'a'))).toMatchObject({ status: 'not-an-article', failure: errorMessages.articleNotInPage });
    expect(await articles().articleOf(keyTextOf(feedUrl, 'b'))).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('records nothing for an article whose item went while it was fetched', async () => {
    await articles().recordTry(keyTextOf(feedUrl, 'gone'), { kind: 'saved', article });
    expect(await db.articles.count()).toBe(0);
  });
});

describe('a feed’s choice', () => {
  it('queues the stored items it now wants, and "Never" drops what waits but keeps what is saved', async () => {
    expect(await articles().setFullArticles(feedUrl, 'always')).toBe(3);
    expect((await db.feeds.get(feedUrl))?.fullArticles).toBe('always');
    await articles().recordTry(keyTextOf(feedUrl, 'a'), { kind: 'saved', article });
    expect(await articles().setFullArticles(feedUrl, 'never')).toBe(0);
    expect(await articles().waitingCount()).toBe(0);
    expect((await articles().articleOf(keyTextOf(feedUrl, 'a')))?.status).toBe('saved');
  });
});

describe('schema version 8', () => {
  it('adds the articles table to a version 7 database and keeps everything in it', async () => {
    const indexedDB = new IDBFactory();
    const older = new Dexie('field-news', { indexedDB, IDBKeyRange });
    older.version(7).stores(schemaVersion7);
    await older.table('settings').put({ key: 'kept', value: 'yes' });
    await older.table('feeds').put({ url: feedUrl, title: 'News' });
    older.close();
    const current = new FieldNewsDb('field-news', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(10);
    expect(await current.settings.get('kept')).toEqual({ key: 'kept', value: 'yes' });
    expect(await current.feeds.get(feedUrl)).toEqual({ url: feedUrl, title: 'News' });
    expect(await current.articles.count()).toBe(0);
    current.close();
  });
});

describe('the space saved articles take', () => {
  it('counts saved articles and their size from the records, nothing else', async () => {
    await articles().queueArticles([candidate('a'), candidate('b')]);
    await articles().recordTry(keyTextOf(feedUrl, 'a'), { kind: 'saved', article });
    expect(await articles().usage()).toEqual({ saved: 1, bytes: 2 * (article.html.length + article.text.length) });
  });
});
