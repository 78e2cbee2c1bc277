import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/contentHash';
import type { FeedItem } from '../../../shared/feed/feedItem';
import { adoptDerivedFields, derivedFieldsOf, mergeFeedItem, prepareFeedItems, type NewsItem } from '../../../shared/feed/newsItem';

const feedUrl = 'https://news.example.org/feed.json';
const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  id: 'a',
  title: 'Hubs open in Petén',
  url: null,
  contentText: 'Two new hubs.',
  contentHtml: null,
  summary: null,
  datePublished: '2021-06-18T12:00:00Z',
  dateModified: null,
  tags: [],
  authors: [],
  imageUrl: null,
  point: null,
  ...overrides,
});

describe('mergeFeedItem', () => {
  it('stores a new item unread, unstarred, first seen now', () => {
    const merged = mergeFeedItem(undefined, item(), feedUrl, '2026-01-01T00:00:00.000Z');
    expect(merged).toMatchObject({ feedUrl, id: 'a', read: false, starred: false, firstSeenAt: '2026-01-01T00:00:00.000Z' });
    expect(merged?.sortDate).toBe('2021-06-18T12:00:00.000Z');
  });

  it('writes nothing for an unchanged item', () => {
    const stored = mergeFeedItem(undefined, item(), feedUrl, '2026-01-01T00:00:00.000Z');
    expect(mergeFeedItem(stored ?? undefined, item(), feedUrl, '2026-02-01T00:00:00.000Z')).toBeNull();
  });

  it('replaces the content of an updated item and keeps read, starred and first-seen', () => {
    const stored = { ...mergeFeedItem(undefined, item(), feedUrl, '2026-01-01T00:00:00.000Z')!, read: true, starred: true };
    const updated = mergeFeedItem(stored, item({ contentText: 'Three hubs.', dateModified: '2021-06-20T12:00:00Z' }), feedUrl, '2026-02-01T00:00:00.000Z');
    expect(updated).toMatchObject({ contentText: 'Three hubs.', read: true, starred: true, firstSeenAt: '2026-01-01T00:00:00.000Z' });
  });

  it('notices a changed author, picture or point, and keeps the fingerprint items stored before those fields had', () => {
    const stored = mergeFeedItem(undefined, item(), feedUrl, '2026-01-01T00:00:00.000Z')!;
    for (const change of [{ authors: ['Ana'] }, { imageUrl: 'https://news.example.org/p.jpg' }, { point: { latitude: 14.9, longitude: -92.26 } }]) {
      expect(mergeFeedItem(undefined, item(change), feedUrl, '2026-02-01T00:00:00.000Z')?.contentHash).not.toBe(stored.contentHash);
    }
    // The fingerprint of this item as schema 5 stored it, before authors, picture and point existed.
    expect(stored.contentHash).toBe(contentHash(JSON.stringify(['Hubs open in Petén', null, 'Two new hubs.', null, null, '2021-06-18T12:00:00Z', null, []])));
  });

  it('keeps a newer stored copy when an older one arrives late', () => {
    const newer = mergeFeedItem(undefined, item({ contentText: 'v2', dateModified: '2021-06-20T12:00:00Z' }), feedUrl, '2026-01-01T00:00:00.000Z')!;
    expect(mergeFeedItem(newer, item({ contentText: 'v1', dateModified: '2021-06-19T12:00:00Z' }), feedUrl, '2026-01-02T00:00:00.000Z')).toBeNull();
  });

  it('orders by UTC time whatever offset the feed wrote', () => {
    const merged = mergeFeedItem(undefined, item({ datePublished: '2021-06-18T20:00:00-06:00' }), feedUrl, '2026-01-01T00:00:00.000Z');
    expect(merged?.sortDate).toBe('2021-06-19T02:00:00.000Z');
  });

  it('gives the same stored item whatever order the copies arrive in, and however often', () => {
    const copy = fc.record({
      contentText: fc.constantFrom('v1', 'v2', 'v3'),
      dateModified: fc.constantFrom(null, '2021-06-19T12:00:00Z', '2021-06-20T12:00:00Z'),
    });
    fc.assert(
      fc.property(
        fc
          .array(copy, { minLength: 1, maxLength: 6 })
          .chain((copies) => fc.tuple(fc.constant(copies), fc.shuffledSubarray(copies, { minLength: copies.length, maxLength: copies.length }))),
        ([copies, shuffled]) => {
        const apply = (order: typeof copies) =>
          order.reduce<NewsItem | undefined>(
            (stored, next) => mergeFeedItem(stored, item(next), feedUrl, '2026-01-01T00:00:00.000Z') ?? stored,
            undefined,
          );
        const once = apply(copies);
        expect(apply(shuffled)).toEqual(once);
        expect(apply([...copies, ...copies])).toEqual(once);
        },
      ),
    );
  });
});

describe('prepareFeedItems', () => {
  it('works out what mergeFeedItem would, so a prepared item stores the same record', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (title, contentText, contentHtml, summary) => {
        const fresh = item({ title, contentText, contentHtml, summary });
        const prepared = item({ title, contentText, contentHtml, summary });
        prepareFeedItems([prepared]);
        expect(mergeFeedItem(undefined, prepared, feedUrl, '2026-11-28T00:00:00Z')).toEqual(mergeFeedItem(undefined, fresh, feedUrl, '2026-11-28T00:00:00Z'));
      }),
    );
  });

  it('keeps its work per item: a changed copy of an item is fingerprinted afresh', () => {
    const first = item();
    prepareFeedItems([first]);
    const changed = { ...first, contentText: 'Three new hubs.', dateModified: '2021-06-19T00:00:00Z' };
    const stored = mergeFeedItem(undefined, first, feedUrl, '2026-11-28T00:00:00Z');
    const merged = mergeFeedItem(stored ?? undefined, changed, feedUrl, '2026-11-28T00:00:00Z');
    expect(merged?.preview).toBe('Three new hubs.');
    expect(merged?.contentHash).not.toBe(stored?.contentHash);
  });
});

describe('derivedFieldsOf and adoptDerivedFields', () => {
  const now = '2026-11-28T00:00:00Z';

  it('an item copied to another worker stores the same record with the fingerprint and preview sent along', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (title, contentText, contentHtml, summary) => {
        const parsed = item({ title, contentText, contentHtml, summary });
        const derived = derivedFieldsOf([parsed]);
        const copy = structuredClone(parsed);
        adoptDerivedFields([copy], structuredClone(derived));
        expect(mergeFeedItem(undefined, copy, feedUrl, now)).toEqual(mergeFeedItem(undefined, item({ title, contentText, contentHtml, summary }), feedUrl, now));
      }),
    );
  });

  it('uses what is sent rather than working it out again', () => {
    const copy = item();
    adoptDerivedFields([copy], [{ hash: 'sent-hash', preview: 'sent preview' }]);
    expect(mergeFeedItem(undefined, copy, feedUrl, now)).toMatchObject({ contentHash: 'sent-hash', preview: 'sent preview' });
  });

  it('ignores a list that does not match the items one for one, and works them out itself', () => {
    const fresh = mergeFeedItem(undefined, item(), feedUrl, now);
    const short = item();
    adoptDerivedFields([short, item({ id: 'b' })], [{ hash: 'sent-hash', preview: 'sent preview' }]);
    const malformed = item();
    adoptDerivedFields([malformed], [{ hash: 7, preview: 'sent preview' }]);
    expect(mergeFeedItem(undefined, short, feedUrl, now)).toEqual(fresh);
    expect(mergeFeedItem(undefined, malformed, feedUrl, now)).toEqual(fresh);
  });
});
