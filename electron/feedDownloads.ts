// Feed downloads for the renderer, done by the main process with Electron's net module, so the
// system's proxy settings apply and CORS does not. The policy is the one shared with web mode.
import { app, net } from 'electron';
import { z } from 'zod';
import { errorMessages } from '../shared/errorMessages';
import { fetchFeedDocument, type FeedFetchResult, type FeedTransport } from '../shared/sync/fetchFeedDocument';
import { defaultFetchPolicy } from '../shared/sync/fetchPolicy';
import { netRequestFetch } from './netRequestFetch';

const validatorText = z.string().max(1024).nullable();

/** What the renderer may ask for; anything else is refused before a request is made. */
export const feedDocumentRequestSchema = z.object({
  url: z.string().min(1).max(4096),
  feedUrl: z.string().min(1).max(4096),
  validators: z.object({ etag: validatorText, lastModified: validatorText, contentHash: validatorText }).nullable(),
});

// net.request, not net.fetch: with redirect 'manual' net.fetch rejects instead of returning the 3xx,
// which would leave the redirect cap to Chromium's 20.
const netTransport: FeedTransport = {
  fetch: netRequestFetch((options) => net.request(options)),
  followsRedirectsItself: false,
  sendsUserAgent: true,
};

export const downloadFeedDocument = async (request: unknown): Promise<FeedFetchResult> => {
  const checked = feedDocumentRequestSchema.safeParse(request);
  if (!checked.success) {
    return { ok: false, error: errorMessages.fetchBadAddress, reason: 'bad-address', status: null, bytesRead: 0, url: '' };
  }
  return fetchFeedDocument(netTransport, checked.data, defaultFetchPolicy(app.getVersion()));
};
