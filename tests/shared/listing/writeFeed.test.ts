// The RSS 2.0 and Atom 1.0 writers: read back as XML, every item keeps its id, title, date and content.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { listingToFeed } from '../../../shared/listing/listingToFeed';
import { writeAtom, writeFeed, writeRss, type FeedWriterDocument, type FeedWriterItem } from '../../../shared/listing/writeFeed';
import { listingCopyPath, sampleListingOptions } from '../../../scripts/sampleFeed';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const children = (parent: Element, name: string): Element[] => DomUtils.getElementsByTagName(name, parent.children, false);
const childText = (parent: Element, name: string): string | undefined => {
  const [child] = children(parent, name);
  return child === undefined ? undefined : DomUtils.textContent(child);
};

interface ReadItem {
  id: string | undefined;
  title: string | undefined;
  date: string | undefined;
  content: string | undefined;
}

const readRss = (text: string): { channel: Element; items: ReadItem[] } => {
  const document = parseDocument(text, { xmlMode: true });
  const [rss] = DomUtils.getElementsByTagName('rss', document.children, false);
  const channel = rss && children(rss, 'channel')[0];
  if (!channel) throw new Error('no <rss><channel>');
  const items = children(channel, 'item').map((item) => ({
    id: childText(item, 'guid'),
    title: childText(item, 'title'),
    date: childText(item, 'pubDate'),
    content: childText(item, 'content:encoded'),
  }));
  return { channel, items };
};

const readAtom = (text: string): { feed: Element; items: ReadItem[] } => {
  const document = parseDocument(text, { xmlMode: true });
  const [feed] = DomUtils.getElementsByTagName('feed', document.children, false);
  if (!feed) throw new Error('no <feed>');
  const items = children(feed, 'entry').map((entry) => ({
    id: childText(entry, 'id'),
    title: childText(entry, 'title'),
    date: childText(entry, 'published'),
    content: childText(entry, 'content'),
  }));
  return { feed, items };
};

describe('RSS and Atom from the shared IOM listing', () => {
  const converted = listingToFeed(readFileSync(listingCopyPath, 'utf8'), { ...sampleListingOptions, feedUrl: 'https://example.org/feed?format=rss&page=1' });
  if (!converted.ok) throw new Error(converted.error);
  const feed = converted.value;

  it('RSS 2.0 keeps every item: guid (not a permalink), title, RFC 822 date and the HTML in content:encoded', () => {
    const text = writeRss(feed);
    const { channel, items } = readRss(text);
    expect(childText(channel, 'title')).toBe(feed.title);
    expect(DomUtils.getElementsByTagName('atom:link', channel).map((link) => link.attribs.href)).toEqual([feed.feed_url]);
    expect(items).toEqual(
      feed.items.map((item) => ({ id: item.id, title: item.title, date: new Date(item.date_published).toUTCString(), content: item.content_html })),
    );
    expect(items[0]?.date).toBe('Wed, 07 Jul 2021 12:00:00 GMT');
    for (const guid of DomUtils.getElementsByTagName('guid', channel)) expect(guid.attribs.isPermaLink).toBe('false');
  });

  it('Atom 1.0 keeps every entry: id, title, RFC 3339 date and the HTML as escaped content', () => {
    const { feed: atom, items } = readAtom(writeAtom(feed));
    expect(childText(atom, 'updated')).toBe('2021-07-07T12:00:00Z');
    expect(items).toEqual(feed.items.map((item) => ({ id: item.id, title: item.title, date: item.date_published, content: item.content_html })));
    for (const content of DomUtils.getElementsByTagName('content', atom)) expect(content.attribs.type).toBe('html');
  });

  it('links pages: atom:link rel="next" in RSS, link rel="next" in Atom, next_url in JSON Feed', () => {
    const links = { self: 'https://example.org/feed?page=1', next: 'https://example.org/feed?page=2&x="y"' };
    const rss = readRss(writeFeed(feed, 'rss', links)).channel;
    expect(DomUtils.getElementsByTagName('atom:link', rss).map((link) => [link.attribs.rel, link.attribs.href])).toEqual([['self', links.self], ['next', links.next]]);
    const atom = readAtom(writeFeed(feed, 'atom', links)).feed;
    expect(children(atom, 'link').map((link) => [link.attribs.rel, link.attribs.href])).toEqual([['self', links.self], ['next', links.next]]);
    expect(JSON.parse(writeFeed(feed, 'json', links))).toMatchObject({ feed_url: links.self, next_url: links.next, items: feed.items });
  });
});

// --- Any text survives: markup characters, "]]>", quotes, entities, emoji, accents, control characters.
const special = ['&', '<', '>', '"', "'", ']]>', ']]', '<![CDATA[', '&amp;', '&#x1F600;', 'é', 'ñ', '😀', '🇭🇳', ' ', '\n', '\t', 'a', '\u0001', '\u000B', '\uFFFE'];
const text = fc.oneof(fc.string({ unit: fc.constantFrom(...special), minLength: 1, maxLength: 10 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }));
const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }).map((value) => value.toISOString());
const item: fc.Arbitrary<FeedWriterItem> = fc.record({ id: text, title: text, content_html: text, date_published: date });
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot carry, which the writers drop
const inXml = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '');

describe('writers with arbitrary text', () => {
  it('RSS and Atom keep every id, title, date and content', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), text, (items, title) => {
        const document: FeedWriterDocument = { title, home_page_url: 'https://example.org/?a=1&b=2', items };
        const expected = (dateOf: (iso: string) => string) =>
          items.map((entry) => ({ id: inXml(entry.id), title: inXml(entry.title ?? ''), date: dateOf(entry.date_published ?? ''), content: inXml(entry.content_html ?? '') }));
        expect(readRss(writeRss(document)).items).toEqual(expected((iso) => new Date(iso).toUTCString()));
        expect(readAtom(writeAtom(document)).items).toEqual(expected((iso) => new Date(iso).toISOString().replace('.000Z', 'Z')));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out a date that is not a date instead of writing "Invalid Date"', () => {
    const document: FeedWriterDocument = { title: 't', items: [{ id: 'a', title: 'A', content_text: 'Para one.\n\nPara <two>.', date_published: 'last Tuesday' }] };
    expect(writeRss(document)).not.toMatch(/Invalid|pubDate/);
    const atom = writeAtom(document);
    expect(atom).not.toMatch(/Invalid|<published>/);
    expect(readAtom(atom).items[0]?.content).toBe('<p>Para one.</p>\n<p>Para &lt;two&gt;.</p>');
  });
});
