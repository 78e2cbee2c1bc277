// Turns a downloaded web page into text in the charset it is written in, by the feed rules
// (shared/feed/decodeFeedBytes.ts) plus what only HTML has: a byte-order mark, the HTTP charset, a
// <meta charset> or <meta http-equiv="content-type"> near the top, an XML declaration, else UTF-8, and
// windows-1252 when the bytes are plainly not UTF-8 (an old page that names no charset at all).
import { decodeFeedBytes } from '../feed/decodeFeedBytes';

export interface DecodedPage {
  text: string;
  /** Where the charset was learnt, for tests and the log. */
  charsetFrom: 'byte-order-mark' | 'http-header' | 'meta' | 'xml-declaration' | 'default' | 'not-utf-8';
}

/**
 * How far a <meta> charset is looked for. The WHATWG prescan stops at 1,024 bytes, but real pages
 * put it after long scripts and comments (the corpus has one at 8,713), and browsers then reload
 * in the charset found; reading further is the one pass that gets the same text.
 */
export const metaScanBytes = 16_384;

const metaTag = /<meta\b[^>]*>/gi;
const comment = /<!--[\s\S]*?(?:-->|$)/g;
const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const contentCharset = /charset\s*=\s*["']?\s*([^"'\s;]{1,40})/i;

/** The attributes of one <meta …> tag, names lower-cased, the first of each name kept. */
const attributesOf = (tag: string): Map<string, string> => {
  const attributes = new Map<string, string>();
  for (const match of tag.slice(5, -1).matchAll(attribute)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
};

/** The charset a page's first <meta> naming one declares, read as ASCII from its head; null when none does. */
export const metaCharset = (bytes: Uint8Array): string | null => {
  // windows-1252 reads every byte as one character, so the ASCII of the markup comes through as it is.
  const start = new TextDecoder('windows-1252').decode(bytes.subarray(0, metaScanBytes)).replace(comment, '');
  const bodyAt = start.search(/<body[\s>]/i);
  const head = bodyAt === -1 ? start : start.slice(0, bodyAt);
  for (const [tag] of head.matchAll(metaTag)) {
    const attributes = attributesOf(tag);
    const declared = attributes.get('charset')?.trim();
    if (declared) return declared;
    const content = attributes.get('content');
    if (attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type' && content !== undefined) {
      const named = contentCharset.exec(content)?.[1];
      if (named) return named;
    }
  }
  return null;
};

/** HTML reads a <meta> that says UTF-16 as UTF-8 (bytes that spell <meta> in ASCII are not UTF-16). */
const htmlMetaLabel = (label: string): string => {
  const lower = label.toLowerCase();
  if (lower.startsWith('utf-16')) return 'utf-8';
  return lower === 'x-user-defined' ? 'windows-1252' : lower;
};

const asContentType = (charset: string): string => `text/html; charset=${charset}`;

/** Whether the feed rules read `contentType`'s charset (or a byte-order mark) before anything in the page. */
const markOrHeaderDecides = (bytes: Uint8Array, contentType: string | null): boolean => {
  const source = decodeFeedBytes(bytes.subarray(0, 4), contentType).charsetFrom;
  return source === 'byte-order-mark' || source === 'http-header';
};

/**
 * Whether UTF-8 text decoded from bytes that are not UTF-8 at all: more U+FFFD than other
 * non-ASCII characters. One broken byte in a UTF-8 page does not qualify; a Latin-1 page does,
 * since each of its accented letters is a byte UTF-8 cannot read.
 */
const mostlyUnreadable = (text: string): boolean => {
  if (!text.includes('\uFFFD')) return false;
  let replaced = 0;
  let read = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd) replaced += 1;
    else if (code > 0x7f) read += 1;
  }
  return replaced > read;
};

/** The page's text. Never throws: invalid bytes become U+FFFD. */
export const decodePageBytes = (bytes: Uint8Array, contentType: string | null): DecodedPage => {
  if (markOrHeaderDecides(bytes, contentType)) return decodeFeedBytes(bytes, contentType);
  const declared = metaCharset(bytes);
  const metaContentType = declared === null ? null : asContentType(htmlMetaLabel(declared));
  // An unknown name in the <meta> is passed over, as an unknown header charset is.
  if (metaContentType !== null && markOrHeaderDecides(new Uint8Array(0), metaContentType)) {
    return { text: decodeFeedBytes(bytes, metaContentType).text, charsetFrom: 'meta' };
  }
  const decoded = decodeFeedBytes(bytes, null);
  if (decoded.charsetFrom !== 'default' || !mostlyUnreadable(decoded.text)) return decoded;
  return { text: decodeFeedBytes(bytes, asContentType('windows-1252')).text, charsetFrom: 'not-utf-8' };
};
