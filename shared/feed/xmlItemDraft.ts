// One item of an RSS, RDF or Atom feed: its fields read from the element tree (links, pictures,
// coordinates), gathered in a draft, then finished into a FeedItem: links made absolute, dates
// read, the id chosen, sizes capped.
import { readFeedDate } from './feedDates';
import { storageCaps, type FeedItem, type GeoPoint } from './feedItem';
import { geoPoint, geoPointFromText } from './feedGeoPoint';
import { chooseItemId } from './feedItemIds';
import { htmlToPlainText } from './htmlToPlainText';
import { authorList, clip, tagList, titleText } from './itemFields';
import { resolveFeedLink } from './resolveFeedLink';
import { attributeOf, childNamed, childrenNamed, textOf, type XmlDocument, type XmlElement } from './xmlElementTree';

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

/** A link's address: its href, or (RSS 0.9x style) its text. */
const hrefOf = (document: XmlDocument, link: XmlElement): string | undefined => attributeOf(link, 'href') ?? textOf(document, link);

/** The address of the first link with that rel (a link without rel is "alternate"). */
export const linkWithRel = (document: XmlDocument, links: readonly XmlElement[], rel: string): string | undefined => {
  const link = links.find((candidate) => (attributeOf(candidate, 'rel') ?? 'alternate').toLowerCase() === rel);
  return link === undefined ? undefined : hrefOf(document, link);
};

export const isImageType = (type: string | undefined): boolean => type?.toLowerCase().startsWith('image/') === true;
const imageExtension = /\.(jpe?g|png|gif|webp|avif|svg)(\?|#|$)/i;

/** The picture addresses of Media RSS: images among media:content (also inside media:group), then thumbnails. */
export const mediaImages = (item: XmlElement): (string | undefined)[] => {
  const contents = [...childrenNamed(item, 'media:content'), ...childrenNamed(item, 'media:group').flatMap((group) => childrenNamed(group, 'media:content'))];
  const images = contents
    .filter((content) => {
      const medium = attributeOf(content, 'medium');
      const type = attributeOf(content, 'type');
      return medium === 'image' || type?.startsWith('image/') === true || (medium === undefined && type === undefined && imageExtension.test(attributeOf(content, 'url') ?? ''));
    })
    .map((content) => attributeOf(content, 'url'));
  return [...images, ...childrenNamed(item, 'media:thumbnail').map((thumbnail) => attributeOf(thumbnail, 'url'))];
};

/** An iTunes picture: its href (its text in some feeds). */
export const itunesImage = (document: XmlDocument, item: XmlElement): string | undefined => {
  const image = childNamed(item, 'itunes:image');
  return image === undefined ? undefined : (attributeOf(image, 'href') ?? textOf(document, image));
};

/** Where the item says it is: GeoRSS-Simple point, then the W3C geo pair, then a GML point. */
export const itemPoint = (document: XmlDocument, item: XmlElement): GeoPoint | null => {
  const simple = textOf(document, childNamed(item, 'georss:point'));
  const simplePoint = simple === undefined ? null : geoPointFromText(simple);
  if (simplePoint !== null) return simplePoint;
  const latitude = textOf(document, childNamed(item, 'geo:lat'));
  const longitude = textOf(document, childNamed(item, 'geo:long'));
  const pairPoint = latitude === undefined || longitude === undefined ? null : geoPoint(latitude, longitude);
  if (pairPoint !== null) return pairPoint;
  const position = textOf(document, childNamed(childNamed(childNamed(item, 'georss:where'), 'gml:point'), 'gml:pos'));
  return position === undefined ? null : geoPointFromText(position);
};

/** Every text of these children, in order. */
export const textsOf = (document: XmlDocument, element: XmlElement, name: string): (string | undefined)[] =>
  childrenNamed(element, name).map((child) => textOf(document, child));

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
