// The aggregator's answers, from answers FreshRSS gave (recorded in tests/fixtures/freshrss), and from
// hostile and random text: a reader never throws, and what is not a Reader API answer says so.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readActionToken, readItemContents, readItemIds, readOk, readQuickAdd, readSignIn, readSubscriptions, readUnreadCounts } from '../../../shared/aggregator/readerAnswers';

const recorded = (name: string) => readFileSync(new URL(`../../fixtures/freshrss/${name}`, import.meta.url), 'utf8');

describe("reading FreshRSS's answers", () => {
  it('takes the token from ClientLogin, and nothing from a web page', () => {
    expect(readSignIn(recorded('client-login.txt'))).toEqual({ ok: true, value: 'fieldnews/0123456789abcdef0123456789abcdef01234567' });
    expect(readSignIn('<html><body>Login</body></html>')).toEqual({ ok: false, error: 'not-reader-api' });
    expect(readSignIn('SID=x\nAuth=\n')).toEqual({ ok: false, error: 'not-reader-api' });
  });

  it('reads the subscriptions with their folder', () => {
    const answer = readSubscriptions(recorded('subscription-list.json'));
    expect(answer.ok && answer.value).toEqual([
      expect.objectContaining({ id: 'feed/1', title: 'IOM Regional News', url: 'http://127.0.0.1:8787/feed.rss', categories: [{ id: 'user/-/label/Uncategorized', label: 'Uncategorized' }] }),
    ]);
  });

  it('reads the unread counts of feeds, labels and the reading list', () => {
    const answer = readUnreadCounts(recorded('unread-count.json'));
    expect(answer.ok && answer.value.map((count) => [count.id, count.count])).toEqual([
      ['feed/1', 10],
      ['user/-/label/Uncategorized', 10],
      ['user/-/state/com.google/reading-list', 10],
    ]);
  });

  it('reads a page of item ids and where the next page starts', () => {
    expect(readItemIds(recorded('item-ids-page.json'))).toEqual({
      ok: true,
      value: { ids: ['1796584899161281', '1796584899161280', '1796584899161279'], continuation: '1796584899161279' },
    });
    expect(readItemIds('{"itemRefs":[]}')).toEqual({ ok: true, value: { ids: [], continuation: null } });
    // Miniflux's "no more pages".
    expect(readItemIds('{"itemRefs":[{"id":"5"}],"continuation":0}')).toEqual({ ok: true, value: { ids: ['5'], continuation: null } });
    // An id that is not a number is not an id the API gives.
    expect(readItemIds('{"itemRefs":[{"id":"../../etc"}]}')).toEqual({ ok: false, error: 'not-reader-api' });
  });

  it("reads items' contents, dropping and counting an item that is not one", () => {
    const answer = readItemContents(recorded('item-contents.json'));
    expect(answer.ok && answer.value.items.map((item) => item.origin.streamId)).toEqual(['feed/1', 'feed/1']);
    const [first] = (JSON.parse(recorded('item-contents.json')) as { items: unknown[] }).items;
    const mixed = JSON.stringify({ items: [first, { id: 7 }, 'text', null] });
    const read = readItemContents(mixed);
    expect(read.ok && [read.value.items.length, read.value.dropped]).toEqual([1, 3]);
  });

  it('reads the action token, quickadd and OK', () => {
    expect(readActionToken('0123456789abcdef0123456789abcdef01234567ZZZZZZZZZZZZZZZZZ\n')).toEqual({ ok: true, value: '0123456789abcdef0123456789abcdef01234567ZZZZZZZZZZZZZZZZZ' });
    expect(readActionToken('<html> <body>')).toEqual({ ok: false, error: 'not-reader-api' });
    expect(readQuickAdd('{"numResults":1,"query":"http://a/feed","streamId":"feed/3","streamName":"A"}')).toEqual({ ok: true, value: { numResults: 1, streamId: 'feed/3' } });
    expect(readQuickAdd('{"numResults":0,"error":"cURL error 22"}')).toEqual({ ok: true, value: { numResults: 0, error: 'cURL error 22' } });
    expect(readOk('OK')).toBe(true);
    expect(readOk('<html>OK</html>')).toBe(false);
  });
});

describe('hostile and random answers', () => {
  const readers = [readSignIn, readActionToken, readSubscriptions, readUnreadCounts, readItemIds, readItemContents, readQuickAdd];

  it('never throw on any text, and give a value or not-reader-api', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((value) => JSON.stringify(value))), (text) => {
        for (const read of readers) {
          const answer = read(text);
          if (!answer.ok) expect(answer.error).toBe('not-reader-api');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuse shapes that only look right: ids that are objects, counts that are negative, a feed list that is not a list', () => {
    expect(readItemIds('{"itemRefs":[{"id":{"toString":1}}]}').ok).toBe(false);
    expect(readUnreadCounts('{"unreadcounts":[{"id":"feed/1","count":-4}]}')).toEqual({ ok: true, value: [] });
    expect(readSubscriptions('{"subscriptions":"feed/1"}').ok).toBe(false);
    expect(readSubscriptions('{"__proto__":{"subscriptions":[]}}').ok).toBe(false);
    expect(readItemContents('{"items":{"length":3}}').ok).toBe(false);
  });
});
