// Turns the addresses an item carries (often relative: "/news/1", "img.jpg") into absolute web
// addresses, against the nearest base there is: xml:base, the item's link, the feed's link, the
// address the document came from. Anything that is not http(s) is dropped.
import { httpHref, longestWebAddress, readAddress } from '../webAddress';

/** `href` made absolute against the first base that works, or null when it is no http(s) address. */
export const resolveFeedLink = (href: string | null | undefined, bases: readonly (string | null | undefined)[]): string | null => {
  const trimmed = href?.trim();
  if (!trimmed || trimmed.length > longestWebAddress) return null;
  // An absolute address needs no base; a relative one takes the first base it can be read against.
  const absolute = readAddress(trimmed);
  if (absolute !== null) return httpHref(absolute);
  for (const base of bases) {
    const address = base ? readAddress(trimmed, base) : null;
    if (address !== null) return httpHref(address);
  }
  return null;
};

/** A chain of bases, each resolved against the ones before it (document address, then feed xml:base, then item xml:base). */
export const nestBase = (outer: string | null, inner: string | null | undefined): string | null => {
  const trimmed = inner?.trim();
  if (!trimmed) return outer;
  return (readAddress(trimmed) ?? (outer === null ? null : readAddress(trimmed, outer)))?.href ?? outer;
};
