// Reading what an aggregator answers: each answer checked against the shape the Reader API gives,
// with only the fields Field News uses, so a server that is not a Reader API (or a hostile one)
// yields a failure value, never a cast. FreshRSS, Miniflux and Inoreader answer alike here.
import { z } from 'zod';
import { fail, succeed, type Result } from '../result';

/** Why an answer could not be read: the server is not (or not quite) a Reader API. */
export type AnswerProblem = 'not-reader-api';

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON at all: the caller says the server is not a Reader API; the text itself is not kept.
    return undefined;
  }
};

const readWith =
  <T>(schema: z.ZodType<T>) =>
  (text: string): Result<T, AnswerProblem> => {
    const checked = schema.safeParse(parseJson(text));
    return checked.success ? succeed(checked.data) : fail('not-reader-api');
  };

/** ClientLogin's answer: lines of key=value, of which Auth is the token. */
export const readSignIn = (text: string): Result<string, AnswerProblem> => {
  for (const line of text.split(/\r?\n/)) {
    const match = /^Auth=(\S{1,1024})$/.exec(line.trim());
    if (match?.[1] !== undefined) return succeed(match[1]);
  }
  return fail('not-reader-api');
};

/** The action token (for POSTs): one line of text. */
export const readActionToken = (text: string): Result<string, AnswerProblem> => {
  const token = text.trim();
  return token.length > 0 && token.length <= 512 && !/\s/.test(token) ? succeed(token) : fail('not-reader-api');
};

const shortText = z.string().max(4_096);

const subscriptionSchema = z.object({
  id: z.string().min(1).max(2_048),
  title: shortText.catch(''),
  url: shortText.optional(),
  htmlUrl: shortText.optional().catch(undefined),
  categories: z
    .array(z.object({ id: shortText, label: shortText.optional() }))
    .catch([])
    .optional(),
});
export type ReaderSubscription = z.infer<typeof subscriptionSchema>;

export const readSubscriptions = readWith(z.object({ subscriptions: z.array(subscriptionSchema).max(10_000) }).transform((answer) => answer.subscriptions));

const unreadCountSchema = z.object({
  id: z.string().min(1).max(2_048),
  count: z.number().int().min(0),
  newestItemTimestampUsec: z.union([z.string().max(32), z.number()]).optional(),
});
export type ReaderUnreadCount = z.infer<typeof unreadCountSchema>;

export const readUnreadCounts = readWith(z.object({ unreadcounts: z.array(unreadCountSchema).max(100_000).catch([]) }).transform((answer) => answer.unreadcounts));

export interface ItemIdsPage {
  ids: string[];
  continuation: string | null;
}

export const readItemIds = readWith(
  z
    .object({
      itemRefs: z.array(z.object({ id: z.string().regex(/^-?\d{1,20}$/) })).max(100_000),
      continuation: z.union([z.string().max(200), z.number()]).optional(),
    })
    .transform((answer): ItemIdsPage => ({
      ids: answer.itemRefs.map((ref) => ref.id),
      // Miniflux says "no more" with 0.
      continuation: answer.continuation === undefined || answer.continuation === '' || String(answer.continuation) === '0' ? null : String(answer.continuation),
    })),
);

const linkSchema = z.array(z.object({ href: z.string().max(4_096).catch('') }).catch({ href: '' })).catch([]);
const contentSchema = z.object({ content: z.string().max(5_000_000).catch('') }).optional().catch(undefined);

/** One item as stream/items/contents gives it: the fields a FeedItem is made from, and its states. */
const readerItemSchema = z.object({
  id: z.string().min(1).max(2_048),
  title: z.string().max(100_000).catch(''),
  published: z.number().catch(0).optional(),
  updated: z.number().catch(0).optional(),
  crawlTimeMsec: z.union([z.string(), z.number()]).optional().catch(undefined),
  canonical: linkSchema.optional(),
  alternate: linkSchema.optional(),
  categories: z.array(z.string().max(4_096)).max(1_000).catch([]).optional(),
  origin: z.object({ streamId: z.string().max(2_048), title: z.string().max(4_096).optional().catch(undefined), htmlUrl: z.string().max(4_096).optional().catch(undefined) }),
  summary: contentSchema,
  content: contentSchema,
  author: z.string().max(1_000).optional().catch(undefined),
  enclosure: z
    .array(z.object({ href: z.string().max(4_096).catch(''), type: z.string().max(200).optional().catch(undefined) }).catch({ href: '' }))
    .catch([])
    .optional(),
});
export type ReaderItem = z.infer<typeof readerItemSchema>;

/** The items of a contents answer; an item that is not one is dropped and counted, as a feed's would be. */
export const readItemContents = (text: string): Result<{ items: ReaderItem[]; dropped: number }, AnswerProblem> => {
  const answer = z.object({ items: z.array(z.unknown()).max(10_000) }).safeParse(parseJson(text));
  if (!answer.success) return fail('not-reader-api');
  const items: ReaderItem[] = [];
  let dropped = 0;
  for (const raw of answer.data.items) {
    const item = readerItemSchema.safeParse(raw);
    if (item.success) items.push(item.data);
    else dropped += 1;
  }
  return succeed({ items, dropped });
};

/** quickadd's answer: the new subscription's stream id, or the server's refusal. */
export const readQuickAdd = readWith(
  z.object({ numResults: z.number().optional(), streamId: z.string().min(1).max(2_048).optional(), error: z.string().max(2_000).optional() }).transform((answer) => answer),
);

/** edit-tag and subscription/edit answer "OK". */
export const readOk = (text: string): boolean => text.trim() === 'OK';
