// HTML to the plain text the list, the search index and the place tagger read, in one forward
// pass: each character is looked at a bounded number of times and no regular expression can
// backtrack, so 1,000,000 "<" cost what 1,000,000 letters do. Entities are decoded by the
// `entities` library (every named and numeric entity). Nothing runs, nothing loads.
import { decodeHTML } from 'entities';

/** Elements whose content is code or styling, never news text: skipped to their closing tag. */
const hiddenElements = new Set(['script', 'style', 'noscript', 'template', 'title']);

/** Elements inside a word ("<b>w</b>orld" is one word); every other tag separates words. */
const inlineElements = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'ins', 'del',
]);

const whitespace = /\s+/g;

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isNameEnd = (code: number): boolean => code === 62 || code === 47 || code === 32 || (code >= 9 && code <= 13);

/** Index just past the '>' that ends the tag opening at `start`, respecting quoted attribute values. */
const endOfTag = (html: string, start: number): number => {
  let quote = 0;
  for (let index = start; index < html.length; index += 1) {
    const code = html.charCodeAt(index);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) {
      // A quote only opens a value right after "=" (with optional spaces); elsewhere it is a stray character.
      let before = index - 1;
      while (before > start && html.charCodeAt(before) <= 32) before -= 1;
      if (html.charCodeAt(before) === 61) quote = code;
    } else if (code === 62) {
      return index + 1;
    }
  }
  return html.length;
};

const skipPast = (html: string, from: number, marker: string): number => {
  const found = html.indexOf(marker, from);
  return found === -1 ? html.length : found + marker.length;
};

/**
 * The plain text of `html` up to its first `wanted` + 1 characters (Infinity: all of it), reading only
 * as much of the HTML as that takes: a preview of a long article need not turn the whole of it into text.
 */
const readPlainText = (html: string, wanted: number): string => {
  const chunks: string[] = [];
  let length = 0;
  // The collapsed text is never longer than the chunks: it is looked at only once they could hold enough.
  let lookAt = wanted + 2;
  const push = (chunk: string): void => {
    chunks.push(chunk);
    length += chunk.length;
  };
  const lower = html.length > 0 && /[A-Z]/.test(html) ? html.toLowerCase() : html;
  // Text runs from `textStart` to the next tag; `scan` moves past "<" that open no tag.
  let textStart = 0;
  let scan = 0;
  const takeText = (end: number): void => {
    if (end > textStart) push(decodeHTML(html.slice(textStart, end)));
  };
  while (scan < html.length) {
    if (length >= lookAt) {
      // Whitespace runs collapse the same way in a prefix as in the whole, so this start is the start
      // of the whole text; with two characters past `wanted`, a space at its end cannot be the final one.
      const start = chunks.join('').replace(whitespace, ' ').trimStart();
      if (start.length >= wanted + 2) return start.slice(0, wanted + 1);
      // Each raw character adds at most one; and at least double the chunks, so that the joins of a
      // text of mostly whitespace stay linear in all.
      lookAt = Math.max(length + wanted + 2 - start.length, 2 * length);
    }
    const open = html.indexOf('<', scan);
    if (open === -1) break;
    const next = html.charCodeAt(open + 1);
    const closing = next === 47;
    const nameStart = closing ? open + 2 : open + 1;
    if (!isLetter(html.charCodeAt(nameStart)) && next !== 33 && next !== 63) {
      // "a < b", "<<<": a "<" that opens no tag is text.
      scan = open + 1;
      continue;
    }
    takeText(open);
    if (html.startsWith('<!--', open)) {
      scan = skipPast(html, open + 4, '-->');
      textStart = scan;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && !isNameEnd(html.charCodeAt(nameEnd))) nameEnd += 1;
    const name = lower.slice(nameStart, nameEnd);
    scan = endOfTag(html, nameEnd);
    if (!closing && hiddenElements.has(name)) {
      const close = lower.indexOf(`</${name}`, scan);
      scan = close === -1 ? html.length : endOfTag(html, close + 2 + name.length);
    }
    textStart = scan;
    if (!inlineElements.has(name)) push(' ');
  }
  takeText(html.length);
  const text = chunks.join('').replace(whitespace, ' ').trim();
  return wanted === Number.POSITIVE_INFINITY ? text : text.slice(0, wanted + 1);
};

/** Tags removed, script and style content dropped, every HTML entity decoded, whitespace collapsed.
 *  The result is shown as text, never parsed as HTML. */
export const htmlToPlainText = (html: string): string => readPlainText(html, Number.POSITIVE_INFINITY);

/**
 * `htmlToPlainText(html).slice(0, characters + 1)`, reading only the HTML that takes: enough to cut a
 * preview of `characters` at a word and to know whether it was cut.
 */
export const plainTextStart = (html: string, characters: number): string => readPlainText(html, characters);

/** A title or other one-line text that may carry markup or entities ("Caf&eacute;", "<b>Alert</b>"),
 *  as plain text; text without either is returned with its whitespace collapsed. */
export const plainLine = (text: string): string =>
  text.includes('<') || text.includes('&') ? htmlToPlainText(text) : text.replace(whitespace, ' ').trim();
