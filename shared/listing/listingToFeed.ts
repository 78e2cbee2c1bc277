// Converts a plain-text news listing (a date line such as "7 July, 2021", a title line, then
// body paragraphs) into a JSON Feed 1.1 document. Ids are derived from date and title, so the
// same entry always gets the same id. Bad input gives one error naming its line, and no output.
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';

export interface JsonFeedItemDocument {
  id: string;
  title: string;
  content_text: string;
  content_html: string;
  summary: string;
  date_published: string;
}

export interface JsonFeedDocument {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url?: string;
  feed_url?: string;
  language?: string;
  items: JsonFeedItemDocument[];
}

export interface ListingOptions {
  title: string;
  homePageUrl?: string;
  feedUrl?: string;
  language?: string;
}

const monthNumbers: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/** A line shaped like "7 July, 2021" — whether or not the date is real. */
const dateShape = /^(\d{1,2})\s+(\p{L}+),?\s+(\d{4})$/u;

interface ListingEntry {
  dateLine: number;
  date: string;
  titleLine: number;
  title: string;
  paragraphs: string[];
}

/** Noon UTC: a date-only entry then shows as the same calendar day in every timezone of the region. */
const isoDateAtNoon = (day: number, month: number, year: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().replace('.000Z', 'Z');
};

type DateLine = { kind: 'not-a-date' } | { kind: 'bad-date' } | { kind: 'date'; iso: string };

const readDateLine = (text: string): DateLine => {
  const match = dateShape.exec(text);
  if (!match) return { kind: 'not-a-date' };
  const [, day, monthName, year] = match;
  const month = monthNumbers[(monthName ?? '').toLowerCase()];
  const iso = month === undefined ? null : isoDateAtNoon(Number(day), month, Number(year));
  return iso === null ? { kind: 'bad-date' } : { kind: 'date', iso };
};

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const firstWords = (text: string, limit: number): string => {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2)).trimEnd()}…`;
};

const readEntries = (listing: string): Result<ListingEntry[]> => {
  const lines = listing.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line) => line.replace(/\s+$/u, '').trim());
  const entries: ListingEntry[] = [];
  let current: ListingEntry | null = null;
  let paragraph: string[] = [];
  const closeParagraph = () => {
    if (current && paragraph.length > 0) current.paragraphs.push(paragraph.join(' ').replace(/\s+/g, ' '));
    paragraph = [];
  };
  const closeEntry = (): Result<null> => {
    closeParagraph();
    if (!current) return succeed(null);
    if (current.titleLine === 0) return fail(errorMessages.listingMissingTitle(current.dateLine));
    if (current.paragraphs.length === 0) return fail(errorMessages.listingMissingBody(current.titleLine));
    entries.push(current);
    return succeed(null);
  };

  for (const [index, text] of lines.entries()) {
    const lineNumber = index + 1;
    if (text === '') {
      closeParagraph();
      continue;
    }
    const date = readDateLine(text);
    if (date.kind === 'bad-date') return fail(errorMessages.listingBadDate(lineNumber, text));
    if (date.kind === 'date') {
      const closed = closeEntry();
      if (!closed.ok) return closed;
      current = { dateLine: lineNumber, date: date.iso, titleLine: 0, title: '', paragraphs: [] };
      continue;
    }
    if (!current) return fail(errorMessages.listingTextBeforeFirstDate(lineNumber));
    if (current.titleLine === 0) {
      current.titleLine = lineNumber;
      current.title = text.replace(/\s+/g, ' ');
      continue;
    }
    paragraph.push(text);
  }
  const closed = closeEntry();
  if (!closed.ok) return closed;
  if (entries.length === 0) return fail(errorMessages.listingEmpty);
  return succeed(entries);
};

export const listingToFeed = (listing: string, options: ListingOptions): Result<JsonFeedDocument> => {
  const entries = readEntries(listing);
  if (!entries.ok) return entries;
  const usedIds = new Map<string, number>();
  const items = entries.value.map((entry): JsonFeedItemDocument => {
    const base = `${entry.date.slice(0, 10)}-${slug(entry.title) || 'untitled'}`;
    const seen = (usedIds.get(base) ?? 0) + 1;
    usedIds.set(base, seen);
    const text = entry.paragraphs.join('\n\n');
    return {
      id: seen === 1 ? base : `${base}-${seen}`,
      title: entry.title,
      content_text: text,
      content_html: entry.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
      summary: firstWords(entry.paragraphs[0] ?? '', 280),
      date_published: entry.date,
    };
  });
  return succeed({
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title,
    ...(options.homePageUrl ? { home_page_url: options.homePageUrl } : {}),
    ...(options.feedUrl ? { feed_url: options.feedUrl } : {}),
    ...(options.language ? { language: options.language } : {}),
    items,
  });
};
