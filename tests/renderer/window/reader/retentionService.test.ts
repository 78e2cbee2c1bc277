import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { retentionSettingKey, syncLockName, type RetentionLocks } from '../../../../renderer/db/retention';
import type { LockQuery } from '../../../../renderer/threads/waitWhileSyncing';
import { browserLikeLocks } from '../../../fixtures/webLocks';
import { runRetentionOnce, startRetention } from '../../../../renderer/window/reader/retentionService';

const feed = { url: 'https://a.example/feed.json', title: 'A', builtIn: false };
const page = feedPageOf(['2024-01-01T00:00:00Z', '2026-05-01T00:00:00Z'].map((date, index) => plainFeedItem(`i${index}`, date)));
const freeLocks: RetentionLocks & LockQuery = { request: (_name, _options, callback) => Promise.resolve(callback({})), query: () => Promise.resolve({ held: [] }) };
const hour = 60 * 60_000;

/** Locks as the browser keeps them, with the query of the ones held (a sync holds its feed's). */
const queryableLocks = () => {
  const { locks, held } = browserLikeLocks();
  const both: RetentionLocks & LockQuery = { request: (name, options, callback) => locks.request(name, options, callback), query: () => Promise.resolve({ held: [...held].map((name) => ({ name })) }) };
  return { locks: both, held };
};
const keysLeft = async () => (await db.items.toCollection().primaryKeys()).map(([, id]) => id).sort();
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
    const lines: string[] = [];
    await db.settings.put({ key: retentionSettingKey, value: 'oneYear' });
    const stop = startRetention({ db, locks: freeLocks, now, log: (line) => lines.push(line), firstDelayMs: 1_000, intervalMs: hour, syncWaitMs: 60_000 });
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

  it('removes news that passed the limit since the last run, an hour later, and never starred news', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    let clock = new Date('2026-11-28T00:00:00.000Z');
    // Three months before the first run is 2026-08-28T00:00Z: "edge" is inside the limit then, past it an hour later.
    await createNewsRepository(db).storeFeedPage(feed, feedPageOf([plainFeedItem('edge', '2026-08-28T00:30:00Z'), plainFeedItem('starred', '2024-01-01T00:00:00Z'), plainFeedItem('starred-edge', '2026-08-28T00:30:00Z')]));
    await createNewsRepository(db).setStarred([feed.url, 'starred'], true);
    await createNewsRepository(db).setStarred([feed.url, 'starred-edge'], true);
    await db.settings.put({ key: retentionSettingKey, value: 'threeMonths' });
    const lines: string[] = [];
    const stop = startRetention({ db, locks: queryableLocks().locks, now: () => clock, log: (line) => lines.push(line), firstDelayMs: 1_000, intervalMs: hour, syncWaitMs: 60_000 });

    // The first run removes the set-up's two old items (i0, i1), not "edge", which is inside the limit yet.
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(await keysLeft()).toEqual(['edge', 'starred', 'starred-edge']);

    clock = new Date('2026-11-28T01:00:00.000Z');
    await vi.advanceTimersByTimeAsync(hour - 1_000);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(await keysLeft()).toEqual(['starred', 'starred-edge']);
    expect(lines[1]).toBe('retention (threeMonths): 1 items removed, 0 feeds left for the next run (syncing)');
    stop();
  });

  it('never runs while a feed syncs: it waits for the sync, and leaves its turn to the next run if the sync outlasts the wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const other = { url: 'https://b.example/feed.json', title: 'B', builtIn: false };
    await createNewsRepository(db).storeFeedPage(other, feedPageOf([plainFeedItem('b-old', '2023-01-01T00:00:00Z')]));
    await db.settings.put({ key: retentionSettingKey, value: 'oneYear' });
    const { locks, held } = queryableLocks();
    const lines: string[] = [];
    held.add(syncLockName(other.url));
    const stop = startRetention({ db, locks, now, log: (line) => lines.push(line), firstDelayMs: 1_000, intervalMs: hour, syncWaitMs: 10 * 60_000 });

    // Feed B syncs for 15 minutes: the first run waits 10, removes nothing (not even feed A's old item), and says so.
    await vi.advanceTimersByTimeAsync(1_000 + 10 * 60_000);
    await vi.waitFor(() => expect(lines).toEqual(['retention: a sync is still running; left for the next run']));
    expect(await keysLeft()).toEqual(['b-old', 'i0', 'i1']);

    // A sync of two minutes at the next run: the run waits for it, then removes.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    held.delete(syncLockName(other.url));
    await vi.advanceTimersByTimeAsync(hour - 16 * 60_000);
    held.add(syncLockName(other.url));
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(await keysLeft()).toEqual(['b-old', 'i0', 'i1']);
    held.delete(syncLockName(other.url));
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(async () => expect(await keysLeft()).toEqual(['i1']));
    expect(lines).toHaveLength(2);
    stop();
  });

  it('stopped while a run waits for a sync, it removes nothing when the sync ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    await db.settings.put({ key: retentionSettingKey, value: 'oneYear' });
    const { locks, held } = queryableLocks();
    held.add(syncLockName('https://b.example/feed.json'));
    const stop = startRetention({ db, locks, now, log: () => undefined, firstDelayMs: 1_000, intervalMs: hour, syncWaitMs: 10 * 60_000 });
    await vi.advanceTimersByTimeAsync(60_000);
    stop();
    held.clear();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db.items.count()).toBe(2);
  });
});
