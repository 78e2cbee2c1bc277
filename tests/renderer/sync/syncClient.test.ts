// The window's sync client and the worker's dispatcher, joined by a loopback in place of a Web
// Worker, over a real (fake-indexeddb) database and a real HTTP server on 127.0.0.1: every sync
// settles, whatever the bridge or the worker does, and the feed's lock is free again afterwards.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldNewsBridge, FreeDiskSpace } from '../../../shared/bridge';
import { errorMessages } from '../../../shared/errorMessages';
import { succeed, type Result } from '../../../shared/result';
import { fetchFeedDocument, type FeedDocumentRequest, type FeedFetchResult } from '../../../shared/sync/fetchFeedDocument';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';
import { createSyncClient, type SyncWorkerPort } from '../../../renderer/sync/syncClient';
import { createSyncDispatch, type SyncLocks } from '../../../renderer/sync/syncDispatch.worker';
import type { FromSyncWorker, ToSyncWorker } from '../../../renderer/sync/syncMessages';
import { feedItems, fixedClock, nodeTransport, serveFeed, testPolicy } from '../../shared/sync/syncTestKit';
import type { UserMessage } from '../../../shared/i18n/userMessage';

let db: FieldNewsDb;
let repository: NewsRepository;

beforeEach(async () => {
  db = new FieldNewsDb('field-news-client-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db, fixedClock);
});
afterEach(() => db.close());

const policy = testPolicy({ idleTimeoutMs: 1_000, totalTimeoutMs: 5_000 });
const download = (request: FeedDocumentRequest) => fetchFeedDocument(nodeTransport, request, policy);

/** Web Locks as the browser keeps them for one origin: a held name is refused under ifAvailable. */
const browserLikeLocks = () => {
  const held = new Set<string>();
  const locks: SyncLocks = {
    request: async (name, _options, callback) => {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
  return { locks, held };
};

const dispatchFor = (post: (message: FromSyncWorker) => void, locks: SyncLocks, downloadTimeoutMs = 5_000) =>
  createSyncDispatch({ db, repository, post, locks, downloadTimeoutMs, freeSpaceTimeoutMs: 1_000, now: fixedClock, random: () => 0.5 });

/**
 * A stand-in for `new Worker(...)`: messages are structured-cloned and delivered on a later task, as
 * postMessage does; `behave` may replace the worker's answer to a message (to make it die or fall silent).
 */
const loopbackWorkers = (locks: SyncLocks, behave: (message: ToSyncWorker, workerNumber: number, fire: (type: 'error') => void) => 'handled' | 'normal' = () => 'normal') => {
  const started: { terminated: boolean }[] = [];
  const createWorker = (): SyncWorkerPort => {
    const state = { terminated: false };
    started.push(state);
    const workerNumber = started.length;
    const listeners = { message: [] as ((event: MessageEvent<FromSyncWorker>) => void)[], error: [] as ((event: Event) => void)[] };
    const toWindow = (message: FromSyncWorker) =>
      setTimeout(() => !state.terminated && listeners.message.forEach((listener) => listener(new MessageEvent('message', { data: structuredClone(message) }))));
    const dispatch = dispatchFor(toWindow, locks);
    const fire = (type: 'error') => setTimeout(() => listeners[type].forEach((listener) => listener(new Event('error', { cancelable: true }))));
    return {
      postMessage: (message) =>
        setTimeout(() => {
          if (state.terminated) return;
          if (behave(message, workerNumber, fire) === 'normal') dispatch(structuredClone(message));
        }),
      addEventListener: (type: 'message' | 'error', listener: never) => listeners[type].push(listener),
      terminate: () => {
        state.terminated = true;
      },
    };
  };
  return { createWorker, started };
};

const gigabyte = 1024 ** 3;
const roomyDisk = (): Promise<Result<FreeDiskSpace, UserMessage>> => Promise.resolve(succeed({ freeBytes: 50 * gigabyte, totalBytes: 100 * gigabyte }));

/** The bridge methods sync uses: downloads, here over Node's fetch to the test's server, and the free disk space. */
const bridgeWith = (
  fetchFeedDocumentImpl: (request: FeedDocumentRequest) => Promise<FeedFetchResult>,
  getFreeDiskSpace: () => Promise<Result<FreeDiskSpace, UserMessage>> = roomyDisk,
): Pick<FieldNewsBridge, 'fetchFeedDocument' | 'getFreeDiskSpace'> => ({
  fetchFeedDocument: fetchFeedDocumentImpl,
  getFreeDiskSpace,
});

const addedFeed = async () => {
  const server = await serveFeed({ items: feedItems(25), pageSize: 10, title: 'Lock News' });
  await repository.addFeed({ url: server.url, title: 'Lock News', builtIn: false });
  return server;
};

describe('the sync client settles every sync', () => {
  it('turns a rejected download into a failure, frees the lock, and the next sync of the feed runs', async () => {
    const server = await addedFeed();
    const { locks, held } = browserLikeLocks();
    let calls = 0;
    const bridge = bridgeWith((request) => (++calls === 1 ? Promise.reject(new Error('the main process went away')) : download(request)));
    const client = createSyncClient(bridge, { ...loopbackWorkers(locks), quietLimitMs: 10_000 });

    const first = await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined);
    expect(first).toMatchObject({ result: 'failed', error: errorMessages.fetchNoConnection, failureReason: 'no-connection' });
    expect(held.size).toBe(0);
    const second = await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined);
    expect(second).toMatchObject({ result: 'synced', newItems: 25 });
    expect(await db.items.count()).toBe(25);
  });

  it('ends every running sync when the worker dies, and starts a new worker for the next one', async () => {
    const server = await addedFeed();
    const other = await serveFeed({ items: feedItems(3, 'other'), title: 'Other' });
    await repository.addFeed({ url: other.url, title: 'Other', builtIn: false });
    const { locks } = browserLikeLocks();
    let syncsSeen = 0;
    const workers = loopbackWorkers(locks, (message, workerNumber, fire) => {
      // The first worker takes two syncs, then throws an uncaught error instead of running them.
      if (workerNumber !== 1 || message.type !== 'sync') return 'normal';
      if (++syncsSeen === 2) fire('error');
      return 'handled';
    });
    const client = createSyncClient(bridgeWith(download), { ...workers, quietLimitMs: 10_000 });

    const outcomes = await Promise.all([
      client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined),
      client.syncFeed(other.url, { maxPages: 10, manual: true }, () => undefined),
    ]);
    expect(outcomes).toMatchObject([
      { result: 'failed', failureReason: 'worker-stopped', error: errorMessages.syncWorkerStopped },
      { result: 'failed', failureReason: 'worker-stopped', error: errorMessages.syncWorkerStopped },
    ]);
    expect(workers.started.map((worker) => worker.terminated)).toEqual([true, false]);
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined)).toMatchObject({ result: 'synced', newItems: 25 });
  });

  it('gives up on a worker that says nothing for the quiet limit, and replaces it', async () => {
    const server = await addedFeed();
    const { locks } = browserLikeLocks();
    const workers = loopbackWorkers(locks, (_message, workerNumber) => (workerNumber === 1 ? 'handled' : 'normal'));
    const client = createSyncClient(bridgeWith(download), { ...workers, quietLimitMs: 300 });
    const startedAt = Date.now();
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined)).toMatchObject({ result: 'failed', failureReason: 'no-answer' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(workers.started).toHaveLength(2);
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined)).toMatchObject({ result: 'synced' });
  });

  it('keeps a long sync alive while progress keeps coming, longer than the quiet limit', async () => {
    const server = await serveFeed({ items: feedItems(40), pageSize: 10, delayMs: 150 });
    await repository.addFeed({ url: server.url, title: 'Slow', builtIn: false });
    const { locks } = browserLikeLocks();
    const client = createSyncClient(bridgeWith(download), { ...loopbackWorkers(locks), quietLimitMs: 400 });
    const startedAt = Date.now();
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined)).toMatchObject({ result: 'synced', newItems: 40 });
    expect(Date.now() - startedAt).toBeGreaterThan(400);
  });

  it('asks the bridge for the free disk space and, on a nearly full disk, stops before downloading or writing anything', async () => {
    const server = await addedFeed();
    const feedBefore = await db.feeds.get(server.url);
    const { locks } = browserLikeLocks();
    let asked = 0;
    const nearlyFull = () => {
      asked += 1;
      return Promise.resolve(succeed<FreeDiskSpace, UserMessage>({ freeBytes: 150 * 1024 * 1024, totalBytes: 100 * gigabyte }));
    };
    const client = createSyncClient(bridgeWith(download, nearlyFull), { ...loopbackWorkers(locks), quietLimitMs: 10_000 });
    const outcome = await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined);
    expect(outcome).toMatchObject({ result: 'failed', failureReason: 'disk-full', error: errorMessages.diskFullBeforeWriting });
    expect(asked).toBe(1);
    expect(server.requests).toHaveLength(0);
    expect(await db.items.count()).toBe(0);
    expect(await db.feeds.get(server.url)).toEqual(feedBefore);

    // Space freed: a new client (a new worker, so no cached reading) syncs the feed whole.
    const freed = createSyncClient(bridgeWith(download), { ...loopbackWorkers(locks), quietLimitMs: 10_000 });
    expect(await freed.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined)).toMatchObject({ result: 'synced', newItems: 25 });
  });

  it('writes anyway when the bridge cannot say how much space is left (the check is a defence, not a gate)', async () => {
    const server = await addedFeed();
    const { locks } = browserLikeLocks();
    const client = createSyncClient(bridgeWith(download, () => Promise.reject(new Error('the main process went away'))), { ...loopbackWorkers(locks), quietLimitMs: 10_000 });
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, () => undefined)).toMatchObject({ result: 'synced', newItems: 25 });
  });
});

describe('the worker side settles every sync', () => {
  it('times out a download the window never answers, ends the sync, and frees the lock', async () => {
    const server = await addedFeed();
    const { locks, held } = browserLikeLocks();
    const done: FromSyncWorker[] = [];
    let answering = false;
    const dispatch = dispatchFor(
      (message) => {
        if (message.type === 'done') done.push(message);
        if (message.type === 'fetch' && answering) void download(message.request).then((result) => dispatch({ type: 'fetched', fetchId: message.fetchId, result }));
        if (message.type === 'free-space') void roomyDisk().then((result) => dispatch({ type: 'free-space', requestId: message.requestId, result }));
      },
      locks,
      200,
    );
    dispatch({ type: 'sync', syncId: 1, feedUrl: server.url, maxPages: 10, manual: true });
    await expect.poll(() => done.length).toBe(1);
    expect(done[0]).toMatchObject({ syncId: 1, outcome: { result: 'failed', failureReason: 'timeout' } });
    expect(held.size).toBe(0);

    answering = true;
    dispatch({ type: 'sync', syncId: 2, feedUrl: server.url, maxPages: 10, manual: true });
    await expect.poll(() => done.length).toBe(2);
    expect(done[1]).toMatchObject({ syncId: 2, outcome: { result: 'synced', newItems: 25 } });
  });

  it('answers "busy" for a feed another sync holds', async () => {
    const server = await addedFeed();
    const { locks, held } = browserLikeLocks();
    held.add(`field-news-sync ${server.url}`);
    const done: FromSyncWorker[] = [];
    const dispatch = dispatchFor((message) => message.type === 'done' && done.push(message), locks);
    dispatch({ type: 'sync', syncId: 7, feedUrl: server.url, maxPages: 10, manual: false });
    await expect.poll(() => done.length).toBe(1);
    expect(done[0]).toMatchObject({ syncId: 7, outcome: { result: 'busy' } });
  });

  it('fails loudly on a message type it does not know', () => {
    const dispatch = dispatchFor(() => undefined, browserLikeLocks().locks);
    expect(() => dispatch(JSON.parse('{"type":"unheard-of"}') as ToSyncWorker)).toThrow(/Unexpected case/);
  });
});
