// Reads an XML feed document into a light tree of elements with htmlparser2's XML tokenizer (pure JS,
// no DOM, no DTD: entities are never expanded from one). Names carry the feed's own prefixes whatever
// the document calls its namespaces ("dc:creator", "atom:link", "media:content"), and each element
// keeps where its content lies in the text: a field's text is read from there only when asked.
import { decodeHTML } from 'entities';
import { Tokenizer } from 'htmlparser2';

export interface XmlElement {
  /** Lowercase local name, prefixed by its namespace's usual prefix unless it is the format's own: "title", "dc:date". */
  name: string;
  /** Attributes as written (lowercase names, values with entities not yet decoded). */
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** Where the element's content (between its start and end tags) lies in the document text. */
  innerStart: number;
  innerEnd: number;
}

export interface XmlDocument {
  root: XmlElement;
  text: string;
}

export type XmlFormat = 'rss' | 'rdf' | 'atom';

/** Namespace addresses (scheme, trailing slash or hash and case set aside) and the prefix the readers know them by. */
const knownNamespaces: Readonly<Record<string, string>> = {
  'www.w3.org/2005/atom': 'atom',
  'purl.org/atom/ns': 'atom',
  'purl.org/rss/1.0': 'rss1',
  'www.w3.org/1999/02/22-rdf-syntax-ns': 'rdf',
  'purl.org/dc/elements/1.1': 'dc',
  'dublincore.org/documents/dcmi-namespace': 'dc',
  'purl.org/dc/terms': 'dcterms',
  'dublincore.org/documents/dcmi-terms': 'dcterms',
  'purl.org/rss/1.0/modules/content': 'content',
  'search.yahoo.com/mrss': 'media',
  'video.search.yahoo.com/mrss': 'media',
  'www.georss.org/georss': 'georss',
  'www.w3.org/2003/01/geo/wgs84_pos': 'geo',
  'www.opengis.net/gml': 'gml',
  'www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
};

/** The namespaces whose elements a format reads without a prefix. */
const ownNamespaces: Record<XmlFormat, ReadonlySet<string>> = {
  rss: new Set(['', 'rss1']),
  rdf: new Set(['', 'rss1']),
  atom: new Set(['', 'atom']),
};

const knownPrefix = (address: string): string | undefined =>
  knownNamespaces[address.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/#]+$/, '')];

/** Thrown when the text is not well-formed enough to trust: an element left open or closed by another's end tag. */
export class MalformedXmlError extends Error {
  override name = 'MalformedXmlError';
}

/** Past this depth nothing a feed reader reads is nested; deeper elements are checked for balance, not stored. */
const deepestElement = 64;

const noCallback = (): void => undefined;

/** Elements whose content is read as text: inside one, tags are not checked, as real feeds leave loose HTML there (`<br>`, an unclosed `<p>`). */
const textElements: Record<XmlFormat, ReadonlySet<string>> = {
  rss: new Set(['title', 'link', 'description', 'content:encoded', 'guid', 'pubdate', 'category', 'author', 'comments', 'dc:creator', 'dc:title', 'dc:subject', 'dc:date', 'itunes:author', 'itunes:summary', 'media:title', 'media:description']),
  rdf: new Set(['title', 'link', 'description', 'content:encoded', 'dc:creator', 'dc:title', 'dc:subject', 'dc:date']),
  atom: new Set(['title', 'summary', 'content', 'id', 'published', 'updated', 'name', 'media:title', 'media:description']),
};

/**
 * The document's elements, read with htmlparser2's tokenizer and a stack of its own (the parser's
 * stack takes quadratic time on 100,000 nested tags). Throws MalformedXmlError when an element is
 * left open at the end (a truncated download) or closed by another's end tag: no field read from
 * such a document could be trusted.
 */
export const readXmlElements = (text: string, format: XmlFormat): XmlDocument => {
  const own = ownNamespaces[format];
  const open: XmlElement[] = [];
  const openNames: string[] = [];
  // Namespace declarations in scope (prefix → the prefix the readers know its namespace by): one map per element that declares any, with its depth.
  const scopes: { depth: number; prefixes: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  let tagName = '';
  let attributes: Record<string, string> = {};
  let attributeName = '';
  let attributeValue = '';
  const skipped: string[] = [];
  let malformed = false;
  let rawName: string | null = null;
  let rawDepth = 0;

  const namespaceOf = (prefix: string): string => {
    for (let index = scopes.length - 1; index >= 0; index -= 1) {
      const declared = scopes[index]?.prefixes.get(prefix);
      if (declared !== undefined) return declared;
    }
    // An undeclared prefix (common in hand-written feeds) is taken at its word.
    return prefix;
  };

  const openElement = (tagEnd: number, selfClosing: boolean) => {
    if (rawName !== null) {
      if (!selfClosing && tagName === rawName) rawDepth += 1;
      return;
    }
    if (open.length >= deepestElement) {
      if (!selfClosing) skipped.push(tagName);
      return;
    }
    let prefixes: Map<string, string> | null = null;
    for (const attribute in attributes) {
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
        prefixes ??= new Map();
        const prefix = attribute === 'xmlns' ? '' : attribute.slice(6);
        prefixes.set(prefix, knownPrefix(decodeHTML(attributes[attribute] ?? '')) ?? prefix);
      }
    }
    if (prefixes !== null) scopes.push({ depth: open.length, prefixes });
    const colon = tagName.indexOf(':');
    const namespace = namespaceOf(colon === -1 ? '' : tagName.slice(0, colon));
    const local = colon === -1 ? tagName : tagName.slice(colon + 1);
    const element: XmlElement = { name: own.has(namespace) ? local : `${namespace}:${local}`, attributes, children: [], innerStart: tagEnd + 1, innerEnd: tagEnd + 1 };
    const parent = open.at(-1);
    if (parent === undefined) root ??= element;
    else parent.children.push(element);
    if (selfClosing) {
      if (scopes.at(-1)?.depth === open.length) scopes.pop();
      return;
    }
    open.push(element);
    openNames.push(tagName);
    const type = (attributes.type ?? '').toLowerCase();
    if (textElements[format].has(element.name) && !type.includes('xhtml')) {
      rawName = tagName;
      rawDepth = 1;
    }
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(start, end) {
        tagName = text.slice(start, end).toLowerCase();
        attributes = Object.create(null) as Record<string, string>;
      },
      onattribname(start, end) {
        attributeName = text.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += text.slice(start, end);
      },
      onattribend() {
        if (!(attributeName in attributes)) attributes[attributeName] = attributeValue;
      },
      onopentagend(end) {
        openElement(end, false);
      },
      onselfclosingtag(end) {
        openElement(end, true);
      },
      onclosetag(start, end) {
        const name = text.slice(start, end).toLowerCase();
        if (rawName !== null) {
          if (name !== rawName) return;
          rawDepth -= 1;
          if (rawDepth > 0) return;
          rawName = null;
        }
        if (skipped.length > 0) {
          if (skipped.pop() !== name) malformed = true;
          return;
        }
        const element = open.pop();
        if (element === undefined || openNames.pop() !== name) {
          malformed = true;
          return;
        }
        element.innerEnd = Math.max(element.innerStart, text.lastIndexOf('<', start));
        if (scopes.at(-1)?.depth === open.length) scopes.pop();
      },
      onattribentity: noCallback,
      ontext: noCallback,
      ontextentity: noCallback,
      oncdata: noCallback,
      oncomment: noCallback,
      ondeclaration: noCallback,
      onprocessinginstruction: noCallback,
      onend: noCallback,
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  if (malformed || open.length > 0 || skipped.length > 0) throw new MalformedXmlError('An element is not closed, or is closed by another element’s end tag.');
  if (root === null) throw new MalformedXmlError('The document has no element.');
  return { root, text };
};

const hasEntity = (text: string): boolean => {
  const ampersand = text.indexOf('&');
  return ampersand !== -1 && text.indexOf(';', ampersand) !== -1;
};

const decoded = (text: string): string => (hasEntity(text) ? decodeHTML(text) : text);

/** Text as feeds write it: comments dropped, entities decoded, CDATA sections taken as written, trimmed; undefined when empty. */
/** The text without its closed comments; an unclosed "<!--" (in CDATA, say) is kept with what follows it. */
const withoutComments = (text: string): string => {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) break;
    result += text.slice(from, open);
    from = close + 3;
  }
  return result + text.slice(from);
};

export const readableText = (raw: string | undefined): string | undefined => {
  if (raw === undefined || raw.length === 0) return undefined;
  let text = raw;
  if (text.includes('<!--')) text = withoutComments(text);
  let result = '';
  let from = 0;
  for (let start = text.indexOf('<![CDATA['); start !== -1; start = text.indexOf('<![CDATA[', from)) {
    const end = text.indexOf(']]>', start + 9);
    if (end === -1) break;
    result += decoded(text.slice(from, start)) + text.slice(start + 9, end);
    from = end + 3;
  }
  result = (result + decoded(text.slice(from))).trim();
  return result.length === 0 ? undefined : result;
};

/** The element's content as written in the document (markup, entities and CDATA as they are). */
export const innerXml = (document: XmlDocument, element: XmlElement): string => document.text.slice(element.innerStart, element.innerEnd);

/** The element's text (see readableText); undefined for a missing element or an empty one. */
export const textOf = (document: XmlDocument, element: XmlElement | undefined): string | undefined =>
  element === undefined || element.innerEnd === element.innerStart ? undefined : readableText(innerXml(document, element));

/** An attribute's value, entities decoded and trimmed; undefined when missing or empty. */
export const attributeOf = (element: XmlElement | undefined, name: string): string | undefined => {
  const raw = element?.attributes[name];
  if (raw === undefined) return undefined;
  const value = decoded(raw).trim();
  return value.length === 0 ? undefined : value;
};

/** The first child of that name. */
export const childNamed = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((child) => child.name === name);

/** Every child of that name, in order. */
export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element === undefined ? [] : element.children.filter((child) => child.name === name);
