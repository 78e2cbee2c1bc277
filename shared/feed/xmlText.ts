// The text of an XML feed's field as a reader reads it: comments dropped, entities decoded, CDATA
// taken as written. Pure string work, done only for the fields a reader asks for.
import { decodeHTML } from 'entities';

const hasEntity = (text: string): boolean => {
  const ampersand = text.indexOf('&');
  return ampersand !== -1 && text.indexOf(';', ampersand) !== -1;
};

/** The text with its entities decoded; most text has none, and is handed back as it is. */
export const decoded = (text: string): string => (hasEntity(text) ? decodeHTML(text) : text);

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

/** Text as feeds write it: comments dropped, entities decoded, CDATA sections taken as written, trimmed; undefined when empty. */
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
