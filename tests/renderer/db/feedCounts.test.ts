import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupFeed, BackupItem } from '../../../shared/backup/backupFormat';
import type { FeedItem } from '../../../shared/feed/feedItem';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import { createBackupRepository } from '../../../renderer/db/backupRepository';
import { sumFeedCounts } from '../../../renderer/db/feedCounts';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';

const feedA = { url: 'https://a.example/feed.json', title: 'A', builtIn: false };
const feedB = { url: 'https://b.example/feed.json', title: 'B', builtIn: false };

const feedItem = (id: string, text = 'v1', dateModified: string | null = null): FeedItem => plainFeedItem(id, '2026-01-01T00:00:00Z', { contentText: text, dateModified });
const pageOf = feedPageOf;

let db: FieldNewsDb;
let repository: NewsRepository;
beforeEach(async () => {
  db = new FieldNewsDb('counts-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
});
afterEach(() => db.close());

/** The counts as a full walk of the items finds them: what the stored counts must equal. */
const countedByWalk = async () => {
  const items = await db.items.toArray();
  const feeds = await db.feeds.toArray();
  return feeds.map((feed) => {
    const own = items.filter((item) => item.feedUrl === feed.url);
    return { url: feed.url, itemCount: own.length, unreadCount: own.filter((item) => !item.read).length, starredCount: own.filter((item) => item.starred).length };
  });
};
const storedCounts = async () => (await db.feeds.toArray()).map(({ url, itemCount, unreadCount, starredCount }) => ({ url, itemCount, unreadCount, starredCount }));

describe('unread and starred counts on feed records', () => {
  it('follow pages, reads, stars, mark all read and its undo', async () => {
    await repository.storeFeedPage(feedA, pageOf(['1', '2', '3'].map((id) => feedItem(id))));
    await repository.markRead([feedA.url, '1']);
    await repository.markRead([feedA.url, '1']);
    await repository.setStarred([feedA.url, '2'], true);
    expect(await db.feeds.get(feedA.url)).toMatchObject({ itemCount: 3, unreadCount: 2, starredCount: 1 });
    // A changed copy of a read, starred item keeps its flags, and so the counts.
    await repository.storeFeedPage(feedA, pageOf([feedItem('1', 'v2', '2026-02-01T00:00:00Z'), feedItem('4')]));
    expect(await db.feeds.get(feedA.url)).toMatchObject({ itemCount: 4, unreadCount: 3, starredCount: 1 });

    const changed = await repository.markAllRead([[feedA.url, '1'], [feedA.url, '2'], [feedA.url, '4'], [feedA.url, 'gone']]);
    expect(changed).toEqual([[feedA.url, '2'], [feedA.url, '4']]);
    expect(await db.feeds.get(feedA.url)).toMatchObject({ unreadCount: 1 });
    expect(await db.items.where('unreadSortDate').above('').primaryKeys()).toEqual([[feedA.url, '3']]);
    await repository.undoMarkAllRead(changed);
    expect(await db.feeds.get(feedA.url)).toMatchObject({ unreadCount: 3 });
    expect((await db.items.get([feedA.url, '1']))?.read).toBe(true);
    await repository.markUnread([feedA.url, '1']);
    await repository.setStarred([feedA.url, '2'], false);
    expect(await storedCounts()).toEqual([{ url: feedA.url, itemCount: 4, unreadCount: 4, starredCount: 0 }]);
    expect(await db.items.where('starredSortDate').above('').count()).toBe(0);
  });

  it('stay equal to a full count under concurrent page stores and flag changes on two feeds', async () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('page' as const), feed: fc.constantFrom(feedA, feedB), ids: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 6 }), version: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constantFrom('read' as const, 'unread' as const, 'star' as const, 'unstar' as const), feed: fc.constantFrom(feedA, feedB), id: fc.integer({ min: 0, max: 11 }) }),
      fc.record({ kind: fc.constant('allRead' as const), feed: fc.constantFrom(feedA, feedB), undo: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(operation, { maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (rounds) => {
        await db.transaction('rw', db.items, db.feeds, () => Promise.all([db.items.clear(), db.feeds.clear()]));
        const run = async (step: (typeof rounds)[number][number]): Promise<void> => {
          const key = (id: number): NewsItemKey => [step.feed.url, String(id)];
          switch (step.kind) {
            case 'page':
              await repository.storeFeedPage(step.feed, pageOf(step.ids.map((id) => feedItem(String(id), `v${step.version}`, `2026-01-0${step.version}T00:00:00Z`))));
              return;
            case 'read':
              return repository.markRead(key(step.id));
            case 'unread':
              return repository.markUnread(key(step.id));
            case 'star':
              return repository.setStarred(key(step.id), true);
            case 'unstar':
              return repository.setStarred(key(step.id), false);
            case 'allRead': {
              const changed = await repository.markAllRead(Array.from({ length: 12 }, (_, id) => key(id)));
              if (step.undo) await repository.undoMarkAllRead(changed);
              return;
            }
          }
        };
        // The steps of one round run at once, interleaving their transactions as sync and clicks do.
        for (const round of rounds) await Promise.all(round.map(run));
        expect(await storedCounts()).toEqual(await countedByWalk());
        const unreadByIndex = await db.items.where('unreadSortDate').above('').count();
        expect(unreadByIndex).toBe(sumFeedCounts(await db.feeds.toArray()).unreadCount);
      }),
      { numRuns: 40 },
    );
  });

  it('go with a removed feed and leave the other feed alone', async () => {
    await repository.storeFeedPage(feedA, pageOf(['1', '2'].map((id) => feedItem(id))));
    await repository.storeFeedPage(feedB, pageOf(['1', '2', '3'].map((id) => feedItem(id))));
    await repository.setStarred([feedB.url, '3'], true);
    await Promise.all([repository.removeFeed(feedA.url), repository.markRead([feedB.url, '1']), repository.markRead([feedA.url, '1'])]);
    expect(await storedCounts()).toEqual([{ url: feedB.url, itemCount: 3, unreadCount: 2, starredCount: 1 }]);
    expect(await storedCounts()).toEqual(await countedByWalk());
  });

  it('count what a backup import brings and changes, also for a feed that comes back with it', async () => {
    await repository.storeFeedPage(feedA, pageOf(['1', '2'].map((id) => feedItem(id))));
    const backupItem = (feedUrl: string, id: string, read: boolean, starred: boolean): BackupItem => ({ ...feedItem(id), feedUrl, read, starred, firstSeenAt: '2026-01-01T00:00:00.000Z' });
    const backupFeeds = new Map<string, BackupFeed>([[feedB.url, { url: feedB.url, title: 'B', addedAt: '2026-01-01T00:00:00.000Z', folder: null }]]);
    const backups = createBackupRepository(db);
    // Item 1 read and starred on the other laptop, item 3 new and read; feed B is not here yet.
    await backups.storeBackupItems([backupItem(feedA.url, '1', true, true), backupItem(feedA.url, '3', true, false), backupItem(feedB.url, '1', false, true)], backupFeeds);
    expect(await storedCounts()).toEqual([
      { url: feedA.url, itemCount: 3, unreadCount: 1, starredCount: 1 },
      { url: feedB.url, itemCount: 1, unreadCount: 1, starredCount: 1 },
    ]);
    expect(await storedCounts()).toEqual(await countedByWalk());
  });
});

describe('the feed list in the sidebar', () => {
  it('renames a feed and moves it between folders, keeping its counts', async () => {
    await repository.storeFeedPage(feedA, pageOf(['1'].map((id) => feedItem(id))));
    await repository.renameFeed(feedA.url, '  Field office A  ');
    await repository.renameFeed(feedA.url, '   ');
    await repository.setFeedFolder(feedA.url, ' Mexico ');
    expect(await db.feeds.get(feedA.url)).toMatchObject({ title: 'Field office A', folder: 'Mexico', itemCount: 1, unreadCount: 1 });
    await repository.setFeedFolder(feedA.url, '');
    expect((await db.feeds.get(feedA.url))?.folder).toBeNull();
  });
});
