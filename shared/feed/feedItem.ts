// The news model: what a feed says about an item, and what Field News keeps of it.

/** One news item as a feed publishes it, validated and normalised. */
export interface FeedItem {
  /** The item's id (JSON Feed id, RSS guid, Atom id, else link, else a hash of title and date), at most 2,048 characters. */
  id: string;
  title: string;
  url: string | null;
  contentText: string | null;
  contentHtml: string | null;
  summary: string | null;
  /** RFC 3339 text, or null when the feed gave none or an unreadable one ("unknown date"). */
  datePublished: string | null;
  dateModified: string | null;
  tags: string[];
  /** Who wrote it (RSS `dc:creator`/`author`, Atom and JSON Feed authors), names as written. */
  authors: string[];
  /** An absolute http(s) address of the item's picture, or null. Only the address is kept. */
  imageUrl: string | null;
  /** Where the item says it happened (GeoRSS, W3C geo, GML), or null. */
  point: GeoPoint | null;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** The kind of document a page was read from; every kind ends as the same FeedItem. */
export type FeedFormat = 'json-feed' | 'rss' | 'rdf' | 'atom';

/** A feed document after validation: the good items, and a count of what was dropped and why. */
export interface FeedPage {
  /** The feed's title, or '' when it names none (the interface then says it in its own language). */
  title: string;
  homePageUrl: string | null;
  feedUrl: string | null;
  nextUrl: string | null;
  format: FeedFormat;
  /** The feed's declared language ("es", "fr-CA"), or null. */
  language: string | null;
  items: FeedItem[];
  droppedItems: { withoutId: number; withoutContent: number; notAnObject: number; repeatedId: number };
}

/** Caps on what is stored from outside, so one hostile field cannot swamp storage or the screen. */
export const storageCaps = {
  titleCharacters: 2_000,
  textCharacters: 1_000_000,
  tags: 50,
  tagCharacters: 200,
  urlCharacters: 4_096,
  /** Longer ids are replaced by a stable hash of themselves at parse time. */
  idCharacters: 2_048,
  authors: 20,
  authorCharacters: 200,
} as const;
