// The article worker's calls over a real MessageChannel: the wanted articles of a large sync come in
// parts over the sync worker's port (never from the window), and the next round queues every one.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyTextOf } from '../../../../shared/feed/newsItem';
import { createThreadChannel, type CallMap } from '../../../../shared/threads/threadChannel';
import { createArticleRepository } from '../../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import type { ArticleCalls, ArticleEvents } from '../../../../renderer/threads/articlesContract';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';
import { articleWorkerStandIn } from '../../../fixtures/articleWorkerStandIn';
import type { WorkerStandIn } from '../../../fixtures/workerStandIn';

const feedUrl = 'https://news.example.org/feed.xml';
const candidate = (number: number) => ({ itemKey: keyTextOf(feedUrl, `item-${number}`), feedUrl, link: `https://news.example.org/articles/${number}` });

let db: FieldNewsDb;
let worker: WorkerStandIn;
beforeEach(async () => {
  db = new FieldNewsDb('article-calls', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const items = Array.from({ length: 100 }, (_, number) => plainFeedItem(`item-${number}`, '2026-12-01T00:00:00Z', { contentText: 'Two lines.', url: candidate(number).link }));
  await createNewsRepository(db).storeFeedPage({ url: feedUrl, title: 'News', builtIn: false }, feedPageOf(items));
  worker = articleWorkerStandIn(db);
});
afterEach(() => {
  worker.terminate();
  db.close();
});

describe('the article worker', () => {
  it('queues the wanted articles handed over in parts with the next round, and later ones with the round after', async () => {
    const channel = createThreadChannel<ArticleCalls, CallMap, ArticleEvents>(worker);
    // The window takes no articles itself: only the sync worker's port carries them.
    expect(await channel.call('wantArticles', { wanted: [candidate(0)] })).toMatchObject({ ok: false, error: { reason: 'refused' } });
    // The sync worker's end of the port the window hands the article worker.
    const { port1, port2 } = new MessageChannel();
    expect((await channel.call('takeArticlesFrom', { port: port1 }, { transfer: [port1] })).ok).toBe(true);
    port2.start();
    const syncWorker = createThreadChannel<ArticleCalls>(port2);
    const wanted = Array.from({ length: 25 }, (_, number) => candidate(number));
    for (const part of [wanted.slice(0, 10), wanted.slice(10, 20), wanted.slice(20), wanted.slice(0, 5)]) {
      expect((await syncWorker.call('wantArticles', { wanted: part })).ok).toBe(true);
    }
    // On a metered link only feeds set to "Always" are fetched: this feed's articles wait for a later round.
    expect(await channel.call('saveArticles', { onlyAlways: true })).toMatchObject({ ok: true, value: { saved: 0, failed: 0 } });
    expect(await createArticleRepository(db).waitingCount()).toBe(25);
    // A part handed over after a round joins the next one.
    await syncWorker.call('wantArticles', { wanted: [candidate(99)] });
    expect((await channel.call('saveArticles', { onlyAlways: true })).ok).toBe(true);
    expect(await createArticleRepository(db).waitingCount()).toBe(26);
  });
});
