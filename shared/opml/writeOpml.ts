// Writes the feed list as an OPML 2.0 subscription list that Fluent Reader, NetNewsWire, Feedly,
// Inoreader, Thunderbird and Field News itself (parseOpml) import, folders included.
import { escapeXmlAttribute, escapeXmlText, notXmlCharacters } from './escapeXml';

export interface OpmlExportFeed {
  url: string;
  title: string;
  /** The folder path as Field News keeps it ("Mexico / Chiapas"), or null for no folder. */
  folder: string | null;
  htmlUrl?: string | null;
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

const feedOutline = (feed: OpmlExportFeed, indent: string): string => {
  // OPML requires text; a feed with no title shows its address rather than a blank line.
  const label = feed.title.replace(notXmlCharacters, '').trim() || feed.url;
  return `${indent}<outline${attributes([['text', label], ['title', label], ['type', 'rss'], ['xmlUrl', feed.url], ['htmlUrl', feed.htmlUrl]])}/>`;
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
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
