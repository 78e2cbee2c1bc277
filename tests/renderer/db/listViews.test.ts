import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import { FieldNewsDb, type ItemRecord } from '../../../renderer/db/fieldNewsDb';
import { arrivalStepKeys, countArrivals, countView, readListPage, readNewestKeys, readViewKeys, withNewestKeys, type ListView } from '../../../renderer/db/listViews';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';

const feedA = { url: 'https://a.example/feed.json', title: 'A', builtIn: false };
const feedB = { url: 'https://b.example/feed.json', title: 'B', builtIn: false };

const feedItem = plainFeedItem;
const pageOf = feedPageOf;

/** Day `n` of January 2026 at noon: small numbers make equal dates easy to write. */
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T12:00:00.000Z`;

let db: FieldNewsDb;
let repository: NewsRepository;
beforeEach(async () => {
  db = new FieldNewsDb('views-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
});
afterEach(() => db.close());

/** Every item of a view as a full walk finds it, newest first, larger key first at equal dates. */
const walked = async (keep: (item: ItemRecord) => boolean): Promise<NewsItemKey[]> =>
  (await db.items.toArray())
    .filter(keep)
    .sort((a, b) => {
      const [left, right] = [[a.sortDate, a.feedUrl, a.id], [b.sortDate, b.feedUrl, b.id]];
      const differs = left.findIndex((part, index) => part !== right[index]);
      return differs === -1 ? 0 : left[differs]! < right[differs]! ? 1 : -1;
    })
    .map((item): NewsItemKey => [item.feedUrl, item.id]);

const pagesOf = async (keys: NewsItemKey[], size: number) => {
  const items = [];
  for (let start = 0; start < keys.length; start += size) items.push(...(await readListPage(db, keys, start, start + size)));
  return items;
};

describe('list views read by index', () => {
  it('give each view newest first, read in parts and shown in pages that join without a gap or a repeat, with its count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ feed: fc.constantFrom(feedA, feedB), id: fc.integer({ min: 0, max: 40 }), day: fc.integer({ min: 1, max: 4 }), read: fc.boolean(), starred: fc.boolean(), place: fc.boolean() }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        // Keys per read of the snapshot: small, so that parts end inside runs of equal dates.
        fc.integer({ min: 1, max: 6 }),
        async (entries, pageSize, partKeys) => {
          await db.transaction('rw', db.items, db.feeds, () => Promise.all([db.items.clear(), db.feeds.clear()]));
          for (const entry of entries) {
            await repository.storeFeedPage(entry.feed, pageOf([feedItem(String(entry.id), day(entry.day))]));
            const key: NewsItemKey = [entry.feed.url, String(entry.id)];
            if (entry.read) await repository.markRead(key);
            await repository.setStarred(key, entry.starred);
            // Places come from the tagger, which writes them on the stored record.
            await db.items.update(key, { places: entry.place ? ['mx-chiapas', 'mx'] : ['gt'] });
          }
          const views: [ListView, (item: ItemRecord) => boolean][] = [
            [{ kind: 'all' }, () => true],
            [{ kind: 'unread' }, (item) => !item.read],
            [{ kind: 'starred' }, (item) => item.starred],
            [{ kind: 'feed', feedUrl: feedB.url }, (item) => item.feedUrl === feedB.url],
            [{ kind: 'place', placeId: 'mx-chiapas' }, (item) => item.places.includes('mx-chiapas')],
          ];
          for (const [view, keep] of views) {
            const keys = await readViewKeys(db, view, partKeys);
            expect(keys).toEqual(await walked(keep));
            expect(await readViewKeys(db, view)).toEqual(keys);
            expect(await countView(db, view)).toBe(keys.length);
            const head = await readNewestKeys(db, view, pageSize);
            if (head !== null) expect(head).toEqual(keys.slice(0, pageSize));
            const paged = await pagesOf(keys, pageSize);
            expect(paged.map((item) => item && [item.feedUrl, item.id])).toEqual(keys);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads nothing outside the snapshot: pages before the start or past the end are short or empty', async () => {
    await repository.storeFeedPage(feedA, pageOf([1, 2, 3].map((n) => feedItem(`i${n}`, day(n)))));
    const keys = await readViewKeys(db, { kind: 'all' });
    expect((await readListPage(db, keys, -5, 1)).map((item) => item?.id)).toEqual(['i3']);
    expect((await readListPage(db, keys, 2, 10)).map((item) => item?.id)).toEqual(['i1']);
    expect(await readListPage(db, keys, 3, 10)).toEqual([]);
  });

  it('keeps what is shown in place while a sync adds news, and counts the arrivals', async () => {
    await repository.storeFeedPage(feedA, pageOf(Array.from({ length: 30 }, (_, n) => feedItem(`old-${String(n).padStart(2, '0')}`, day(1 + (n % 5))))));
    const shown = await readViewKeys(db, { kind: 'all' });
    const firstPage = await readListPage(db, shown, 10, 20);
    // Newer, older and same-date items arrive while the reader is on the second page.
    await repository.storeFeedPage(feedB, pageOf([feedItem('new', day(20)), feedItem('older', day(1)), feedItem('same', day(3))]));
    expect(await readListPage(db, shown, 10, 20)).toEqual(firstPage);
    const fresh = await readViewKeys(db, { kind: 'all' });
    expect(fresh).toHaveLength(33);
    expect(await countArrivals(shown, fresh)).toBe(3);
    // An item removed meanwhile leaves a hole, not a shift.
    await repository.removeFeed(feedB.url);
    const removedKey = shown[12]!;
    await db.items.delete(removedKey);
    const after = await readListPage(db, shown, 10, 20);
    expect(after[2]).toBeUndefined();
    expect(after.filter((_, index) => index !== 2)).toEqual(firstPage.filter((_, index) => index !== 2));
  });
});

describe('counting what arrived', () => {
  it('counts the keys not shown yet, pausing every few thousand keys on a long list', async () => {
    const shown = Array.from({ length: 2 * arrivalStepKeys + 5 }, (_, number): NewsItemKey => [number % 2 === 0 ? feedA.url : feedB.url, `item-${number}`]);
    const fresh: NewsItemKey[] = [[feedB.url, 'new-1'], ...shown.slice(3), [feedA.url, 'item-1'], [feedA.url, 'new-2']];
    let pauses = 0;
    const arrived = await countArrivals(shown, fresh, () => {
      pauses += 1;
      return Promise.resolve();
    });
    // item-1 was shown under feed B: under feed A it is news.
    expect(arrived).toBe(3);
    expect(pauses).toBe(Math.floor((shown.length + fresh.length) / arrivalStepKeys));
  });
});

describe('news arriving at the top of a view', () => {
  const key = (id: string): NewsItemKey => [feedA.url, id];
  const keys = (...ids: string[]) => ids.map(key);
  const snapshot = keys('s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8');

  it('joins the snapshot above the keys it shares with the head', () => {
    expect(withNewestKeys(keys('n1', 'n2', 's1'), snapshot)).toEqual({ keys: keys('n1', 'n2', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'), arrived: 2 });
    // New items among the old ones: the head's order stands, and nothing is listed twice.
    expect(withNewestKeys(keys('s1', 'n1', 's2', 'n2'), snapshot)).toEqual({ keys: keys('s1', 'n1', 's2', 'n2', 's3', 's4', 's5', 's6', 's7', 's8'), arrived: 2 });
    // A whole head of news: the snapshot follows it.
    expect(withNewestKeys(keys('n1', 'n2', 'n3'), snapshot)?.keys).toEqual(keys('n1', 'n2', 'n3', ...snapshot.map(([, id]) => id)));
  });

  it('drops what left the top meanwhile, and says null when nothing arrived', () => {
    expect(withNewestKeys(keys('n1', 's1', 's3'), snapshot)?.keys).toEqual(keys('n1', 's1', 's3', 's4', 's5', 's6', 's7', 's8'));
    expect(withNewestKeys(keys('s1', 's2', 's3'), snapshot)).toBeNull();
    expect(withNewestKeys(keys('s2', 's3'), snapshot)).toBeNull();
    expect(withNewestKeys([], snapshot)).toBeNull();
    expect(withNewestKeys(keys('n1'), [])).toEqual({ keys: keys('n1'), arrived: 1 });
  });

  it('lists every key once and keeps the snapshot order below the head, whatever arrived', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), fc.integer({ min: 0, max: 10 }), (ids, headLength) => {
        // The snapshot is the view's keys before the sync; the head, the view's first keys after it
        // (ids at or above 30 are news, newer than every old item).
        const before = ids.filter((id) => id < 30).sort((a, b) => b - a).map((id) => key(`k${id}`));
        const head = [...ids].sort((a, b) => b - a).slice(0, headLength).map((id) => key(`k${id}`));
        const merged = withNewestKeys(head, before)?.keys ?? before;
        const texts = merged.map(([, id]) => id);
        expect(new Set(texts).size).toBe(texts.length);
        expect(texts.slice(0, head.length)).toEqual(head.map(([, id]) => id));
        expect(texts).toEqual([...ids].sort((a, b) => b - a).filter((id) => id < 30 || head.some(([, headId]) => headId === `k${id}`)).map((id) => `k${id}`));
      }),
    );
  });
});
