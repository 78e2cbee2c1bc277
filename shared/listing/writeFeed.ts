// Writes a JSON Feed document (the listing converter's, or the dev feed server's items) as RSS 2.0
// or Atom 1.0 text, so that the same news can be served and synced in every format Field News reads.
import { assertNever } from '../assertNever';
import { escapeXmlAttribute, escapeXmlText, notXmlCharacters } from '../opml/escapeXml';

export type WrittenFeedFormat = 'json' | 'rss' | 'atom';

export const writtenFeedFormats: readonly WrittenFeedFormat[] = ['json', 'rss', 'atom'];

/** The JSON Feed 1.1 item fields the writers carry over; others are left out. */
export interface FeedWriterItem {
  id: string;
  title?: string;
  url?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  date_published?: string;
  date_modified?: string;
  tags?: string[];
}

export interface FeedWriterDocument {
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  language?: string;
  items: FeedWriterItem[];
}

/** The page's own address and the next page's, when the feed is served in pages. */
export interface FeedPageLinks {
  self?: string;
  next?: string;
}

export const feedContentTypes: Record<WrittenFeedFormat, string> = {
  json: 'application/feed+json; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

const validDate = (text: string | undefined): Date | null => {
  if (text === undefined) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** RFC 822 (as RFC 1123 writes it), what RSS 2.0 asks for: "Wed, 07 Jul 2021 12:00:00 GMT". */
const rfc822 = (date: Date): string => date.toUTCString();

/** RFC 3339, what Atom asks for: "2021-07-07T12:00:00Z" (milliseconds only when there are some). */
const rfc3339 = (date: Date): string => date.toISOString().replace('.000Z', 'Z');

/** A CDATA section that holds any text: "]]>" inside it is split across two sections. */
const cdata = (text: string): string => `<![CDATA[${text.replace(notXmlCharacters, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

const element = (name: string, text: string | undefined, indent: string): string[] =>
  text === undefined || text.length === 0 ? [] : [`${indent}<${name}>${escapeXmlText(text)}</${name}>`];

const htmlOf = (item: FeedWriterItem): string | undefined =>
  item.content_html ?? (item.content_text === undefined ? undefined : item.content_text.split(/\n{2,}/u).map((paragraph) => `<p>${escapeXmlText(paragraph)}</p>`).join('\n'));

const rssItem = (item: FeedWriterItem): string[] => {
  const published = validDate(item.date_published);
  return [
    '    <item>',
    ...element('title', item.title, '      '),
    ...element('link', item.url, '      '),
    `      <guid isPermaLink="false">${escapeXmlText(item.id)}</guid>`,
    ...(published ? [`      <pubDate>${rfc822(published)}</pubDate>`] : []),
    ...element('description', item.summary ?? item.content_text, '      '),
    ...(item.content_html === undefined ? [] : [`      <content:encoded>${cdata(item.content_html)}</content:encoded>`]),
    ...(item.tags ?? []).flatMap((tag) => element('category', tag, '      ')),
    '    </item>',
  ];
};

export const writeRss = (feed: FeedWriterDocument, links: FeedPageLinks = {}): string => {
  const self = links.self ?? feed.feed_url;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '  <channel>',
    ...element('title', feed.title, '    '),
    // RSS 2.0 requires a link and a description; the feed's own address stands in for a missing home page.
    `    <link>${escapeXmlText(feed.home_page_url ?? self ?? '')}</link>`,
    `    <description>${escapeXmlText(feed.description ?? feed.title)}</description>`,
    ...element('language', feed.language, '    '),
    ...(self ? [`    <atom:link rel="self" type="application/rss+xml" href="${escapeXmlAttribute(self)}"/>`] : []),
    ...(links.next ? [`    <atom:link rel="next" type="application/rss+xml" href="${escapeXmlAttribute(links.next)}"/>`] : []),
    ...feed.items.flatMap(rssItem),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
};

const atomEntry = (item: FeedWriterItem): string[] => {
  const published = validDate(item.date_published);
  const updated = validDate(item.date_modified) ?? published;
  const html = htmlOf(item);
  return [
    '  <entry>',
    // Atom asks for an IRI; the id is kept as the feed gives it so that the item keeps its identity.
    `    <id>${escapeXmlText(item.id)}</id>`,
    `    <title type="text">${escapeXmlText(item.title ?? '')}</title>`,
    ...(item.url ? [`    <link rel="alternate" type="text/html" href="${escapeXmlAttribute(item.url)}"/>`] : []),
    ...(published ? [`    <published>${rfc3339(published)}</published>`] : []),
    ...(updated ? [`    <updated>${rfc3339(updated)}</updated>`] : []),
    ...(item.summary ? [`    <summary type="text">${escapeXmlText(item.summary)}</summary>`] : []),
    ...(html === undefined ? [] : [`    <content type="html">${escapeXmlText(html)}</content>`]),
    ...(item.tags ?? []).map((tag) => `    <category term="${escapeXmlAttribute(tag)}"/>`),
    '  </entry>',
  ];
};

export const writeAtom = (feed: FeedWriterDocument, links: FeedPageLinks = {}): string => {
  // The feed's <updated> is its newest item's date, so the same items always give the same text (and ETag).
  const newest = feed.items
    .map((item) => validDate(item.date_modified) ?? validDate(item.date_published))
    .reduce<Date | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null);
  const self = links.self ?? feed.feed_url;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.language ? ` xml:lang="${escapeXmlAttribute(feed.language)}"` : ''}>`,
    `  <id>${escapeXmlText(feed.feed_url ?? feed.home_page_url ?? self ?? `urn:field-news:${feed.title}`)}</id>`,
    `  <title type="text">${escapeXmlText(feed.title)}</title>`,
    `  <updated>${rfc3339(newest ?? new Date(0))}</updated>`,
    ...(feed.home_page_url ? [`  <link rel="alternate" type="text/html" href="${escapeXmlAttribute(feed.home_page_url)}"/>`] : []),
    ...(self ? [`  <link rel="self" type="application/atom+xml" href="${escapeXmlAttribute(self)}"/>`] : []),
    ...(links.next ? [`  <link rel="next" type="application/atom+xml" href="${escapeXmlAttribute(links.next)}"/>`] : []),
    ...feed.items.flatMap(atomEntry),
    '</feed>',
    '',
  ].join('\n');
};

/** JSON Feed 1.1 with the page links as JSON Feed names them (feed_url, next_url). */
export const writeJsonFeed = (feed: FeedWriterDocument, links: FeedPageLinks = {}): string =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    ...feed,
    ...(links.self ? { feed_url: links.self } : {}),
    ...(links.next ? { next_url: links.next } : {}),
  });

export const writeFeed = (feed: FeedWriterDocument, format: WrittenFeedFormat, links: FeedPageLinks = {}): string => {
  switch (format) {
    case 'json':
      return writeJsonFeed(feed, links);
    case 'rss':
      return writeRss(feed, links);
    case 'atom':
      return writeAtom(feed, links);
    default:
      return assertNever(format);
  }
};
