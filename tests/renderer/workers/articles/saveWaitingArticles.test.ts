// A round of the article worker against a real HTTP server on 127.0.0.1 and a real (fake-indexeddb)
// database: saved, refused and failed articles are recorded, a feed set to "Never" or gone fetches
// nothing, a metered link fetches only "Always" feeds, one host is asked one page at a time with a
// pause, a page that breaks the reader costs only its own article, and the pictures of a saved
// article go to the picture queue. The reader itself is a stand-in here (extractArticle has its own tests).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleCandidatesOf } from '../../../../shared/articles/articleCandidates';
import { articleMaxCharacters } from '../../../../shared/articles/articleRecord';
import { errorMessages } from '../../../../shared/errorMessages';
import { keyTextOf } from '../../../../shared/feed/newsItem';
import type { ItemPictures } from '../../../../shared/pictures/pictureUrls';
import { fetchFeedDocument } from '../../../../shared/sync/fetchFeedDocument';
import { createArticleRepository } from '../../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import type { ArticleExtraction, ArticlePage } from '../../../../renderer/workers/articles/extractArticle';
import { saveWaitingArticles, type ArticleSaverOptions } from '../../../../renderer/workers/articles/saveWaitingArticles';
import { startArticleServer, type ArticleServer } from '../../../../scripts/articleServer';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';
import { nodeTransport, testPolicy } from '../../../shared/sync/syncTestKit';

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

/** The stand-in reader: a page whose body says ARTICLE is one (its pictures named PICTURE:<url>), BREAK throws, anything else is not. */
const standInExtract = (found: ArticlePage[]) => (articlePage: ArticlePage): ArticleExtraction => {
  found.push(articlePage);
  const text = new TextDecoder().decode(articlePage.bytes);
  if (text.includes('BREAK')) throw new Error('the reader broke on this page');
  if (text.includes('HUGE')) {
    const paragraph = `<p>${'word '.repeat(999)}word</p>`;
    const html = paragraph.repeat(200);
    return { ok: true, article: { html, text: 'w'.repeat(1_000_000), title: null, byline: null, siteName: null, length: 1_000_000, pictureUrls: [] } };
  }
  if (!text.includes('ARTICLE')) return { ok: false, reason: 'not-an-article' };
  const pictureUrls = [...text.matchAll(/PICTURE:(\S+?)</g)].map((match) => match[1] ?? '');
  return { ok: true, article: { html: '<p>The whole story.</p>', text: 'The whole story.', title: 'Story', byline: null, siteName: 'Site', length: 16, pictureUrls } };
};

let server: ArticleServer;
let db: FieldNewsDb;
const feedUrl = 'http://news.example.org/feed.xml';
const otherFeed = 'http://other.example.org/feed.xml';
let extracted: ArticlePage[];
let pictures: ItemPictures[];
let pauses: number[];

beforeEach(async () => {
  server = await startArticleServer({
    items: [],
    ownPages: {
      '/articles/whole/': page('ARTICLE <img src="x">PICTURE:http://127.0.0.1/river.png</p>'),
      '/articles/second/': page('ARTICLE second'),
      '/articles/consent/': page('We value your privacy. Accept all cookies.'),
      '/articles/broken/': page('BREAK'),
      '/articles/other/': page('ARTICLE other'),
    },
  });
  db = new FieldNewsDb('saver', { indexedDB: new IDBFactory(), IDBKeyRange });
  const news = createNewsRepository(db);
  const teaser = (id: string, url: string) => plainFeedItem(id, '2026-12-01T00:00:00Z', { contentText: 'Two lines.', url });
  const ours = ['whole', 'second', 'consent', 'broken', 'missing'].map((id) => teaser(id, `${server.origin}/articles/${id}/`));
  await news.storeFeedPage({ url: feedUrl, title: 'News', builtIn: false }, feedPageOf(ours));
  await news.storeFeedPage({ url: otherFeed, title: 'Other', builtIn: false }, feedPageOf([teaser('other', `${server.origin}/articles/other/`)]));
  const articles = createArticleRepository(db);
  await articles.queueArticles(articleCandidatesOf(feedUrl, ours, 'automatic'));
  await articles.queueArticles(articleCandidatesOf(otherFeed, [teaser('other', `${server.origin}/articles/other/`)], 'automatic'));
  extracted = [];
  pictures = [];
  pauses = [];
});
afterEach(() => server.close());

const options = (overrides: Partial<ArticleSaverOptions> = {}): ArticleSaverOptions => ({
  db,
  repository: createArticleRepository(db),
  fetchPage: (request) => fetchFeedDocument(nodeTransport, request, testPolicy()),
  extract: standInExtract(extracted),
  whenSyncsQuiet: () => Promise.resolve(),
  concurrency: 3,
  hostPauseMs: 250,
  sleep: (ms) => {
    pauses.push(ms);
    return Promise.resolve();
  },
  onProgress: () => undefined,
  onPictures: (named) => pictures.push(...named),
  log: () => undefined,
  ...overrides,
});

const statusOf = async (feed: string, id: string) => (await db.articles.get(keyTextOf(feed, id)))?.status;

describe('a round of article saving', () => {
  it('saves articles, keeps a page without one as such, retries a missing page later, and survives a page that breaks the reader', async () => {
    const round = await saveWaitingArticles(options(), { onlyAlways: false });
    expect(round).toEqual({ saved: 3, notArticles: 1, failed: 2, left: 1 });
    expect(await statusOf(feedUrl, 'whole')).toBe('saved');
    expect((await db.articles.get(keyTextOf(feedUrl, 'whole')))?.article).toMatchObject({ text: 'The whole story.', pageUrl: `${server.origin}/articles/whole/` });
    expect(await db.articles.get(keyTextOf(feedUrl, 'consent'))).toMatchObject({ status: 'not-an-article', failure: errorMessages.articleNotInPage });
    // A 404 is tried again after its pause.
    expect(await db.articles.get(keyTextOf(feedUrl, 'missing'))).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(await statusOf(feedUrl, 'broken')).toBe('waiting');
    expect(pictures).toEqual([{ feedUrl, itemKey: keyTextOf(feedUrl, 'whole'), urls: ['http://127.0.0.1/river.png'] }]);
  });

  it('keeps an article within the cap, its HTML cut at the end of a paragraph', async () => {
    await createArticleRepository(db).queueArticles([{ itemKey: keyTextOf(otherFeed, 'other'), feedUrl: otherFeed, link: `${server.origin}/articles/huge/` }]);
    await server.close();
    server = await startArticleServer({ items: [], ownPages: { '/articles/huge/': page('ARTICLE HUGE') } });
    await db.articles.update(keyTextOf(otherFeed, 'other'), { link: `${server.origin}/articles/huge/` });
    await saveWaitingArticles(options({ concurrency: 1 }), { onlyAlways: false });
    const saved = (await db.articles.get(keyTextOf(otherFeed, 'other')))?.article;
    expect(saved?.text.length).toBe(articleMaxCharacters);
    expect(saved?.length).toBe(articleMaxCharacters);
    expect(saved?.html.length).toBeLessThanOrEqual(articleMaxCharacters);
    expect(saved?.html.endsWith('</p>')).toBe(true);
  });

  it('asks one host for one page at a time, with the pause between', async () => {
    await saveWaitingArticles(options({ concurrency: 3 }), { onlyAlways: false });
    // Six pages on one host (127.0.0.1): five pauses.
    expect(pauses).toEqual([250, 250, 250, 250, 250]);
  });

  it('fetches nothing for a feed set to "Never", and drops what waited for it', async () => {
    await createArticleRepository(db).setFullArticles(feedUrl, 'never');
    const round = await saveWaitingArticles(options(), { onlyAlways: false });
    expect(round.saved).toBe(1);
    expect(server.requests.filter((path) => path.startsWith('/articles/') && path !== '/articles/other/')).toEqual([]);
    expect(await db.articles.where('feedUrl').equals(feedUrl).count()).toBe(0);
  });

  it('on a metered link fetches only the feeds set to "Always", and keeps the others waiting', async () => {
    await db.feeds.update(otherFeed, { fullArticles: 'always' });
    const round = await saveWaitingArticles(options(), { onlyAlways: true });
    expect(round).toMatchObject({ saved: 1, left: 5 });
    expect(server.requests).toEqual(['/articles/other/']);
    expect(await statusOf(feedUrl, 'whole')).toBe('waiting');
  });

  it('drops the article of an item that is gone, without a request', async () => {
    await db.items.delete([feedUrl, 'whole']);
    await saveWaitingArticles(options(), { onlyAlways: false });
    expect(server.requests).not.toContain('/articles/whole/');
    expect(await db.articles.get(keyTextOf(feedUrl, 'whole'))).toBeUndefined();
  });

  it('waits for the syncs before each page', async () => {
    let quietWaits = 0;
    await saveWaitingArticles(options({ whenSyncsQuiet: () => Promise.resolve(void (quietWaits += 1)) }), { onlyAlways: false });
    expect(quietWaits).toBe(6);
  });
});
