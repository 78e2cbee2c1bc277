// The article Readability read off a page, made fit to store: nothing that runs, loads or submits
// (scripts, styles, frames, objects, embeds, forms, media players, SVG and MathML, event handlers,
// javascript: and other non-web addresses), links and pictures absolute against the page's base,
// a picture without a usable address dropped. The window's sanitizer (DOMPurify) runs again when
// the article is shown; this pass makes what is stored small and plain on its own.
import { httpAddress } from '../../../shared/webAddress';
import { elementsOf } from './pageDocument';

/** Elements removed with their content. Video and audio too: offline they cannot play, and online they would fetch while reading. */
const removedElements = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input',
  'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'link', 'meta', 'base', 'svg', 'math', 'canvas',
  'video', 'audio', 'source', 'track', 'map', 'area', 'dialog', 'portal', 'slot',
].join(',');

/**
 * Attributes removed wherever they are: styling, the other addresses of a picture (the reader shows
 * src only, and the picture pipeline saves that one), and addresses only forms and frames use.
 */
const removedAttributes = new Set([
  'style', 'srcset', 'sizes', 'srcdoc', 'ping', 'background', 'lowsrc', 'dynsrc', 'poster', 'action', 'formaction', 'codebase',
  'longdesc', 'usemap', 'xmlns', 'xlink:href', 'nonce', 'integrity', 'is',
]);

const webAndMailSchemes = new Set(['http:', 'https:', 'mailto:']);

/** `value` read against `base` as an absolute http(s) or mailto: address, or null. */
const linkAddress = (value: string, base: string): string | null => {
  const trimmed = value.trim();
  if (trimmed.length === 0 || !URL.canParse(trimmed, base)) return null;
  const address = new URL(trimmed, base);
  return webAndMailSchemes.has(address.protocol) ? address.href : null;
};

/** Pictures written into the page: harmless (nothing to fetch), kept as they are. */
const inlinePicture = /^data:image\/(?:png|jpe?g|gif|webp|avif);/i;

/** A picture's src as an absolute http(s) address (or an inline picture), or null when it has none the reader could show. */
const pictureAddress = (value: string, base: string): string | null => {
  const trimmed = value.trim();
  return inlinePicture.test(trimmed) ? trimmed : httpAddress(trimmed, base);
};

/** Sets or removes one attribute by its rule; returns false when the whole element is to go (a picture with no address). */
const cleanAttribute = (element: Element, name: string, base: string): boolean => {
  const value = element.getAttribute(name) ?? '';
  let kept: string | null = value;
  if (name.startsWith('on') || name.startsWith('data-') || removedAttributes.has(name)) kept = null;
  else if (name === 'href' || name === 'cite') kept = linkAddress(value, base);
  else if (name === 'src') kept = element.localName === 'img' ? pictureAddress(value, base) : null;
  if (kept === null) element.removeAttribute(name);
  else if (kept !== value) element.setAttribute(name, kept);
  return !(name === 'src' && kept === null && element.localName === 'img');
};

const commentNode = 8;
const textNode = 3;
const spacing = /[ \t\n\r\f]+/g;

/**
 * Comments dropped, and the page's indentation: each run of spaces, tabs and line breaks in a text
 * becomes one space (what a browser shows), except inside <pre>, where they are the text. Stored
 * articles are a third smaller for it.
 */
const tidyChildNodes = (element: Element): void => {
  const keepsSpacing = element.closest('pre') !== null;
  for (const node of [...element.childNodes]) {
    if (node.nodeType === commentNode) node.remove();
    else if (node.nodeType === textNode && !keepsSpacing) node.textContent = (node.textContent ?? '').replace(spacing, ' ');
  }
};

export interface CleanArticle {
  html: string;
  /** Absolute http(s) addresses of the article's pictures, in order, each once. */
  pictureUrls: string[];
  /** Characters of text inside links, whitespace collapsed. */
  linkCharacters: number;
}

const collapsed = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Cleans `root` (Readability's article element) in place and serializes its content. */
export const cleanArticleHtml = (root: Element, base: string): CleanArticle => {
  for (const element of [...root.querySelectorAll(removedElements)]) element.remove();
  for (const element of [root, ...elementsOf(root)]) {
    const keep = element.getAttributeNames().every((name) => cleanAttribute(element, name, base));
    if (!keep || (element.localName === 'img' && !element.hasAttribute('src'))) element.remove();
    else tidyChildNodes(element);
  }
  const pictureUrls = new Set<string>();
  for (const image of root.querySelectorAll('img[src]')) {
    const url = httpAddress(image.getAttribute('src') ?? '');
    if (url !== null) pictureUrls.add(url);
  }
  let linkCharacters = 0;
  for (const link of root.querySelectorAll('a')) {
    // A link inside a link is counted with the outer one.
    if ((link.parentElement?.closest('a') ?? null) === null) linkCharacters += collapsed(link.textContent).length;
  }
  return { html: root.innerHTML, pictureUrls: [...pictureUrls], linkCharacters };
};
