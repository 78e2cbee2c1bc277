// Reads an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom document with feedsmith (pure JS, no DOM, so it
// runs in the sync worker) and maps each format's fields onto one FeedPage. The caller has
// already decided the format from the content and cut off the prologue (DOCTYPE included).
import { parseAtomFeed, parseRdfFeed, parseRssFeed, type AtomFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import type { FeedItem, FeedPage } from './feedItem';
import { gmlPositionsByItem } from './feedGeoPoint';
import { titleText } from './itemFields';
import { nestBase, resolveFeedLink } from './resolveFeedLink';
import { finishItem, mediaImages, namespacePoint, type ItemDraft } from './xmlItemDraft';
import type { UserMessage } from '../i18n/userMessage';

type XmlFormat = 'rss' | 'rdf' | 'atom';
type AtomLink = NonNullable<AtomFeed.Feed<string>['links']>[number];

const linkWithRel = (links: readonly AtomLink[] | undefined, rel: string): string | undefined =>
  links?.find((link) => (link.rel ?? 'alternate').toLowerCase() === rel)?.href;

const isImageType = (type: string | undefined): boolean => type?.toLowerCase().startsWith('image/') === true;

const rssDraft = (item: RssFeed.Item<string>, feedBase: string | null): ItemDraft => {
  const guid = item.guid?.value;
  // A guid that is a permalink doubles as the item's link when the link is missing.
  const guidLink = item.guid?.isPermaLink !== false && guid !== undefined && /^https?:\/\//i.test(guid) ? guid : undefined;
  const encoded = item.content?.encoded;
  return {
    ownIds: [guid, item.atom?.id],
    title: item.title ?? item.dc?.titles?.[0],
    titleIsText: false,
    link: item.link ?? linkWithRel(item.atom?.links, 'alternate') ?? guidLink,
    base: nestBase(feedBase, item.xml?.base),
    contentHtml: encoded ?? item.description,
    contentText: undefined,
    summaryHtml: encoded !== undefined ? item.description : undefined,
    published: item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0] ?? item.atom?.published,
    modified: item.atom?.updated ?? item.dcterms?.modified?.[0],
    authors: [...(item.dc?.creators ?? []), ...(item.authors ?? []).map((person) => person.name ?? person.email), item.itunes?.author],
    tags: [...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])],
    images: [
      ...mediaImages(item.media),
      ...(item.enclosures ?? []).filter((enclosure) => isImageType(enclosure.type)).map((enclosure) => enclosure.url),
      item.itunes?.image,
    ],
    point: namespacePoint(item.georss, item.geo),
  };
};

const rdfDraft = (item: RdfFeed.Item<string>, feedBase: string | null): ItemDraft => {
  const encoded = item.content?.encoded;
  return {
    ownIds: [item.rdf?.about],
    title: item.title ?? item.dc?.titles?.[0],
    titleIsText: false,
    link: item.link,
    base: nestBase(feedBase, item.xml?.base),
    contentHtml: encoded ?? item.description,
    contentText: undefined,
    summaryHtml: encoded !== undefined ? item.description : undefined,
    published: item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0],
    modified: item.dcterms?.modified?.[0],
    authors: item.dc?.creators ?? [],
    tags: item.dc?.subjects ?? [],
    images: mediaImages(item.media),
    point: namespacePoint(item.georss, undefined),
  };
};

const isHtmlType = (type: string | undefined): boolean => {
  const lower = (type ?? 'text').toLowerCase();
  return lower === 'html' || lower === 'xhtml' || lower.includes('html');
};

const atomDraft = (entry: AtomFeed.Entry<string>, feedBase: string | null, feedAuthors: (string | undefined)[]): ItemDraft => {
  const content = entry.content;
  const contentIsHtml = isHtmlType(content?.type);
  const authors = (entry.authors ?? []).map((person) => person.name);
  return {
    ownIds: [entry.id],
    title: entry.title?.value,
    titleIsText: !isHtmlType(entry.title?.type),
    link: linkWithRel(entry.links, 'alternate') ?? content?.src,
    base: nestBase(feedBase, entry.xml?.base),
    contentHtml: content?.value !== undefined && contentIsHtml ? content.value : undefined,
    contentText: content?.value !== undefined && !contentIsHtml ? content.value : undefined,
    // A text summary is text: escaped so that its "<" is not read as markup.
    summaryHtml: entry.summary === undefined ? undefined : isHtmlType(entry.summary.type) ? entry.summary.value : escapeText(entry.summary.value),
    published: entry.published ?? entry.dc?.dates?.[0],
    modified: entry.updated,
    authors: authors.length > 0 ? authors : feedAuthors,
    tags: (entry.categories ?? []).map((category) => category.label ?? category.term),
    images: [
      ...mediaImages(entry.media),
      ...(entry.links ?? []).filter((link) => link.rel === 'enclosure' && isImageType(link.type)).map((link) => link.href),
      entry.itunes?.image,
    ],
    point: namespacePoint(entry.georss, entry.geo),
  };
};

const escapeText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** RSS has no base of its own: an explicit xml:base, else the channel's link, else the document address. */
const itemBase = (documentUrl: string, xmlBase: string | undefined, channelLink: string | undefined): string | null =>
  xmlBase !== undefined ? nestBase(documentUrl, xmlBase) : (resolveFeedLink(channelLink, [documentUrl]) ?? documentUrl);

interface PageParts {
  /** What the feed's own links are relative to. */
  linkBase: string;
  title: string | undefined;
  homePage: string | undefined;
  self: string | undefined;
  next: string | undefined;
  language: string | undefined;
  drafts: ItemDraft[];
}

const readParts = (format: XmlFormat, xml: string, documentUrl: string): PageParts => {
  switch (format) {
    case 'rss': {
      const feed = parseRssFeed(xml);
      const base = itemBase(documentUrl, feed.xml?.base, feed.link);
      return {
        linkBase: documentUrl, title: feed.title, homePage: feed.link, self: linkWithRel(feed.atom?.links, 'self'), next: linkWithRel(feed.atom?.links, 'next'),
        language: feed.language ?? feed.dc?.languages?.[0], drafts: (feed.items ?? []).map((item) => rssDraft(item, base)),
      };
    }
    case 'rdf': {
      const feed = parseRdfFeed(xml);
      const base = itemBase(documentUrl, feed.xml?.base, feed.link);
      return {
        linkBase: documentUrl, title: feed.title, homePage: feed.link, self: linkWithRel(feed.atom?.links, 'self'), next: linkWithRel(feed.atom?.links, 'next'),
        language: feed.dc?.languages?.[0], drafts: (feed.items ?? []).map((item) => rdfDraft(item, base)),
      };
    }
    case 'atom': {
      const feed = parseAtomFeed(xml);
      const base = nestBase(documentUrl, feed.xml?.base);
      const feedAuthors = (feed.authors ?? []).map((person) => person.name);
      return {
        linkBase: base ?? documentUrl, title: feed.title?.value, homePage: linkWithRel(feed.links, 'alternate'), self: linkWithRel(feed.links, 'self'),
        next: linkWithRel(feed.links, 'next'), language: feed.xml?.lang,
        drafts: (feed.entries ?? []).map((entry) => atomDraft(entry, base, feedAuthors)),
      };
    }
  }
};

/** Why feedsmith refused the document, as words a field officer can act on. */
const refusal = (error: unknown): UserMessage =>
  error instanceof Error && error.name === 'MalformedError' ? errorMessages.feedMalformedXml : errorMessages.feedUnreadableXml;

/** Parses an XML feed (prologue already removed). Never throws. */
export const parseXmlFeed = (format: XmlFormat, xml: string, documentUrl: string): Result<FeedPage, UserMessage> => {
  let parts: PageParts;
  try {
    parts = readParts(format, xml, documentUrl);
  } catch (error) {
    return fail(refusal(error));
  }
  const gml = gmlPositionsByItem(xml);
  const dropped = { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 };
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  parts.drafts.forEach((draft, index) => {
    // GML positions are matched by item order, so only when the scan saw exactly the parser's items.
    const point = draft.point ?? (gml.length === parts.drafts.length ? (gml[index] ?? null) : null);
    const item = finishItem({ ...draft, point });
    if (item === null) dropped.withoutId += 1;
    else if (seen.has(item.id)) dropped.repeatedId += 1;
    else {
      seen.add(item.id);
      items.push(item);
    }
  });
  return succeed({
    // A feed without a title keeps the name it has in the list (its address until one arrives).
    title: titleText(parts.title),
    homePageUrl: resolveFeedLink(parts.homePage, [parts.linkBase]),
    feedUrl: resolveFeedLink(parts.self, [parts.linkBase]),
    nextUrl: resolveFeedLink(parts.next, [parts.linkBase]),
    format,
    language: parts.language?.trim().slice(0, 35) || null,
    items,
    droppedItems: dropped,
  });
};
