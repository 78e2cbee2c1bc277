// Two rules about web addresses, written once for every process: what counts as an http(s)
// address, and how an address is named in a log (its host only: a path or query may hold a key).

/** The longest address Field News accepts anywhere (feeds, links, pictures, backups). */
export const longestWebAddress = 4096;

/** An absolute http: or https: address with a host, no longer than `longestWebAddress`. */
export const isHttpAddress = (text: string): boolean => {
  if (text.length === 0 || text.length > longestWebAddress || !URL.canParse(text)) return false;
  const address = new URL(text);
  return (address.protocol === 'http:' || address.protocol === 'https:') && address.hostname.length > 0;
};

/** The host of an address for a log line, or `whenUnreadable` when it is not an address. */
export const hostOf = (address: string, whenUnreadable = 'an unreadable address'): string =>
  URL.canParse(address) ? new URL(address).host : whenUnreadable;
