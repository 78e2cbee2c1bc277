// The window's sync client and the sync worker's own calls (serveSyncCalls), joined by a real
// MessageChannel in place of a Web Worker, with a stand-in main process on a second channel, over a
// real (fake-indexeddb) database and a real HTTP server on 127.0.0.1: every sync settles, whatever
// the main process or the worker does, and the feed's lock is free again afterwards.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreeDiskSpace, SyncShellCalls } from '../../../../shared/bridge';
import { errorMessages } from '../../../../shared/errorMessages';
import { succeed, type Result } from '../../../../shared/result';
import { fetchFeedDocument, type FeedDocumentRequest, type FeedFetchResult } from '../../../../shared/sync/fetchFeedDocument';
import { createThreadChannel, type CallMap } from '../../../../shared/threads/threadChannel';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../../renderer/db/newsRepository';
import type { ArticleCalls } from '../../../../renderer/threads/articlesContract';
import { createSyncClient, type SyncClientOptions } from '../../../../renderer/window/sync/syncClient';
import type { SyncLocks } from '../../../../renderer/workers/sync/syncRunner';
import { serveSyncCalls } from '../../../../renderer/workers/sync/serveSyncCalls';
import { feedItems, fixedClock, nodeTransport, serveFeed, testPolicy } from '../../../shared/sync/syncTestKit';
import { workerStandIn, type WorkerStandIn } from '../../../fixtures/workerStandIn';
import { browserLikeLocks } from '../../../fixtures/webLocks';
import type { UserMessage } from '../../../../shared/i18n/userMessage';

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

const gigabyte = 1024 ** 3;
const roomyDisk = (): Promise<Result<FreeDiskSpace, UserMessage>> => Promise.resolve(succeed({ freeBytes: 50 * gigabyte, totalBytes: 100 * gigabyte }));

interface MainProcess {
  download: (request: FeedDocumentRequest) => Promise<FeedFetchResult>;
  freeSpace?: () => Promise<Result<FreeDiskSpace, UserMessage>>;
}

/** A stand-in main process: serves the sync worker's port as electron/syncPort.ts does, over Node's fetch to the test's server. */
const mainProcessPort = ({ download: downloadImpl, freeSpace = roomyDisk }: MainProcess): MessagePort => {
  const { port1, port2 } = new MessageChannel();
  createThreadChannel<CallMap, SyncShellCalls>(port1, {
    serve: { fetchFeedDocument: (request) => downloadImpl(request), getFreeDiskSpace: () => freeSpace() },
  });
  return port2;
};

/** Sync workers as the app starts them, each running the real serveSyncCalls on the test's database. */
const syncWorkers = (locks: SyncLocks, workerFor: (workerNumber: number) => 'normal' | 'silent' = () => 'normal', downloadQuietLimitMs = 5_000) => {
  const started: WorkerStandIn[] = [];
  const startWorker = () => {
    const mode = workerFor(started.length + 1);
    const worker = workerStandIn((scope) => {
      if (mode === 'normal') serveSyncCalls(scope, { db, locks, now: fixedClock, random: () => 0.5, portShell: { downloadQuietLimitMs, freeSpaceQuietLimitMs: 1_000 } });
    });
    started.push(worker);
    return worker;
  };
  return { startWorker, started };
};

const clientOptions = (workers: ReturnType<typeof syncWorkers>, main: MainProcess, quietLimitMs = 10_000): SyncClientOptions => ({
  startWorker: workers.startWorker,
  openShellPort: () => Promise.resolve(mainProcessPort(main)),
  quietLimitMs,
  onPicturesNamed: () => undefined,
  log: () => undefined,
  accountSecrets: () => Promise.resolve(null),
  onAccountToken: () => undefined,
});

const addedFeed = async () => {
  const server = await serveFeed({ items: feedItems(25), pageSize: 10, title: 'Lock News' });
  await repository.addFeed({ url: server.url, title: 'Lock News', builtIn: false });
  return server;
};

const noProgress = () => undefined;

/** The article worker's end of the hand-over port: what it was handed, a list per call. */
const articleWorkerEnd = () => {
  const { port1, port2 } = new MessageChannel();
  port1.start();
  const handed: string[][] = [];
  createThreadChannel<CallMap, ArticleCalls>(port1, {
    serve: {
      wantArticles: ({ wanted }) => {
        handed.push(wanted.map((candidate) => candidate.link));
        return null;
      },
    },
  });
  return { port: port2, handed };
};

describe('the articles a sync asks for', () => {
  it('go from the sync worker to the article worker’s port when asked, under the feed’s choice, without the sync writing them', async () => {
    const teasers = feedItems(12).map((item, index) => ({ ...item, url: `https://news.example.org/story/${index}`, content_text: 'Two lines.' }));
    const server = await serveFeed({ items: teasers, pageSize: 5, title: 'Teasers' });
    await repository.addFeed({ url: server.url, title: 'Teasers', builtIn: false });
    const { locks } = browserLikeLocks();
    const workers = syncWorkers(locks);
    const client = createSyncClient(clientOptions(workers, { download }));

    // No sync yet: no worker holds any, and none is started to ask.
    const before = articleWorkerEnd();
    expect(await client.handArticles(before.port)).toBe(0);
    expect(workers.started).toHaveLength(0);

    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'synced', newItems: 12 });
    expect(await db.articles.count()).toBe(0);
    const after = articleWorkerEnd();
    expect(await client.handArticles(after.port)).toBe(12);
    // The three pages' articles in one call (fewer than a call holds), there when the answer is.
    expect(after.handed.map((slice) => slice.length)).toEqual([12]);
    expect(new Set(after.handed.flat())).toEqual(new Set(teasers.map((item) => item.url)));

    await db.feeds.update(server.url, { fullArticles: 'never', pageValidators: {} });
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'synced' });
    const never = articleWorkerEnd();
    expect(await client.handArticles(never.port)).toBe(0);
    expect(never.handed).toEqual([]);
  });
});

describe('the sync client settles every sync', () => {
  it('turns a download the main process failed to answer into a failure, frees the lock, and the next sync of the feed runs', async () => {
    const server = await addedFeed();
    const { locks, held } = browserLikeLocks();
    let calls = 0;
    const main = { download: (request: FeedDocumentRequest) => (++calls === 1 ? Promise.reject(new Error('the main process went away')) : download(request)) };
    const client = createSyncClient(clientOptions(syncWorkers(locks), main));

    const first = await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress);
    expect(first).toMatchObject({ result: 'failed', error: errorMessages.fetchNoConnection, failureReason: 'no-connection' });
    expect(held.size).toBe(0);
    const second = await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress);
    expect(second).toMatchObject({ result: 'synced', newItems: 25 });
    expect(await db.items.count()).toBe(25);
  });

  it('ends every running sync when the worker dies, and starts a new worker for the next one', async () => {
    const server = await addedFeed();
    const other = await serveFeed({ items: feedItems(3, 'other'), title: 'Other' });
    await repository.addFeed({ url: other.url, title: 'Other', builtIn: false });
    const { locks } = browserLikeLocks();
    // The first worker never answers; it throws an uncaught error while both syncs wait on it.
    const workers = syncWorkers(locks, (workerNumber) => (workerNumber === 1 ? 'silent' : 'normal'));
    const client = createSyncClient(clientOptions(workers, { download }));

    const outcomes = Promise.all([
      client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress),
      client.syncFeed(other.url, { maxPages: 10, manual: true }, noProgress),
    ]);
    await expect.poll(() => workers.started.length).toBe(1);
    workers.started[0]?.fail('ReferenceError: x is not defined');
    expect(await outcomes).toMatchObject([
      { result: 'failed', failureReason: 'worker-stopped', error: errorMessages.syncWorkerStopped, cause: expect.stringContaining('ReferenceError') as string },
      { result: 'failed', failureReason: 'worker-stopped', error: errorMessages.syncWorkerStopped },
    ]);
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'synced', newItems: 25 });
    expect(workers.started.map((worker) => worker.terminated)).toEqual([true, false]);
  });

  it('gives up on a worker that says nothing for the quiet limit, and replaces it', async () => {
    const server = await addedFeed();
    const { locks } = browserLikeLocks();
    const workers = syncWorkers(locks, (workerNumber) => (workerNumber === 1 ? 'silent' : 'normal'));
    const client = createSyncClient(clientOptions(workers, { download }, 300));
    const startedAt = Date.now();
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'failed', failureReason: 'no-answer' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'synced' });
    expect(workers.started).toHaveLength(2);
    expect(workers.started[0]?.terminated).toBe(true);
  });

  it('keeps a long sync alive while progress keeps coming, longer than the quiet limit', async () => {
    const server = await serveFeed({ items: feedItems(40), pageSize: 10, delayMs: 150 });
    await repository.addFeed({ url: server.url, title: 'Slow', builtIn: false });
    const { locks } = browserLikeLocks();
    const client = createSyncClient(clientOptions(syncWorkers(locks), { download }, 400));
    const startedAt = Date.now();
    const progress: number[] = [];
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, (step) => progress.push(step.totalNew))).toMatchObject({ result: 'synced', newItems: 40 });
    expect(Date.now() - startedAt).toBeGreaterThan(400);
    expect(progress.at(-1)).toBe(40);
  });

  it('asks the main process for the free disk space and, on a nearly full disk, stops before downloading or writing anything', async () => {
    const server = await addedFeed();
    const feedBefore = await db.feeds.get(server.url);
    const { locks } = browserLikeLocks();
    let asked = 0;
    const nearlyFull = () => {
      asked += 1;
      return Promise.resolve(succeed<FreeDiskSpace, UserMessage>({ freeBytes: 150 * 1024 * 1024, totalBytes: 100 * gigabyte }));
    };
    const client = createSyncClient(clientOptions(syncWorkers(locks), { download, freeSpace: nearlyFull }));
    const outcome = await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress);
    expect(outcome).toMatchObject({ result: 'failed', failureReason: 'disk-full', error: errorMessages.diskFullBeforeWriting });
    expect(asked).toBe(1);
    expect(server.requests).toHaveLength(0);
    expect(await db.items.count()).toBe(0);
    expect(await db.feeds.get(server.url)).toEqual(feedBefore);

    // Space freed: a new client (a new worker, so no cached reading) syncs the feed whole.
    const freed = createSyncClient(clientOptions(syncWorkers(locks), { download }));
    expect(await freed.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'synced', newItems: 25 });
  });

  it('writes anyway when the main process cannot say how much space is left (the check is a defence, not a gate)', async () => {
    const server = await addedFeed();
    const { locks } = browserLikeLocks();
    const client = createSyncClient(clientOptions(syncWorkers(locks), { download, freeSpace: () => Promise.reject(new Error('statfs failed')) }));
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'synced', newItems: 25 });
  });
});

describe('the worker side settles every sync', () => {
  it('times out a download the main process never answers, ends the sync, and frees the lock', async () => {
    const server = await addedFeed();
    const { locks, held } = browserLikeLocks();
    let answering = false;
    const main = { download: (request: FeedDocumentRequest) => (answering ? download(request) : new Promise<FeedFetchResult>(() => undefined)) };
    const client = createSyncClient(clientOptions(syncWorkers(locks, () => 'normal', 200), main));
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'failed', failureReason: 'timeout' });
    expect(held.size).toBe(0);

    answering = true;
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: true }, noProgress)).toMatchObject({ result: 'synced', newItems: 25 });
  });

  it('answers "busy" for a feed another sync holds', async () => {
    const server = await addedFeed();
    const { locks, held } = browserLikeLocks();
    held.add(`field-news-sync ${server.url}`);
    const client = createSyncClient(clientOptions(syncWorkers(locks), { download }));
    expect(await client.syncFeed(server.url, { maxPages: 10, manual: false }, noProgress)).toMatchObject({ result: 'busy' });
    expect(server.requests).toHaveLength(0);
  });
});
