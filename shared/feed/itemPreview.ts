// What the news list shows of an item: a title that fits on screen and its first lines as plain text.
import { findNameRanges } from '../places/findNameRanges';
import type { FeedItem } from './feedItem';
import { htmlToPlainText, plainTextStart } from './htmlToPlainText';

export { htmlToPlainText };

export const displayLimits = { titleCharacters: 300, previewCharacters: 240 } as const;

const shorten = (text: string, limit: number): string => {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
};

export const itemPlainText = (item: Pick<FeedItem, 'contentText' | 'contentHtml'>): string =>
  item.contentText?.trim() || (item.contentHtml ? htmlToPlainText(item.contentHtml) : '');

/** The item's title for the screen, else its first words; '' when it has neither (the interface says "Untitled" in its language). */
export const displayTitle = (item: Pick<FeedItem, 'title' | 'contentText' | 'contentHtml' | 'summary'>): string => {
  const title = item.title.replace(/\s+/g, ' ').trim();
  if (title) return shorten(title, displayLimits.titleCharacters);
  const text = item.summary?.trim() || itemPlainText(item);
  return text ? shorten(text, 80) : '';
};

/** Worked out for every item stored: of an HTML item, only the text the preview shows (and one character more) is read. */
export const previewText = (item: Pick<FeedItem, 'summary' | 'contentText' | 'contentHtml'>): string => {
  const limit = displayLimits.previewCharacters;
  const text = item.summary?.trim() || item.contentText?.trim() || (item.contentHtml ? plainTextStart(item.contentHtml, limit) : '');
  return shorten(collapsedStart(text, limit + 1), limit);
};

/**
 * The text with its whitespace collapsed, at least its first `characters` of it: a long text is
 * collapsed a prefix at a time (every item of a sync gets a preview; its whole text need not be read).
 */
const collapsedStart = (text: string, characters: number): string => {
  for (let prefix = characters + 64; prefix < text.length; prefix *= 4) {
    // A run of whitespace cut at the end of the prefix still becomes one space: all but the last
    // character are those of the whole text collapsed, and more than `characters` of them are there.
    const collapsed = text.slice(0, prefix).replace(/\s+/g, ' ');
    if (collapsed.length > characters + 1) return collapsed;
  }
  return text.replace(/\s+/g, ' ');
};

/**
 * The first lines, or, when a searched place is named only further down, the lines around its first
 * mention ("… in the cities of Tapachula, Ciudad Juárez …"), so a result shows why it was found.
 */
export const previewAround = (
  item: Pick<FeedItem, 'summary' | 'contentText' | 'contentHtml' | 'title'>,
  names: readonly string[],
): string => {
  // The item's text is made once: on a huge item it is the costly part.
  const plain = itemPlainText(item);
  const preview = shorten((item.summary?.trim() || plain).replace(/\s+/g, ' '), displayLimits.previewCharacters);
  if (names.length === 0 || findNameRanges(preview, names).length > 0 || findNameRanges(item.title, names).length > 0) return preview;
  const text = plain.replace(/\s+/g, ' ');
  const first = findNameRanges(text, names)[0];
  if (!first) return preview;
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, first.start - 60)) + 1);
  return `…${shorten(text.slice(start), displayLimits.previewCharacters)}`;
};
