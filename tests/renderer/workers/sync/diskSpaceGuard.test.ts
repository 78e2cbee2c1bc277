// The disk check before each page: with a fake free-space source, a nearly full disk stops the walk
// before the write (the database exactly as it was, the resume point kept) and enough room writes;
// one reading serves a few seconds; an unreadable disk never blocks the sync.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreeDiskSpace } from '../../../../shared/bridge';
import { errorMessages } from '../../../../shared/errorMessages';
import { fail, succeed, type Result } from '../../../../shared/result';
import { fetchFeedDocument } from '../../../../shared/sync/fetchFeedDocument';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../../renderer/db/newsRepository';
import {
  createDiskSpaceGuard,
  estimatePageBytes,
  freeSpaceCacheMs,
  minimumFreeBytes,
  roomNeeded,
  type DiskSpaceGuard,
} from '../../../../renderer/workers/sync/diskSpaceGuard';
import { syncFeed } from '../../../../renderer/workers/sync/syncFeed';
import { feedItems, fixedClock, nodeTransport, serveFeed, testPolicy } from '../../../shared/sync/syncTestKit';
import type { UserMessage } from '../../../../shared/i18n/userMessage';

const megabyte = 1024 * 1024;
const disk = (freeBytes: number): Result<FreeDiskSpace, UserMessage> => succeed({ freeBytes, totalBytes: 100_000 * megabyte });

/** A free-space source the test sets, counting how often it is read, on a clock the test moves. */
const fakeDisk = (freeBytes: number) => {
  const state = { freeBytes, reads: 0, nowMs: 0, unknown: [] as UserMessage[] };
  const guard = createDiskSpaceGuard({
    readFreeSpace: () => {
      state.reads += 1;
      return Promise.resolve(disk(state.freeBytes));
    },
    now: () => state.nowMs,
    onUnknown: (error) => state.unknown.push(error),
  });
  return { state, guard };
};

describe('the disk space guard', () => {
  it('refuses a page when the room left is under the margin, and allows it above', async () => {
    expect(await fakeDisk(minimumFreeBytes - 1).guard.hasRoomFor(1_000)).toBe(false);
    expect(await fakeDisk(minimumFreeBytes).guard.hasRoomFor(1_000)).toBe(true);
    // A large page needs twenty times its size, more than the fixed margin.
    expect(await fakeDisk(300 * megabyte).guard.hasRoomFor(20 * megabyte)).toBe(false);
    expect(await fakeDisk(400 * megabyte).guard.hasRoomFor(20 * megabyte)).toBe(true);
  });

  it('reads the free space once for a burst of pages, counts the pages it allowed, and reads again after a few seconds', async () => {
    const { state, guard } = fakeDisk(minimumFreeBytes + 3 * megabyte - 1);
    for (let page = 0; page < 3; page += 1) expect(await guard.hasRoomFor(megabyte)).toBe(true);
    // The cached reading, less the three pages allowed, is now under the margin: no new read needed.
    expect(await guard.hasRoomFor(megabyte)).toBe(false);
    expect(state.reads).toBe(1);
    state.nowMs += freeSpaceCacheMs - 1;
    expect(await guard.hasRoomFor(0)).toBe(false);
    expect(state.reads).toBe(1);
    state.freeBytes = 10_000 * megabyte; // The user freed space.
    state.nowMs += 1;
    expect(await guard.hasRoomFor(megabyte)).toBe(true);
    expect(state.reads).toBe(2);
  });

  it('lets the page be written when the free space cannot be read, and says why', async () => {
    const refused = createDiskSpaceGuard({ readFreeSpace: () => Promise.resolve(fail(errorMessages.freeSpaceUnknown)), now: () => 0, onUnknown: (error) => told.push(error) });
    const thrown = createDiskSpaceGuard({ readFreeSpace: () => Promise.reject(new Error('bridge gone')), now: () => 0, onUnknown: (error) => told.push(error) });
    const told: UserMessage[] = [];
    expect(await refused.hasRoomFor(megabyte)).toBe(true);
    expect(await thrown.hasRoomFor(megabyte)).toBe(true);
    expect(told).toEqual([errorMessages.freeSpaceUnknown, errorMessages.freeSpaceUnknown]);
  });

  it('needs at least the margin and at least twenty times the page, for any page size', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), (pageBytes) => {
        const needed = roomNeeded(pageBytes);
        return needed >= minimumFreeBytes && needed >= 20 * pageBytes && (needed === minimumFreeBytes || needed === 20 * pageBytes);
      }),
    );
  });

  it('estimates a page at no less than its text, and at no more than four times its size in UTF-16', () => {
    const items = feedItems(10);
    expect(estimatePageBytes(items)).toBeGreaterThanOrEqual(2 * JSON.stringify(items).length);
    expect(estimatePageBytes(items)).toBeLessThanOrEqual(4 * 2 * JSON.stringify(items).length);
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), title: fc.string(), count: fc.integer(), read: fc.boolean(), tags: fc.array(fc.string()) })), (page) => {
        const text = JSON.stringify(page).length;
        return estimatePageBytes(page) >= text && estimatePageBytes(page) <= 8 * 2 * text + 8;
      }),
    );
  });
});

describe('a sync on a disk that fills up', () => {
  let db: FieldNewsDb;
  let repository: NewsRepository;
  beforeEach(async () => {
    db = new FieldNewsDb('field-news-disk-guard-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    repository = createNewsRepository(db, fixedClock);
  });
  afterEach(() => db.close());

  const policy = testPolicy();
  const sync = (feedUrl: string, diskSpace: DiskSpaceGuard) =>
    syncFeed({
      manual: false,
      db,
      repository,
      feedUrl,
      fetchDocument: (request) => fetchFeedDocument(nodeTransport, request, policy),
      maxPages: 100,
      onProgress: () => undefined,
      now: fixedClock,
      random: () => 0.5,
      diskSpace,
    });
  const snapshot = async () => ({ feeds: await db.feeds.toArray(), items: await db.items.toArray(), settings: await db.settings.toArray() });

  it('stops before writing the page that would not fit, changes nothing, and goes on from there once space is freed', async () => {
    const server = await serveFeed({ items: feedItems(30), title: 'Three Pages', pageSize: 10 });
    await repository.addFeed({ url: server.url, title: 'Three Pages', builtIn: false });
    // Room for the start and two pages; when page 3 comes, the disk is nearly full.
    let asked = 0;
    let before: Awaited<ReturnType<typeof snapshot>> | null = null;
    const fillsAtPageThree = createDiskSpaceGuard({
      readFreeSpace: async () => {
        asked += 1;
        if (asked < 4) return disk(10_000 * megabyte);
        before = await snapshot();
        return disk(minimumFreeBytes - 1);
      },
      // Every question a fresh reading, so the test says exactly when the disk fills.
      now: () => asked * freeSpaceCacheMs,
    });
    const outcome = await sync(server.url, fillsAtPageThree);
    expect(outcome).toMatchObject({ result: 'failed', failureReason: 'disk-full', error: errorMessages.diskFullBeforeWriting, newItems: 20 });
    expect(before).not.toBeNull();
    expect(await snapshot()).toEqual(before);
    expect(await db.feeds.get(server.url)).toMatchObject({ itemCount: 20, lastError: null, failures: 0, walkResume: { pageNumber: 3 } });

    const requestsBefore = server.requests.length;
    expect(await sync(server.url, fakeDisk(10_000 * megabyte).guard)).toMatchObject({ result: 'synced', newItems: 10 });
    expect(await db.items.count()).toBe(30);
    // Page 1 unchanged (304), then straight on to page 3, where the last sync stopped.
    expect(server.requests.slice(requestsBefore).map(({ path, status }) => `${status} ${/page=(\d+)/.exec(path)?.[1] ?? '1'}`)).toEqual(['304 1', '200 3']);
  });

  it('downloads nothing when the disk is already too full to write a page', async () => {
    const server = await serveFeed({ items: feedItems(5), title: 'One Page' });
    await repository.addFeed({ url: server.url, title: 'One Page', builtIn: false });
    const before = await snapshot();
    const { state, guard } = fakeDisk(minimumFreeBytes - 1);
    expect(await sync(server.url, guard)).toMatchObject({ result: 'failed', failureReason: 'disk-full', error: errorMessages.diskFullBeforeWriting });
    expect(server.requests).toHaveLength(0);
    expect(await snapshot()).toEqual(before);
    expect(state.reads).toBe(1);
  });
});
