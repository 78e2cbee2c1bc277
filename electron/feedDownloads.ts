// Feed downloads for the renderer, done by the main process with Electron's net.fetch, so the
// system's proxy settings apply and CORS does not. The policy is the one shared with web mode.
import { app, net } from 'electron';
import { z } from 'zod';
import { errorMessages } from '../shared/errorMessages';
import { fetchFeedDocument, type FeedFetchResult, type FeedTransport } from '../shared/sync/fetchFeedDocument';
import { defaultFetchPolicy } from '../shared/sync/fetchPolicy';

const validatorText = z.string().max(1024).nullable();

/** What the renderer may ask for; anything else is refused before a request is made. */
export const feedDocumentRequestSchema = z.object({
  url: z.string().min(1).max(4096),
  validators: z.object({ etag: validatorText, lastModified: validatorText, contentHash: validatorText }).nullable(),
});

// net.fetch follows redirects itself: with redirect 'manual' it rejects instead of returning the 3xx.
const netTransport: FeedTransport = {
  fetch: (url, init) => net.fetch(url, init),
  followsRedirectsItself: true,
  sendsUserAgent: true,
};

export const downloadFeedDocument = async (request: unknown): Promise<FeedFetchResult> => {
  const checked = feedDocumentRequestSchema.safeParse(request);
  if (!checked.success) {
    return { ok: false, error: errorMessages.fetchBadAddress, reason: 'bad-address', status: null, bytesRead: 0, url: '' };
  }
  return fetchFeedDocument(netTransport, checked.data, defaultFetchPolicy(app.getVersion()));
};
