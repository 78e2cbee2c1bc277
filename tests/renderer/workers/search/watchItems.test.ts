// The search worker's watch of the items table, over a real (fake-indexeddb) database. liveQuery
// only runs where indexedDB is a global, as in a worker: the auto import provides it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFeedKey } from '../../../../shared/feed/sampleFeed';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { watchItems } from '../../../../renderer/workers/search/watchItems';
import { bundledSamplePage } from '../../../fixtures/bundledData';

let db: FieldNewsDb;
beforeEach(async () => {
  db = new FieldNewsDb(`field-news-watch-test-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

const until = async (condition: () => boolean, milliseconds: number): Promise<boolean> => {
  const end = Date.now() + milliseconds;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
};

describe('watchItems', () => {
  it('calls once at the start, then once for a burst of stored items, within 2 s', async () => {
    let calls = 0;
    const stop = watchItems(db, () => { calls += 1; }, 200);
    expect(await until(() => calls === 1, 2_000)).toBe(true);
    const stored = Date.now();
    await createNewsRepository(db).storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
    expect(await until(() => calls === 2, 2_000)).toBe(true);
    expect(Date.now() - stored).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toBe(2);
    stop();
  });

  it('is not woken by writes to items alone (its own place tags), and is by a removed feed', async () => {
    let calls = 0;
    const repository = createNewsRepository(db);
    await repository.storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
    const stop = watchItems(db, () => { calls += 1; }, 50);
    expect(await until(() => calls === 1, 2_000)).toBe(true);
    const [first] = await db.items.limit(1).toArray();
    await db.items.update([first!.feedUrl, first!.id], { placesVersion: 'tagger.test' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
    await repository.removeFeed(sampleFeedKey);
    expect(await until(() => calls === 2, 2_000)).toBe(true);
    stop();
  });

  it('stops calling once stopped', async () => {
    let calls = 0;
    const stop = watchItems(db, () => { calls += 1; }, 50);
    expect(await until(() => calls === 1, 2_000)).toBe(true);
    stop();
    await createNewsRepository(db).storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, bundledSamplePage());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
  });
});
