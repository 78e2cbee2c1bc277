// Writes the feed list as an OPML 2.0 subscription list that Fluent Reader, NetNewsWire, Feedly,
// Inoreader, Thunderbird and Field News itself (parseOpml) import, folders included.
import { defaultFullArticles, type FullArticlesChoice } from '../articles/articleRecord';
import { escapeXmlAttribute, escapeXmlText, notXmlCharacters } from './escapeXml';
import { fieldNewsNamespace, fieldNewsPrefix, fullArticlesAttribute } from './fieldNewsNamespace';

export interface OpmlExportFeed {
  url: string;
  title: string;
  /** The folder path as Field News keeps it ("Mexico / Chiapas"), or null for no folder. */
  folder: string | null;
  htmlUrl?: string | null;
  /** The feed's *Full articles* choice: written only when it is not the default (fieldNewsNamespace.ts). */
  fullArticles?: FullArticlesChoice;
}

export interface OpmlExportOptions {
  /** The list's own title, e.g. "Field News feeds". */
  title: string;
  createdAt: Date;
}

const attributes = (pairs: [string, string | null | undefined][]): string =>
  pairs
    .filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1].length > 0)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');

/** The choice to write for a feed, or null for the default (which a file need not say). */
const writtenChoice = (feed: OpmlExportFeed): FullArticlesChoice | null =>
  feed.fullArticles === undefined || feed.fullArticles === defaultFullArticles ? null : feed.fullArticles;

const feedOutline = (feed: OpmlExportFeed, indent: string): string => {
  // OPML requires text; a feed with no title shows its address rather than a blank line.
  const label = feed.title.replace(notXmlCharacters, '').trim() || feed.url;
  const own = attributes([[`${fieldNewsPrefix}:${fullArticlesAttribute}`, writtenChoice(feed)]]);
  return `${indent}<outline${attributes([['text', label], ['title', label], ['type', 'rss'], ['xmlUrl', feed.url], ['htmlUrl', feed.htmlUrl]])}${own}/>`;
};

export const writeOpml = (feeds: readonly OpmlExportFeed[], options: OpmlExportOptions): string => {
  // Group by folder in the order each folder first appears; feeds with no folder stay at the top level.
  const groups = new Map<string | null, OpmlExportFeed[]>();
  for (const feed of feeds) {
    const folder = feed.folder?.replace(notXmlCharacters, '').trim() || null;
    const group = groups.get(folder);
    if (group) group.push(feed);
    else groups.set(folder, [feed]);
  }
  const body: string[] = [];
  for (const [folder, members] of groups) {
    if (folder === null) {
      body.push(...members.map((feed) => feedOutline(feed, '    ')));
      continue;
    }
    // NetNewsWire (and Fluent Reader) keep one level of folders and flatten anything deeper. So a
    // nested path is written as ONE folder named by the whole path ("Mexico / Chiapas"), not as
    // outlines inside outlines: every reader then shows the same folder, and parseOpml reads the
    // path back unchanged.
    body.push(`    <outline${attributes([['text', folder], ['title', folder]])}>`);
    body.push(...members.map((feed) => feedOutline(feed, '      ')));
    body.push('    </outline>');
  }
  // The namespace is declared only where a feed uses it, so a list without choices is plain OPML.
  const namespace = feeds.some((feed) => writtenChoice(feed) !== null) ? attributes([[`xmlns:${fieldNewsPrefix}`, fieldNewsNamespace]]) : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0"${namespace}>`,
    '  <head>',
    `    <title>${escapeXmlText(options.title)}</title>`,
    // RFC 822 as OPML 2.0 asks: "Fri, 27 Nov 2026 23:55:57 GMT".
    `    <dateCreated>${options.createdAt.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
};
