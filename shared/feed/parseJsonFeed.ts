// Turns an outside document into a FeedPage, following JSON Feed 1.0 and 1.1
// (https://jsonfeed.org/version/1.1) as real feeds write them (an http:// version, no version,
// numeric ids, 1.0's `author`). One bad item never rejects the good ones; a document that is not
// a JSON Feed at all is rejected whole with a reason a person can read.
import { z } from 'zod';
import { isHttpAddress } from '../webAddress';
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import { readFeedDate } from './feedDates';
import { storageCaps, type FeedItem, type FeedPage } from './feedItem';
import { capItemId } from './feedItemIds';
import { authorList, clip, tagList, titleText } from './itemFields';
import type { UserMessage } from '../i18n/userMessage';

// No code generation: the renderer's Content-Security-Policy forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const optionalText = z.string().optional().catch(undefined);

const webAddress = z
  .string()
  .max(storageCaps.urlCharacters)
  .refine(isHttpAddress)
  .optional()
  .catch(undefined);

// RFC 3339 text is kept as written; other readable dates ("2021-07-07", RFC 822) are normalised.
const feedDate = z
  .string()
  .transform((text) => (rfc3339.test(text) && !Number.isNaN(Date.parse(text)) ? text : (readFeedDate(text) ?? undefined)))
  .optional()
  .catch(undefined);

const person = z.object({ name: z.string().optional().catch(undefined) });
const people = z.array(z.unknown()).optional().catch(undefined);

const documentSchema = z.object({
  title: optionalText,
  authors: people,
  author: z.unknown().optional(),
  language: optionalText,
  home_page_url: webAddress,
  feed_url: webAddress,
  next_url: webAddress,
  items: z.array(z.unknown()),
});

const itemSchema = z.object({
  id: z.union([z.string(), z.number().finite()]).transform((id) => String(id).trim()),
  url: webAddress,
  title: optionalText,
  content_html: optionalText,
  content_text: optionalText,
  summary: optionalText,
  date_published: feedDate,
  date_modified: feedDate,
  tags: z.array(z.unknown()).optional().catch(undefined),
  authors: people,
  author: z.unknown().optional(),
  image: webAddress,
  banner_image: webAddress,
});

/** Names of 1.1's `authors` list, else of 1.0's single `author`. */
const authorNames = (authors: unknown[] | undefined, author: unknown): string[] =>
  authorList([...(authors ?? []), author].map((candidate) => person.safeParse(candidate).data?.name));

const authorsOrFeeds = (own: string[], feeds: string[]): string[] => (own.length > 0 ? own : feeds);

const jsonFeedVersion = /^https?:\/\/jsonfeed\.org\/version\//i;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates an already-decoded JSON value as a JSON Feed page. Never throws. */
export const parseJsonFeed = (document: unknown): Result<FeedPage, UserMessage> => {
  if (!isPlainObject(document)) return fail(errorMessages.feedNotAnObject);
  const { version } = document;
  if (typeof version === 'string' ? !jsonFeedVersion.test(version.trim()) : version !== undefined || !Array.isArray(document.items)) {
    return fail(errorMessages.feedWrongVersion);
  }
  if (!Array.isArray(document.items)) return fail(errorMessages.feedMissingItems);
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) return fail(errorMessages.feedNotAnObject);

  const dropped = { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 };
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  // An item without authors has the feed's (JSON Feed 1.1, "authors" at the top level).
  const feedAuthors = authorNames(parsed.data.authors, parsed.data.author);
  for (const candidate of parsed.data.items) {
    if (!isPlainObject(candidate)) {
      dropped.notAnObject += 1;
      continue;
    }
    const item = itemSchema.safeParse(candidate);
    if (!item.success || item.data.id.length === 0) {
      dropped.withoutId += 1;
      continue;
    }
    const { content_html, content_text } = item.data;
    const id = capItemId(item.data.id);
    if (content_html === undefined && content_text === undefined) {
      dropped.withoutContent += 1;
      continue;
    }
    if (seen.has(id)) {
      dropped.repeatedId += 1;
      continue;
    }
    seen.add(id);
    items.push({
      id,
      title: titleText(item.data.title),
      url: item.data.url ?? null,
      contentText: clip(content_text, storageCaps.textCharacters),
      contentHtml: clip(content_html, storageCaps.textCharacters),
      summary: clip(item.data.summary, storageCaps.textCharacters),
      datePublished: item.data.date_published ?? null,
      dateModified: item.data.date_modified ?? null,
      tags: tagList(item.data.tags ?? []),
      authors: authorsOrFeeds(authorNames(item.data.authors, item.data.author), feedAuthors),
      imageUrl: item.data.image ?? item.data.banner_image ?? null,
      point: null,
    });
  }
  return succeed({
    // A feed without a title keeps the name it has in the list (its address until one arrives).
    title: titleText(parsed.data.title),
    homePageUrl: parsed.data.home_page_url ?? null,
    feedUrl: parsed.data.feed_url ?? null,
    nextUrl: parsed.data.next_url ?? null,
    format: 'json-feed',
    language: parsed.data.language?.trim().slice(0, 35) || null,
    items,
    droppedItems: dropped,
  });
};

/** Decodes the text of a response and validates it. A web page or other non-JSON text is named as such. */
export const parseJsonFeedText = (text: string): Result<FeedPage, UserMessage> => {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return fail(/^\s*(<!doctype html|<html|<head|<body)/i.test(text) ? errorMessages.feedIsWebPage : errorMessages.feedNotJson);
  }
  return parseJsonFeed(document);
};
