// The window's search state over a real Dexie database (fake-indexeddb): a date range alone asks
// the date index for keys only, chosen places are kept across restarts as places (worded in the
// interface language when shown, an older English label still read), and picking a place clears the words.
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlaceLabelParts } from '../../../../shared/places/gazetteer';
import { chipLabel } from '../../../../renderer/window/components/SearchBar';
import { db, newsRepository } from '../../../../renderer/window/database';
import { useNewsSearch } from '../../../../renderer/window/search/useNewsSearch';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';

const feed = { url: 'https://news.example.org/feed.json', title: 'Regional News', builtIn: false };
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T12:00:00.000Z`;
const mexico: PlaceLabelParts = { name: 'Mexico', kind: 'country', stateName: null, countryCode: 'MX', countryName: 'Mexico' };
const tapachula: PlaceLabelParts = { name: 'Tapachula', kind: 'town', stateName: 'Chiapas', countryCode: 'MX', countryName: 'Mexico' };

beforeEach(async () => {
  await db.items.clear();
  await db.settings.clear();
  await newsRepository.storeFeedPage(feed, feedPageOf(Array.from({ length: 9 }, (_, index) => plainFeedItem(`item-${index + 1}`, day(index + 1)))));
});

describe('useNewsSearch', () => {
  it('answers a date range alone from the date index, as keys, newest first', async () => {
    const { result } = renderHook(() => useNewsSearch());
    expect(result.current.active).toBe(false);
    act(() => result.current.setDates('2026-01-03', '2026-01-05'));
    await waitFor(() => expect(result.current.dateKeys).toEqual([[feed.url, 'item-5'], [feed.url, 'item-4'], [feed.url, 'item-3']]));
    expect(result.current.active).toBe(true);
    expect(result.current.hasMore).toBe(false);
    // A place search answers with the worker's keys, not the date index.
    act(() => result.current.setQuery('tapachula'));
    await waitFor(() => expect(result.current.dateKeys).toBeUndefined());
  });

  it('keeps chosen places across a restart as places, and a chosen place clears the words typed', async () => {
    const first = renderHook(() => useNewsSearch());
    act(() => first.result.current.setQuery('tapach'));
    act(() => first.result.current.pickPlace({ placeId: 'MX-CHP-TAPACHULA', parts: tapachula }));
    expect(first.result.current.query).toBe('');
    expect(first.result.current.chips).toEqual([{ placeId: 'MX-CHP-TAPACHULA', parts: tapachula }]);
    // The same place twice is one chip.
    act(() => first.result.current.pickPlace({ placeId: 'MX-CHP-TAPACHULA', parts: tapachula }));
    expect(first.result.current.chips).toHaveLength(1);
    await waitFor(async () => expect(await newsRepository.readSetting('placeFilter')).toContain('MX-CHP-TAPACHULA'));
    first.unmount();

    const again = renderHook(() => useNewsSearch());
    await waitFor(() => expect(again.result.current.chips).toEqual([{ placeId: 'MX-CHP-TAPACHULA', parts: tapachula }]));
    expect(again.result.current.active).toBe(true);
    act(() => again.result.current.removeChip('MX-CHP-TAPACHULA'));
    expect(again.result.current.chips).toEqual([]);
  });

  it('reads a chip an older version saved with an English label, and words chips in the interface language', async () => {
    await newsRepository.writeSetting('placeFilter', JSON.stringify([{ placeId: 'MX', label: 'Mexico' }]));
    const { result } = renderHook(() => useNewsSearch());
    await waitFor(() => expect(result.current.chips).toEqual([{ placeId: 'MX', label: 'Mexico' }]));
    expect(chipLabel({ placeId: 'MX', parts: mexico }, 'es')).toBe('México');
    expect(chipLabel({ placeId: 'MX-CHP-TAPACHULA', parts: tapachula }, 'es')).toBe('Tapachula — Chiapas, México');
    expect(chipLabel({ placeId: 'MX', label: 'Mexico' }, 'es')).toBe('Mexico');
  });
});
