// Sync of one feed into a real (fake-indexeddb) database over a real HTTP server on 127.0.0.1:
// for every fault, a clear message, the feed's last error recorded, no stored item lost or duplicated.
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../../shared/errorMessages';
import { fetchFeedDocument, type FeedDocumentRequest, type FeedFetchResult } from '../../../../shared/sync/fetchFeedDocument';
import type { FeedServerOptions } from '../../../../scripts/feedServer';
import { FieldNewsDb, keysOfFeed } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../../renderer/db/newsRepository';
import type { DiskSpaceGuard } from '../../../../renderer/workers/sync/diskSpaceGuard';
import { syncFeed, type SyncFeedOptions } from '../../../../renderer/workers/sync/syncFeed';
import type { SyncOutcome, SyncProgress } from '../../../../renderer/threads/syncOutcome';
import { syncStatusText } from '../../../../renderer/window/sync/syncStatusText';
import { intlFor } from '../../../../shared/i18n/formatMessages';
import { feedItems, fixedClock, nodeTransport, serveFeed, testPolicy } from '../../../shared/sync/syncTestKit';
import { englishText } from '../../../../shared/i18n/formatMessages';

let db: FieldNewsDb;
let repository: NewsRepository;
let indexedDB: IDBFactory;

beforeEach(async () => {
  indexedDB = new IDBFactory();
  db = new FieldNewsDb('field-news-sync-test', { indexedDB, IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db, fixedClock);
});
afterEach(() => db.close());

const policy = testPolicy({ idleTimeoutMs: 400, totalTimeoutMs: 3_000, maxDocumentBytes: 1024 * 1024 });

/** A disk with room for every page: these tests are about the network and the database. */
const roomyDisk: DiskSpaceGuard = { hasRoomFor: () => Promise.resolve(true) };

/** syncFeed's options for a feed in this test's database (as it stands at the call), `extra` over them. */
const syncOptions = (feedUrl: string, extra: Partial<SyncFeedOptions> = {}): SyncFeedOptions => ({
  manual: false,
  db,
  repository,
  feedUrl,
  fetchDocument: (request) => fetchFeedDocument(nodeTransport, request, policy),
  maxPages: 10,
  onProgress: () => undefined,
  now: fixedClock,
  random: () => 0.5,
  diskSpace: roomyDisk,
  ...extra,
});

let progressTitles: string[] = [];
const sync = async (feedUrl: string, usePolicy = policy, manual = false, maxPages = 10): Promise<SyncOutcome> =>
  syncFeed(
    syncOptions(feedUrl, {
      manual,
      maxPages,
      fetchDocument: (request) => fetchFeedDocument(nodeTransport, request, usePolicy),
      onProgress: (progress) => progressTitles.push(`${progress.feedTitle} ${progress.pageNumber} ${progress.totalNew}`),
    }),
  );

/** A feed with 30 good items, synced once, whose server then turns faulty. */
/**
 * Reopens the test database with a layer that refuses every items write after two pages with the
 * error given, as the browser would; makeRoom() lets writes through again.
 */
const refusingAfterTwoPages = async (refusal: () => Error) => {
  let refusing = false;
  let pagesWritten = 0;
  db.close();
  db = new FieldNewsDb('field-news-sync-test', { indexedDB, IDBKeyRange });
  db.use({
    stack: 'dbcore',
    name: 'refusing-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        const mutate = (request: DBCoreMutateRequest) => {
          if (name === 'items' && request.type === 'put') {
            if (refusing || pagesWritten === 2) {
              refusing = true;
              return Promise.reject(refusal());
            }
            pagesWritten += 1;
          }
          return table.mutate(request);
        };
        return { ...table, mutate };
      },
    }),
  });
  await db.open();
  repository = createNewsRepository(db, fixedClock);
  return {
    makeRoom: () => {
      refusing = false;
      pagesWritten = -1_000;
    },
  };
};

const syncedFeed = async (fault: FeedServerOptions) => {
  const good = await serveFeed({ items: feedItems(30), title: 'Good News', pageSize: 10 });
  await repository.addFeed({ url: good.url, title: 'Good News', builtIn: false });
  expect(await sync(good.url)).toMatchObject({ result: 'synced', newItems: 30 });
  const before = await db.items.toArray();
  const faulty = await serveFeed({ items: feedItems(30), title: 'Good News', ...fault });
  // Point the stored feed at the faulty server, keeping its items and validators.
  await db.transaction('rw', db.items, db.feeds, async () => {
    const feed = (await db.feeds.get(good.url))!;
    await db.feeds.delete(good.url);
    await db.feeds.put({ ...feed, url: faulty.url, pageValidators: {} });
    await db.items.bulkPut(before.map((item) => ({ ...item, feedUrl: faulty.url })));
    await db.items.where('[feedUrl+id]').between(...keysOfFeed(good.url), true, true).delete();
  });
  return { url: faulty.url, before: await db.items.toArray() };
};

describe('syncFeed', () => {
  it('stores every page of a feed, and a second sync writes nothing', async () => {
    const server = await serveFeed({ items: feedItems(25), title: 'Paged News', pageSize: 10 });
    await repository.addFeed({ url: server.url, title: '127.0.0.1', builtIn: false });
    progressTitles = [];
    expect(await sync(server.url)).toMatchObject({ result: 'synced', newItems: 25, feedTitle: 'Paged News' });
    // Progress names the feed by its own title from the first page on, not by its address.
    expect(progressTitles).toEqual(['Paged News 1 10', 'Paged News 2 20', 'Paged News 3 25']);
    expect(await db.feeds.get(server.url)).toMatchObject({ title: 'Paged News', lastError: null, failures: 0 });
    expect(Object.keys((await db.feeds.get(server.url))!.pageValidators)).toHaveLength(3);
    expect(await sync(server.url)).toMatchObject({ result: 'not-modified', newItems: 0 });
    expect(server.requests.at(-1)?.status).toBe(304);
    expect(await db.items.count()).toBe(25);
  });

  it('holds the write after the first new rows until the window may read them, once a sync', async () => {
    const server = await serveFeed({ items: feedItems(25), title: 'Paged News', pageSize: 10 });
    await repository.addFeed({ url: server.url, title: '127.0.0.1', builtIn: false });
    let release = () => {};
    const firstRowsCalls: number[] = [];
    const syncing = syncFeed(
      syncOptions(server.url, {
        manual: true,
        afterFirstRows: () => {
          firstRowsCalls.push(0);
          return new Promise<void>((resolve) => (release = resolve));
        },
      }),
    );
    await expect.poll(() => firstRowsCalls.length).toBe(1);
    expect(await db.items.count()).toBe(10);
    // The next pages are read meanwhile, and not written.
    await expect.poll(() => server.requests.length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.items.count()).toBe(10);
    release();
    expect(await syncing).toMatchObject({ result: 'synced', newItems: 25 });
    expect(firstRowsCalls).toHaveLength(1);
  });

  it('keeps the read flag of an item the feed updates', async () => {
    const server = await serveFeed({ items: feedItems(3), title: 'News' });
    await repository.addFeed({ url: server.url, title: 'News', builtIn: false });
    await sync(server.url);
    await repository.markRead([server.url, 'item-1']);
    server.setItems([{ ...feedItems(1)[0], content_text: 'Corrected.', date_modified: '2021-07-08T12:00:00Z' }, ...feedItems(3).slice(1)]);
    expect(await sync(server.url)).toMatchObject({ result: 'synced', newItems: 0 });
    expect(await db.items.get([server.url, 'item-1'])).toMatchObject({ read: true, contentText: 'Corrected.' });
    expect(await db.items.count()).toBe(3);
  });

  it.each<[string, FeedServerOptions, RegExp]>([
    ['invalid JSON', { fault: { kind: 'invalid-json' } }, /not JSON/],
    ['a JSON array', { fault: { kind: 'raw', body: '[1,2,3]' } }, /not a news feed/],
    ['a JSON string', { fault: { kind: 'raw', body: '"news"' } }, /not a news feed/],
    ['a feed without items', { fault: { kind: 'raw', body: '{"version":"https://jsonfeed.org/version/1.1","title":"x"}' } }, /no "items" list/],
    ['an HTML page', { fault: { kind: 'html-page' } }, /is a web page/],
    ['a 500', { fault: { kind: 'status', status: 500 } }, /answered 500/],
    ['a 503', { fault: { kind: 'status', status: 503 } }, /answered 503/],
    ['a 404', { fault: { kind: 'status', status: 404 } }, /answered 404/],
    ['a redirect loop', { fault: { kind: 'redirect-loop' } }, /circle of redirects/],
    ['a body that stops halfway', { fault: { kind: 'cut-off' } }, /only part of it came/],
    ['a server that never answers', { fault: { kind: 'never-answer' } }, /did not answer|nothing arrived/],
    ['a body over the size cap', { fault: { kind: 'huge', bytes: 50 * 1024 * 1024 } }, /larger than 1 MB/],
    ['a second page that fails', { pageSize: 10, fault: { kind: 'status', status: 503 }, faultOnPage: 2 }, /answered 503/],
  ])('after %s: says so, records it, backs off, and keeps every item', async (_name, fault, message) => {
    const { url, before } = await syncedFeed(fault);
    const outcome = await sync(url);
    expect(outcome.result).toBe('failed');
    expect(englishText(outcome.error ?? 'no error')).toMatch(message);
    expect(outcome.nextAttemptAt).toBeGreaterThan(fixedClock().getTime());
    expect(await db.feeds.get(url)).toMatchObject({ lastError: outcome.error, failures: 1, gone: false });
    expect(await db.items.toArray()).toEqual(before);
  });

  it('backs off further after each automatic failure, and starts over after a failed "Sync now"', async () => {
    const { url } = await syncedFeed({ fault: { kind: 'status', status: 503 } });
    await sync(url);
    const second = await sync(url);
    expect(await db.feeds.get(url)).toMatchObject({ failures: 2 });
    const manual = await sync(url, policy, true);
    expect(await db.feeds.get(url)).toMatchObject({ failures: 1 });
    expect(manual.nextAttemptAt).toBeLessThan(second.nextAttemptAt!);
  });

  it('marks a feed that answers 410 as gone, with no next try, and keeps its items', async () => {
    const { url, before } = await syncedFeed({ fault: { kind: 'status', status: 410 } });
    expect(await sync(url)).toMatchObject({ result: 'gone', nextAttemptAt: null });
    expect(await db.feeds.get(url)).toMatchObject({ gone: true, lastError: errorMessages.fetchGone });
    expect(await db.items.toArray()).toEqual(before);
  });

  it('ends a next_url loop without storing a page twice', async () => {
    const server = await serveFeed({ items: feedItems(20), pageSize: 10, fault: { kind: 'next-url-loop' } });
    await repository.addFeed({ url: server.url, title: 'Loop', builtIn: false });
    expect(await sync(server.url)).toMatchObject({ result: 'synced', newItems: 20 });
    // Every item once: both pages stored, and the loop back to page 1 stored nothing again.
    const ids = (await db.items.toArray()).map((item) => item.id).sort();
    expect(ids).toEqual(feedItems(20).map((item) => String(item.id)).sort());
    expect(server.requests.filter((request) => request.status === 200)).toHaveLength(2);
  });

  it('keeps 9,997 of 10,000 items when 3 lack ids, and counts the 3', async () => {
    const items = feedItems(10_000).map((item, index) => ([17, 5000, 9999].includes(index) ? { ...item, id: undefined } : item));
    const server = await serveFeed({ items, title: 'Large' });
    await repository.addFeed({ url: server.url, title: 'Large', builtIn: false });
    expect(await sync(server.url, testPolicy())).toMatchObject({ result: 'synced', newItems: 9_997, droppedItems: 3 });
    expect(await db.items.count()).toBe(9_997);
  });

  it('keeps items with wrong types, invalid dates and a 1 MB title, capped', async () => {
    const server = await serveFeed({
      items: [
        { id: 7, title: ['not', 'text'], content_text: 'Numeric id, list title.', date_published: 'yesterday' },
        { id: 'long', title: 'T'.repeat(1024 * 1024), content_html: '<p>Long title</p>', date_published: '2021-13-45T99:00:00Z' },
        { id: 'wrong', content_text: 5, content_html: '<p>ok</p>', tags: 'not-a-list', url: 'javascript:alert(1)' },
      ],
    });
    await repository.addFeed({ url: server.url, title: 'Odd', builtIn: false });
    expect(await sync(server.url, testPolicy())).toMatchObject({ result: 'synced', newItems: 3 });
    expect(await db.items.get([server.url, '7'])).toMatchObject({ title: '', datePublished: null });
    expect((await db.items.get([server.url, 'long']))?.title).toHaveLength(2_000);
    expect(await db.items.get([server.url, 'wrong'])).toMatchObject({ contentText: null, tags: [], url: null });
  });
});

describe('syncFeed: a sync killed halfway, and a full disk', () => {
  const twentyPages = () => serveFeed({ items: feedItems(200), title: 'Twenty Pages', pageSize: 10 });
  const pageNumbers = (requests: { path: string; status: number }[]) =>
    requests.map(({ path, status }) => `${status} ${/page=(\d+)/.exec(path)?.[1] ?? '1'}`);
  const storedIdsInOrder = async (url: string) =>
    (await db.items.where('[feedUrl+id]').between([url, ''], [url, '\uffff']).primaryKeys()).map(([, id]) => id).sort();
  const idsOfPages = (pages: number) => feedItems(pages * 10).map((item) => String(item.id)).sort();

  it('resumes after a crash after page 5: the first 5 pages stay whole, the next sync brings the other 15', async () => {
    const server = await twentyPages();
    await repository.addFeed({ url: server.url, title: 'Twenty Pages', builtIn: false });
    // The "crash": the download of page 6 never answers, and once page 5 is stored the database
    // is closed under the sync, as when the window dies. The sync's promise is abandoned.
    let pageFiveStored: () => void = () => undefined;
    const crashed = new Promise<void>((resolve) => (pageFiveStored = resolve));
    const hanging = (request: FeedDocumentRequest): Promise<FeedFetchResult> =>
      request.url.endsWith('?page=6') ? new Promise<FeedFetchResult>(() => undefined) : fetchFeedDocument(nodeTransport, request, policy);
    void syncFeed(
      syncOptions(server.url, { manual: true, fetchDocument: hanging, maxPages: 100, onProgress: (progress: SyncProgress) => progress.pageNumber === 5 && pageFiveStored() }),
    );
    await crashed;
    db.close();

    db = new FieldNewsDb('field-news-sync-test', { indexedDB, IDBKeyRange });
    repository = createNewsRepository(db, fixedClock);
    expect(await storedIdsInOrder(server.url)).toEqual(idsOfPages(5));
    expect((await db.feeds.get(server.url))?.walkResume).toMatchObject({ pageUrl: `${server.url}?page=6`, pageNumber: 6 });
    const before = server.requests.length;
    const outcome = await syncFeed(syncOptions(server.url, { maxPages: 100 }));
    expect(outcome).toMatchObject({ result: 'synced', newItems: 150 });
    expect(await storedIdsInOrder(server.url)).toEqual(idsOfPages(20));
    expect(await db.feeds.get(server.url)).toMatchObject({ walkResume: null, itemCount: 200 });
    expect(pageNumbers(server.requests.slice(before))).toEqual(['304 1', ...Array.from({ length: 15 }, (_, index) => `200 ${index + 6}`)]);
  });

  it('stops at a full disk with the words for it, keeps every stored page, and resumes once there is space', async () => {
    const server = await twentyPages();
    // A database whose disk fills up after two pages: IndexedDB refuses the third page's write
    // with a QuotaExceededError, and Dexie aborts that page's transaction.
    const disk = await refusingAfterTwoPages(() => new DOMException('Quota exceeded', 'QuotaExceededError'));
    await repository.addFeed({ url: server.url, title: 'Twenty Pages', builtIn: false });

    const outcome = await sync(server.url, policy, true, 100);
    expect(outcome).toMatchObject({ result: 'failed', failureReason: 'disk-full', error: errorMessages.diskFull, newItems: 20 });
    expect(await storedIdsInOrder(server.url)).toEqual(idsOfPages(2));
    expect(await db.feeds.get(server.url)).toMatchObject({ itemCount: 20, walkResume: { pageNumber: 3 }, lastError: errorMessages.diskFull });
    const status = syncStatusText(intlFor('en'), { online: true, sync: { running: false, progress: null, lastRun: { finishedAt: fixedClock().getTime(), outcomes: [outcome] } , queue: null }, savedCount: 20, nowMs: fixedClock().getTime() });
    expect(status).toBe(englishText(errorMessages.diskFull));

    disk.makeRoom();
    expect(await sync(server.url, policy, true, 100)).toMatchObject({ result: 'synced', newItems: 180 });
    expect(await storedIdsInOrder(server.url)).toEqual(idsOfPages(20));
  });

  it('says that the storage refused a write, without promising that earlier news is kept, when the browser closed the database', async () => {
    const server = await twentyPages();
    // After a failed write on a full disk Chromium closes the connection, and may delete the database
    // whole (electron/electron#41877): the next write fails with the browser's error, not a quota one.
    await refusingAfterTwoPages(() => new DOMException('The database connection is closing.', 'InvalidStateError'));
    await repository.addFeed({ url: server.url, title: 'Twenty Pages', builtIn: false });

    const outcome = await sync(server.url, policy, true, 100);
    expect(outcome).toMatchObject({ result: 'failed', failureReason: 'not-saved', error: errorMessages.syncStorageFailed, newItems: 20 });
    expect(outcome.cause).toMatch(/InvalidStateError/);
    expect(englishText(errorMessages.syncStorageFailed)).not.toMatch(/kept|nothing was lost/i);
    expect(await storedIdsInOrder(server.url)).toEqual(idsOfPages(2));
  });
});
