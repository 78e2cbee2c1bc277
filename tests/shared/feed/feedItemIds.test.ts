// Item ids: the fallback order, stability across syncs, and the 2,048-character cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storageCaps } from '../../../shared/feed/feedItem';
import { capItemId, chooseItemId } from '../../../shared/feed/feedItemIds';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';

const parse = (text: string) => parseFeedDocument({ bytes: new TextEncoder().encode(text), contentType: null, url: 'https://ids.example/feed' });
const idsOf = (text: string): string[] => {
  const result = parse(text);
  if (!result.ok || result.value.kind !== 'feed') throw new Error('not a feed');
  return result.value.page.items.map((item) => item.id);
};

describe('item ids', () => {
  it('takes the feed id, then the link, then a hash of title and date', () => {
    expect(chooseItemId({ ownIds: [' guid-1 ', 'atom-id'], link: 'https://a/1', title: 't', date: 'd' })).toBe('guid-1');
    expect(chooseItemId({ ownIds: [undefined, 'atom-id'], link: 'https://a/1', title: 't', date: 'd' })).toBe('atom-id');
    expect(chooseItemId({ ownIds: ['  '], link: 'https://a/1', title: 't', date: 'd' })).toBe('https://a/1');
    expect(chooseItemId({ ownIds: [], link: null, title: 'Title', date: '2021-01-01' })).toMatch(/^title-date:[0-9a-f]{16}$/);
    expect(chooseItemId({ ownIds: [], link: null, title: null, date: null })).toBeNull();
  });

  it('gives the same stand-in id to the same title and date, and another to another', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, date, other) => {
        const id = chooseItemId({ ownIds: [], link: null, title, date });
        expect(chooseItemId({ ownIds: [], link: null, title, date })).toBe(id);
        if (other.trim() !== title.trim() && !title.includes('\n') && !other.includes('\n') && id !== null) {
          expect(chooseItemId({ ownIds: [], link: null, title: other, date })).not.toBe(id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('replaces an id over 2,048 characters by a stable hash, in XML and in JSON Feed alike', () => {
    const long = `urn:${'x'.repeat(5000)}`;
    const capped = capItemId(long);
    expect(capped.length).toBeLessThanOrEqual(storageCaps.idCharacters);
    expect(capItemId(long)).toBe(capped);
    expect(capItemId(`${long}y`)).not.toBe(capped);
    expect(capItemId('x'.repeat(storageCaps.idCharacters))).toBe('x'.repeat(storageCaps.idCharacters));
    expect(idsOf(`<rss version="2.0"><channel><title>t</title><item><guid>${long}</guid><title>a</title></item></channel></rss>`)).toEqual([capped]);
    expect(idsOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: long, content_text: 'a' }] }))).toEqual([capped]);
    expect(idsOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>${long}</id><title>a</title></entry></feed>`)).toEqual([capped]);
  });

  it('keeps the ids of an RSS feed without guids the same from one sync to the next', () => {
    const feed = '<rss version="2.0"><channel><title>t</title><item><title>One</title><pubDate>Mon, 07 Jun 2021 10:00:00 GMT</pubDate></item><item><title>Two</title></item></channel></rss>';
    expect(idsOf(feed)).toEqual(idsOf(feed));
    expect(new Set(idsOf(feed)).size).toBe(2);
  });
});
