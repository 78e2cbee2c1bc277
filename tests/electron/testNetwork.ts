// The network of the main process's downloads, for tests: a table stands in for DNS, so the address
// guard sees the public and private addresses the table gives, while the bytes go to the test's own
// servers on 127.0.0.1. Direct requests run the product's own Node transport and checked lookup;
// only after that lookup has checked and answered does the test send the socket to 127.0.0.1,
// recording the address the product connected to. Proxied requests go through the net.request fake.
import type { LookupFunction } from 'node:net';
import { vi } from 'vitest';
import type { RequestRoute } from '../../electron/addressGuard';
import { directRequestFetch } from '../../electron/directRequestFetch';
import type { NetworkAccess } from '../../electron/guardedDownload';
import { netRequestFetch } from '../../electron/netRequestFetch';
import { fakeNetRequestWith } from './fakeNetRequest';

export type NameTable = Record<string, readonly string[]>;

export const resolverOf = (dns: NameTable) =>
  vi.fn((host: string): Promise<readonly string[]> => {
    const addresses = dns[host];
    return addresses ? Promise.resolve(addresses) : Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
  });

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void;

/** The product's lookup, then the socket sent to 127.0.0.1; `connected` gets each address the product chose. */
export const routedToLoopback =
  (lookup: LookupFunction, connected: string[]): LookupFunction =>
  (hostname, options, callback) =>
    lookup(hostname, { ...options, all: true }, ((error, answers) => {
      if (error) return callback(error, '', 4);
      connected.push(...answers.map((answer) => answer.address));
      if (options.all) (callback as unknown as AllCallback)(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    }) as AllCallback as unknown as Parameters<LookupFunction>[2]);

export interface TestNetwork extends NetworkAccess {
  /** Every address a direct request connected to, as the product's lookup chose it. */
  connected: string[];
  allowed: Set<string>;
}

export const testNetwork = (dns: NameTable, options: { route?: RequestRoute; resolveHost?: NetworkAccess['resolveHost'] } = {}): TestNetwork => {
  const connected: string[] = [];
  const allowed = new Set<string>();
  return {
    connected,
    allowed,
    resolveHost: options.resolveHost ?? resolverOf(dns),
    routeOf: () => Promise.resolve(options.route ?? 'direct'),
    direct: (lookup) => directRequestFetch(routedToLoopback(lookup, connected)),
    proxied: netRequestFetch(fakeNetRequestWith(Object.fromEntries(Object.keys(dns).map((host) => [host, '127.0.0.1'])))),
    insideNetwork: { isAllowed: (url) => allowed.has(url) },
  };
};
