// The list's data in the window, over a real Dexie database (fake-indexeddb): the view's keys newest
// first, the rows near the screen read by page, news that arrives counted and shown on request so
// nothing moves under the reader, and a search's keys shown in its own order.
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewsItemKey } from '../../../../shared/feed/newsItem';
import { db, newsRepository } from '../../../../renderer/window/database';
import { useListView, type ListSource } from '../../../../renderer/window/reader/useListView';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';

const feed = { url: 'https://news.example.org/feed.json', title: 'Regional News', builtIn: false };
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T12:00:00.000Z`;
const storeDays = (from: number, to: number) =>
  newsRepository.storeFeedPage(feed, feedPageOf(Array.from({ length: to - from + 1 }, (_, index) => plainFeedItem(`item-${from + index}`, day(from + index)))));

const allNews: ListSource = { kind: 'view', view: { kind: 'all' } };

beforeEach(async () => {
  await db.items.clear();
  await db.feeds.clear();
  await newsRepository.addFeed(feed);
});

describe('useListView', () => {
  it('lists a view newest first and reads the items of the rows on screen', async () => {
    await storeDays(1, 28);
    const { result } = renderHook(() => useListView(allNews));
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.keys?.map(([, id]) => id).slice(0, 3)).toEqual(['item-28', 'item-27', 'item-26']);
    expect(result.current.keys).toHaveLength(28);
    act(() => result.current.setVisibleRows({ first: 0, last: 9 }));
    await waitFor(() => expect(result.current.itemAt(0)?.title).toBe('Item item-28'));
    expect(result.current.firstRowsShown).toBe(true);
    // Rows far from the screen are not read until the screen gets there.
    expect(result.current.itemAt(27)).toBeUndefined();
    act(() => result.current.setVisibleRows({ first: 20, last: 27 }));
    await waitFor(() => expect(result.current.itemAt(27)?.title).toBe('Item item-1'));
  });

  it('counts news that arrives after the list was read, and shows it only when asked', async () => {
    await storeDays(1, 10);
    const { result } = renderHook(() => useListView(allNews));
    await waitFor(() => expect(result.current.complete).toBe(true));
    await storeDays(11, 13);
    await waitFor(() => expect(result.current.arrivals).toBe(3), { timeout: 5_000 });
    // Nothing moved under the reader: the list is still the ten it showed.
    expect(result.current.keys).toHaveLength(10);
    expect(result.current.keys?.[0]?.[1]).toBe('item-10');
    act(() => result.current.showArrivals());
    await waitFor(() => expect(result.current.keys).toHaveLength(13));
    expect(result.current.keys?.[0]?.[1]).toBe('item-13');
    expect(result.current.arrivals).toBe(0);
  });

  it('shows a search\u2019s keys in the search\u2019s own order, whole', async () => {
    await storeDays(1, 5);
    const keys: NewsItemKey[] = [
      [feed.url, 'item-2'],
      [feed.url, 'item-5'],
    ];
    const { result } = renderHook(() => useListView({ kind: 'keys', keys }));
    expect(result.current.keys).toBe(keys);
    act(() => result.current.setVisibleRows({ first: 0, last: 1 }));
    await waitFor(() => expect(result.current.itemAt(1)?.id).toBe('item-5'));
    expect(result.current.itemAt(0)?.id).toBe('item-2');
    expect(result.current.complete).toBe(true);
  });

  it('lists only the view chosen: starred news', async () => {
    await storeDays(1, 6);
    await newsRepository.setStarred([feed.url, 'item-3'], true);
    const { result } = renderHook(() => useListView({ kind: 'view', view: { kind: 'starred' } }));
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.keys).toEqual([[feed.url, 'item-3']]);
  });
});
