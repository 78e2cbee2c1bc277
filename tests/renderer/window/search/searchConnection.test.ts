// The same query gives the same list in the same order however fast it is typed: the window's
// connection keeps one search in flight, drops superseded keystrokes, and never shows an answer
// to an earlier query, even from a worker whose answers come back out of order.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFeedKey } from '../../../../shared/feed/sampleFeed';
import { createNewsWordIndex } from '../../../../shared/wordSearch/newsWordIndex';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { createNewsSearchEngine, type NewsSearchEngine } from '../../../../renderer/workers/search/newsSearchEngine';
import { createSearchConnection, type SearchChannel, type SearchConnection } from '../../../../renderer/window/search/searchConnection';
import type { SearchAnswer, SearchCalls, SearchFilters } from '../../../../renderer/threads/searchContract';
import { createThreadChannel, type CallMap } from '../../../../shared/threads/threadChannel';
import { workerStandIn } from '../../../fixtures/workerStandIn';
import { bundledGazetteer, bundledSamplePage } from '../../../fixtures/bundledData';

const noFilters: SearchFilters = { placeIds: [], from: null, to: null };
let db: FieldNewsDb;
let engine: NewsSearchEngine;

beforeAll(async () => {
  db = new FieldNewsDb('field-news-typing-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await createNewsRepository(db).storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
  engine = createNewsSearchEngine(db, bundledGazetteer, createNewsWordIndex);
  await engine.refresh();
});
afterAll(() => db.close());

/** The worker's calls over a real MessageChannel, answered from the real engine after a delay
 *  chosen per call, so that answers can come back in another order than asked. Counts the calls. */
const fakeWorker = (delayOf: (searchNumber: number) => number) => {
  const stats = { searches: 0, mostInFlight: 0, inFlight: 0 };
  const worker = workerStandIn((scope) =>
    createThreadChannel<CallMap, SearchCalls>(scope, {
      serve: {
        search: ({ query, filters }) => {
          stats.searches += 1;
          stats.inFlight += 1;
          stats.mostInFlight = Math.max(stats.mostInFlight, stats.inFlight);
          return new Promise<SearchAnswer>((resolve) =>
            setTimeout(() => {
              stats.inFlight -= 1;
              resolve(engine.search(query, filters));
            }, delayOf(stats.searches)),
          );
        },
      },
    }),
  );
  const channel: SearchChannel = createThreadChannel(worker);
  return { channel, stats, worker };
};

const keysOf = (answer: SearchAnswer | null): string[] => (answer?.hits ?? []).map((hit) => hit.key);

/** Types the query letter by letter as the search hook does (each keystroke cancels the last
 *  request), waiting `pauseMs` between keys, then waits for quiet; returns the answer on screen. */
const typeQuery = async (worker: ReturnType<typeof fakeWorker>, query: string, pauseMs: number): Promise<SearchAnswer | null> => {
  const connection: SearchConnection = createSearchConnection(worker.channel, { onFailure: (what, failure) => { throw new Error(`${what}: ${failure.detail}`); } });
  let shown: SearchAnswer | null = null;
  let cancel = () => {};
  for (let length = 1; length <= query.length; length += 1) {
    cancel();
    cancel = connection.search(query.slice(0, length), noFilters, (answer) => {
      shown = answer;
    });
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  // Quiet: nothing in flight (an answer sends the waiting query at once, so none is waiting either).
  do await new Promise((resolve) => setTimeout(resolve, 10));
  while (worker.stats.inFlight > 0 || worker.channel.waiting > 0);
  worker.worker.terminate();
  return shown;
};

describe('the search connection', () => {
  it.each(['tapachula', 'cuidad juarez', 'guatemala', 'psychosocial'])('shows the same list for "%s" typed fast or slow', async (query) => {
    const expected = keysOf(engine.search(query, noFilters));
    expect(expected.length).toBeGreaterThan(0);
    // Later searches answer sooner, as a short query can cost more than a long one.
    const fast = fakeWorker((searchNumber) => Math.max(1, 30 - searchNumber * 3));
    expect(keysOf(await typeQuery(fast, query, 0))).toEqual(expected);
    const slow = fakeWorker(() => 2);
    expect(keysOf(await typeQuery(slow, query, 15))).toEqual(expected);
    const uneven = fakeWorker((searchNumber) => (searchNumber % 2 === 0 ? 25 : 1));
    expect(keysOf(await typeQuery(uneven, query, 5))).toEqual(expected);
  });

  it('keeps one search in flight and skips the keystrokes typed meanwhile', async () => {
    const worker = fakeWorker(() => 20);
    await typeQuery(worker, 'tapachula', 0);
    expect(worker.stats.mostInFlight).toBe(1);
    // The first letter, then the whole word: the seven keys between were superseded unseen.
    expect(worker.stats.searches).toBe(2);
  });

  it('never shows the answer to an earlier query once a newer one was asked', async () => {
    const worker = fakeWorker(() => 5);
    const connection = createSearchConnection(worker.channel, { onFailure: (what, failure) => { throw new Error(`${what}: ${failure.detail}`); } });
    const seen: string[] = [];
    const cancelFirst = connection.search('tapachula', noFilters, (answer) => seen.push(answer.query));
    cancelFirst();
    connection.search('peten', noFilters, (answer) => seen.push(answer.query));
    do await new Promise((resolve) => setTimeout(resolve, 10));
    while (worker.stats.inFlight > 0 || worker.channel.waiting > 0);
    worker.worker.terminate();
    expect(seen).toEqual(['peten']);
  });
});
