// The sync worker's calls over a real MessageChannel, a real feed server on 127.0.0.1 and a real
// (fake-indexeddb) database, with the real article worker's calls at the other end of a port: the
// articles a sync's pages want saved stay in the sync worker until a round of article saving asks,
// then go to the article worker, all of them, in slices, without the window carrying any.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThreadChannel, type CallMap } from '../../../../shared/threads/threadChannel';
import type { ArticleCandidate } from '../../../../shared/articles/articleCandidates';
import { createArticleRepository } from '../../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import type { ArticleCalls, ArticleEvents } from '../../../../renderer/threads/articlesContract';
import type { SyncCalls, SyncEvents } from '../../../../renderer/threads/syncContract';
import { articlesPerCall, serveSyncCalls } from '../../../../renderer/workers/sync/serveSyncCalls';
import { articleWorkerStandIn } from '../../../fixtures/articleWorkerStandIn';
import { workerStandIn, type WorkerStandIn } from '../../../fixtures/workerStandIn';
import { feedItems, serveFeed } from '../../../shared/sync/syncTestKit';

/** Teasers: a line of text and a link each, so that "Automatic" wants every one's article. */
const teasers = (count: number) => feedItems(count).map((item, index) => ({ ...item, url: `http://127.0.0.1:9/articles/${index + 1}` }));

let db: FieldNewsDb;
let syncWorker: WorkerStandIn;
let articleWorker: WorkerStandIn;
beforeEach(async () => {
  db = new FieldNewsDb('sync-calls', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  syncWorker = workerStandIn((scope) =>
    serveSyncCalls(scope, {
      db,
      // Web Locks in one thread: every lock is free.
      locks: { request: (_name, _options, callback) => Promise.resolve(callback({})) },
      now: () => new Date('2026-12-07T12:00:00Z'),
      random: () => 0.5,
      portShell: { downloadQuietLimitMs: 5_000, freeSpaceQuietLimitMs: 1_000 },
    }),
  );
  articleWorker = articleWorkerStandIn(db);
});
afterEach(() => {
  syncWorker.terminate();
  articleWorker.terminate();
  db.close();
});

/** What the window does as a round begins: a port to each worker, and the sync worker hands over. */
const handOver = async (sync: ReturnType<typeof syncChannel>, articles: ReturnType<typeof articleChannel>) => {
  const { port1, port2 } = new MessageChannel();
  expect((await articles.call('takeArticlesFrom', { port: port1 }, { transfer: [port1] })).ok).toBe(true);
  return sync.call('handArticles', { port: port2 }, { transfer: [port2] });
};
const syncChannel = () => createThreadChannel<SyncCalls, CallMap, SyncEvents>(syncWorker);
const articleChannel = () => createThreadChannel<ArticleCalls, CallMap, ArticleEvents>(articleWorker);

describe('the sync worker', () => {
  it("keeps a sync's wanted articles, writing none, until a round asks; then hands every one to the article worker, once", async () => {
    const itemCount = articlesPerCall * 2 + 123;
    const server = await serveFeed({ items: teasers(itemCount), pageSize: 1_000 });
    await createNewsRepository(db).addFeed({ url: server.url, title: 'News', builtIn: false });
    const sync = syncChannel();
    const articles = articleChannel();

    expect(await sync.call('syncFeed', { syncId: 1, feedUrl: server.url, maxPages: 10, manual: true })).toMatchObject({ ok: true, value: { result: 'synced', newItems: itemCount } });
    // The sync wrote no article: the article worker queues them, after the syncs.
    expect(await db.articles.count()).toBe(0);

    expect(await handOver(sync, articles)).toEqual({ ok: true, value: itemCount });
    expect(await articles.call('saveArticles', { onlyAlways: true })).toMatchObject({ ok: true });
    expect(await createArticleRepository(db).waitingCount()).toBe(itemCount);

    // Handed over once: neither another hand-over nor a sync that finds nothing new has any more.
    expect(await handOver(sync, articles)).toEqual({ ok: true, value: 0 });
    await sync.call('syncFeed', { syncId: 2, feedUrl: server.url, maxPages: 10, manual: true });
    expect(await handOver(sync, articles)).toEqual({ ok: true, value: 0 });
  }, 30_000);

  it('keeps the articles an article worker did not take, and hands them to the next', async () => {
    const itemCount = articlesPerCall + 10;
    const server = await serveFeed({ items: teasers(itemCount), pageSize: 1_000 });
    await createNewsRepository(db).addFeed({ url: server.url, title: 'News', builtIn: false });
    const sync = syncChannel();
    await sync.call('syncFeed', { syncId: 1, feedUrl: server.url, maxPages: 10, manual: true });

    // An article worker that takes the first slice and fails on the second (as one stopping would).
    const { port1, port2 } = new MessageChannel();
    port1.start();
    const taken: ArticleCandidate[] = [];
    createThreadChannel<CallMap, ArticleCalls>(port1, {
      serve: {
        wantArticles: ({ wanted }) => {
          if (taken.length > 0) throw new Error('The article worker stopped.');
          taken.push(...wanted);
          return null;
        },
      },
    });
    expect(await sync.call('handArticles', { port: port2 }, { transfer: [port2] })).toEqual({ ok: true, value: articlesPerCall });
    port1.close();

    expect(await handOver(sync, articleChannel())).toEqual({ ok: true, value: 10 });
    await articleChannel().call('saveArticles', { onlyAlways: true });
    const queued = await db.articles.toArray();
    expect(new Set([...taken, ...queued].map((article) => article.itemKey)).size).toBe(itemCount);
  }, 30_000);
});
