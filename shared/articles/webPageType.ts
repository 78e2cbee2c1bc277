// Whether a download is a web page at all, before any DOM is built for it: an article link may
// lead to a PDF, a picture or a video file, which are 'unreadable' here, not "not an article".

/** Types that are web pages whatever they hold. */
const pageTypes = new Set(['text/html', 'application/xhtml+xml']);

/** Types (and a missing type) that servers also send web pages as: a page only if the text starts like one. */
const vagueTypes = new Set(['', 'text/plain', 'application/octet-stream', 'binary/octet-stream', 'application/xml', 'text/xml']);

/** How a web page begins, looked for near the top of the text. */
const markupStart = /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article)[\s>/]/i;

/** How far into a vaguely typed download its markup is looked for. */
const markupScanCharacters = 4_096;

/** The media type of a Content-Type header, lower-cased, without parameters; '' when there is none. */
export const mediaTypeOf = (contentType: string | null): string => (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

/** Whether the download (its Content-Type and decoded text) is a web page to read an article from. */
export const isWebPage = (contentType: string | null, text: string): boolean => {
  const type = mediaTypeOf(contentType);
  if (pageTypes.has(type)) return true;
  return vagueTypes.has(type) && markupStart.test(text.slice(0, markupScanCharacters));
};
