// Feed downloads for the renderer, done by the main process with Electron's net module, so the
// system's proxy settings apply and CORS does not. The policy is the one shared with web mode; the
// address rules, which need a resolver a browser does not offer, are enforced here only.
import { app, net } from 'electron';
import { z } from 'zod';
import { errorMessages } from '../shared/errorMessages';
import { fetchFeedDocument, type FeedFetchResult } from '../shared/sync/fetchFeedDocument';
import { defaultFetchPolicy, type FetchPolicy } from '../shared/sync/fetchPolicy';
import { guardAddresses, resolveWithSystem, type ResolveHost } from './addressGuard';
import { mainLog } from './mainLog';
import { netRequestFetch, type NetRequest } from './netRequestFetch';

const validatorText = z.string().max(1024).nullable();

/** What the renderer may ask for; anything else is refused before a request is made. */
export const feedDocumentRequestSchema = z.object({
  url: z.string().min(1).max(4096),
  feedUrl: z.string().min(1).max(4096),
  validators: z.object({ etag: validatorText, lastModified: validatorText, contentHash: validatorText }).nullable(),
});

export interface FeedDownloadDependencies {
  netRequest: NetRequest;
  resolveHost: ResolveHost;
  policy: FetchPolicy;
}

/** A downloader over the given network and resolver; the app's is `downloadFeedDocument`. */
export const feedDownloader =
  ({ netRequest, resolveHost, policy }: FeedDownloadDependencies) =>
  async (request: unknown): Promise<FeedFetchResult> => {
    const checked = feedDocumentRequestSchema.safeParse(request);
    if (!checked.success) {
      return { ok: false, error: errorMessages.fetchBadAddress, reason: 'bad-address', status: null, bytesRead: 0, url: '' };
    }
    // net.request, not net.fetch: with redirect 'manual' net.fetch rejects instead of returning the 3xx,
    // which would leave the redirect cap to Chromium's 20, and every hop must pass the address rules.
    const guard = guardAddresses(checked.data.feedUrl, resolveHost, netRequestFetch(netRequest));
    const result = await fetchFeedDocument({ fetch: guard.fetch, followsRedirectsItself: false, sendsUserAgent: true }, checked.data, policy);
    const refusal = guard.refusal();
    if (result.ok || refusal === null) return result;
    // Hosts only: a feed address may carry a private key in its path or query.
    const feedHost = URL.canParse(checked.data.feedUrl) ? new URL(checked.data.feedUrl).host : 'an unreadable address';
    mainLog.warn('downloads', `Stopped a feed on ${feedHost} from reaching ${refusal.host} (${refusal.address}), inside this network`);
    return { ...result, reason: 'address-refused', error: errorMessages.fetchAddressRefused(refusal.host, refusal.address), status: null, url: refusal.url };
  };

export const downloadFeedDocument = (request: unknown): Promise<FeedFetchResult> =>
  feedDownloader({ netRequest: (options) => net.request(options), resolveHost: resolveWithSystem, policy: defaultFetchPolicy(app.getVersion()) })(request);
