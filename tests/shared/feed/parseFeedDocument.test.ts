// The entry point under hostile and random input: it always answers with a Result, quickly, and
// random well-formed RSS and Atom come back with the titles and ids they were written with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';

const url = 'https://random.example/feed';
const parseText = (text: string, contentType: string | null = null) =>
  parseFeedDocument({ bytes: new TextEncoder().encode(text), contentType, url });

const timed = <T>(run: () => T): { value: T; milliseconds: number } => {
  const start = performance.now();
  const value = run();
  return { value, milliseconds: performance.now() - start };
};

const isResult = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'ok' in value && (value.ok === true ? 'value' in value : 'error' in value && typeof value.error === 'object' && value.error !== null && 'id' in value.error);

const escapeXml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('parseFeedDocument on any input', () => {
  it('answers any text with a Result, never throwing, within a bound', () => {
    const feedish = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.tuple(fc.constantFrom('<rss version="2.0"><channel>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<rdf:RDF>', '<!DOCTYPE x [', '<html><head>', '{"items":'), fc.string())
        .map(([start, rest]) => start + rest),
    );
    fc.assert(
      fc.property(feedish, (text) => {
        const { value, milliseconds } = timed(() => parseText(text, 'text/html'));
        return isResult(value) && milliseconds < 1000;
      }),
      { numRuns: 1000 },
    );
  });

  it('answers any bytes with a Result, whatever the charset header says', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.option(fc.constantFrom('text/xml; charset=utf-16', 'text/html; charset=shift_jis', 'application/octet-stream', 'x; charset=gbk')), (bytes, contentType) => {
        const { value, milliseconds } = timed(() => parseFeedDocument({ bytes, contentType, url }));
        return isResult(value) && milliseconds < 1000;
      }),
      { numRuns: 1000 },
    );
  });

  // XML 1.0 cannot carry control characters, lone surrogates or U+FFFE/U+FFFF at all.
  const notInXml = (text: string): boolean => [...text].some((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff;
  });
  const itemArbitrary = fc.record({
    id: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((id) => id.trim() === id && id.length > 0 && !notInXml(id)),
    title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((title) => title.trim().length > 0 && !/[<&]/.test(title) && !notInXml(title)),
  });

  /** Titles are stored on one line: runs of any whitespace become one space. */
  const asStored = (items: { id: string; title: string }[]) => items.map(({ id, title }) => ({ id, title: title.replace(/\s+/g, ' ').trim() }));

  it('round-trips the titles and ids of random RSS', () => {
    fc.assert(
      fc.property(fc.uniqueArray(itemArbitrary, { selector: (item) => item.id, maxLength: 8 }), (items) => {
        const xml = `<rss version="2.0"><channel><title>Random</title>${items
          .map((item) => `<item><title>${escapeXml(item.title)}</title><guid isPermaLink="false">${escapeXml(item.id)}</guid><description>d</description></item>`)
          .join('')}</channel></rss>`;
        const result = parseText(xml);
        expect(result.ok && result.value.kind === 'feed' ? result.value.page.items.map((item) => ({ id: item.id, title: item.title })) : result).toEqual(asStored(items));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips the titles and ids of random Atom', () => {
    fc.assert(
      fc.property(fc.uniqueArray(itemArbitrary, { selector: (item) => item.id, maxLength: 8 }), (items) => {
        const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Random</title>${items
          .map((item) => `<entry><id>${escapeXml(item.id)}</id><title type="text">${escapeXml(item.title)}</title><updated>2021-06-01T00:00:00Z</updated><content>c</content></entry>`)
          .join('')}</feed>`;
        const result = parseText(xml);
        expect(result.ok && result.value.kind === 'feed' ? result.value.page.items.map((item) => ({ id: item.id, title: item.title })) : result).toEqual(asStored(items));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseFeedDocument under attack', () => {
  it('expands no entity of a billion-laughs DTD, reads no file, and is done in under a second', () => {
    const levels = Array.from({ length: 10 }, (_, level) =>
      level === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${level} "${`&l${level - 1};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${levels}<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&l9;</title><item><title>&l9; &x;</title><guid>1</guid></item></channel></rss>`;
    const { value, milliseconds } = timed(() => parseText(xml));
    expect(milliseconds).toBeLessThan(1000);
    expect(value).toMatchObject({ ok: true, value: { kind: 'feed', page: { items: [{ title: '&l9; &x;' }] } } });
  });

  it('reads 10,000 nested elements inside an item, or refuses them, in under a second', () => {
    const nested = `${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`;
    const xml = `<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Deep</title><description>${nested}</description></item></channel></rss>`;
    const { value, milliseconds } = timed(() => parseText(xml));
    expect(milliseconds).toBeLessThan(1000);
    expect(isResult(value)).toBe(true);
    const unclosed = `<rss version="2.0"><channel><title>t</title><item>${'<x>'.repeat(10_000)}</item></channel></rss>`;
    const second = timed(() => parseText(unclosed));
    expect(second.milliseconds).toBeLessThan(1000);
    expect(second.value).toEqual({ ok: false, error: errorMessages.feedMalformedXml });
  });

  it('refuses a feed cut off in the middle with the broken-feed reason', () => {
    expect(parseText('<rss version="2.0"><channel><title>t</title><item><title>cut')).toEqual({ ok: false, error: errorMessages.feedMalformedXml });
  });

  it('names an empty answer and a page without feeds', () => {
    expect(parseText('   \n')).toEqual({ ok: false, error: errorMessages.feedEmptyDocument });
    expect(parseText('<html><body>Hello</body></html>')).toEqual({ ok: false, error: errorMessages.feedPageWithoutFeeds });
  });

  it('decides the format from the content, whatever the Content-Type says', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', content_text: 'x' }] });
    for (const contentType of ['text/html', 'application/rss+xml', 'application/octet-stream', null]) {
      expect(parseText(json, contentType)).toMatchObject({ ok: true, value: { kind: 'feed', page: { format: 'json-feed' } } });
      expect(parseText('<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title></feed>', contentType)).toMatchObject({ ok: true, value: { page: { format: 'atom' } } });
    }
  });
});
