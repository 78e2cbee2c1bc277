// Reads an XML feed document into a light tree of elements with htmlparser2's XML tokenizer (pure JS,
// no DOM, no DTD: entities are never expanded from one). Names carry the feed's own prefixes whatever
// the document calls its namespaces ("dc:creator", "atom:link", "media:content"), and each element
// keeps where its content lies in the text: a field's text is read from there only when asked (xmlText.ts).
import { decodeHTML } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { decoded, readableText } from './xmlText';

export { readableText };

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

/** Elements whose content is read as text: inside one, tags are not checked, as real feeds leave loose HTML there (`<br>`, an unclosed `<p>`). */
const textElements: Record<XmlFormat, ReadonlySet<string>> = {
  rss: new Set(['title', 'link', 'description', 'content:encoded', 'guid', 'pubdate', 'category', 'author', 'comments', 'dc:creator', 'dc:title', 'dc:subject', 'dc:date', 'itunes:author', 'itunes:summary', 'media:title', 'media:description']),
  rdf: new Set(['title', 'link', 'description', 'content:encoded', 'dc:creator', 'dc:title', 'dc:subject', 'dc:date']),
  atom: new Set(['title', 'summary', 'content', 'id', 'published', 'updated', 'name', 'media:title', 'media:description']),
};

/** The namespace prefixes one element declares (prefix → the prefix the readers know its namespace by), with its depth. */
interface NamespaceScope {
  depth: number;
  prefixes: Map<string, string>;
}

/** The `xmlns` attributes among an element's, as prefixes; null when it declares none (most elements). */
const declaredPrefixes = (attributes: Readonly<Record<string, string>>): Map<string, string> | null => {
  let prefixes: Map<string, string> | null = null;
  for (const attribute in attributes) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
      prefixes ??= new Map();
      const prefix = attribute === 'xmlns' ? '' : attribute.slice(6);
      prefixes.set(prefix, knownPrefix(decodeHTML(attributes[attribute] ?? '')) ?? prefix);
    }
  }
  return prefixes;
};

/**
 * The tokenizer's listener for one document: builds the tree with a stack of its own (the parser's
 * stack takes quadratic time on 100,000 nested tags). One object for the whole document, its state in
 * fields, so that no token costs a closure or an allocation beyond the element it makes.
 */
class ElementTreeBuilder implements TokenizerCallbacks {
  root: XmlElement | null = null;
  /** Set by an end tag that closes nothing open or another element; the document is then refused. */
  malformed = false;
  /** The elements open at this point, outermost first, and their names as written (prefixes as the document spells them). */
  readonly open: XmlElement[] = [];
  private readonly openNames: string[] = [];
  /** Names of elements opened past `deepestElement`, checked for balance only. */
  readonly skipped: string[] = [];
  private readonly scopes: NamespaceScope[] = [];
  private readonly own: ReadonlySet<string>;
  private readonly textNames: ReadonlySet<string>;
  // The start tag being read.
  private tagName = '';
  private attributes: Record<string, string> = {};
  private attributeName = '';
  private attributeValue = '';
  /** Inside a text element: its name as written, and how many of that name are open inside it. */
  private rawName: string | null = null;
  private rawDepth = 0;

  constructor(
    private readonly text: string,
    format: XmlFormat,
  ) {
    this.own = ownNamespaces[format];
    this.textNames = textElements[format];
  }

  onopentagname(start: number, end: number): void {
    this.tagName = this.text.slice(start, end).toLowerCase();
    this.attributes = Object.create(null) as Record<string, string>;
  }

  onattribname(start: number, end: number): void {
    this.attributeName = this.text.slice(start, end).toLowerCase();
    this.attributeValue = '';
  }

  onattribdata(start: number, end: number): void {
    this.attributeValue += this.text.slice(start, end);
  }

  onattribend(): void {
    if (!(this.attributeName in this.attributes)) this.attributes[this.attributeName] = this.attributeValue;
  }

  onopentagend(end: number): void {
    this.openElement(end, false);
  }

  onselfclosingtag(end: number): void {
    this.openElement(end, true);
  }

  onclosetag(start: number, end: number): void {
    const name = this.text.slice(start, end).toLowerCase();
    if (this.rawName !== null) {
      if (name !== this.rawName) return;
      this.rawDepth -= 1;
      if (this.rawDepth > 0) return;
      this.rawName = null;
    }
    if (this.skipped.length > 0) {
      if (this.skipped.pop() !== name) this.malformed = true;
      return;
    }
    const element = this.open.pop();
    if (element === undefined || this.openNames.pop() !== name) {
      this.malformed = true;
      return;
    }
    element.innerEnd = Math.max(element.innerStart, this.text.lastIndexOf('<', start));
    if (this.scopes.at(-1)?.depth === this.open.length) this.scopes.pop();
  }

  // Text, entities, CDATA and comments are read from the element's place in the text when a field is asked for.
  onattribentity(): void {}
  ontext(): void {}
  ontextentity(): void {}
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}

  private namespaceOf(prefix: string): string {
    for (let index = this.scopes.length - 1; index >= 0; index -= 1) {
      const declared = this.scopes[index]?.prefixes.get(prefix);
      if (declared !== undefined) return declared;
    }
    // An undeclared prefix (common in hand-written feeds) is taken at its word.
    return prefix;
  }

  private openElement(tagEnd: number, selfClosing: boolean): void {
    const { tagName, attributes, open } = this;
    if (this.rawName !== null) {
      if (!selfClosing && tagName === this.rawName) this.rawDepth += 1;
      return;
    }
    if (open.length >= deepestElement) {
      if (!selfClosing) this.skipped.push(tagName);
      return;
    }
    const prefixes = declaredPrefixes(attributes);
    if (prefixes !== null) this.scopes.push({ depth: open.length, prefixes });
    const colon = tagName.indexOf(':');
    const namespace = this.namespaceOf(colon === -1 ? '' : tagName.slice(0, colon));
    const local = colon === -1 ? tagName : tagName.slice(colon + 1);
    const element: XmlElement = { name: this.own.has(namespace) ? local : `${namespace}:${local}`, attributes, children: [], innerStart: tagEnd + 1, innerEnd: tagEnd + 1 };
    const parent = open.at(-1);
    if (parent === undefined) this.root ??= element;
    else parent.children.push(element);
    if (selfClosing) {
      if (this.scopes.at(-1)?.depth === open.length) this.scopes.pop();
      return;
    }
    open.push(element);
    this.openNames.push(tagName);
    const type = (attributes.type ?? '').toLowerCase();
    if (this.textNames.has(element.name) && !type.includes('xhtml')) {
      this.rawName = tagName;
      this.rawDepth = 1;
    }
  }
}

/**
 * The document's elements, read with htmlparser2's tokenizer (see ElementTreeBuilder). Throws
 * MalformedXmlError when an element is left open at the end (a truncated download) or closed by
 * another's end tag: no field read from such a document could be trusted.
 */
export const readXmlElements = (text: string, format: XmlFormat): XmlDocument => {
  const builder = new ElementTreeBuilder(text, format);
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, builder);
  tokenizer.write(text);
  tokenizer.end();
  if (builder.malformed || builder.open.length > 0 || builder.skipped.length > 0) {
    throw new MalformedXmlError('An element is not closed, or is closed by another element’s end tag.');
  }
  if (builder.root === null) throw new MalformedXmlError('The document has no element.');
  return { root: builder.root, text };
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
