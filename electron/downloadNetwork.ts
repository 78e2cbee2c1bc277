// The network the app's downloads go over: straight to the server through Node's client with the
// checked lookup, or, when the system names a proxy for the address, through Chromium's net.request
// (net.request, not net.fetch: with redirect 'manual' net.fetch rejects instead of returning the 3xx,
// which would leave the redirect cap to Chromium's 20, and every hop must pass the address rules).
import path from 'node:path';
import { app, net, session } from 'electron';
import { resolveWithSystem } from './addressGuard';
import { directRequestFetch } from './directRequestFetch';
import { openFeedsInsideNetwork, type FeedsInsideNetwork } from './feedsInsideNetwork';
import type { NetworkAccess } from './guardedDownload';
import { netRequestFetch } from './netRequestFetch';

let feedsInsideNetwork: FeedsInsideNetwork | null = null;

/** The app's list of feeds allowed inside the network, in the data folder, opened on first use. */
export const appFeedsInsideNetwork = (): FeedsInsideNetwork =>
  (feedsInsideNetwork ??= openFeedsInsideNetwork(path.join(app.getPath('userData'), 'feeds-inside-network.json')));

export const appNetwork = (): NetworkAccess => ({
  resolveHost: resolveWithSystem,
  // "DIRECT" when no proxy applies; a PAC script may name several, tried in turn: any proxy means the proxy connects.
  routeOf: async (url) => ((await session.defaultSession.resolveProxy(url)).trim() === 'DIRECT' ? 'direct' : 'proxy'),
  direct: directRequestFetch,
  proxied: netRequestFetch((options) => net.request(options)),
  insideNetwork: appFeedsInsideNetwork(),
});
