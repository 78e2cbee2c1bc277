import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { retentionSettingKey, type RetentionLocks } from '../../../../renderer/db/retention';
import { runRetentionOnce, startRetention } from '../../../../renderer/window/reader/retentionService';

const feed = { url: 'https://a.example/feed.json', title: 'A', builtIn: false };
const page = feedPageOf(['2024-01-01T00:00:00Z', '2026-05-01T00:00:00Z'].map((date, index) => plainFeedItem(`i${index}`, date)));
const freeLocks: RetentionLocks = { request: (_name, _options, callback) => Promise.resolve(callback({})) };
const now = () => new Date('2026-11-28T00:00:00Z');

let db: FieldNewsDb;
beforeEach(async () => {
  db = new FieldNewsDb('retention-service', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await createNewsRepository(db).storeFeedPage(feed, page);
});
afterEach(() => {
  db.close();
  vi.useRealTimers();
});

describe('the retention service', () => {
  it('removes nothing until the user chooses, then what the choice says, and logs counts only', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    expect(await runRetentionOnce({ db, locks: freeLocks, now, log })).toEqual({ removed: 0, busyFeeds: [] });
    await db.settings.put({ key: retentionSettingKey, value: 'oneYear' });
    expect(await runRetentionOnce({ db, locks: freeLocks, now, log })).toEqual({ removed: 1, busyFeeds: [] });
    expect(lines).toEqual(['retention (oneYear): 1 items removed, 0 feeds left for the next run (syncing)']);
  });

  it('runs after the first delay, then every hour with the choice stored by then, and stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const hour = 60 * 60_000;
    const lines: string[] = [];
    await db.settings.put({ key: retentionSettingKey, value: 'oneYear' });
    const stop = startRetention({ db, locks: freeLocks, now, log: (line) => lines.push(line), firstDelayMs: 1_000, intervalMs: hour });
    expect(await db.items.count()).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect(await db.items.count()).toBe(1));
    expect(lines).toEqual(['retention (oneYear): 1 items removed, 0 feeds left for the next run (syncing)']);

    // The hourly run reads the choice again: the shorter one made since removes the item the first run kept.
    await db.settings.put({ key: retentionSettingKey, value: 'threeMonths' });
    await vi.advanceTimersByTimeAsync(hour - 1_000);
    await vi.waitFor(async () => expect(await db.items.count()).toBe(0));
    expect(lines).toEqual([
      'retention (oneYear): 1 items removed, 0 feeds left for the next run (syncing)',
      'retention (threeMonths): 1 items removed, 0 feeds left for the next run (syncing)',
    ]);

    // Stopped: an old item stored afterwards outlives hours of timers.
    stop();
    await createNewsRepository(db).storeFeedPage(feed, feedPageOf([plainFeedItem('old', '2024-06-01T00:00:00Z')]));
    await vi.advanceTimersByTimeAsync(3 * hour);
    // A run started by a timer would finish on the database's own (real) timers: give it time to.
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db.items.count()).toBe(1);
    expect(lines).toHaveLength(2);
  });
});
