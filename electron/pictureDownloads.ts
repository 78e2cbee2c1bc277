// Picture downloads for the renderer, done by the main process like feed downloads (net.request,
// the system's proxy, every hop through the address rules) under the picture caps: 10 MB, images only.
import { app, net } from 'electron';
import { z } from 'zod';
import { errorMessages } from '../shared/errorMessages';
import { fetchPicture, picturePolicy, type PictureFetchFailure, type PictureFetchResult } from '../shared/pictures/fetchPicture';
import { guardAddresses, resolveWithSystem } from './addressGuard';
import type { FeedDownloadDependencies } from './feedDownloads';
import { mainLog } from './mainLog';
import { netRequestFetch } from './netRequestFetch';
import type { UserMessage } from '../shared/i18n/userMessage';

/** What the renderer may ask for; anything else is refused before a request is made. */
export const pictureRequestSchema = z.object({
  url: z.string().min(1).max(4096),
  feedUrl: z.string().min(1).max(4096),
});

export const pictureRequestRefused = (error: UserMessage): PictureFetchFailure => ({ ok: false, error, reason: 'bad-address', status: null, bytesRead: 0, url: '' });

/** A downloader over the given network and resolver; the app's is `downloadPicture`. */
export const pictureDownloader =
  ({ netRequest, resolveHost, policy }: FeedDownloadDependencies) =>
  async (request: unknown): Promise<PictureFetchResult> => {
    const checked = pictureRequestSchema.safeParse(request);
    if (!checked.success) return pictureRequestRefused(errorMessages.fetchBadAddress);
    const guard = guardAddresses(checked.data.feedUrl, resolveHost, netRequestFetch(netRequest));
    const result = await fetchPicture({ fetch: guard.fetch, followsRedirectsItself: false, sendsUserAgent: true }, checked.data, policy);
    const refusal = guard.refusal();
    if (result.ok || refusal === null) return result;
    // Hosts only, as for feeds: an address may carry a private key.
    mainLog.warn('downloads', `Stopped a picture of a feed from reaching ${refusal.host} (${refusal.address}), inside this network`);
    return { ...result, reason: 'address-refused', error: errorMessages.fetchAddressRefused(refusal.host, refusal.address), status: null, url: refusal.url };
  };

export const downloadPicture = (request: unknown): Promise<PictureFetchResult> =>
  pictureDownloader({ netRequest: (options) => net.request(options), resolveHost: resolveWithSystem, policy: picturePolicy(app.getVersion()) })(request);
