// Reads an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom document (xmlElementTree.ts: htmlparser2's XML mode,
// pure JS, so it runs in the sync worker) and maps each format's fields onto one FeedPage. The caller
// has already decided the format from the content and cut off the prologue (DOCTYPE included).
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import type { FeedItem, FeedPage } from './feedItem';
import { titleText } from './itemFields';
import { nestBase, resolveFeedLink } from './resolveFeedLink';
import {
  MalformedXmlError, attributeOf, childNamed, childrenNamed, innerXml, readXmlElements, textOf,
  type XmlDocument, type XmlElement, type XmlFormat,
} from './xmlElementTree';
import { finishItem, isImageType, itemPoint, itunesImage, linkWithRel, mediaImages, textsOf, type ItemDraft } from './xmlItemDraft';
import type { UserMessage } from '../i18n/userMessage';

/** The name in an RSS author ("ana@iom.example (Ana Torres)", "Ana Torres <ana@iom.example>"), else the address. */
const rssAuthorName = (written: string | undefined): string | undefined => {
  if (written === undefined) return undefined;
  // A name is short; the cap keeps the patterns below cheap on hostile input.
  const raw = written.slice(0, 300);
  const bracketed = /[(<[]([^()<>[\]]*)[)>\]]/.exec(raw);
  const outside = raw.replace(/[(<[][^()<>[\]]*[)>\]]/g, ' ').replace(/\bmailto:/g, '').trim();
  const isAddress = (text: string) => !/\s/.test(text) && /^[^@]+@[^@]+\.[^@.]+$/.test(text);
  if (outside.length > 0 && !isAddress(outside)) return outside;
  const inside = bracketed?.[1]?.trim();
  if (inside && !isAddress(inside)) return inside;
  return outside || inside || raw;
};

const rssDraft = (document: XmlDocument, item: XmlElement, feedBase: string | null): ItemDraft => {
  const guidElement = childNamed(item, 'guid');
  const guid = textOf(document, guidElement);
  const permalink = attributeOf(guidElement, 'ispermalink')?.toLowerCase() !== 'false';
  // A guid that is a permalink doubles as the item's link when the link is missing.
  const guidLink = permalink && guid !== undefined && /^https?:\/\//i.test(guid) ? guid : undefined;
  const encoded = textOf(document, childNamed(item, 'content:encoded'));
  const description = textOf(document, childNamed(item, 'description'));
  const text = (name: string) => textOf(document, childNamed(item, name));
  return {
    ownIds: [guid, text('atom:id')],
    title: text('title') ?? text('dc:title'),
    titleIsText: false,
    link: text('link') ?? linkWithRel(document, childrenNamed(item, 'atom:link'), 'alternate') ?? guidLink,
    base: nestBase(feedBase, attributeOf(item, 'xml:base')),
    contentHtml: encoded ?? description,
    contentText: undefined,
    summaryHtml: encoded !== undefined ? description : undefined,
    published: text('pubdate') ?? text('dc:date') ?? text('dcterms:issued') ?? text('atom:published') ?? text('atom:issued'),
    modified: text('atom:updated') ?? text('atom:modified') ?? text('dcterms:modified'),
    authors: [...textsOf(document, item, 'dc:creator'), ...textsOf(document, item, 'author').map(rssAuthorName), text('itunes:author')],
    tags: [...textsOf(document, item, 'category'), ...textsOf(document, item, 'dc:subject')],
    images: [
      ...mediaImages(item),
      ...childrenNamed(item, 'enclosure').filter((enclosure) => isImageType(attributeOf(enclosure, 'type'))).map((enclosure) => attributeOf(enclosure, 'url')),
      itunesImage(document, item),
    ],
    point: itemPoint(document, item),
  };
};

const rdfDraft = (document: XmlDocument, item: XmlElement, feedBase: string | null): ItemDraft => {
  const encoded = textOf(document, childNamed(item, 'content:encoded'));
  const description = textOf(document, childNamed(item, 'description'));
  const text = (name: string) => textOf(document, childNamed(item, name));
  return {
    ownIds: [attributeOf(item, 'rdf:about')],
    title: text('title') ?? text('dc:title'),
    titleIsText: false,
    link: text('link'),
    base: nestBase(feedBase, attributeOf(item, 'xml:base')),
    contentHtml: encoded ?? description,
    contentText: undefined,
    summaryHtml: encoded !== undefined ? description : undefined,
    published: text('dc:date') ?? text('dcterms:issued'),
    modified: text('dcterms:modified'),
    authors: textsOf(document, item, 'dc:creator'),
    tags: textsOf(document, item, 'dc:subject'),
    images: mediaImages(item),
    point: itemPoint(document, item),
  };
};

const isHtmlType = (type: string | undefined): boolean => {
  const lower = (type ?? 'text').toLowerCase();
  return lower === 'html' || lower === 'xhtml' || lower.includes('html');
};

/** An Atom text construct (title, summary, content): xhtml is the markup inside its wrapping div, as written; text and html are read as text. */
const atomText = (document: XmlDocument, element: XmlElement | undefined): { value: string | undefined; type: string | undefined } => {
  const type = attributeOf(element, 'type');
  if (element === undefined) return { value: undefined, type };
  if (type !== 'xhtml' && type !== 'application/xhtml+xml') return { value: textOf(document, element), type };
  const [div] = element.children;
  const onlyDiv = element.children.length === 1 && div !== undefined && (div.name === 'div' || div.name.endsWith(':div')) &&
    document.text.slice(element.innerStart, div.innerStart).replace(/<[^>]*>$/, '').trim() === '' &&
    document.text.slice(div.innerEnd, element.innerEnd).replace(/^<\/[^>]*>/, '').trim() === '';
  if (!onlyDiv) return { value: innerXml(document, element).trim() || undefined, type };
  const prefix = div.name.includes(':') ? /^<([\w.-]+):div/i.exec(document.text.slice(element.innerStart, div.innerStart).trim())?.[1] : undefined;
  const inner = innerXml(document, div).trim();
  const value = prefix === undefined ? inner : inner.replace(new RegExp(`(</?)${prefix.replace(/\./g, '\\.')}:`, 'g'), '$1');
  return { value: value === '' ? undefined : value, type };
};

const escapeText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const atomDraft = (document: XmlDocument, entry: XmlElement, feedBase: string | null, feedAuthors: (string | undefined)[]): ItemDraft => {
  const text = (name: string) => textOf(document, childNamed(entry, name));
  const contentElement = childNamed(entry, 'content');
  const content = atomText(document, contentElement);
  const contentIsHtml = isHtmlType(content.type);
  const title = atomText(document, childNamed(entry, 'title'));
  const summary = atomText(document, childNamed(entry, 'summary'));
  const links = childrenNamed(entry, 'link');
  const authors = childrenNamed(entry, 'author').map((person) => textOf(document, childNamed(person, 'name')));
  return {
    ownIds: [text('id')],
    title: title.value,
    titleIsText: !isHtmlType(title.type),
    link: linkWithRel(document, links, 'alternate') ?? attributeOf(contentElement, 'src'),
    base: nestBase(feedBase, attributeOf(entry, 'xml:base')),
    contentHtml: content.value !== undefined && contentIsHtml ? content.value : undefined,
    contentText: content.value !== undefined && !contentIsHtml ? content.value : undefined,
    // A text summary is text: escaped so that its "<" is not read as markup.
    summaryHtml: summary.value === undefined ? undefined : isHtmlType(summary.type) ? summary.value : escapeText(summary.value),
    published: text('published') ?? text('issued') ?? text('created') ?? text('dc:date'),
    modified: text('updated') ?? text('modified'),
    authors: authors.length > 0 ? authors : feedAuthors,
    tags: childrenNamed(entry, 'category').map((category) => attributeOf(category, 'label') ?? attributeOf(category, 'term')),
    images: [
      ...mediaImages(entry),
      ...links.filter((link) => attributeOf(link, 'rel') === 'enclosure' && isImageType(attributeOf(link, 'type'))).map((link) => attributeOf(link, 'href')),
      itunesImage(document, entry),
    ],
    point: itemPoint(document, entry),
  };
};

/** RSS has no base of its own: an explicit xml:base, else the channel's link, else the document address. */
const itemBase = (documentUrl: string, xmlBase: string | undefined, channelLink: string | undefined): string | null =>
  xmlBase !== undefined ? nestBase(documentUrl, xmlBase) : (resolveFeedLink(channelLink, [documentUrl]) ?? documentUrl);

/** What a feed document says about itself and its items, before the items are finished. */
export interface PageParts {
  /** What the feed's own links are relative to. */
  linkBase: string;
  title: string | undefined;
  homePage: string | undefined;
  self: string | undefined;
  next: string | undefined;
  language: string | undefined;
  drafts: ItemDraft[];
}

/** The page's parts, or null when the document lacks the element every feed of its format has. */
const readParts = (format: XmlFormat, document: XmlDocument, documentUrl: string): PageParts | null => {
  const { root } = document;
  switch (format) {
    case 'rss':
    case 'rdf': {
      if (root.name !== (format === 'rss' ? 'rss' : 'rdf:rdf')) return null;
      const channel = childNamed(root, 'channel');
      if (channel === undefined) return null;
      const text = (name: string) => textOf(document, childNamed(channel, name));
      const link = text('link');
      const base = itemBase(documentUrl, attributeOf(channel, 'xml:base'), link);
      const atomLinks = childrenNamed(channel, 'atom:link');
      // RSS 1.0 puts items beside the channel; some RSS 2.0 feeds do too, after </channel>.
      const items = format === 'rss' ? [...childrenNamed(channel, 'item'), ...childrenNamed(root, 'item')] : childrenNamed(root, 'item');
      return {
        linkBase: documentUrl, title: text('title') ?? text('dc:title'), homePage: link,
        self: linkWithRel(document, atomLinks, 'self'), next: linkWithRel(document, atomLinks, 'next'),
        language: (format === 'rss' ? text('language') : undefined) ?? text('dc:language'),
        drafts: items.map((item) => (format === 'rss' ? rssDraft : rdfDraft)(document, item, base)),
      };
    }
    case 'atom': {
      if (root.name !== 'feed') return null;
      const base = nestBase(documentUrl, attributeOf(root, 'xml:base'));
      const feedAuthors = childrenNamed(root, 'author').map((person) => textOf(document, childNamed(person, 'name')));
      const links = childrenNamed(root, 'link');
      return {
        linkBase: base ?? documentUrl, title: atomText(document, childNamed(root, 'title')).value, homePage: linkWithRel(document, links, 'alternate'),
        self: linkWithRel(document, links, 'self'), next: linkWithRel(document, links, 'next'), language: attributeOf(root, 'xml:lang'),
        drafts: childrenNamed(root, 'entry').map((entry) => atomDraft(document, entry, base, feedAuthors)),
      };
    }
  }
};

/** The page for a feed's parts: items finished, repeats and id-less items dropped and counted. */
export const pageOfParts = (format: XmlFormat, parts: PageParts): FeedPage => {
  const dropped = { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 };
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const draft of parts.drafts) {
    const item = finishItem(draft);
    if (item === null) dropped.withoutId += 1;
    else if (seen.has(item.id)) dropped.repeatedId += 1;
    else {
      seen.add(item.id);
      items.push(item);
    }
  }
  return {
    // A feed without a title keeps the name it has in the list (its address until one arrives).
    title: titleText(parts.title),
    homePageUrl: resolveFeedLink(parts.homePage, [parts.linkBase]),
    feedUrl: resolveFeedLink(parts.self, [parts.linkBase]),
    nextUrl: resolveFeedLink(parts.next, [parts.linkBase]),
    format,
    language: parts.language?.trim().slice(0, 35) || null,
    items,
    droppedItems: dropped,
  };
};

/** Parses an XML feed (prologue already removed). Never throws. */
export const parseXmlFeed = (format: XmlFormat, xml: string, documentUrl: string): Result<FeedPage, UserMessage> => {
  let parts: PageParts | null;
  try {
    parts = readParts(format, readXmlElements(xml, format), documentUrl);
  } catch (error) {
    if (error instanceof MalformedXmlError) return fail(errorMessages.feedMalformedXml);
    throw error;
  }
  if (parts === null) return fail(errorMessages.feedUnreadableXml);
  return succeed(pageOfParts(format, parts));
};
