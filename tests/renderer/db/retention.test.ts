import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserLikeLocks } from '../../fixtures/webLocks';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';
import { sampleFeedKey } from '../../../shared/feed/sampleFeed';
import { keyTextOf } from '../../../shared/feed/newsItem';
import { createArticleRepository } from '../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';
import { applyRetention, estimateRetention, parseRetentionChoice, retentionCutoff, syncLockName, type RetentionLocks } from '../../../renderer/db/retention';

const now = new Date('2026-11-28T00:00:00.000Z');
const feedA = { url: 'https://a.example/feed.json', title: 'A', builtIn: false };
const feedB = { url: 'https://b.example/feed.json', title: 'B', builtIn: false };
const sample = { url: sampleFeedKey, title: 'Sample', builtIn: true };

const feedItem = plainFeedItem;
const pageOf = feedPageOf;

/** Exclusive locks by name, as navigator.locks grants them with ifAvailable. */
const createLocks = browserLikeLocks;

let db: FieldNewsDb;
let repository: NewsRepository;
beforeEach(async () => {
  db = new FieldNewsDb('retention-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
});
afterEach(() => db.close());

const storedCounts = async () => (await db.feeds.toArray()).map(({ url, itemCount, unreadCount, starredCount }) => ({ url, itemCount, unreadCount, starredCount }));

describe('retention', () => {
  it('reads the setting as "everything" unless it names a choice, and cuts by calendar months', () => {
    fc.assert(fc.property(fc.anything(), (value) => ['everything', 'threeMonths', 'oneYear'].includes(parseRetentionChoice(value))));
    expect(parseRetentionChoice('oneYear')).toBe('oneYear');
    expect(parseRetentionChoice('forever')).toBe('everything');
    expect(retentionCutoff('everything', now)).toBeNull();
    expect(retentionCutoff('threeMonths', now)).toBe('2026-08-28T00:00:00.000Z');
    expect(retentionCutoff('oneYear', now)).toBe('2025-11-28T00:00:00.000Z');
  });

  it('removes old unstarred news in small batches, never a starred item or the sample, and the counts follow', async () => {
    await repository.storeFeedPage(feedA, pageOf([feedItem('old-1', '2025-01-01T00:00:00Z'), feedItem('old-2', '2026-05-01T00:00:00Z'), feedItem('old-starred', '2024-01-01T00:00:00Z'), feedItem('new', '2026-11-01T00:00:00Z')]));
    await repository.storeFeedPage(feedB, pageOf(Array.from({ length: 7 }, (_, n) => feedItem(`b-${n}`, `2025-0${n + 1}-01T00:00:00Z`))));
    await repository.storeFeedPage(sample, pageOf([feedItem('sample', '2021-06-18T00:00:00Z')]));
    await repository.setStarred([feedA.url, 'old-starred'], true);
    await repository.markRead([feedB.url, 'b-0']);
    const { locks } = createLocks();

    expect(await applyRetention(db, 'everything', now, locks)).toEqual({ removed: 0, busyFeeds: [] });
    const estimate = await estimateRetention(db, 'oneYear', now);
    expect(estimate.items).toBe(8);
    expect(estimate.bytes).toBeGreaterThan(8 * 200);
    expect(await applyRetention(db, 'oneYear', now, locks, 3)).toEqual({ removed: 8, busyFeeds: [] });
    expect((await db.items.toCollection().primaryKeys()).map(([, id]) => id).sort()).toEqual(['new', 'old-2', 'old-starred', 'sample']);
    expect(await storedCounts()).toEqual([
      { url: sampleFeedKey, itemCount: 1, unreadCount: 1, starredCount: 0 },
      { url: feedA.url, itemCount: 3, unreadCount: 3, starredCount: 1 },
      { url: feedB.url, itemCount: 0, unreadCount: 0, starredCount: 0 },
    ]);
    expect(await db.items.where('unreadSortDate').above('').count()).toBe(4);
    expect(await estimateRetention(db, 'oneYear', now)).toEqual({ items: 0, bytes: 0 });
    expect(await applyRetention(db, 'threeMonths', now, locks)).toEqual({ removed: 1, busyFeeds: [] });
  });

  it('leaves a feed that is syncing for the next run, and removes nothing a sync wrote meanwhile', async () => {
    await repository.storeFeedPage(feedA, pageOf([feedItem('a-old', '2024-01-01T00:00:00Z')]));
    await repository.storeFeedPage(feedB, pageOf([feedItem('b-old', '2024-01-01T00:00:00Z')]));
    const { locks, requested } = createLocks();
    // A sync of feed B holds its lock, and while it does, writes a newer copy of its old item.
    const synced = locks.request(syncLockName(feedB.url), { ifAvailable: true }, async () => {
      const run = await applyRetention(db, 'oneYear', now, locks);
      await repository.storeFeedPage(feedB, pageOf([{ ...feedItem('b-old', '2026-11-27T00:00:00Z'), dateModified: '2026-11-27T00:00:00Z' }]));
      return run;
    });
    expect(await synced).toEqual({ removed: 1, busyFeeds: [feedB.url] });
    expect(requested).toContain(`field-news-sync ${feedB.url}`);
    expect(await applyRetention(db, 'oneYear', now, locks)).toEqual({ removed: 0, busyFeeds: [] });
    expect((await db.items.toCollection().primaryKeys()).map(([, id]) => id)).toEqual(['b-old']);
    expect(await storedCounts()).toEqual([
      { url: feedA.url, itemCount: 0, unreadCount: 0, starredCount: 0 },
      { url: feedB.url, itemCount: 1, unreadCount: 1, starredCount: 0 },
    ]);
  });

  it('keeps an item starred after the run began', async () => {
    await repository.storeFeedPage(feedA, pageOf(Array.from({ length: 4 }, (_, n) => feedItem(`a-${n}`, '2024-01-01T00:00:00Z'))));
    const { locks } = createLocks();
    // The star lands after the run chose what to remove, before it removes anything.
    const starring: RetentionLocks = {
      request: (name, options, callback) =>
        locks.request(name, options, async (lock) => {
          await repository.setStarred([feedA.url, 'a-3'], true);
          return callback(lock);
        }),
    };
    expect(await applyRetention(db, 'oneYear', now, starring, 2)).toEqual({ removed: 3, busyFeeds: [] });
    expect(await db.items.toCollection().primaryKeys()).toEqual([[feedA.url, 'a-3']]);
    expect(await storedCounts()).toEqual([{ url: feedA.url, itemCount: 1, unreadCount: 1, starredCount: 1 }]);
  });
});

describe('retention and saved articles', () => {
  const link = (feedUrl: string, id: string) => `${new URL(feedUrl).origin}/articles/${id}`;
  /** Saves an article for each item, as the article worker does: queued, then one try that saved it. */
  const saveArticles = async (feedUrl: string, ids: string[]) => {
    const articles = createArticleRepository(db);
    await articles.queueArticles(ids.map((id) => ({ itemKey: keyTextOf(feedUrl, id), feedUrl, link: link(feedUrl, id) })));
    for (const id of ids) {
      const pageUrl = link(feedUrl, id);
      await articles.recordTry(keyTextOf(feedUrl, id), { kind: 'saved', article: { html: `<p>Article ${id}</p>`, text: `Article ${id}`, title: id, byline: null, siteName: null, length: 10, pageUrl } });
    }
  };

  it('removes the saved article of each item it removes, and keeps a starred item\'s and a newer item\'s', async () => {
    const teaser = (id: string, date: string) => feedItem(id, date, { url: link(feedA.url, id) });
    await repository.storeFeedPage(feedA, pageOf([teaser('old', '2025-01-01T00:00:00Z'), teaser('old-starred', '2024-01-01T00:00:00Z'), teaser('new', '2026-11-01T00:00:00Z')]));
    await repository.storeFeedPage(feedB, pageOf([feedItem('b-old', '2024-06-01T00:00:00Z', { url: link(feedB.url, 'b-old') }), feedItem('b-new', '2026-10-01T00:00:00Z', { url: link(feedB.url, 'b-new') })]));
    await repository.setStarred([feedA.url, 'old-starred'], true);
    await saveArticles(feedA.url, ['old', 'old-starred', 'new']);
    await saveArticles(feedB.url, ['b-old', 'b-new']);
    expect(await db.articles.count()).toBe(5);

    expect(await applyRetention(db, 'oneYear', now, createLocks().locks, 2)).toEqual({ removed: 2, busyFeeds: [] });
    expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual([keyTextOf(feedA.url, 'new'), keyTextOf(feedA.url, 'old-starred'), keyTextOf(feedB.url, 'b-new')].sort());
    expect((await db.articles.toArray()).every((record) => record.status === 'saved' && record.article !== null)).toBe(true);
  });
});
