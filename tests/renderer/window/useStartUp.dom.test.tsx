// The window's start-up starts retention once the list is shown: old news goes a while later, on the
// timer, without the user choosing again, and nothing is removed once the window is gone.
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, newsRepository } from '../../../renderer/window/database';
import { retentionSettingKey, type RetentionLocks } from '../../../renderer/db/retention';
import type { LockQuery } from '../../../renderer/threads/waitWhileSyncing';
import { retentionTimes, useStartAfterFirstRows } from '../../../renderer/window/useStartUp';
import { browserLikeLocks } from '../../fixtures/webLocks';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';

const { logged } = vi.hoisted(() => ({ logged: [] as string[] }));
vi.mock('../../../renderer/window/log', () => ({
  log: { info: (scope: string, line: string) => logged.push(`${scope}: ${line}`), warn: (scope: string, line: string) => logged.push(`${scope}: ${line}`), error: vi.fn() },
}));
// The sync and the search worker start beside retention; this test is about retention alone.
vi.mock('../../../renderer/window/sync/syncService', () => ({ startAutomaticSync: () => undefined }));
const { searchStarts } = vi.hoisted(() => ({ searchStarts: { count: 0 } }));
vi.mock('../../../renderer/window/search/searchClient', () => ({
  startSearch: () => {
    searchStarts.count += 1;
  },
}));

const feed = { url: 'https://news.example.org/feed.json', title: 'Regional news', builtIn: false };
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const idsLeft = async () => (await db.items.toCollection().primaryKeys()).map(([, id]) => id).sort();

const stubLocks = (locks: (RetentionLocks & LockQuery) | undefined) => {
  if (locks) Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  else Reflect.deleteProperty(navigator, 'locks');
};

beforeEach(async () => {
  logged.length = 0;
  searchStarts.count = 0;
  await db.items.clear();
  await db.feeds.clear();
  await db.settings.clear();
  await newsRepository.storeFeedPage(feed, feedPageOf([plainFeedItem('old', daysAgo(500)), plainFeedItem('recent', daysAgo(10)), plainFeedItem('old-starred', daysAgo(800))]));
  await newsRepository.setStarred([feed.url, 'old-starred'], true);
  await newsRepository.writeSetting(retentionSettingKey, 'oneYear');
  const { locks } = browserLikeLocks();
  stubLocks({ request: (name, options, callback) => locks.request(name, options, callback), query: () => Promise.resolve({ held: [] }) });
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
  stubLocks(undefined);
});

describe('retention at start-up', () => {
  it('runs a while after the list is shown and every hour, and stops with the window', async () => {
    const { result, unmount } = renderHook(() => useStartAfterFirstRows(30));
    act(() => result.current.onFirstRows());
    await vi.advanceTimersByTimeAsync(retentionTimes.firstDelayMs - 1_000);
    expect(await idsLeft()).toEqual(['old', 'old-starred', 'recent']);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect(await idsLeft()).toEqual(['old-starred', 'recent']));
    expect(logged).toContain('retention: retention (oneYear): 1 items removed, 0 feeds left for the next run (syncing)');

    // News that arrives old is removed by the hourly run…
    await newsRepository.storeFeedPage(feed, feedPageOf([plainFeedItem('late', daysAgo(400))]));
    await vi.advanceTimersByTimeAsync(retentionTimes.intervalMs);
    await vi.waitFor(async () => expect(await idsLeft()).toEqual(['old-starred', 'recent']));

    // …until the window is gone.
    unmount();
    await newsRepository.storeFeedPage(feed, feedPageOf([plainFeedItem('after', daysAgo(400))]));
    await vi.advanceTimersByTimeAsync(3 * retentionTimes.intervalMs);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await idsLeft()).toEqual(['after', 'old-starred', 'recent']);
  });

  it('does not start where there are no Web Locks to keep it clear of syncs, and says so in the log', async () => {
    stubLocks(undefined);
    const { result } = renderHook(() => useStartAfterFirstRows(30));
    act(() => result.current.onFirstRows());
    await vi.advanceTimersByTimeAsync(retentionTimes.firstDelayMs + retentionTimes.intervalMs);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await idsLeft()).toEqual(['old', 'old-starred', 'recent']);
    expect(logged).toEqual(['retention: No Web Locks in this browser: old news is removed only when a choice is applied in Settings']);
  });
});

describe('the first start', () => {
  it('starts the search worker after the sample is stored, not on the empty list before it', async () => {
    const { result, rerender } = renderHook(({ settled }) => useStartAfterFirstRows(30, settled), { initialProps: { settled: false } });
    act(() => result.current.onFirstRows());
    await vi.advanceTimersByTimeAsync(100);
    expect(result.current.listShown).toBe(false);
    expect(searchStarts.count).toBe(0);
    rerender({ settled: true });
    await vi.advanceTimersByTimeAsync(100);
    expect(result.current.listShown).toBe(true);
    expect(searchStarts.count).toBe(1);
  });

  it('starts everything after a few seconds even if the sample never settles', async () => {
    const { result } = renderHook(() => useStartAfterFirstRows(30, false));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(searchStarts.count).toBe(0);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(result.current.listShown).toBe(true);
    // The search starts on the timer after the paint.
    await vi.advanceTimersByTimeAsync(10);
    expect(searchStarts.count).toBe(1);
  });
});
