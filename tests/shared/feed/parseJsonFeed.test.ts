// The JSON Feed parser: outside data of any shape gives a result or a readable error, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { parseJsonFeed, parseJsonFeedText } from '../../../shared/feed/parseJsonFeed';

const version = 'https://jsonfeed.org/version/1.1';
const readableErrors = new Set<string>([
  errorMessages.feedNotJson.id,
  errorMessages.feedIsWebPage.id,
  errorMessages.feedNotAnObject.id,
  errorMessages.feedWrongVersion.id,
  errorMessages.feedMissingItems.id,
]);

describe('parseJsonFeed', () => {
  it('returns a page or a readable error for any JSON value, never throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseJsonFeed(value);
        return result.ok ? Array.isArray(result.value.items) : readableErrors.has(result.error.id);
      }),
      { numRuns: 500 },
    );
  });

  it('returns a page or a readable error for any text, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseJsonFeedText(text);
        return result.ok || readableErrors.has(result.error.id);
      }),
      { numRuns: 500 },
    );
  });

  it('accounts for every item of a feed-shaped document: kept or counted as dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.record({ id: fc.oneof(fc.string(), fc.integer()), content_text: fc.string() }))), (items) => {
        const result = parseJsonFeed({ version, title: 'Feed', items });
        if (!result.ok) return false;
        const { withoutId, withoutContent, notAnObject, repeatedId } = result.value.droppedItems;
        return result.value.items.length + withoutId + withoutContent + notAnObject + repeatedId === items.length;
      }),
      { numRuns: 300 },
    );
  });

  it('turns numeric ids into text and keeps the first of two items with the same id', () => {
    const result = parseJsonFeed({
      version,
      items: [
        { id: 12, content_text: 'first' },
        { id: '12', content_text: 'second' },
      ],
    });
    expect(result).toMatchObject({ ok: true, value: { items: [{ id: '12', contentText: 'first' }], droppedItems: { repeatedId: 1 } } });
  });

  it('accepts JSON Feed 1.0 as well as 1.1', () => {
    expect(parseJsonFeed({ version: 'https://jsonfeed.org/version/1', items: [] })).toMatchObject({ ok: true });
  });

  it('reads feeds as they are written: an http:// version, no version, numeric ids', () => {
    expect(parseJsonFeed({ version: 'http://jsonfeed.org/version/1', items: [{ id: 7, content_text: 'a' }] })).toMatchObject({ ok: true, value: { format: 'json-feed', items: [{ id: '7' }] } });
    expect(parseJsonFeed({ items: [{ id: 'x', content_text: 'a' }] })).toMatchObject({ ok: true, value: { items: [{ id: 'x' }] } });
    expect(parseJsonFeed({ version: 'https://example.org/my-format', items: [] })).toEqual({ ok: false, error: errorMessages.feedWrongVersion });
    expect(parseJsonFeed({ title: 'no version, no items' })).toEqual({ ok: false, error: errorMessages.feedWrongVersion });
  });

  it('reads 1.0\'s author and 1.1\'s authors, and the picture', () => {
    const result = parseJsonFeed({
      version,
      authors: [{ name: 'Desk' }],
      items: [
        { id: '1', content_text: 'a', author: { name: 'One' }, image: 'https://x.example/i.png' },
        { id: '2', content_text: 'b', authors: [{ name: 'Two' }, { url: 'https://x.example/' }], banner_image: 'https://x.example/b.png' },
        { id: '3', content_text: 'c', image: 'javascript:alert(1)' },
      ],
    });
    expect(result.ok && result.value.items.map((item) => [item.authors, item.imageUrl])).toEqual([
      [['One'], 'https://x.example/i.png'], [['Two'], 'https://x.example/b.png'], [['Desk'], null],
    ]);
  });

  it.each([
    ['an array', '[1, 2]', errorMessages.feedNotAnObject],
    ['a string', '"feed"', errorMessages.feedNotAnObject],
    ['null', 'null', errorMessages.feedNotAnObject],
    ['an RSS-like object', '{"rss": {}}', errorMessages.feedWrongVersion],
    ['a feed without items', `{"version": "${version}"}`, errorMessages.feedMissingItems],
    ['cut-off JSON', `{"version": "${version}", "items": [`, errorMessages.feedNotJson],
    ['a web page', '<!DOCTYPE html><html><body>Sign in</body></html>', errorMessages.feedIsWebPage],
  ])('rejects %s whole with a reason a person can read', (_name, text, message) => {
    expect(parseJsonFeedText(text)).toEqual({ ok: false, error: message });
  });
});
