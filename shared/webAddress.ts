// Rules about web addresses, written once for every process: what counts as an http(s) address
// (absolute, or read against a base), how long one may be, and how an address is named in a log
// (its host only: a path or query may hold an access key).

/** The longest address Field News accepts anywhere (feeds, links, pictures, backups, OPML). */
export const longestWebAddress = 4_096;

/**
 * `text` read as an address (against `base` when given), or null when it is none. Read once where
 * the runtime has `URL.parse` (Chromium, Electron, Node 22), else checked and then read (Node 20's
 * tests): a sync reads three or four addresses of every item, and each canParse-then-construct read
 * them twice (1.5 µs an address in Chromium 156).
 */
const withParse = URL as { parse?: (text: string, base?: string) => URL | null };
export const readAddress = (text: string, base?: string): URL | null =>
  withParse.parse ? withParse.parse(text, base) : URL.canParse(text, base) ? new URL(text, base) : null;

/** The address as text when it is an http: or https: address with a host, no longer than `longestWebAddress`; else null. */
export const httpHref = (address: URL): string | null => {
  if ((address.protocol !== 'http:' && address.protocol !== 'https:') || address.hostname.length === 0) return null;
  return address.href.length <= longestWebAddress ? address.href : null;
};

/** `text` read against `base` (when relative) as an http: or https: address with a host, no longer than
 *  `longestWebAddress` before or after; null for anything else (another scheme, no host, unparseable). */
export const httpAddress = (text: string, base?: string | null): string | null => {
  if (text.length === 0 || text.length > longestWebAddress) return null;
  // An absolute address stands alone (even beside a base that is not an address itself).
  const address = readAddress(text) ?? (base ? readAddress(text, base) : null);
  return address === null ? null : httpHref(address);
};

/** An absolute http(s) address (see httpAddress). */
export const isHttpAddress = (text: string): boolean => httpAddress(text) !== null;

/** The host of an address for a log line, or `whenUnreadable` when it is not an address. */
export const hostOf = (address: string, whenUnreadable = 'an unreadable address'): string =>
  URL.canParse(address) ? new URL(address).host : whenUnreadable;
