// What the dev feed server serves, page by page: JSON Feed items written as JSON Feed, RSS or Atom,
// or an RSS/Atom file cut into pages as it stands; plus the OPML list and the HTML page announcing them.
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { z } from 'zod';
import { feedContentTypes, writeFeed, type FeedWriterItem, type WrittenFeedFormat } from '../shared/listing/writeFeed';
import { escapeXmlAttribute, escapeXmlText } from '../shared/opml/escapeXml';
import { writeOpml } from '../shared/opml/writeOpml';

export type ServedFormat = WrittenFeedFormat | 'rdf';

/** Items (from a JSON Feed file or given in code), or an XML feed file cut at its items. */
export type FeedSource =
  | { kind: 'items'; header: Record<string, unknown>; items: unknown[] }
  | { kind: 'xml'; format: 'rss' | 'atom' | 'rdf'; title: string; head: string; items: string[]; tail: string };

export const servedContentTypes: Record<ServedFormat, string> = { ...feedContentTypes, rdf: 'application/rdf+xml; charset=utf-8' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Cuts an RSS 2.0, RSS 1.0 or Atom document into what comes before its items, the items, and what follows. */
export const splitXmlFeed = (text: string): FeedSource | string => {
  const stack: string[] = [];
  const items: string[] = [];
  let root: string | null = null;
  let title = '';
  let titleDone = false;
  let itemStart = -1;
  let firstItem = -1;
  let lastItemEnd = -1;
  let containerEnd = -1;
  const itemName = () => (root === 'feed' ? 'entry' : 'item');
  const isItem = (name: string) => name === itemName() && stack.at(-2) === (root === 'rss' ? 'channel' : root);
  const parser = new Parser(
    {
      onopentag(name) {
        root ??= name;
        stack.push(name);
        if (isItem(name)) {
          itemStart = parser.startIndex;
          if (firstItem === -1) firstItem = itemStart;
        }
      },
      ontext(data) {
        // The parser hands text over in pieces (an entity is a piece of its own): gather the first feed title whole.
        const parent = stack.at(-2);
        if (stack.at(-1) === 'title' && (parent === 'channel' || parent === 'feed') && !titleDone) title += data;
      },
      onclosetag(name) {
        if (name === 'title' && title.trim() !== '') titleDone = true;
        if (isItem(name) && itemStart !== -1) {
          // Each item keeps the white space before it, so that a page is the file's own text, cut.
          items.push(text.slice(lastItemEnd === -1 ? itemStart : lastItemEnd, parser.endIndex + 1));
          lastItemEnd = parser.endIndex + 1;
          itemStart = -1;
        }
        // Where the items' container closes: the cut point of a feed with no items.
        if (name === (root === 'feed' ? 'feed' : 'channel') && containerEnd === -1) containerEnd = parser.startIndex;
        stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(text);
  const format = root === 'rss' ? 'rss' : root === 'feed' ? 'atom' : root === 'rdf:rdf' ? 'rdf' : null;
  if (format === null) return `its top element is <${root ?? 'none'}>, not <rss>, <rdf:RDF> or <feed>`;
  const cut = firstItem === -1 ? (containerEnd === -1 ? text.length : containerEnd) : firstItem;
  return { kind: 'xml', format, title: title.replace(/\s+/gu, ' ').trim(), head: text.slice(0, cut), items, tail: text.slice(firstItem === -1 ? cut : lastItemEnd) };
};

/** A feed file: JSON Feed (kept as items) or RSS/Atom (cut at its items); the format is read from the content. */
export const readFeedFile = (file: string): FeedSource => {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  if (text.trimStart().startsWith('{')) {
    const document: unknown = JSON.parse(text);
    const { items, ...header } = isRecord(document) ? document : {};
    return { kind: 'items', header, items: Array.isArray(items) ? items : [] };
  }
  const source = splitXmlFeed(text);
  if (typeof source === 'string') throw new Error(`${file} is not a feed: ${source}`);
  return source;
};

const writerItem = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string().optional(),
  url: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

/** Served items as the XML writers take them; an item they cannot carry (no id) is left out of RSS and Atom. */
export const writerItems = (items: unknown[]): FeedWriterItem[] =>
  items.flatMap((item) => {
    const parsed = writerItem.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });

export interface PageRequest {
  format: WrittenFeedFormat;
  title: string;
  self: string;
  next: string | undefined;
  /** The page's share of the items: raw JSON items, writer items, or XML item elements. */
  items: unknown[];
  writer: FeedWriterItem[];
}

const rssNamespace = ' xmlns:atom="http://www.w3.org/2005/Atom"';

/** One page of an XML feed file: its own head and tail around the page's items, and a next link. */
export const xmlPage = (source: Extract<FeedSource, { kind: 'xml' }>, items: string[], next: string | undefined): string => {
  let head = source.head;
  if (next !== undefined && source.format === 'rss') {
    // RSS has no next link of its own: Atom's, which needs the atom prefix declared on <rss>.
    if (!/<rss\b[^>]*xmlns:atom=/u.test(head)) head = head.replace(/<rss\b/u, `<rss${rssNamespace}`);
    head = `${head.trimEnd()}\n    <atom:link rel="next" href="${escapeXmlAttribute(next)}"/>\n    `;
  } else if (next !== undefined && source.format === 'atom') {
    head = `${head.trimEnd()}\n  <link rel="next" href="${escapeXmlAttribute(next)}"/>\n  `;
  }
  return `${head}${items.join('')}${source.tail}`;
};

/** One page of items written in the asked format. */
export const itemsPage = (header: Record<string, unknown>, request: PageRequest): string => {
  if (request.format === 'json') {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: request.title,
      ...header,
      feed_url: request.self,
      ...(request.next ? { next_url: request.next } : {}),
      items: request.items,
    });
  }
  const home = typeof header.home_page_url === 'string' ? header.home_page_url : undefined;
  return writeFeed({ title: typeof header.title === 'string' ? header.title : request.title, ...(home ? { home_page_url: home } : {}), items: request.writer }, request.format, {
    self: request.self,
    ...(request.next ? { next: request.next } : {}),
  });
};

export interface AnnouncedFeed {
  format: ServedFormat;
  url: string;
  title: string;
}

const formatNames: Record<ServedFormat, string> = { json: 'JSON Feed', rss: 'RSS', atom: 'Atom', rdf: 'RSS 1.0' };

/** The OPML list of the served feeds, to try Import OPML against. */
export const feedsOpml = (feeds: AnnouncedFeed[], origin: string, createdAt: Date): string =>
  writeOpml(
    feeds.map((feed) => ({ url: feed.url, title: `${feed.title} (${formatNames[feed.format]})`, folder: 'Field News dev server', htmlUrl: `${origin}/` })),
    { title: 'Field News dev server feeds', createdAt },
  );

/** A home page whose <link rel="alternate"> tags announce the feeds, to try feed discovery against. */
export const homePage = (feeds: AnnouncedFeed[]): string => {
  const title = escapeXmlText(feeds[0]?.title ?? 'Field News dev server');
  const path = (url: string) => new URL(url).pathname;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    ...feeds.map((feed) => `<link rel="alternate" type="${servedContentTypes[feed.format].replace(/;.*$/u, '')}" title="${escapeXmlAttribute(`${feed.title} (${formatNames[feed.format]})`)}" href="${path(feed.url)}">`),
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    '<ul>',
    ...feeds.map((feed) => `<li><a href="${path(feed.url)}">${formatNames[feed.format]}</a></li>`),
    '</ul>',
    '<p><a href="/feeds.opml">All feeds as OPML</a></p>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
