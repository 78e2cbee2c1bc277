import { describe, expect, it } from 'vitest';
import type { NewsItemKey } from '../../../../shared/feed/newsItem';
import type { ItemRecord } from '../../../../renderer/db/fieldNewsDb';
import { createRecentItems } from '../../../../renderer/window/reader/recentItems';

const feedUrl = 'https://news.example.org/feed.json';
const item = (id: string, title = `Report ${id}`): ItemRecord => ({
  feedUrl, id, title, url: null, contentText: 'Teams in Tapachula.', contentHtml: null, summary: null,
  datePublished: '2026-11-27T12:00:00.000Z', dateModified: null, tags: [], authors: [], imageUrl: null, point: null,
  sortDate: '2026-11-27T12:00:00.000Z', places: [], placesVersion: '', read: false, starred: false,
  firstSeenAt: '2026-11-27T12:00:00.000Z', contentHash: id, preview: 'Teams in Tapachula.',
});
const keys = (...ids: string[]): NewsItemKey[] => ids.map((id) => [feedUrl, id]);

describe('the list remembers the items it read lately', () => {
  it('gives back a window only when every row of it was read', () => {
    const recent = createRecentItems();
    recent.remember([item('a'), item('b'), undefined, item('c')]);
    expect(recent.recall(keys('c', 'a', 'b'), 0, 3)?.map((found) => found.id)).toEqual(['c', 'a', 'b']);
    // A window past the end of the keys covers only the keys there are.
    expect(recent.recall(keys('x', 'b', 'c'), 1, 50)?.map((found) => found.id)).toEqual(['b', 'c']);
    expect(recent.recall(keys('a', 'x'), 0, 2)).toBeUndefined();
    expect(recent.recall(keys('a'), 1, 5)).toBeUndefined();
    expect(recent.recall([['https://other.example/feed.xml', 'a']], 0, 1)).toBeUndefined();
  });

  it('keeps the copy read last', () => {
    const recent = createRecentItems();
    recent.remember([item('a', 'First copy')]);
    recent.remember([item('a', 'Starred since')]);
    expect(recent.recall(keys('a'), 0, 1)?.[0]?.title).toBe('Starred since');
  });

  it('lets the items read longest ago go first, past its limit', () => {
    const recent = createRecentItems(3);
    recent.remember([item('a'), item('b'), item('c')]);
    recent.remember([item('a')]);
    recent.remember([item('d')]);
    expect(recent.recall(keys('b'), 0, 1)).toBeUndefined();
    expect(recent.recall(keys('c', 'a', 'd'), 0, 3)?.map((found) => found.id)).toEqual(['c', 'a', 'd']);
  });
});
