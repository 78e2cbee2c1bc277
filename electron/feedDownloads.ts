// Feed downloads for the renderer, done by the main process with Electron's net module, so the
// system's proxy settings apply and CORS does not. The policy is the one shared with web mode; the
// address rules, which need a resolver a browser does not offer, are enforced here only.
import { app } from 'electron';
import { z } from 'zod';
import { fetchFeedDocument, feedFetchFailure, type FeedDocumentRequest, type FeedFetchResult } from '../shared/sync/fetchFeedDocument';
import { defaultFetchPolicy, type FetchPolicy } from '../shared/sync/fetchPolicy';
import { appNetwork } from './downloadNetwork';
import { guardedDownloader, requestedAddress, type NetworkAccess } from './guardedDownload';

const validatorText = z.string().max(1024).nullable();

/** What the renderer may ask for; anything else is refused before a request is made. */
export const feedDocumentRequestSchema = z.object({
  url: requestedAddress,
  feedUrl: requestedAddress,
  validators: z.object({ etag: validatorText, lastModified: validatorText, contentHash: validatorText }).nullable(),
});

/** A downloader over the given network and resolver; the app's is `downloadFeedDocument`. */
export const feedDownloader = (network: NetworkAccess, policy: FetchPolicy): ((request: unknown) => Promise<FeedFetchResult>) =>
  guardedDownloader<FeedDocumentRequest, FeedFetchResult>({
    what: 'a feed',
    schema: feedDocumentRequestSchema,
    badRequest: (error) => feedFetchFailure('bad-address', error),
    download: (transport, request) => fetchFeedDocument(transport, request, policy),
    refused: (failed, error, url) => ({ ...failed, reason: 'address-refused', error, status: null, url }),
  })(network);

export const downloadFeedDocument = (request: unknown): Promise<FeedFetchResult> =>
  feedDownloader(appNetwork(), defaultFetchPolicy(app.getVersion()))(request);
