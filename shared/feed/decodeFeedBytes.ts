// Turns downloaded bytes into text in the charset the document is written in, looked for in
// this order: a byte-order mark, the HTTP charset, the XML declaration's encoding, else UTF-8.
// Invalid bytes become U+FFFD: a badly encoded feed is read with a few odd characters, never refused.

/** WHATWG labels that decode every input to one U+FFFD (a defence against old ISO-2022 attacks): useless here. */
const replacementLabels = new Set(['replacement', 'csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr']);

/** The WHATWG labels of windows-1252 (latin1 and ASCII are read as windows-1252 on the web). */
const windows1252Labels = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

/** windows-1252's characters for bytes 0x80–0x9F (WHATWG index; the five unassigned bytes stay as they are). */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const c1Controls = /[\u0080-\u009f]/g;
const hasC1Control = /[\u0080-\u009f]/;

/**
 * Node since 20.18.3 decodes windows-1252 as ISO-8859-1 (nodejs/node#60888), giving C1 controls
 * where the text has “ ” – €; Chromium does not. Mapping them afterwards is right in both.
 */
const fixWindows1252 = (text: string): string =>
  hasC1Control.test(text) ? text.replace(c1Controls, (control) => windows1252High[control.charCodeAt(0) - 0x80] ?? control) : text;

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/** A decoder for `label`, or null when the platform knows no such charset. */
const decoderFor = (label: string | null | undefined): Decoder | null => {
  const trimmed = label?.trim().toLowerCase();
  if (!trimmed || trimmed.length > 40 || replacementLabels.has(trimmed)) return null;
  try {
    const decoder = new TextDecoder(trimmed);
    return windows1252Labels.has(trimmed) ? { decode: (bytes) => fixWindows1252(decoder.decode(bytes)) } : decoder;
  } catch {
    // RangeError: an unknown charset name; the caller tries the next source of the charset.
    return null;
  }
};

const byteOrderMark = (bytes: Uint8Array): string | null => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
};

/** The charset parameter of a Content-Type header ("text/xml; charset=windows-1252"). */
export const headerCharset = (contentType: string | null): string | null => {
  if (contentType === null) return null;
  const match = /;\s*charset\s*=\s*"?([^";\s]{1,40})/i.exec(contentType.slice(0, 400));
  return match?.[1] ?? null;
};

/** XML declares UTF-16 without a mark by its first character's bytes (XML 1.0 appendix F). */
const utf16WithoutMark = (bytes: Uint8Array): string | null => {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return null;
};

/** The encoding named in `<?xml … encoding="…"?>`, read as ASCII from the first bytes. */
export const declaredEncoding = (bytes: Uint8Array): string | null => {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head);
  return match?.[1] ?? null;
};

export interface DecodedDocument {
  text: string;
  /** Where the charset was learnt, for tests and the sync log. */
  charsetFrom: 'byte-order-mark' | 'http-header' | 'xml-declaration' | 'default';
}

/** The document's text. Never throws. */
export const decodeFeedBytes = (bytes: Uint8Array, contentType: string | null): DecodedDocument => {
  const fromMark = decoderFor(byteOrderMark(bytes));
  if (fromMark) return { text: fromMark.decode(bytes), charsetFrom: 'byte-order-mark' };
  const fromHeader = decoderFor(headerCharset(contentType));
  if (fromHeader) return { text: fromHeader.decode(bytes), charsetFrom: 'http-header' };
  const wide = utf16WithoutMark(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), charsetFrom: 'xml-declaration' };
  const declared = declaredEncoding(bytes);
  // A declaration read as ASCII that says UTF-16 is wrong about itself: the bytes are 8-bit.
  const fromDeclaration = declared && !/^utf-?16/i.test(declared) ? decoderFor(declared) : null;
  if (fromDeclaration) return { text: fromDeclaration.decode(bytes), charsetFrom: 'xml-declaration' };
  return { text: new TextDecoder('utf-8').decode(bytes), charsetFrom: 'default' };
};
