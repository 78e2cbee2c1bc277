// Decides what a downloaded document is from its content alone (servers label feeds text/html,
// application/octet-stream, anything): a JSON object, or the name of the first XML element.

export type DocumentKind =
  | { kind: 'json' }
  | { kind: 'rss' | 'rdf' | 'atom'; rootStart: number }
  | { kind: 'html' }
  | { kind: 'unknown' };

/** Past this many characters of prologue (comments, declarations) nobody is writing a feed. */
const longestPrologue = 100_000;
/** Stray text before the first tag that is still read past. */
const longestLeadingText = 2_000;

/** Index after the end of the DOCTYPE that opens at `start`, internal subset `[…]` included. */
const endOfDoctype = (text: string, start: number): number => {
  const bracket = text.indexOf('[', start);
  const close = text.indexOf('>', start);
  if (close === -1) return text.length;
  if (bracket === -1 || bracket > close) return close + 1;
  // An internal subset ends at "]" then optional spaces then ">"; "]" inside an entity value is rare enough to ignore.
  let end = text.indexOf(']', bracket);
  while (end !== -1) {
    let after = end + 1;
    while (after < text.length && text.charCodeAt(after) <= 32) after += 1;
    if (text.charCodeAt(after) === 62) return after + 1;
    end = text.indexOf(']', end + 1);
  }
  return text.length;
};

const rootName = (text: string, start: number): string => {
  let end = start + 1;
  while (end < text.length && end - start < 64 && !/[\s/>]/.test(text[end] ?? '>')) end += 1;
  return text.slice(start + 1, end).toLowerCase();
};

/**
 * The document's kind and, for XML, where its root element starts: everything before it (the XML
 * declaration, comments, and the DOCTYPE with any entity definitions) is cut off before parsing, so
 * no entity is ever expanded from a DTD and no external entity is ever fetched.
 */
export const detectFeedFormat = (text: string): DocumentKind => {
  let position = 0;
  const limit = Math.min(text.length, longestPrologue);
  while (position < limit) {
    const code = text.charCodeAt(position);
    if (code <= 32 || code === 0xfeff) {
      position += 1;
      continue;
    }
    if (code === 123) return { kind: 'json' };
    if (code !== 60) {
      // A server warning printed before the feed ("Warning: … on line 12 <?xml …"): skip a
      // short run of text to the first tag; a longer one is no feed.
      const tag = text.indexOf('<', position);
      if (tag === -1 || tag > longestLeadingText) return { kind: 'unknown' };
      position = tag;
      continue;
    }
    if (text.startsWith('<?', position)) {
      const end = text.indexOf('?>', position);
      position = end === -1 ? text.length : end + 2;
    } else if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position);
      position = end === -1 ? text.length : end + 3;
    } else if (/^<!doctype\s+html/i.test(text.slice(position, position + 20))) {
      return { kind: 'html' };
    } else if (text.startsWith('<!', position)) {
      position = endOfDoctype(text, position);
    } else {
      const name = rootName(text, position);
      const local = name.slice(name.indexOf(':') + 1);
      if (local === 'rss') return { kind: 'rss', rootStart: position };
      if (local === 'rdf') return { kind: 'rdf', rootStart: position };
      if (local === 'feed') return { kind: 'atom', rootStart: position };
      if (local === 'html' || local === 'head' || local === 'body' || local === 'meta' || local === 'link' || local === 'title') {
        return { kind: 'html' };
      }
      return { kind: 'unknown' };
    }
  }
  return { kind: 'unknown' };
};
