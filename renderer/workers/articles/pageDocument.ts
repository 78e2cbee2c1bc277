// A web page as a DOM inside a worker, which has none of its own: linkedom over htmlparser2, in
// the build linkedom ships for workers (no Node imports, no canvas). Attribute names are lower-cased
// here, because linkedom keeps them as written and reads them case-sensitively: <A HREF> and
// <IMG SRC> (old pages are full of them) would otherwise escape every rule that reads href or src.
import { DOMParser } from 'linkedom/worker';
import { httpAddress } from '../../../shared/webAddress';

/** Every element of `root` (itself included when it is one), as a list that later removals do not change. */
export const elementsOf = (root: ParentNode): Element[] => [...root.querySelectorAll('*')];

const lowerCaseAttributeNames = (element: Element): void => {
  for (const name of element.getAttributeNames()) {
    const lower = name.toLowerCase();
    if (lower === name) continue;
    const value = element.getAttribute(name) ?? '';
    element.removeAttribute(name);
    // The first of two spellings wins, as an HTML parser keeps the first of two equal names.
    if (!element.hasAttribute(lower)) element.setAttribute(lower, value);
  }
};

const parseHtml = (html: string): Document =>
  // linkedom's documents implement the DOM this code and Readability use, but linkedom declares its own types for them.
  new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/**
 * Whether the page parsed into the shape Readability reads: an <html> holding a <body>. Read from
 * the children, not linkedom's head and body getters, which insert what is missing where they see
 * fit (a <body> before the text it should hold) and throw on a page with no element at all.
 */
const hasBody = (document: Document): boolean => {
  // linkedom leaves documentElement null for a page without elements, whatever the DOM types say.
  const root: Element | null = document.documentElement;
  return root?.localName === 'html' && [...root.children].some((child) => child.localName === 'body');
};

/**
 * The page as a document, with an <html> and a <body>: HTML lets a page leave out both tags (a
 * browser puts them in), htmlparser2 does not, so such a page is parsed again inside them.
 */
export const parsePageDocument = (html: string): Document => {
  const parsed = parseHtml(html);
  const document = hasBody(parsed) ? parsed : parseHtml(`<!doctype html><html><head></head><body>${html}</body></html>`);
  for (const element of elementsOf(document)) lowerCaseAttributeNames(element);
  return document;
};

/** The address the page's links are read against: its first <base href> read against the page's own address, if that makes an http(s) address. */
export const baseAddressOf = (document: Document, pageUrl: string): string => {
  const declared = document.querySelector('base[href]')?.getAttribute('href')?.trim();
  return (declared ? httpAddress(declared, pageUrl) : null) ?? pageUrl;
};

/**
 * Writes the page's base address into the document as its one <base href>. linkedom reads a node's
 * baseURI from the first <base>, else from the global `location`, which in a worker is the app's own
 * address: Readability would then read the article's relative links and pictures against Field News
 * itself (the Node tests, with no `location`, never see it).
 */
export const pinBaseAddress = (document: Document, base: string): void => {
  for (const element of [...document.querySelectorAll('base')]) element.remove();
  const pinned = document.createElement('base');
  pinned.setAttribute('href', base);
  const head = document.querySelector('head') ?? document.documentElement;
  head?.insertBefore(pinned, head.firstChild);
};

/** Whether the page asks for a password anywhere (a login form, or a page that is one). */
export const hasPasswordField = (document: Document): boolean =>
  [...document.querySelectorAll('input[type]')].some((input) => input.getAttribute('type')?.trim().toLowerCase() === 'password');
