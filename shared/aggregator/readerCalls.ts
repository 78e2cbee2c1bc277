// The Google Reader API calls Field News makes to a team's aggregator (FreshRSS, Miniflux, Inoreader…),
// as data: the sync worker names a call, and the shell that holds the account's token (the main
// process in the desktop app, the worker itself in web mode) turns it into one HTTP request.
// Only these calls exist, so a page can never make the shell send the token anywhere else.
import { z } from 'zod';

/** Stream ids of the Reader API's states and the reading list. */
export const readerStreams = {
  readingList: 'user/-/state/com.google/reading-list',
  read: 'user/-/state/com.google/read',
  starred: 'user/-/state/com.google/starred',
} as const;

/** A feed's or a stream's id as a server gives it ("feed/12", "user/-/label/México"). */
const readerId = z.string().min(1).max(2_048);
/** An item's id in its short decimal form (shared/aggregator/readerItems.ts shortItemId). */
const itemId = z.string().regex(/^-?\d{1,20}$/);
/** Items per stream/items/contents request: FreshRSS and Miniflux take more, proxies' URL and body limits fewer. */
export const itemsPerContentsCall = 250;
/** Ids per stream/items/ids page. */
export const idsPerPage = 1_000;
/** Items per edit-tag request. */
export const itemsPerEditCall = 250;

export const readerCallSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('subscriptions') }),
  z.object({ kind: z.literal('unread-counts') }),
  z.object({
    kind: z.literal('item-ids'),
    stream: readerId,
    /** Only items the server took in at or after this Unix time (seconds). */
    since: z.number().int().min(0).nullable(),
    /** Leave out the items in this state ('user/-/state/com.google/read' for the unread ones). */
    exclude: z.enum([readerStreams.read]).nullable(),
    continuation: z.string().max(200).nullable(),
  }),
  z.object({ kind: z.literal('item-contents'), itemIds: z.array(itemId).min(1).max(itemsPerContentsCall) }),
  z.object({ kind: z.literal('action-token') }),
  z.object({
    kind: z.literal('edit-tag'),
    itemIds: z.array(itemId).min(1).max(itemsPerEditCall),
    tag: z.enum([readerStreams.read, readerStreams.starred]),
    add: z.boolean(),
    token: z.string().max(512),
  }),
  z.object({ kind: z.literal('subscribe'), feedUrl: z.string().min(1).max(4_096), token: z.string().max(512) }),
  z.object({
    kind: z.literal('edit-subscription'),
    streamId: readerId,
    action: z.enum(['edit', 'unsubscribe']),
    title: z.string().max(2_000).nullable(),
    /** The folder (label) to move the feed into, '' for none; null leaves it where it is. */
    folder: z.string().max(200).nullable(),
    token: z.string().max(512),
  }),
]);

export type ReaderCall = z.infer<typeof readerCallSchema>;

/** One HTTP request of a call, before the Authorization header (which only the shell adds). */
export interface ReaderHttpRequest {
  url: string;
  method: 'GET' | 'POST';
  /** A form body (application/x-www-form-urlencoded) for POST. */
  body: string | null;
}

/**
 * An item id in the long form every server reads (`tag:google.com,2005:reader/item/` and 16 hex
 * digits): FreshRSS reads the short decimal form too, Miniflux reads a short id as hex.
 */
export const longItemId = (id: string): string => `tag:google.com,2005:reader/item/${BigInt.asUintN(64, BigInt(id)).toString(16).padStart(16, '0')}`;

/** The account's base: FreshRSS's …/api/greader.php, or Miniflux's (or any server's) root, without a trailing slash. */
export const readerBase = (serverAddress: string): string => serverAddress.replace(/\/+$/, '');

/** application/x-www-form-urlencoded, as every Reader API server reads it (no URLSearchParams in shared/). */
const form = (pairs: [string, string][]): string => pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');

/** The request for ClientLogin, which trades the user name and API password for a token. */
export const signInRequest = (serverAddress: string, userName: string, password: string): ReaderHttpRequest => ({
  url: `${readerBase(serverAddress)}/accounts/ClientLogin`,
  method: 'POST',
  body: form([
    ['Email', userName],
    ['Passwd', password],
  ]),
});

/** The HTTP request for a call to the account at `serverAddress`. */
export const readerRequestOf = (serverAddress: string, call: ReaderCall): ReaderHttpRequest => {
  const api = `${readerBase(serverAddress)}/reader/api/0`;
  const get = (path: string, query: [string, string][]): ReaderHttpRequest => ({ url: `${api}/${path}?${form(query)}`, method: 'GET', body: null });
  const post = (path: string, pairs: [string, string][], query = ''): ReaderHttpRequest => ({ url: `${api}/${path}${query}`, method: 'POST', body: form(pairs) });
  switch (call.kind) {
    case 'subscriptions':
      return get('subscription/list', [['output', 'json']]);
    case 'unread-counts':
      return get('unread-count', [['output', 'json']]);
    case 'item-ids': {
      // output=json: Miniflux answers nothing else; FreshRSS ignores it.
      const query: [string, string][] = [
        ['output', 'json'],
        ['s', call.stream],
        ['n', String(idsPerPage)],
      ];
      if (call.since !== null) query.push(['ot', String(call.since)]);
      if (call.exclude !== null) query.push(['xt', call.exclude]);
      if (call.continuation !== null) query.push(['c', call.continuation]);
      return get('stream/items/ids', query);
    }
    case 'item-contents':
      return post(
        'stream/items/contents',
        call.itemIds.map((id) => ['i', longItemId(id)]),
        '?output=json',
      );
    case 'action-token':
      return get('token', []);
    case 'edit-tag':
      return post('edit-tag', [...call.itemIds.map((id): [string, string] => ['i', longItemId(id)]), [call.add ? 'a' : 'r', call.tag], ['T', call.token]]);
    case 'subscribe':
      return post('subscription/quickadd', [
        ['quickadd', call.feedUrl],
        ['T', call.token],
      ]);
    case 'edit-subscription': {
      const pairs: [string, string][] = [
        ['ac', call.action],
        ['s', call.streamId],
        ['T', call.token],
      ];
      if (call.title !== null) pairs.push(['t', call.title]);
      if (call.folder !== null) pairs.push(call.folder === '' ? ['r', 'user/-/label/'] : ['a', `user/-/label/${call.folder}`]);
      return post('subscription/edit', pairs);
    }
  }
};
