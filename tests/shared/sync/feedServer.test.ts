// The development feed server itself: what web mode needs from it (CORS), its pagination in JSON
// Feed, RSS and Atom, its OPML list and its discovery page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';
import { listingToFeed } from '../../../shared/listing/listingToFeed';
import { writeAtom } from '../../../shared/listing/writeFeed';
import { parseOpml } from '../../../shared/opml/parseOpml';
import { listingCopyPath, sampleListingOptions } from '../../../scripts/sampleFeed';
import { feedItems, serveFeed } from './syncTestKit';
import { englishText } from '../../../shared/i18n/formatMessages';

describe('feed server', () => {
  it('answers a CORS preflight allowing the conditional-GET headers', async () => {
    const server = await serveFeed({ items: feedItems(1) });
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/If-None-Match.*If-Modified-Since/);
  });

  it('exposes ETag and Last-Modified to web pages', async () => {
    const server = await serveFeed({ items: feedItems(1) });
    const response = await fetch(server.url);
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified');
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(response.headers.get('last-modified')).not.toBeNull();
  });

  it('serves the bundled sample feed in pages linked by next_url', async () => {
    const server = await serveFeed({ file: 'renderer/public/feeds/iom-regional-news-2021.json', pageSize: 2 });
    const first: unknown = await (await fetch(server.url)).json();
    expect(first).toMatchObject({ title: 'IOM Regional News', next_url: `${server.url}?page=2` });
    expect(first).toHaveProperty('items.length', 2);
  });
});

// --- RSS and Atom, the OPML list and the discovery page.
const textOf = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { response, text: await response.text() };
};

/** Follows the next links from the first page, reading each page with the app's own parser. */
const walkPages = async (url: string): Promise<{ format: string; ids: string[]; titles: string[]; pages: number }> => {
  const ids: string[] = [];
  const titles: string[] = [];
  let next: string | null = url;
  let format = '';
  let pages = 0;
  while (next !== null && pages < 20) {
    const response = await fetch(next);
    const parsed = parseFeedDocument({ bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type'), url: next });
    if (!parsed.ok || parsed.value.kind !== 'feed') throw new Error(`page ${pages + 1} of ${url} is not a feed: ${parsed.ok ? parsed.value.kind : englishText(parsed.error)}`);
    format = parsed.value.page.format;
    ids.push(...parsed.value.page.items.map((item) => item.id));
    titles.push(...parsed.value.page.items.map((item) => item.title));
    next = parsed.value.page.nextUrl;
    pages += 1;
  }
  return { format, ids, titles, pages };
};

const writeTemporary = (name: string, text: string): string => {
  const folder = mkdtempSync(join(tmpdir(), 'field-news-feed-server-'));
  temporaryFolders.push(folder);
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

const handWrittenRss = (count: number) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Noticias &amp; avisos</title>
    <link>https://news.example.org/</link>
    <description>Hand-written RSS without the atom namespace</description>
    <image><url>https://news.example.org/logo.png</url><title>Logo</title><link>https://news.example.org/</link></image>
${Array.from({ length: count }, (_, index) => `    <item><title>Aviso ${index + 1} — Tapachula</title><guid isPermaLink="false">aviso-${index + 1}</guid><pubDate>Wed, 07 Jul 2021 12:00:00 GMT</pubDate><description>Texto ${index + 1}</description></item>`).join('\n')}
  </channel>
</rss>
`;

describe('feed server: RSS and Atom', () => {
  it('serves the same items as JSON Feed, RSS and Atom, each with its Content-Type and paged by its own next links', async () => {
    const server = await serveFeed({ items: feedItems(7), pageSize: 3, title: 'Paged news' });
    const byFormat = Object.fromEntries(server.feeds.map((feed) => [feed.format, feed.url]));
    expect(Object.keys(byFormat)).toEqual(['json', 'rss', 'atom']);
    for (const [format, contentType, parsedFormat] of [['json', 'application/feed+json', 'json-feed'], ['rss', 'application/rss+xml', 'rss'], ['atom', 'application/atom+xml', 'atom']] as const) {
      const url = byFormat[format] ?? '';
      expect((await fetch(url)).headers.get('content-type')).toBe(`${contentType}; charset=utf-8`);
      const walked = await walkPages(url);
      expect(walked).toEqual({ format: parsedFormat, ids: feedItems(7).map((item) => item.id), titles: feedItems(7).map((item) => item.title), pages: 3 });
    }
    const { text } = await textOf(`${byFormat.rss}?page=2`);
    expect(text).toContain(`<atom:link rel="next" type="application/rss+xml" href="${byFormat.rss}?page=3"/>`);
    const atomPage = await textOf(`${byFormat.atom}?page=2`);
    expect(atomPage.text).toContain(`<link rel="next" type="application/atom+xml" href="${byFormat.atom}?page=3"/>`);
  });

  it('names the format asked for in its address', async () => {
    const server = await serveFeed({ items: feedItems(1), format: 'atom' });
    expect(server.url).toBe(`${server.origin}/feed.atom`);
  });

  it('answers an unchanged RSS page with 304 and keeps CORS', async () => {
    const server = await serveFeed({ items: feedItems(2), format: 'rss' });
    const first = await fetch(server.url);
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('last-modified')).not.toBeNull();
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const again = await fetch(server.url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves an RSS file as it stands, cut into pages at its items, declaring the atom prefix its next link needs', async () => {
    const server = await serveFeed({ file: writeTemporary('news.xml', handWrittenRss(5)), pageSize: 2 });
    expect(server.url).toBe(`${server.origin}/feed.rss`);
    const walked = await walkPages(server.url);
    expect(walked).toMatchObject({ format: 'rss', ids: ['aviso-1', 'aviso-2', 'aviso-3', 'aviso-4', 'aviso-5'], pages: 3 });
    const { text } = await textOf(server.url);
    expect(text).toContain('<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">');
    expect(text).toContain('<image><url>https://news.example.org/logo.png</url>');
    expect(text.match(/<item>/g)).toHaveLength(2);
    const last = await textOf(`${server.url}?page=3`);
    expect(last.text).not.toContain('rel="next"');
    expect(last.text.trimEnd().endsWith('</channel>\n</rss>')).toBe(true);
  });

  it('tells an Atom file by its content, whatever its name, and pages it with link rel="next"', async () => {
    const listing = listingToFeed(readFileSync(listingCopyPath, 'utf8'), sampleListingOptions);
    if (!listing.ok) throw new Error(listing.error);
    const server = await serveFeed({ file: writeTemporary('news.txt', writeAtom(listing.value)), pageSize: 4 });
    expect(server.url).toBe(`${server.origin}/feed.atom`);
    expect((await fetch(server.url)).headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const walked = await walkPages(server.url);
    expect(walked).toMatchObject({ format: 'atom', ids: listing.value.items.map((item) => item.id), pages: 3 });
  });

  it('serves an RSS 1.0 (RDF) file whole, since RSS 1.0 has no next link readers follow', async () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://r.example/"><title>RDF news</title><link>https://r.example/</link><description>d</description></channel>
${[1, 2, 3].map((number) => `  <item rdf:about="https://r.example/${number}"><title>Item ${number}</title><link>https://r.example/${number}</link></item>`).join('\n')}
</rdf:RDF>
`;
    const server = await serveFeed({ file: writeTemporary('news.rdf', rdf), pageSize: 1 });
    expect(server.url).toBe(`${server.origin}/feed.rdf`);
    const { response, text } = await textOf(server.url);
    expect(response.headers.get('content-type')).toBe('application/rdf+xml; charset=utf-8');
    expect(text).toBe(rdf);
    expect(await walkPages(server.url)).toMatchObject({ format: 'rdf', titles: ['Item 1', 'Item 2', 'Item 3'], pages: 1 });
  });

  it('refuses a file that is no feed, naming its top element', async () => {
    await expect(serveFeed({ file: writeTemporary('page.html', '<html><body>hello</body></html>') })).rejects.toThrow(/top element is <html>/);
  });
});

describe('feed server: OPML list and discovery page', () => {
  it('lists its feeds at /feeds.opml, readable by the app\'s OPML import', async () => {
    const server = await serveFeed({ items: feedItems(1), title: 'Listed news' });
    const { response, text } = await textOf(`${server.origin}/feeds.opml`);
    expect(response.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    const imported = parseOpml(text);
    expect(imported.ok && imported.value.feeds.map((feed) => [feed.url, feed.title])).toEqual([
      [`${server.origin}/feed.json`, 'Listed news (JSON Feed)'],
      [`${server.origin}/feed.rss`, 'Listed news (RSS)'],
      [`${server.origin}/feed.atom`, 'Listed news (Atom)'],
    ]);
  });

  it('announces its feeds on / with <link rel="alternate"> tags', async () => {
    const server = await serveFeed({ file: writeTemporary('news.rss', handWrittenRss(1)) });
    const { response, text } = await textOf(`${server.origin}/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const document = parseDocument(text);
    const links = DomUtils.getElementsByTagName('link', document).map((link) => link.attribs);
    expect(links).toEqual([{ rel: 'alternate', type: 'application/rss+xml', title: 'Noticias & avisos (RSS)', href: '/feed.rss' }]);
  });
});
