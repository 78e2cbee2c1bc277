// Text made safe for XML 1.0 attribute values and element content, shared by every XML writer
// (OPML export, the RSS and Atom writers).

/**
 * Characters XML 1.0 cannot carry at all, not even as a character reference: C0 controls other
 * than tab, newline and return, U+FFFE/U+FFFF and unpaired surrogates. Writers drop them.
 */
// eslint-disable-next-line no-control-regex -- these are the control characters XML 1.0 cannot carry
export const notXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text fit for an attribute value in double quotes; tabs and line breaks survive as references. */
export const escapeXmlAttribute = (text: string): string =>
  text.replace(notXmlCharacters, '').replace(/[&<>"'\t\n\r]/gu, (character) => escapes[character] ?? '');

/** Text fit for element content: line breaks stay as they are. */
export const escapeXmlText = (text: string): string => text.replace(notXmlCharacters, '').replace(/[&<>]/gu, (character) => escapes[character] ?? '');
