// The scheduler's rules, with the worker client replaced by a recorder (the worker itself is
// exercised end to end in Chromium): when feeds are synced, and when they are not.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { newFeedRecord } from '../../../../renderer/db/newsRepository';
import type { SyncClient } from '../../../../renderer/window/sync/syncClient';
import type { SyncOutcome } from '../../../../renderer/threads/syncOutcome';
import { createSyncScheduler, type SyncRunState, type SyncSchedulerOptions } from '../../../../renderer/window/sync/syncScheduler';
import { errorMessages } from '../../../../shared/errorMessages';

const nowMs = Date.parse('2026-11-27T18:00:00Z');
let db: FieldNewsDb;
let online: boolean;
let synced: string[];
let states: SyncRunState[];
let release: (() => void) | null;
let requests: { maxPages: number; manual: boolean }[];

/** A client whose account calls are never expected (no account in these tests unless one is added). */
type SchedulerClient = SyncSchedulerOptions['client'];

const noAccountCalls: Pick<SyncClient, 'syncAccount' | 'editAccountFeed' | 'refreshAccountSecrets'> = {
  syncAccount: (accountId) => Promise.reject(new Error(`no account expected: ${accountId}`)),
  editAccountFeed: () => Promise.reject(new Error('no account expected')),
  refreshAccountSecrets: () => Promise.resolve(),
};

const recordingClient = (holdFirst = false): SchedulerClient => ({
  ...noAccountCalls,
  syncFeed: async (feedUrl, options, onProgress) => {
    synced.push(feedUrl);
    requests.push(options);
    onProgress({ feedUrl, feedTitle: feedUrl, pageNumber: 1, pageUrl: feedUrl, newItems: 2, updatedItems: 0, totalNew: 2, totalUpdated: 0 });
    if (holdFirst && synced.length === 1) await new Promise<void>((resolve) => (release = resolve));
    const outcome: SyncOutcome = { feedUrl, feedTitle: feedUrl, result: 'synced', newItems: 2, updatedItems: 0, droppedItems: 0, error: null, failureReason: null, nextAttemptAt: null };
    return outcome;
  },
});

const scheduler = (client = recordingClient()) =>
  createSyncScheduler({ db, client, isOnline: () => online, now: () => nowMs, maxPages: 5, onState: (state) => states.push(state) });

beforeEach(async () => {
  db = new FieldNewsDb('field-news-scheduler-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  online = true;
  synced = [];
  states = [];
  release = null;
  requests = [];
  const at = '2026-11-27T00:00:00.000Z';
  await db.feeds.bulkPut([
    newFeedRecord({ url: 'bundled:sample', title: 'Sample', builtIn: true }, at),
    newFeedRecord({ url: 'https://a.example/feed.json', title: 'A', builtIn: false }, at),
    { ...newFeedRecord({ url: 'https://b.example/feed.json', title: 'B', builtIn: false }, at), failures: 2, nextAttemptAt: nowMs + 60_000 },
    { ...newFeedRecord({ url: 'https://gone.example/feed.json', title: 'Gone', builtIn: false }, at), gone: true },
  ]);
});
afterEach(() => db.close());

describe('the sync scheduler', () => {
  it('syncs many feeds one at a time and says which of how many is syncing', async () => {
    const at = '2026-11-27T00:00:00.000Z';
    await db.feeds.bulkPut(Array.from({ length: 30 }, (_, index) => newFeedRecord({ url: `https://many.example/${index}.xml`, title: `${index}`, builtIn: false }, at)));
    let open = 0;
    let mostOpen = 0;
    const client: SchedulerClient = {
      ...noAccountCalls,
      syncFeed: async (feedUrl, _options, onProgress) => {
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        onProgress({ feedUrl, feedTitle: feedUrl, pageNumber: 1, pageUrl: feedUrl, newItems: 0, updatedItems: 0, totalNew: 0, totalUpdated: 0 });
        await new Promise((resolve) => setTimeout(resolve, 1));
        open -= 1;
        return { feedUrl, feedTitle: feedUrl, result: 'synced', newItems: 0, updatedItems: 0, droppedItems: 0, error: null, failureReason: null, nextAttemptAt: null };
      },
    };
    await scheduler(client).run({ manual: true });
    expect(mostOpen).toBe(1);
    const positions = states.filter((state) => state.progress === null && state.queue !== null).map((state) => `${state.queue?.position}/${state.queue?.total}`);
    expect(positions).toEqual(Array.from({ length: 32 }, (_, index) => `${index + 1}/32`));
    expect(states.at(-1)).toMatchObject({ running: false, queue: null });
  });

  it('makes no request while offline', async () => {
    online = false;
    expect(await scheduler().run({ manual: true })).toBe('offline');
    expect(synced).toEqual([]);
  });

  it('syncs automatically only the feeds whose back-off has passed, never the sample or a gone feed', async () => {
    await scheduler().run({ manual: false });
    expect(synced).toEqual(['https://a.example/feed.json']);
  });

  it('lifts the back-off on "Sync now", but still skips a gone feed', async () => {
    await scheduler().run({ manual: true });
    expect(synced.sort()).toEqual(['https://a.example/feed.json', 'https://b.example/feed.json']);
    expect(requests).toEqual([{ maxPages: 5, manual: true }, { maxPages: 5, manual: true }]);
  });

  it('syncs one feed when asked for it (a feed just added)', async () => {
    await scheduler().run({ manual: true, feedUrl: 'https://b.example/feed.json' });
    expect(synced).toEqual(['https://b.example/feed.json']);
  });

  it('never runs two syncs at once: a request during a run waits for it, then runs once', async () => {
    const running = scheduler(recordingClient(true));
    const first = running.run({ manual: false });
    await expect.poll(() => release).not.toBeNull();
    expect(await running.run({ manual: true })).toBe('queued');
    expect(await running.run({ manual: false })).toBe('queued');
    expect(synced).toEqual(['https://a.example/feed.json']);
    release?.();
    await first;
    expect(synced.sort()).toEqual(['https://a.example/feed.json', 'https://a.example/feed.json', 'https://b.example/feed.json']);
  });

  it('syncs each aggregator account first, and never fetches an account\'s feeds directly', async () => {
    const at = '2026-12-06T00:00:00.000Z';
    await db.feeds.bulkPut([
      newFeedRecord({ url: 'https://own.example/feed.xml', title: 'own', builtIn: false }, at),
      { ...newFeedRecord({ url: 'https://team.example/feed.xml', title: 'team', builtIn: false }, at), account: 'fieldnews@https://rss.example/api/greader.php', readerFeedId: 'feed/1' },
    ]);
    await db.accounts.put({ id: 'fieldnews@https://rss.example/api/greader.php', serverAddress: 'https://rss.example/api/greader.php', userName: 'fieldnews', service: 'FreshRSS', addedAt: at, lastSyncAt: null, lastError: null, lastSync: null, crawledThroughUsec: null, feedFingerprints: {}, fullCheckAt: null, subscriptionsAt: null });
    const order: string[] = [];
    const client: SchedulerClient = {
      ...recordingClient(),
      syncAccount: (accountId) => {
        order.push(`account ${accountId}`);
        return Promise.resolve({ feedUrl: accountId, feedTitle: 'FreshRSS', result: 'synced', newItems: 3, updatedItems: 0, droppedItems: 0, error: null, failureReason: null, nextAttemptAt: null, account: { service: 'FreshRSS', server: 'rss.example', readElsewhere: 1, bytes: 900 } });
      },
      syncFeed: (feedUrl) => {
        order.push(`feed ${feedUrl}`);
        return Promise.resolve({ feedUrl, feedTitle: feedUrl, result: 'synced', newItems: 0, updatedItems: 0, droppedItems: 0, error: null, failureReason: null, nextAttemptAt: null });
      },
    };
    const scheduler = createSyncScheduler({ db, client, isOnline: () => true, now: () => Date.now(), maxPages: 5, onState: () => undefined });
    await scheduler.run({ manual: true });
    expect(order[0]).toBe('account fieldnews@https://rss.example/api/greader.php');
    expect(order).toContain('feed https://own.example/feed.xml');
    expect(order).not.toContain('feed https://team.example/feed.xml');
    order.length = 0;
    await scheduler.run({ manual: true, accountId: 'fieldnews@https://rss.example/api/greader.php' });
    expect(order).toEqual(['account fieldnews@https://rss.example/api/greader.php']);
  });

  it('stops the run at a full disk: the feeds after it are not tried', async () => {
    const diskFullClient: SchedulerClient = {
      ...noAccountCalls,
      syncFeed: (feedUrl) => {
        synced.push(feedUrl);
        return Promise.resolve({ feedUrl, feedTitle: feedUrl, result: 'failed', newItems: 0, updatedItems: 0, droppedItems: 0, error: errorMessages.diskFull, failureReason: 'disk-full', nextAttemptAt: null });
      },
    };
    await scheduler(diskFullClient).run({ manual: true });
    expect(synced).toHaveLength(1);
    expect(states.at(-1)?.lastRun?.outcomes).toMatchObject([{ failureReason: 'disk-full' }]);
  });

  it('publishes progress while running and the outcomes when done', async () => {
    await scheduler().run({ manual: false });
    expect(states.some((state) => state.running && state.progress?.totalNew === 2)).toBe(true);
    expect(states.at(-1)).toMatchObject({ running: false, lastRun: { finishedAt: nowMs, outcomes: [{ result: 'synced', newItems: 2 }] } });
  });
});
