// What Field News keeps of a news item, and how a fresh copy from a feed merges into it:
// content follows the feed, the user's read and starred flags and first-seen time stay.
import { contentHash } from '../contentHash';
import type { FeedItem } from './feedItem';
import { previewText } from './itemPreview';

export interface NewsItem extends FeedItem {
  /** The feed's address (or the bundled sample's fixed id); with `id` it keys the item. */
  feedUrl: string;
  /** Published, else modified, else first-seen time, in UTC ISO form so that text order is time order. */
  sortDate: string;
  /** Gazetteer ids of the places the item names (filled by the place tagger). */
  places: string[];
  /** Which gazetteer and tagger version produced `places` ('' when not tagged yet), so a newer one re-tags in the background. */
  placesVersion: string;
  read: boolean;
  starred: boolean;
  /** When this computer first stored the item (ISO time). */
  firstSeenAt: string;
  /** Fingerprint of the content, to tell a changed item from a repeated one. */
  contentHash: string;
  /** The list's first lines of plain text, computed once when the item is stored, never on each render. (Since schema version 5.) */
  preview: string;
}

export type NewsItemKey = [feedUrl: string, id: string];

/** The key as one text ("feed\nid"), for maps, React keys and the search indexes; a newline is in no URL. */
/** The one way an item's key is written as text (a map key, a search hit): its feed's address and id. */
export const keyTextOf = (feedUrl: string, id: string): string => `${feedUrl}\n${id}`;
export const newsItemKeyText = (item: Pick<NewsItem, 'feedUrl' | 'id'>): string => keyTextOf(item.feedUrl, item.id);

/** The key back from its text form. */
export const newsItemKeyFromText = (text: string): NewsItemKey => {
  const split = text.indexOf('\n');
  return [text.slice(0, split), text.slice(split + 1)];
};

/** The fields added with RSS and Atom (authors, picture, point) count only when set, so an item
 *  stored before they existed keeps its fingerprint and is not rewritten and re-tagged for nothing. */
const computeFingerprint = (item: FeedItem): string => {
  const fields: unknown[] = [item.title, item.url, item.contentText, item.contentHtml, item.summary, item.datePublished, item.dateModified, item.tags];
  if (item.authors.length > 0 || item.imageUrl !== null || item.point !== null) fields.push(item.authors, item.imageUrl, item.point);
  return contentHash(JSON.stringify(fields));
};

/** What storing an item derives from its content alone: worked out once per parsed item. */
export interface DerivedFields {
  hash: string;
  preview: string;
}
const derivedFields = new WeakMap<FeedItem, DerivedFields>();
const derive = (item: FeedItem): DerivedFields => {
  let derived = derivedFields.get(item);
  if (derived === undefined) {
    derived = { hash: computeFingerprint(item), preview: previewText(item) };
    derivedFields.set(item, derived);
  }
  return derived;
};

/**
 * Works out the fingerprint and preview of a page's items ahead of storing them: the sync calls it
 * on the next page while the current one is written, so the page's transaction only merges.
 */
export const prepareFeedItems = (items: readonly FeedItem[]): void => {
  for (const item of items) derive(item);
};

/** Each item's fingerprint and preview, in the items' order: a page parsed in another worker sends them with its items. */
export const derivedFieldsOf = (items: readonly FeedItem[]): DerivedFields[] => items.map(derive);

const isDerivedFields = (value: unknown): value is DerivedFields =>
  typeof value === 'object' && value !== null && typeof (value as DerivedFields).hash === 'string' && typeof (value as DerivedFields).preview === 'string';

/**
 * Takes the fingerprints and previews another worker worked out for these items (derivedFieldsOf
 * there, on the same items before they were copied over), so that this thread does not work them
 * out again. A list that does not match the items one for one is ignored: they are then worked out here.
 */
export const adoptDerivedFields = (items: readonly FeedItem[], derived: readonly unknown[]): void => {
  if (derived.length !== items.length || !derived.every(isDerivedFields)) return;
  items.forEach((item, index) => {
    const fields = derived[index];
    if (isDerivedFields(fields) && !derivedFields.has(item)) derivedFields.set(item, { hash: fields.hash, preview: fields.preview });
  });
};

/**
 * Decides which of two copies of one item is the one to keep, independently of the order in which
 * they arrive: the newer `date_modified` wins; at equal dates the larger fingerprint does, so that
 * applying the same pages twice, or in another order, gives the same result.
 */
const incomingWins = (stored: NewsItem, incoming: FeedItem, incomingHash: string): boolean => {
  if (incomingHash === stored.contentHash) return false;
  const storedModified = stored.dateModified ? Date.parse(stored.dateModified) : Number.NEGATIVE_INFINITY;
  const incomingModified = incoming.dateModified ? Date.parse(incoming.dateModified) : Number.NEGATIVE_INFINITY;
  if (incomingModified !== storedModified) return incomingModified > storedModified;
  return incomingHash > stored.contentHash;
};

/**
 * The item to store for `incoming`, or null when the stored copy is already the one to keep
 * (nothing to write). Flags and first-seen time of the stored copy are kept.
 */
export const mergeFeedItem = (stored: NewsItem | undefined, incoming: FeedItem, feedUrl: string, now: string): NewsItem | null => {
  const { hash, preview } = derive(incoming);
  if (stored && !incomingWins(stored, incoming, hash)) return null;
  const firstSeenAt = stored?.firstSeenAt ?? now;
  return {
    ...incoming,
    feedUrl,
    sortDate: new Date(incoming.datePublished ?? incoming.dateModified ?? firstSeenAt).toISOString(),
    places: stored?.places ?? [],
    // New or changed content is tagged again by the place tagger.
    placesVersion: '',
    read: stored?.read ?? false,
    starred: stored?.starred ?? false,
    firstSeenAt,
    contentHash: hash,
    preview,
  };
};
