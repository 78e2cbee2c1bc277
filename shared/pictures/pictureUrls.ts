// Which pictures an item names: its own picture (the feed parser's imageUrl: JSON Feed image or
// banner_image, media:content/thumbnail, an image enclosure, itunes:image) first, then each <img>
// of its HTML in order, resolved the way the reader resolves them (renderer/window/reader/sanitizeNewsHtml.ts),
// so the address a picture is saved under is the one the reader later looks up.
import { Parser } from 'htmlparser2';
import { httpAddress } from '../webAddress';
import type { FeedItem } from '../feed/feedItem';
import { newsItemKeyText } from '../feed/newsItem';

/** At most this many pictures per item: a hostile item cannot queue thousands of downloads. */
export const maxPicturesPerItem = 20;

/** An absolute http(s) address for `value` read against `base`, as the reader resolves it, or null. */
export const resolvePictureUrl = (value: string, base: string | null): string | null => {
  return httpAddress(value.trim(), base);
};

/** No <img> tag can open without these letters after its "<" (htmlparser2 reads no other way in). */
const imageTagStart = /<img/i;

/** The src of every <img> in `html`, in document order, unresolved. */
export const imageSourcesInHtml = (html: string): string[] => {
  // Most items of a feed carry no picture in their text: a sync asks this of every item.
  if (!imageTagStart.test(html)) return [];
  const sources: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const source = attributes.src;
        if (name === 'img' && source !== undefined) sources.push(source);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return sources;
};

/** The item's pictures as absolute addresses, its own picture first, each once, at most `maxPicturesPerItem`. */
export const pictureUrlsOfItem = (item: Pick<FeedItem, 'imageUrl' | 'contentHtml' | 'url'>): string[] => {
  const candidates = [item.imageUrl ?? '', ...(item.contentHtml === null ? [] : imageSourcesInHtml(item.contentHtml))];
  const urls: string[] = [];
  for (const candidate of candidates) {
    const url = resolvePictureUrl(candidate, item.url);
    if (url !== null && !urls.includes(url)) urls.push(url);
    if (urls.length === maxPicturesPerItem) break;
  }
  return urls;
};

/** The pictures of one stored item, as the sync hands them to the picture queue. */
export interface ItemPictures {
  feedUrl: string;
  /** The item's key as newsItemKeyText. */
  itemKey: string;
  urls: string[];
}

/** The pictures a stored page's items name (items naming none are left out). */
export const picturesOfPage = (feedUrl: string, items: readonly FeedItem[]): ItemPictures[] =>
  items.flatMap((item) => {
    const urls = pictureUrlsOfItem(item);
    return urls.length === 0 ? [] : [{ feedUrl, itemKey: newsItemKeyText({ feedUrl, id: item.id }), urls }];
  });
