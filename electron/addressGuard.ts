// Enforces the address rules (shared/sync/addressRules.ts) on every request of a download: the
// feed's reach comes from the main process's own list of feeds allowed inside the network, never
// from the page, and the address checked is the address connected to. A direct request resolves
// its host through the checked lookup below, so a name that answers a public address to a first
// look-up and a private one to a second (DNS rebinding) has no second look-up to win.
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress, lookupNameOf, mayReach, type FeedReach } from '../shared/sync/addressRules';
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

export class AddressRefusedError extends Error {
  constructor(readonly refusal: AddressRefusal) {
    super(`Refused to download ${refusal.url}: ${refusal.host} is inside the network (${refusal.address}).`);
  }
}

/** How a request leaves this computer: straight to the server, or through the system's proxy (which resolves names itself). */
export type RequestRoute = 'direct' | 'proxy';

/** The network a guarded download goes over (Electron's and Node's in the app, fakes and a name table in tests). */
export interface GuardedNetwork {
  resolveHost: ResolveHost;
  routeOf: (url: string) => Promise<RequestRoute>;
  /** A direct request whose every connection resolves its host through `lookup`. */
  direct: (lookup: LookupFunction) => FetchLike;
  /** A request through the system's proxy. */
  proxied: FetchLike;
}

export interface AddressGuard {
  fetch: FetchLike;
  /** The request the guard stopped, if it stopped one: the download's failure is then this refusal. */
  refusal(): AddressRefusal | null;
}

/** Waits for `work`, but gives up when the download is aborted (its timeouts run during the lookup too). */
const unlessAborted = <T>(work: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new Error('The download was aborted.'));
    const onAbort = () => reject(new Error('The download was aborted.'));
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

/** The refusal for connecting to `host` at `addresses` on behalf of a feed of `reach`, or null when it may. */
export const refusalFor = (reach: FeedReach, url: string, host: string, addresses: readonly string[]): AddressRefusal | null => {
  const kinds = addresses.map(classifyAddress);
  if (mayReach(reach, host, kinds)) return null;
  return { host, address: addresses.find((_, index) => kinds[index] !== 'public') ?? host, url };
};

const familyOf = (address: string): 4 | 6 => (address.includes(':') ? 6 : 4);

type AllAddressesCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

/**
 * The lookup a direct request connects with: it resolves the host once, refuses the connection when
 * the answer breaks the feed's reach, and hands the request exactly the addresses it checked.
 */
const checkedLookup =
  (reach: FeedReach, url: string, resolveHost: ResolveHost, signal: AbortSignal, onRefused: (refusal: AddressRefusal) => void): LookupFunction =>
  (hostname, options, callback) => {
    unlessAborted(resolveHost(hostname), signal).then(
      (addresses) => {
        const refusal = refusalFor(reach, url, hostname, addresses);
        if (refusal !== null) {
          onRefused(refusal);
          callback(new AddressRefusedError(refusal), '', 4);
          return;
        }
        const entries = addresses.map((address) => ({ address, family: familyOf(address) })).filter((entry) => !options.family || entry.family === options.family);
        const [first] = entries;
        if (first === undefined) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
        else if (options.all) (callback as unknown as AllAddressesCallback)(null, entries);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };

/** Wraps one download's requests: each first passes the address rules for the feed's reach. */
export const guardAddresses = (reach: FeedReach, network: GuardedNetwork): AddressGuard => {
  let refusal: AddressRefusal | null = null;
  const refuse = (found: AddressRefusal): never => {
    refusal = found;
    throw new AddressRefusedError(found);
  };
  return {
    refusal: () => refusal,
    fetch: async (url, init) => {
      const host = lookupNameOf(url);
      if (host === null) throw new Error('Not a web address.');
      const literal = classifyAddress(host) !== null;
      // An IP address in the address is connected to as written, with no look-up: check it here.
      if (literal) {
        const found = refusalFor(reach, url, host, [host]);
        if (found !== null) refuse(found);
      }
      if ((await network.routeOf(url)) === 'direct') {
        return network.direct(checkedLookup(reach, url, network.resolveHost, init.signal, (found) => (refusal = found)))(url, init);
      }
      // Through a proxy the proxy resolves and connects: checking the name here is what the app can do.
      // A lookup failure rejects here, as the request would have: the resolver's ENOTFOUND names the host.
      if (!literal) {
        const found = refusalFor(reach, url, host, await unlessAborted(network.resolveHost(host), init.signal));
        if (found !== null) refuse(found);
      }
      return network.proxied(url, init);
    },
  };
};
