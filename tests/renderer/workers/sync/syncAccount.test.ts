// One account sync's paging and incremental windows, against a server made of Reader API answers in
// FreshRSS's shape (tests/fixtures/freshrss): the first sync walks the ids in pages and the contents
// in batches; a sync with nothing new asks two small questions; a later one asks only from the last
// sync on; a sync cut off half-way keeps what it stored and the next one picks up from there.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySyncMark } from '../../../../shared/aggregator/accountSyncPlan';
import type { ReaderCall } from '../../../../shared/aggregator/readerCalls';
import type { ReaderAnswer } from '../../../../shared/aggregator/readerSession';
import { errorMessages } from '../../../../shared/errorMessages';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../../renderer/db/newsRepository';
import { syncAccount } from '../../../../renderer/workers/sync/syncAccount';

const accountId = 'fieldnews@https://rss.example.org/api/greader.php';
const firstId = 1_796_584_899_000_000;

/** The server: items by id (its crawl time in µs, as FreshRSS's ids are), read and starred sets. */
const server = { ids: [] as number[], read: new Set<number>(), starred: new Set<number>(), failContentsAfter: Number.POSITIVE_INFINITY, counts: true, refuseEdits: false };
const asked: ReaderCall[] = [];
const hex = (id: number) => BigInt(id).toString(16).padStart(16, '0');
const answer = (value: unknown): ReaderAnswer => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { ok: true, value: { text, bytes: text.length } };
};

const callReader = (call: ReaderCall): Promise<ReaderAnswer> => {
  asked.push(call);
  const newest = String(Math.max(0, ...server.ids));
  switch (call.kind) {
    case 'unread-counts':
      // Miniflux has no such call.
      if (!server.counts) return Promise.resolve({ ok: false, error: { reason: 'not-reader-api', error: errorMessages.aggregatorNotReaderApi, bytes: 2 } });
      return Promise.resolve(answer({ max: 0, unreadcounts: [{ id: 'feed/1', count: server.ids.filter((id) => !server.read.has(id)).length, newestItemTimestampUsec: newest }, { id: 'user/-/state/com.google/reading-list', count: 0, newestItemTimestampUsec: newest }] }));
    case 'subscriptions':
      return Promise.resolve(answer({ subscriptions: [{ id: 'feed/1', title: 'Chiapas', url: 'https://chiapas.example.org/feed.xml', categories: [{ id: 'user/-/label/México', label: 'México' }] }] }));
    case 'item-ids': {
      const pool = call.stream === 'user/-/state/com.google/starred' ? server.ids.filter((id) => server.starred.has(id)) : server.ids;
      const chosen = pool
        .filter((id) => (call.since === null || id >= call.since * 1_000_000) && (call.exclude === null || !server.read.has(id)))
        .sort((a, b) => b - a)
        .filter((id) => call.continuation === null || id < Number(call.continuation));
      const page = chosen.slice(0, 1000);
      return Promise.resolve(answer({ itemRefs: page.map((id) => ({ id: String(id) })), ...(chosen.length > 1000 ? { continuation: String(page.at(-1)) } : {}) }));
    }
    case 'item-contents': {
      if (server.failContentsAfter-- <= 0) return Promise.resolve({ ok: false, error: { reason: 'no-connection', error: errorMessages.fetchNoConnection, bytes: 0 } });
      const items = call.itemIds.map(Number).map((id) => ({
        id: `tag:google.com,2005:reader/item/${hex(id)}`,
        crawlTimeMsec: String(Math.floor(id / 1000)),
        published: Math.floor(id / 1_000_000),
        title: `Report ${id}`,
        canonical: [{ href: `https://news.example.org/chiapas/${id}` }],
        categories: ['user/-/state/com.google/reading-list', ...(server.read.has(id) ? ['user/-/state/com.google/read'] : [])],
        origin: { streamId: 'feed/1' },
        summary: { content: `<p>Report ${id} from Tapachula.</p>` },
      }));
      return Promise.resolve(answer({ id: 'user/-/state/com.google/reading-list', items }));
    }
    case 'action-token':
      return Promise.resolve(answer('0123456789abcdefZZZZ'));
    case 'edit-tag':
      if (server.refuseEdits) return Promise.resolve(answer('Error'));
      for (const id of call.itemIds.map(Number)) {
        const set = call.tag.endsWith('read') ? server.read : server.starred;
        if (call.add) set.add(id);
        else set.delete(id);
      }
      return Promise.resolve(answer('OK'));
    default:
      return Promise.resolve(answer('Bad Request!'));
  }
};

let db: FieldNewsDb;
let repository: NewsRepository;
let nowMs: number;
const sync = () => syncAccount({ db, repository, accountId, callReader, now: () => new Date(nowMs), onProgress: () => undefined });
const addItems = (count: number) => {
  const start = server.ids.length;
  for (let index = 0; index < count; index += 1) server.ids.push(firstId + (start + index) * 10_000);
};

beforeEach(async () => {
  Object.assign(server, { ids: [], read: new Set(), starred: new Set(), failContentsAfter: Number.POSITIVE_INFINITY, counts: true, refuseEdits: false });
  asked.length = 0;
  nowMs = Date.UTC(2026, 11, 6, 12);
  db = new FieldNewsDb('field-news-sync-account-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
  await repository.addAccount({ id: accountId, serverAddress: 'https://rss.example.org/api/greader.php', userName: 'fieldnews', service: 'FreshRSS', addedAt: '2026-12-06T00:00:00.000Z', lastSyncAt: null, lastError: null, lastSync: null, ...emptySyncMark });
});
afterEach(() => db.close());

describe('a sync with an aggregator account', () => {
  it('brings the whole reading list the first time: ids in pages of 1,000, contents in batches of 250', async () => {
    addItems(2_600);
    const outcome = await sync();
    expect(outcome).toMatchObject({ result: 'synced', newItems: 2_600, account: { service: 'FreshRSS', readElsewhere: 0 } });
    const idPages = asked.filter((call) => call.kind === 'item-ids' && call.stream === 'user/-/state/com.google/reading-list' && call.exclude === null);
    expect(idPages.map((call) => call.kind === 'item-ids' && [call.since, call.continuation !== null])).toEqual([
      [null, false],
      [null, true],
      [null, true],
    ]);
    expect(asked.filter((call) => call.kind === 'item-contents').map((call) => call.kind === 'item-contents' && call.itemIds.length)).toEqual([250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 100]);
    // The items came with their read states: no list of unread ids on a first sync.
    expect(asked.filter((call) => call.kind === 'item-ids' && call.exclude !== null)).toEqual([]);
    expect(await db.items.count()).toBe(2_600);
    expect(await db.feeds.get('https://chiapas.example.org/feed.xml')).toMatchObject({ account: accountId, folder: 'México', itemCount: 2_600, unreadCount: 2_600 });
    expect((await db.accounts.get(accountId))?.crawledThroughUsec).toBe(String(firstId + 2_599 * 10_000));
  });

  it('asks two small questions when nothing is new, and only from the last sync on when something is', async () => {
    addItems(300);
    await sync();
    asked.length = 0;
    nowMs += 60_000;
    const quiet = await sync();
    expect(asked.map((call) => call.kind)).toEqual(['unread-counts', 'item-ids']);
    expect(quiet).toMatchObject({ result: 'synced', newItems: 0 });
    expect(quiet.account?.bytes).toBeLessThan(400);

    addItems(100);
    asked.length = 0;
    nowMs += 60_000;
    expect(await sync()).toMatchObject({ newItems: 100 });
    const window = asked.find((call) => call.kind === 'item-ids' && call.stream === 'user/-/state/com.google/reading-list');
    expect(window?.kind === 'item-ids' && window.since).toBe(Math.floor((firstId + 299 * 10_000) / 1_000_000) - 1);
    expect(asked.filter((call) => call.kind === 'item-contents').map((call) => call.kind === 'item-contents' && call.itemIds.length)).toEqual([100]);
  });

  it('downloads nothing older than what Keep news keeps, on a first sync', async () => {
    addItems(10);
    await repository.writeSetting('retention', 'threeMonths');
    nowMs = Math.floor(firstId / 1000) + 91 * 24 * 3_600_000;
    await sync();
    const window = asked.find((call) => call.kind === 'item-ids' && call.stream === 'user/-/state/com.google/reading-list');
    const threeMonthsBefore = new Date(nowMs);
    threeMonthsBefore.setUTCMonth(threeMonthsBefore.getUTCMonth() - 3);
    expect(window?.kind === 'item-ids' && window.since).toBe(Math.floor(threeMonthsBefore.getTime() / 1000));
    expect(await db.items.count()).toBe(0);
  });

  it('counts items read elsewhere, and sends the laptop\'s own changes first', async () => {
    addItems(5);
    await sync();
    server.read.add(firstId).add(firstId + 10_000);
    await repository.markRead(['https://chiapas.example.org/feed.xml', `https://news.example.org/chiapas/${firstId + 40_000}`]);
    asked.length = 0;
    nowMs += 60_000;
    const outcome = await sync();
    expect(asked.slice(0, 2).map((call) => call.kind)).toEqual(['action-token', 'edit-tag']);
    expect(server.read.has(firstId + 40_000)).toBe(true);
    expect(outcome.account?.readElsewhere).toBe(2);
    expect((await db.feeds.get('https://chiapas.example.org/feed.xml'))?.unreadCount).toBe(2);
    expect(await db.readerChanges.count()).toBe(0);
  });

  it('syncs with a server that has no unread counts (Miniflux): the window from the items\' own crawl times, read elsewhere from the whole unread list', async () => {
    server.counts = false;
    addItems(30);
    expect(await sync()).toMatchObject({ result: 'synced', newItems: 30 });
    expect((await db.accounts.get(accountId))?.crawledThroughUsec).toBe(String(firstId + 29 * 10_000));
    server.read.add(firstId);
    addItems(2);
    asked.length = 0;
    nowMs += 60_000;
    expect(await sync()).toMatchObject({ result: 'synced', newItems: 2, account: { readElsewhere: 1 } });
    const window = asked.find((call) => call.kind === 'item-ids' && call.stream === 'user/-/state/com.google/reading-list' && call.exclude === null);
    expect(window?.kind === 'item-ids' && window.since).toBe(Math.floor((firstId + 29 * 10_000) / 1_000_000) - 1);
    // The subscription list is not asked again within six hours.
    expect(asked.filter((call) => call.kind === 'subscriptions')).toHaveLength(0);
  });

  it('keeps marks the server took but did not do, and lets them go after three tries', async () => {
    addItems(3);
    await sync();
    server.refuseEdits = true;
    await repository.markRead(['https://chiapas.example.org/feed.xml', `https://news.example.org/chiapas/${firstId}`]);
    for (const attempt of [1, 2]) {
      nowMs += 60_000;
      await sync();
      expect([attempt, await db.readerChanges.count()]).toEqual([attempt, 1]);
      // The laptop's mark stands while it waits (the conflict rule), whatever the server says.
      expect((await db.items.get(['https://chiapas.example.org/feed.xml', `https://news.example.org/chiapas/${firstId}`]))?.read).toBe(true);
    }
    nowMs += 60_000;
    expect(await sync()).toMatchObject({ droppedItems: 1 });
    expect(await db.readerChanges.count()).toBe(0);
  });

  it('keeps what a sync cut off half-way stored, moves no mark, and the next sync fetches only the rest', async () => {
    addItems(600);
    server.failContentsAfter = 1;
    const cut = await sync();
    expect(cut).toMatchObject({ result: 'failed', failureReason: 'no-connection', newItems: 250 });
    expect(await db.items.count()).toBe(250);
    expect((await db.accounts.get(accountId))?.crawledThroughUsec).toBeNull();
    server.failContentsAfter = Number.POSITIVE_INFINITY;
    asked.length = 0;
    expect(await sync()).toMatchObject({ result: 'synced', newItems: 350 });
    expect(asked.filter((call) => call.kind === 'item-contents').flatMap((call) => (call.kind === 'item-contents' ? call.itemIds : []))).toHaveLength(350);
    expect(await db.items.count()).toBe(600);
  });
});
