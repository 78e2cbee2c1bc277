// Enforces the address rules (shared/sync/addressRules.ts) on every request of a feed download:
// before each request, redirect hops and later pages included, the host is resolved here in the
// main process and a public feed's request into the user's own network is stopped unsent.
import { lookup } from 'node:dns/promises';
import { classifyAddress, hostKindOf, mayFollow, type HostKind } from '../shared/sync/addressRules';
import type { FetchLike } from '../shared/sync/fetchFeedDocument';

/** The addresses a host name resolves to. Rejects with the resolver's error (ENOTFOUND, …) when it has none. */
export type ResolveHost = (host: string) => Promise<readonly string[]>;

/** The operating system's resolver, the one Chromium's network stack asks too. */
export const resolveWithSystem: ResolveHost = async (host) => (await lookup(host, { all: true })).map((entry) => entry.address);

export interface AddressRefusal {
  /** The host as the address named it. */
  host: string;
  /** The address inside the network that it reached. */
  address: string;
  url: string;
}

/** The name to resolve for a web address, IPv6 brackets dropped ("[::1]" → "::1"), or null when it is not one. */
const lookupNameOf = (url: string): string | null => {
  if (!URL.canParse(url)) return null;
  const { hostname } = new URL(url);
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
};

/** Waits for `work`, but gives up when the download is aborted (its timeouts run during the lookup too). */
const unlessAborted = <T>(work: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new Error('The download was aborted.'));
    const onAbort = () => reject(new Error('The download was aborted.'));
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

/** A literal IP address is its own answer; a name is resolved. */
const addressesOf = (host: string, resolveHost: ResolveHost): Promise<readonly string[]> =>
  classifyAddress(host) === null ? resolveHost(host) : Promise.resolve([host]);

/**
 * The kind of the host the user added. A feed whose host cannot be resolved or read is treated as
 * public, the strict side: its downloads may then only reach public addresses.
 */
const feedHostKind = async (feedUrl: string, resolveHost: ResolveHost, signal: AbortSignal): Promise<HostKind> => {
  const host = lookupNameOf(feedUrl);
  if (host === null) return 'public';
  try {
    return hostKindOf((await unlessAborted(addressesOf(host, resolveHost), signal)).map(classifyAddress));
  } catch (thrown) {
    if (signal.aborted) throw thrown;
    return 'public';
  }
};

export class AddressRefusedError extends Error {
  constructor(readonly refusal: AddressRefusal) {
    super(`Refused to download ${refusal.url}: ${refusal.host} is inside the network (${refusal.address}).`);
  }
}

export interface AddressGuard {
  fetch: FetchLike;
  /** The request the guard stopped, if it stopped one: the download's failure is then this refusal. */
  refusal(): AddressRefusal | null;
}

/** Wraps one download's FetchLike: each request first passes the address rules for `feedUrl`. */
export const guardAddresses = (feedUrl: string, resolveHost: ResolveHost, fetch: FetchLike): AddressGuard => {
  let refusal: AddressRefusal | null = null;
  let feedKind: Promise<HostKind> | null = null;
  return {
    refusal: () => refusal,
    fetch: async (url, init) => {
      feedKind ??= feedHostKind(feedUrl, resolveHost, init.signal);
      if ((await feedKind) === 'internal') return fetch(url, init);
      const host = lookupNameOf(url);
      if (host === null) return fetch(url, init);
      // A lookup failure rejects here, as the request would have: the resolver's ENOTFOUND names the host.
      const addresses = await unlessAborted(addressesOf(host, resolveHost), init.signal);
      const kinds = addresses.map(classifyAddress);
      if (!mayFollow({ feedHostKind: 'public', targetHostKind: hostKindOf(kinds) })) {
        const address = addresses.find((_, index) => kinds[index] !== 'public') ?? host;
        refusal = { host, address, url };
        throw new AddressRefusedError(refusal);
      }
      return fetch(url, init);
    },
  };
};
