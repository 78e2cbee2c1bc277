// The news model: what a feed says about an item, and what Field News keeps of it.

/** One news item as a feed publishes it, validated and normalised. */
export interface FeedItem {
  /** The item's JSON Feed id, always a string. */
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
}

/** A feed document after validation: the good items, and a count of what was dropped and why. */
export interface FeedPage {
  title: string;
  homePageUrl: string | null;
  feedUrl: string | null;
  nextUrl: string | null;
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
} as const;
