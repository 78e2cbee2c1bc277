// An aggregator account's writes in IndexedDB (fake-indexeddb): its feeds as the server lists them,
// its items merged as any feed's and never twice when the laptop also followed the feed itself, the
// server's read and starred states under the conflict rule, and the queue of the laptop's changes.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySyncMark } from '../../../shared/aggregator/accountSyncPlan';
import type { AccountItem } from '../../../shared/aggregator/readerItems';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';

const accountId = 'fieldnews@https://rss.example.org/api/greader.php';
const chiapas = 'https://chiapas.example.org/feed.xml';
const peten = 'https://peten.example.org/feed.xml';
const feedUrlOf = new Map([
  ['feed/1', chiapas],
  ['feed/2', peten],
]);

const accountItem = (number: number, feedId = 'feed/1', states: Partial<Pick<AccountItem, 'read' | 'starred'>> = {}): AccountItem => {
  const place = feedId === 'feed/1' ? 'chiapas' : 'peten';
  const link = `https://news.example.org/${place}/${number}`;
  return {
    item: plainFeedItem(link, `2026-11-0${(number % 9) + 1}T09:00:00Z`, { url: link, title: `${place} ${number}` }),
    readerItemId: String(1_000 + number + (feedId === 'feed/1' ? 0 : 500)),
    readerFeedId: feedId,
    read: states.read ?? false,
    starred: states.starred ?? false,
    crawledAtUsec: null,
  };
};

let db: FieldNewsDb;
let repository: NewsRepository;

beforeEach(async () => {
  db = new FieldNewsDb('field-news-accounts-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
  await repository.addAccount({ id: accountId, serverAddress: 'https://rss.example.org/api/greader.php', userName: 'fieldnews', service: 'FreshRSS', addedAt: '2026-12-06T00:00:00.000Z', lastSyncAt: null, lastError: null, lastSync: null, ...emptySyncMark });
  await repository.storeAccountFeeds(accountId, [
    { readerFeedId: 'feed/1', url: chiapas, title: 'Chiapas', folder: 'México' },
    { readerFeedId: 'feed/2', url: peten, title: 'Petén', folder: null },
  ]);
});
afterEach(() => db.close());

describe("an account's feeds and items", () => {
  it("stores new items with the server's states and counts them on their feeds; a second copy changes nothing", async () => {
    const stored = await repository.storeAccountItems(accountId, [accountItem(1), accountItem(2, 'feed/1', { read: true }), accountItem(3, 'feed/2', { starred: true })], feedUrlOf);
    expect([stored.added, stored.updated]).toEqual([3, 0]);
    expect(await db.feeds.get(chiapas)).toMatchObject({ account: accountId, readerFeedId: 'feed/1', folder: 'México', itemCount: 2, unreadCount: 1 });
    expect(await db.feeds.get(peten)).toMatchObject({ itemCount: 1, unreadCount: 1, starredCount: 1 });
    expect(await db.items.get([chiapas, 'https://news.example.org/chiapas/1'])).toMatchObject({ readerAccount: accountId, readerItemId: '1001' });
    expect(await repository.storeAccountItems(accountId, [accountItem(1, 'feed/1', { read: true })], feedUrlOf)).toMatchObject({ added: 0, updated: 0 });
    // The laptop's flag stays: the server's state of a known item comes through applyUnreadState.
    expect((await db.items.get([chiapas, 'https://news.example.org/chiapas/1']))?.read).toBe(false);
    expect(await repository.knownReaderItems(accountId, ['1001', '1002', '9999'])).toEqual(new Set(['1001', '1002']));
  });

  it('takes over a feed the laptop fetched itself, and matches its items by link, so nothing is kept twice', async () => {
    const own = 'https://tapachula.example.org/feed.xml';
    const link = 'https://news.example.org/tapachula/7';
    await repository.addFeed({ url: own, title: 'Tapachula', builtIn: false });
    await repository.storeFeedPage({ url: own, title: 'Tapachula', builtIn: false }, feedPageOf([plainFeedItem('guid-7', '2026-11-07T09:00:00Z', { url: link, title: 'tapachula 7' })]));
    await repository.markRead([own, 'guid-7']);
    await repository.storeAccountFeeds(accountId, [
      { readerFeedId: 'feed/1', url: chiapas, title: 'Chiapas', folder: 'México' },
      { readerFeedId: 'feed/3', url: own, title: 'Tapachula', folder: null },
    ]);
    const fromServer: AccountItem = { ...accountItem(7), item: plainFeedItem(link, '2026-11-07T09:00:00Z', { url: link, title: 'tapachula 7' }), readerItemId: '3007', readerFeedId: 'feed/3' };
    const stored = await repository.storeAccountItems(accountId, [fromServer], new Map([['feed/3', own]]));
    expect(stored.added).toBe(0);
    expect(await db.items.where('[feedUrl+id]').between([own, ''], [own, []]).toArray()).toEqual([expect.objectContaining({ id: 'guid-7', readerItemId: '3007', read: true })]);
    expect(await db.feeds.get(own)).toMatchObject({ account: accountId, itemCount: 1, directItemsKept: true });
    // Gone from the server's list: a feed the account brought goes with its news (Petén, with the list
    // above); the one the laptop followed itself goes back to being fetched directly, its news kept.
    expect(await db.feeds.get(peten)).toBeUndefined();
    expect((await repository.storeAccountFeeds(accountId, [{ readerFeedId: 'feed/1', url: chiapas, title: 'Chiapas', folder: null }])).removed).toEqual([own]);
    const released = await db.feeds.get(own);
    expect(released).toMatchObject({ itemCount: 1, pageValidators: {} });
    expect(released?.account).toBeUndefined();
    const [kept] = await db.items.toArray();
    expect(kept).toMatchObject({ feedUrl: own, id: 'guid-7', read: true });
    expect(kept?.readerItemId).toBeUndefined();
  });
});

describe("the server's states and the laptop's queue", () => {
  beforeEach(async () => {
    await repository.storeAccountItems(accountId, [accountItem(1), accountItem(2), accountItem(3), accountItem(4, 'feed/2')], feedUrlOf);
  });

  it("queues a change of an account's item in the same write, and none for a feed's own item", async () => {
    await repository.markRead([chiapas, 'https://news.example.org/chiapas/1']);
    await repository.setStarred([peten, 'https://news.example.org/peten/4'], true);
    await repository.markUnread([chiapas, 'https://news.example.org/chiapas/1']);
    expect((await repository.waitingChanges(accountId)).map(({ readerItemId, flag, value }) => [readerItemId, flag, value])).toEqual([
      ['1001', 'read', true],
      ['1504', 'starred', true],
      ['1001', 'read', false],
    ]);
    const own = 'https://own.example.org/feed.json';
    await repository.storeFeedPage({ url: own, title: 'own', builtIn: false }, feedPageOf([plainFeedItem('x', '2026-11-01T00:00:00Z')]));
    await repository.markRead([own, 'x']);
    expect(await db.readerChanges.count()).toBe(3);
    await repository.settleChanges((await repository.waitingChanges(accountId)).map((change) => change.seq));
    expect(await db.readerChanges.count()).toBe(0);
  });

  it("takes the server's read state, but keeps a change still waiting to be sent (the conflict rule)", async () => {
    // Here: 2 read and waiting. On the server: 1 and 3 read elsewhere, 2 still unread.
    await repository.markRead([chiapas, 'https://news.example.org/chiapas/2']);
    const applied = await repository.applyUnreadState(accountId, chiapas, new Set(['1002']));
    expect(applied).toEqual({ readElsewhere: 2, unreadElsewhere: 0 });
    const chiapasItems = await db.items.where('[feedUrl+id]').between([chiapas, ''], [chiapas, []]).toArray();
    const flags = Object.fromEntries(chiapasItems.map((item): [string, boolean] => [item.readerItemId ?? '', item.read]));
    expect(flags).toEqual({ '1001': true, '1002': true, '1003': true });
    expect((await db.feeds.get(chiapas))?.unreadCount).toBe(0);
    // Once sent, the server's state is the truth again: marked unread on the phone, unread here.
    await repository.settleChanges((await repository.waitingChanges(accountId)).map((change) => change.seq));
    expect(await repository.applyUnreadState(accountId, chiapas, new Set(['1002']))).toEqual({ readElsewhere: 0, unreadElsewhere: 1 });
    expect((await db.feeds.get(chiapas))?.unreadCount).toBe(1);
  });

  it("stars and unstars as the server says, and names the starred items the laptop does not hold", async () => {
    await repository.setStarred([chiapas, 'https://news.example.org/chiapas/3'], true);
    await repository.settleChanges((await repository.waitingChanges(accountId)).map((change) => change.seq));
    const applied = await repository.applyStarredState(accountId, new Set(['1001', '8888']));
    expect(applied).toEqual({ changed: 2, missing: ['8888'] });
    const starred = (await db.items.where('starredSortDate').above('').toArray()).map((item) => item.readerItemId);
    expect(starred).toEqual(['1001']);
  });

  it('keeps what the syncs saw when the account is connected again (a changed password), clearing its error', async () => {
    await repository.recordAccountSync(accountId, { crawledThroughUsec: '1796584899161281', feedFingerprints: { 'feed/1': '3:1' }, fullCheckAt: 5, subscriptionsAt: 6 }, { newItems: 4, readElsewhere: 0, bytes: 900 });
    await repository.recordAccountFailure(accountId, { id: 'error.aggregatorSignedOut' });
    await repository.addAccount({ id: accountId, serverAddress: 'https://rss.example.org/api/greader.php', userName: 'fieldnews', service: 'FreshRSS', addedAt: '2026-12-07T00:00:00.000Z', lastSyncAt: null, lastError: null, lastSync: null, ...emptySyncMark });
    expect(await db.accounts.get(accountId)).toMatchObject({ crawledThroughUsec: '1796584899161281', feedFingerprints: { 'feed/1': '3:1' }, lastError: null, addedAt: '2026-12-06T00:00:00.000Z' });
  });

  it('removes an account with the feeds it brought, their news and its waiting changes, and gives back a feed the laptop followed itself', async () => {
    await repository.markRead([chiapas, 'https://news.example.org/chiapas/1']);
    const own = 'https://own.example.org/feed.xml';
    await repository.storeFeedPage({ url: own, title: 'own', builtIn: false }, feedPageOf([plainFeedItem('guid-1', '2026-11-01T00:00:00Z', { url: 'https://news.example.org/own/1' })]));
    await repository.storeAccountFeeds(accountId, [
      { readerFeedId: 'feed/1', url: chiapas, title: 'Chiapas', folder: null },
      { readerFeedId: 'feed/2', url: peten, title: 'Petén', folder: null },
      { readerFeedId: 'feed/3', url: own, title: 'own', folder: null },
    ]);
    await repository.setStarred([own, 'guid-1'], true);
    await repository.removeAccount(accountId);
    expect([await db.accounts.count(), await db.readerChanges.count()]).toEqual([0, 0]);
    expect((await db.feeds.toArray()).map((feed) => [feed.url, feed.account])).toEqual([[own, undefined]]);
    expect(await db.items.toArray()).toEqual([expect.objectContaining({ id: 'guid-1', starred: true })]);
    // Its marks are its own again: nothing queues for a server any more.
    await repository.markRead([own, 'guid-1']);
    expect(await db.readerChanges.count()).toBe(0);
  });

  it('stores an item whose link another server item already has under its server id, so both stay and counts stay true', async () => {
    const twin = { ...accountItem(1), readerItemId: '7777' };
    const stored = await repository.storeAccountItems(accountId, [twin, { ...accountItem(1), readerItemId: '7778' }], feedUrlOf);
    expect(stored.added).toBe(2);
    const ids = (await db.items.where('[feedUrl+id]').between([chiapas, ''], [chiapas, []]).toArray()).map((item) => [item.id, item.readerItemId]);
    expect(ids).toEqual(expect.arrayContaining([['https://news.example.org/chiapas/1', '1001'], ['reader:7777', '7777'], ['reader:7778', '7778']]));
    expect((await db.feeds.get(chiapas))?.itemCount).toBe(5);
  });

  it('writes nothing for a feed that was removed or disconnected while the sync ran', async () => {
    await repository.removeFeed(chiapas);
    const stored = await repository.storeAccountItems(accountId, [accountItem(9)], feedUrlOf);
    expect(stored.added).toBe(0);
    expect(await db.items.where('[feedUrl+id]').between([chiapas, ''], [chiapas, []]).count()).toBe(0);
  });
});
