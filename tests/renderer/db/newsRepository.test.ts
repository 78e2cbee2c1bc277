import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedPage } from '../../../shared/feed/feedItem';
import { sampleFeedKey } from '../../../shared/feed/sampleFeed';
import { keyTextOf } from '../../../shared/feed/newsItem';
import { createArticleRepository } from '../../../renderer/db/articleRepository';
import { FieldNewsDb, keysOfFeed } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';
import { importSampleOnFirstStart } from '../../../renderer/window/sampleNews';
import { sampleFeedPath } from '../../../scripts/sampleFeed';
import { bundledSamplePage } from '../../fixtures/bundledData';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';

const sampleText = readFileSync(sampleFeedPath, 'utf8');
const samplePage = bundledSamplePage;

let db: FieldNewsDb;
let repository: NewsRepository;

beforeEach(async () => {
  db = new FieldNewsDb('field-news-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
});
afterEach(() => db.close());

describe('the news repository', () => {
  it('imports the sample once: a second import leaves ten items', async () => {
    const source = { url: sampleFeedKey, title: 'IOM Regional News', builtIn: true };
    expect(await repository.storeFeedPage(source, samplePage())).toEqual({ added: 10, updated: 0 });
    expect(await repository.storeFeedPage(source, samplePage())).toEqual({ added: 0, updated: 0 });
    expect(await db.items.count()).toBe(10);
    expect(await db.feeds.count()).toBe(1);
    expect((await db.feeds.get(sampleFeedKey))?.itemCount).toBe(10);
  });

  it('keeps read and starred flags when the sample is imported again, also when an item changed', async () => {
    const source = { url: sampleFeedKey, title: 'IOM Regional News', builtIn: true };
    await repository.storeFeedPage(source, samplePage());
    const [first, second] = samplePage().items;
    await repository.markRead([sampleFeedKey, first!.id]);
    await repository.setStarred([sampleFeedKey, second!.id], true);

    const changed = samplePage();
    changed.items[0] = { ...changed.items[0]!, contentText: 'Corrected text.', dateModified: '2021-07-08T12:00:00Z' };
    expect(await repository.storeFeedPage(source, changed)).toEqual({ added: 0, updated: 1 });

    const reread = await db.items.get([sampleFeedKey, first!.id]);
    expect(reread).toMatchObject({ read: true, starred: false, contentText: 'Corrected text.' });
    expect(await db.items.get([sampleFeedKey, second!.id])).toMatchObject({ read: false, starred: true });
    expect(await db.items.count()).toBe(10);
  });

  it('finds the stored copies of a page whose ids are spread across many stored items', async () => {
    const source = { url: 'https://example.org/feed.json', title: 'Wide', builtIn: false };
    const base = samplePage().items[0]!;
    const pageOf = (ids: string[], text: string): FeedPage => ({ ...samplePage(), items: ids.map((id) => ({ ...base, id, contentText: text })) });
    const many = Array.from({ length: 60 }, (_, index) => `item-${String(index).padStart(2, '0')}`);
    expect(await repository.storeFeedPage(source, pageOf(many, 'first'))).toEqual({ added: 60, updated: 0 });
    // Two ids at both ends of 60 stored ones: the range read would cost more than two gets.
    expect(await repository.storeFeedPage(source, pageOf(['item-00', 'item-59', 'item-60'], 'first'))).toEqual({ added: 1, updated: 0 });
    expect(await repository.storeFeedPage(source, { ...pageOf(['item-00', 'item-59'], 'second'), items: pageOf(['item-00', 'item-59'], 'second').items.map((item) => ({ ...item, dateModified: '2030-01-01T00:00:00Z' })) })).toEqual({ added: 0, updated: 2 });
    expect(await db.items.where('[feedUrl+id]').between(...keysOfFeed(source.url), true, true).count()).toBe(61);
  });

  it('keeps items of two feeds with the same ids apart', async () => {
    await repository.storeFeedPage({ url: sampleFeedKey, title: 'Sample', builtIn: true }, samplePage());
    await repository.storeFeedPage({ url: 'https://example.org/feed.json', title: 'Copy', builtIn: false }, samplePage());
    expect(await db.items.count()).toBe(20);
    await repository.removeFeed(sampleFeedKey);
    expect(await db.items.count()).toBe(10);
    expect((await db.feeds.toArray()).map((feed) => [feed.url, feed.itemCount])).toEqual([['https://example.org/feed.json', 10]]);
  });

  it('removes every item of a feed, also ids that start with U+FFFF, and nothing of a feed whose address starts the same', async () => {
    const base = samplePage().items[0]!;
    const pageOf = (ids: string[]): FeedPage => ({ ...samplePage(), items: ids.map((id) => ({ ...base, id })) });
    const removed = { url: 'https://news.example/feed', title: 'Removed', builtIn: false };
    // Addresses that begin with the removed one's, and ids at the edges of the key order.
    const neighbours = ['https://news.example/feed.json', 'https://news.example/feed\uffff', 'https://news.example/fee'];
    const edgeIds = ['\uffff', '\uffff\uffffz', '\uffffitem', '', ' ', '0', 'https://news.example/feed.json'];
    await repository.storeFeedPage(removed, pageOf(edgeIds));
    for (const url of neighbours) await repository.storeFeedPage({ url, title: url, builtIn: false }, pageOf(edgeIds));
    expect(await db.items.count()).toBe(edgeIds.length * 4);

    await repository.removeFeed(removed.url);
    expect(await db.items.filter((item) => item.feedUrl === removed.url).count()).toBe(0);
    expect(await db.items.count()).toBe(edgeIds.length * 3);
    expect(new Set((await db.items.toArray()).map((item) => item.feedUrl))).toEqual(new Set(neighbours));
    expect((await db.feeds.toArray()).map((feed) => feed.url).sort()).toEqual([...neighbours].sort());
  });

  it('removes the saved and waiting articles of a removed feed with its items, and no other feed\'s', async () => {
    const removed = { url: 'https://news.example/feed', title: 'Removed', builtIn: false };
    // An address that begins with the removed one's, and the same item ids.
    const neighbour = { url: 'https://news.example/feed.json', title: 'Neighbour', builtIn: false };
    const articles = createArticleRepository(db);
    for (const feed of [removed, neighbour]) {
      const link = (id: string) => `https://news.example/articles/${encodeURIComponent(feed.url)}/${id}`;
      await repository.storeFeedPage(feed, feedPageOf(['a', 'b', '\uffff'].map((id) => plainFeedItem(id, '2026-01-01T00:00:00Z', { url: link(id) }))));
      await articles.queueArticles(['a', 'b', '\uffff'].map((id) => ({ itemKey: keyTextOf(feed.url, id), feedUrl: feed.url, link: link(id) })));
      for (const id of ['a', '\uffff']) {
        await articles.recordTry(keyTextOf(feed.url, id), { kind: 'saved', article: { html: '<p>x</p>', text: 'x', title: null, byline: null, siteName: null, length: 1, pageUrl: link(id) } });
      }
    }
    expect(await db.articles.count()).toBe(6);

    await repository.removeFeed(removed.url);
    const left = await db.articles.toArray();
    expect(left.map((record) => record.itemKey).sort()).toEqual(['a', 'b', '\uffff'].map((id) => keyTextOf(neighbour.url, id)).sort());
    expect(left.filter((record) => record.status === 'saved')).toHaveLength(2);
  });

  it('writes a page all-or-nothing: a failure in the middle leaves the stored items untouched', async () => {
    const source = { url: sampleFeedKey, title: 'IOM Regional News', builtIn: true };
    await repository.storeFeedPage(source, samplePage());
    const before = await db.items.toArray();
    const broken = samplePage();
    broken.items = broken.items.map((item) => ({ ...item, contentText: 'changed', dateModified: '2030-01-01T00:00:00Z' }));
    // A value IndexedDB cannot store (a function) makes the bulk write fail part-way.
    (broken.items[5] as unknown as Record<string, unknown>).tags = [() => 0];
    await expect(repository.storeFeedPage(source, broken)).rejects.toThrow();
    expect(await db.items.toArray()).toEqual(before);
  });
});

describe("a feed's declared language", () => {
  const feed = { url: 'https://diario.example/feed.xml', title: 'Diario', builtIn: false };
  const page = (language: string | null, pageUrl: string) => ({ page: { ...feedPageOf([plainFeedItem('1', '2026-01-01T00:00:00Z')]), language }, pageUrl });
  const validators = (pageUrl: string) => ({ pageUrl, etag: null, lastModified: null, contentHash: null, nextUrl: null, storedAt: '2026-01-01T00:00:00.000Z' });

  it('is kept on the feed from its first page; a later page without one leaves it', async () => {
    const first = page('es-MX', feed.url);
    await repository.storeFeedPage(feed, first.page, validators(first.pageUrl));
    expect((await db.feeds.get(feed.url))?.language).toBe('es-MX');
    const later = page(null, `${feed.url}?page=2`);
    await repository.storeFeedPage(feed, later.page, validators(later.pageUrl));
    expect((await db.feeds.get(feed.url))?.language).toBe('es-MX');
    const again = page(null, feed.url);
    await repository.storeFeedPage(feed, again.page, validators(again.pageUrl));
    expect((await db.feeds.get(feed.url))?.language).toBeNull();
  });
});

describe('importSampleOnFirstStart', () => {
  it('imports the bundled sample into an empty database, then never again', async () => {
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve(sampleText);
    };
    expect(await importSampleOnFirstStart(repository, load)).toEqual({ ok: true, value: 'imported' });
    await repository.markRead([sampleFeedKey, samplePage().items[0]!.id]);
    expect(await importSampleOnFirstStart(repository, load)).toEqual({ ok: true, value: 'already-imported' });
    expect(loads).toBe(1);
    expect(await db.items.count()).toBe(10);
    expect(await db.items.filter((item) => item.read).count()).toBe(1);
  });

  it('says the sample is unavailable when its file cannot be read, and stores nothing', async () => {
    const result = await importSampleOnFirstStart(repository, () => Promise.reject(new Error('404')));
    expect(result.ok).toBe(false);
    expect(await db.items.count()).toBe(0);
    expect(await importSampleOnFirstStart(repository, () => Promise.resolve('<html>'))).toMatchObject({ ok: false });
  });
});

describe('applying feed pages', () => {
  const itemArbitrary = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    title: fc.constantFrom('Hubs in Petén', 'Training in Panama'),
    contentText: fc.constantFrom('v1', 'v2', 'v3'),
    dateModified: fc.constantFrom(null, '2021-06-19T12:00:00Z', '2021-06-20T12:00:00Z'),
  });
  const pageArbitrary = fc.uniqueArray(itemArbitrary, { selector: (item) => item.id, maxLength: 4 }).map(
    (items): FeedPage => ({
      title: 'Feed',
      homePageUrl: null,
      feedUrl: null,
      nextUrl: null,
      format: 'json-feed',
      language: null,
      droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 },
      items: items.map((item) => ({ ...item, url: null, contentHtml: null, summary: null, datePublished: '2021-06-18T12:00:00Z', tags: [], authors: [], imageUrl: null, point: null })),
    }),
  );

  const databaseAfter = async (pages: FeedPage[]) => {
    const fresh = new FieldNewsDb('field-news-property', { indexedDB: new IDBFactory(), IDBKeyRange });
    const writer = createNewsRepository(fresh, () => new Date('2026-01-01T00:00:00Z'));
    for (const page of pages) await writer.storeFeedPage({ url: 'https://news.example/feed.json', title: 'Feed', builtIn: false }, page);
    const items = await fresh.items.toArray();
    fresh.close();
    return items;
  };

  it('leaves the same database whether the pages come once, twice, or in another order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(pageArbitrary, { minLength: 1, maxLength: 4 })
          .chain((pages) => fc.tuple(fc.constant(pages), fc.shuffledSubarray(pages, { minLength: pages.length, maxLength: pages.length }))),
        async ([pages, shuffled]) => {
          const once = await databaseAfter(pages);
          expect(await databaseAfter([...pages, ...pages])).toEqual(once);
          expect(await databaseAfter(shuffled)).toEqual(once);
        },
      ),
      { numRuns: 60 },
    );
  });
});
