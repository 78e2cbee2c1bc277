// One item of an RSS, RDF or Atom feed, read into the fields Field News keeps (a draft), then
// finished into a FeedItem: links made absolute, dates read, the id chosen, sizes capped.
import { readFeedDate } from './feedDates';
import { storageCaps, type FeedItem, type GeoPoint } from './feedItem';
import { chooseItemId } from './feedItemIds';
import { htmlToPlainText } from './htmlToPlainText';
import { authorList, clip, tagList, titleText } from './itemFields';
import { resolveFeedLink } from './resolveFeedLink';

export interface ItemDraft {
  /** The feed's own ids in order of preference (RSS guid, Atom id, RDF about). */
  ownIds: (string | undefined)[];
  title: string | undefined;
  /** The feed marks the title as plain text (Atom type="text"); otherwise it may carry markup. */
  titleIsText: boolean;
  link: string | undefined;
  /** The item's base address: its xml:base resolved against the feed's, else the document address. */
  base: string | null;
  contentHtml: string | undefined;
  contentText: string | undefined;
  /** A short summary as HTML (RSS description next to content:encoded, Atom summary). */
  summaryHtml: string | undefined;
  published: string | undefined;
  modified: string | undefined;
  authors: (string | undefined)[];
  tags: (string | undefined)[];
  images: (string | undefined)[];
  point: GeoPoint | null;
}

/** The FeedItem for a draft, or null when nothing identifies it (no id, link, title or date). */
export const finishItem = (draft: ItemDraft): FeedItem | null => {
  const title = titleText(draft.title, draft.titleIsText);
  const id = chooseItemId({ ownIds: draft.ownIds, link: draft.link, title, date: draft.published ?? draft.modified });
  if (id === null) return null;
  const url = resolveFeedLink(draft.link, [draft.base]);
  const bases = [url, draft.base];
  const summaryText = draft.summaryHtml === undefined ? null : htmlToPlainText(draft.summaryHtml.slice(0, storageCaps.textCharacters));
  let contentText = clip(draft.contentText, storageCaps.textCharacters);
  const contentHtml = clip(draft.contentHtml, storageCaps.textCharacters);
  let summary = summaryText ? clip(summaryText, storageCaps.textCharacters) : null;
  if (contentText === null && contentHtml === null) {
    // A title-only item (common in RSS) is news all the same; its summary, if any, is its text.
    contentText = summary ?? '';
    summary = null;
  }
  let imageUrl: string | null = null;
  for (const image of draft.images) {
    imageUrl = resolveFeedLink(image, bases);
    if (imageUrl !== null) break;
  }
  return {
    id,
    title,
    url,
    contentText,
    contentHtml,
    summary,
    datePublished: readFeedDate(draft.published),
    dateModified: readFeedDate(draft.modified),
    tags: tagList(draft.tags),
    authors: authorList(draft.authors),
    imageUrl,
    point: draft.point,
  };
};
