// An aggregator's item as Field News keeps it: the same FeedItem a feed gives (so the store, the
// place tagger, search, pictures and full articles treat it alike), its id on the server (for
// read and starred), its feed on the server, and the states the server holds for it.
import { storageCaps, type FeedItem } from '../feed/feedItem';
import { chooseItemId } from '../feed/feedItemIds';
import { authorList, clip, titleText } from '../feed/itemFields';
import { readerStreams } from './readerCalls';
import type { ReaderItem } from './readerAnswers';

export interface AccountItem {
  item: FeedItem;
  /** The item's id on the server, in the short decimal form every call takes. */
  readerItemId: string;
  /** Its feed on the server ("feed/12"). */
  readerFeedId: string;
  read: boolean;
  starred: boolean;
  /** When the server took it in (µs since 1970 as text), or null when it did not say. */
  crawledAtUsec: string | null;
}

const longIdPrefix = 'tag:google.com,2005:reader/item/';

/**
 * Whether a stream id names a state: FreshRSS writes `user/-/state/…`, Miniflux and Inoreader put the
 * user's number in place of the dash.
 */
export const isState = (streamId: string, state: string): boolean => streamId === state || streamId.endsWith(state.slice('user/-'.length));

/**
 * The short (decimal) form of an item id: the long form carries it as 16 hex digits, read as an
 * unsigned 64-bit number (FreshRSS, Miniflux); a short id is kept. Null for anything else.
 */
export const shortItemId = (id: string): string | null => {
  if (/^\d{1,20}$/.test(id)) return id.replace(/^0+(?=\d)/, '');
  if (id.startsWith(longIdPrefix)) {
    const hex = id.slice(longIdPrefix.length);
    if (/^[0-9a-f]{1,16}$/i.test(hex)) return BigInt(`0x${hex}`).toString(10);
  }
  return null;
};

/** Seconds since 1970 as RFC 3339, or null for none or nonsense. */
const isoOfSeconds = (seconds: number | undefined): string | null => {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const webLink = (href: string | undefined): string | null => {
  if (href === undefined || href.length === 0 || href.length > storageCaps.urlCharacters) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    // Not an address: the item simply has no link (the server sent an empty or relative one).
    return null;
  }
};

const pictureOf = (item: ReaderItem): string | null =>
  (item.enclosure ?? []).map((enclosure) => (enclosure.type?.startsWith('image') === true ? webLink(enclosure.href) : null)).find((href) => href !== null) ?? null;

/**
 * The account item for a server's item, or null when it has no id Field News can use. The item's id
 * in the store is what a feed of its own would give it without a guid (the Reader API does not pass
 * guids on): its link, else a hash of its title and date. That is how an item the laptop also got
 * from the publisher directly is found again (renderer/db/accountItemWrites.ts).
 */
export const accountItemOf = (raw: ReaderItem): AccountItem | null => {
  const readerItemId = shortItemId(raw.id);
  if (readerItemId === null) return null;
  const link = webLink(raw.canonical?.[0]?.href) ?? webLink(raw.alternate?.[0]?.href);
  const html = raw.content?.content ?? raw.summary?.content ?? '';
  const datePublished = isoOfSeconds(raw.published);
  const dateModified = isoOfSeconds(raw.updated);
  const title = titleText(raw.title);
  const id = chooseItemId({ ownIds: [], link, title, date: datePublished });
  if (id === null) return null;
  const categories = raw.categories ?? [];
  const crawled = raw.crawlTimeMsec === undefined ? null : String(raw.crawlTimeMsec);
  return {
    item: {
      id,
      title,
      url: link,
      // An item with no content at all keeps an empty text, as a feed's would (xmlItemDraft).
      contentText: html === '' ? '' : null,
      contentHtml: html === '' ? null : clip(html, storageCaps.textCharacters),
      summary: null,
      datePublished,
      dateModified,
      tags: [],
      authors: authorList(raw.author === undefined ? [] : [raw.author]),
      imageUrl: pictureOf(raw),
      point: null,
    },
    readerItemId,
    readerFeedId: raw.origin.streamId,
    read: categories.some((category) => isState(category, readerStreams.read)),
    starred: categories.some((category) => isState(category, readerStreams.starred)),
    crawledAtUsec: crawled !== null && /^\d{1,16}$/.test(crawled) ? `${crawled}000` : null,
  };
};
