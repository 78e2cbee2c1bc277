// The sync worker's calls over a real MessageChannel, a real feed server on 127.0.0.1 and a real
// (fake-indexeddb) database: the articles a sync's pages want saved reach the window when the sync
// ends, all of them, in slices, and before its answer; none while its pages are being stored.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThreadChannel, type CallMap } from '../../../../shared/threads/threadChannel';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import type { SyncCalls, SyncEvents } from '../../../../renderer/threads/syncContract';
import { articlesPerEvent, serveSyncCalls } from '../../../../renderer/workers/sync/serveSyncCalls';
import { workerStandIn, type WorkerStandIn } from '../../../fixtures/workerStandIn';
import { feedItems, serveFeed } from '../../../shared/sync/syncTestKit';

/** Teasers: a line of text and a link each, so that "Automatic" wants every one's article. */
const teasers = (count: number) => feedItems(count).map((item, index) => ({ ...item, url: `http://127.0.0.1:9/articles/${index + 1}` }));

let db: FieldNewsDb;
let worker: WorkerStandIn;
beforeEach(async () => {
  db = new FieldNewsDb('sync-calls', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  worker = workerStandIn((scope) =>
    serveSyncCalls(scope, {
      db,
      // Web Locks in one thread: every lock is free.
      locks: { request: (_name, _options, callback) => Promise.resolve(callback({})) },
      now: () => new Date('2026-12-07T12:00:00Z'),
      random: () => 0.5,
      portShell: { downloadQuietLimitMs: 5_000, freeSpaceQuietLimitMs: 1_000 },
    }),
  );
});
afterEach(() => {
  worker.terminate();
  db.close();
});

describe('the sync worker', () => {
  it("hands over a sync's wanted articles in slices when it ends, before its answer, and none while its pages are stored", async () => {
    const itemCount = articlesPerEvent * 2 + 123;
    const server = await serveFeed({ items: teasers(itemCount), pageSize: 1_000 });
    await createNewsRepository(db).addFeed({ url: server.url, title: 'News', builtIn: false });
    const channel = createThreadChannel<SyncCalls, CallMap, SyncEvents>(worker);
    const heard: string[] = [];
    const slices: number[] = [];
    const wanted = new Set<string>();
    channel.on('progress', ({ progress }) => heard.push(`page ${progress.pageNumber}`));
    channel.on('articles', ({ candidates }) => {
      heard.push('articles');
      slices.push(candidates.length);
      for (const candidate of candidates) wanted.add(candidate.itemKey);
    });

    const outcome = await channel.call('syncFeed', { syncId: 1, feedUrl: server.url, maxPages: 10, manual: true });
    heard.push('answer');

    expect(outcome).toMatchObject({ ok: true, value: { result: 'synced', newItems: itemCount } });
    // Every page first, then the articles, then the answer.
    const pages = Math.ceil(itemCount / 1_000);
    expect(heard).toEqual([...Array.from({ length: pages }, (_, index) => `page ${index + 1}`), 'articles', 'articles', 'articles', 'answer']);
    expect(slices).toEqual([articlesPerEvent, articlesPerEvent, 123]);
    expect(wanted.size).toBe(itemCount);

    // A sync that finds nothing new wants nothing more: the articles were handed over once.
    heard.length = 0;
    await channel.call('syncFeed', { syncId: 2, feedUrl: server.url, maxPages: 10, manual: true });
    expect(heard.filter((event) => event === 'articles')).toEqual([]);
  });
});
