// Picture downloads for the renderer, done by the main process like feed downloads (net.request,
// the system's proxy, every hop through the address rules) under the picture caps: 10 MB, images only.
import { app } from 'electron';
import { z } from 'zod';
import { fetchPicture, picturePolicy, type PictureFetchFailure, type PictureFetchResult, type PictureRequest } from '../shared/pictures/fetchPicture';
import type { FetchPolicy } from '../shared/sync/fetchPolicy';
import { feedFetchFailure } from '../shared/sync/fetchFeedDocument';
import { appNetwork } from './downloadNetwork';
import { guardedDownloader, requestedAddress, type NetworkAccess } from './guardedDownload';
import type { UserMessage } from '../shared/i18n/userMessage';

/** What the renderer may ask for; anything else is refused before a request is made. */
export const pictureRequestSchema = z.object({ url: requestedAddress, feedUrl: requestedAddress });

export const pictureRequestRefused = (error: UserMessage): PictureFetchFailure => feedFetchFailure('bad-address', error);

/** A downloader over the given network and resolver; the app's is `downloadPicture`. */
export const pictureDownloader = (network: NetworkAccess, policy: FetchPolicy): ((request: unknown) => Promise<PictureFetchResult>) =>
  guardedDownloader<PictureRequest, PictureFetchResult>({
    what: 'a picture of a feed',
    schema: pictureRequestSchema,
    badRequest: pictureRequestRefused,
    download: (transport, request) => fetchPicture(transport, request, policy),
    refused: (failed, error, url) => ({ ...failed, reason: 'address-refused', error, status: null, url }),
  })(network);

export const downloadPicture = (request: unknown): Promise<PictureFetchResult> =>
  pictureDownloader(appNetwork(), picturePolicy(app.getVersion()))(request);
