import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readItemContents, type ReaderItem } from '../../../shared/aggregator/readerAnswers';
import { accountItemOf, shortItemId } from '../../../shared/aggregator/readerItems';

const recordedItems = (): ReaderItem[] => {
  const answer = readItemContents(readFileSync(new URL('../../fixtures/freshrss/item-contents.json', import.meta.url), 'utf8'));
  if (!answer.ok) throw new Error('the recorded answer is not readable');
  return answer.value.items;
};

const item = (fields: Partial<ReaderItem> = {}): ReaderItem => ({
  id: 'tag:google.com,2005:reader/item/000661fc04b92cc1',
  title: 'Arrivals in Tapachula',
  published: 1_764_000_000,
  canonical: [{ href: 'https://news.example.org/tapachula/1' }],
  categories: ['user/-/state/com.google/reading-list', 'user/-/label/Mexico'],
  origin: { streamId: 'feed/4' },
  summary: { content: '<p>Shelters in <b>Tapachula</b>, Chiapas.</p>' },
  ...fields,
});

describe('an aggregator item as Field News keeps it', () => {
  it("reads the long form of an id as the short decimal one, and FreshRSS's own ids alike", () => {
    expect(shortItemId('tag:google.com,2005:reader/item/000661fc04b92cc1')).toBe('1796584899161281');
    expect(shortItemId('1796584899161281')).toBe('1796584899161281');
    expect(shortItemId('tag:google.com,2005:reader/item/ffffffffffffffff')).toBe('18446744073709551615');
    expect(shortItemId('tag:google.com,2005:reader/item/xyz')).toBeNull();
    expect(shortItemId('feed/1')).toBeNull();
  });

  it('turns a recorded FreshRSS item into a feed item with its server id and states', () => {
    const [first] = recordedItems();
    const account = first === undefined ? null : accountItemOf(first);
    expect(account).toMatchObject({ readerItemId: '1796584899161281', readerFeedId: 'feed/1', read: false, starred: false, crawledAtUsec: '1796584899161000' });
    // FreshRSS sent no link for it: the item is known by its title and date, as a feed without guids would key it.
    expect(account?.item.id).toMatch(/^title-date:/);
    expect(account?.item.url).toBeNull();
    expect(account?.item.datePublished).toBe('2021-07-07T12:00:00.000Z');
  });

  it('keys an item by its link, and takes read and starred from its categories', () => {
    const account = accountItemOf(item({ categories: ['user/-/state/com.google/read', 'user/-/state/com.google/starred'] }));
    expect(account).toMatchObject({ item: { id: 'https://news.example.org/tapachula/1', url: 'https://news.example.org/tapachula/1', contentHtml: '<p>Shelters in <b>Tapachula</b>, Chiapas.</p>' }, read: true, starred: true });
  });

  it("reads read and starred from Miniflux's and Inoreader's streams too, which carry the user's number", () => {
    const account = accountItemOf(item({ categories: ['user/1/state/com.google/reading-list', 'user/1/state/com.google/read', 'user/1/state/com.google/starred'] }));
    expect(account).toMatchObject({ read: true, starred: true });
    expect(accountItemOf(item({ categories: ['user/1/state/com.google/reading-list'] }))).toMatchObject({ read: false, starred: false });
  });

  it('keeps no link that is not a web address, and no item without an id it can use', () => {
    expect(accountItemOf(item({ canonical: [{ href: 'javascript:alert(1)' }] }))?.item.url).toBeNull();
    expect(accountItemOf(item({ id: 'not-an-id' }))).toBeNull();
    expect(accountItemOf(item({ canonical: [], title: '', published: 0 }))).toBeNull();
  });

  it('never throws on random items', () => {
    fc.assert(
      fc.property(fc.record({ id: fc.string(), title: fc.string(), published: fc.double(), href: fc.string(), content: fc.string() }), ({ id, title, published, href, content }) => {
        accountItemOf(item({ id, title, published, canonical: [{ href }], summary: { content } }));
      }),
      { numRuns: 300 },
    );
  });
});
