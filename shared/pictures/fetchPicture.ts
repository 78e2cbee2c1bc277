// Downloads one picture under the feeds' transport rules (timeouts, redirects, the address rules in
// Electron) with its own caps: at most 10 MB, and image content types only (never SVG: it is a
// document that can carry script). A non-picture answer is dropped at its headers, before its body.
import { errorMessages } from '../errorMessages';
import { fetchFeedDocument, type FeedFetchFailure, type FeedTransport, type FetchLike } from '../sync/fetchFeedDocument';
import { defaultFetchPolicy, type FetchPolicy } from '../sync/fetchPolicy';

export interface PictureRequest {
  /** The picture's absolute http(s) address. */
  url: string;
  /** The feed that named it, which decides what it may reach (the address rules). */
  feedUrl: string;
}

export interface FetchedPicture {
  url: string;
  bytes: Uint8Array;
  contentType: string;
}

export type PictureFailureReason = FeedFetchFailure['reason'] | 'not-a-picture';

export interface PictureFetchFailure extends Omit<FeedFetchFailure, 'reason'> {
  reason: PictureFailureReason;
}

export type PictureFetchResult = { ok: true; value: FetchedPicture } | PictureFetchFailure;

export const maxPictureBytes = 10 * 1024 * 1024;

/** The feeds' policy with the picture cap; pictures follow no pages. */
export const picturePolicy = (appVersion: string, overrides: Partial<Omit<FetchPolicy, 'userAgent'>> = {}): FetchPolicy =>
  defaultFetchPolicy(appVersion, { maxDocumentBytes: maxPictureBytes, maxPagesPerWalk: 1, ...overrides });

const pictureAccept = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.8';

/** The media type without parameters, lower case ("Image/JPEG; q=1" → "image/jpeg"). */
export const mediaTypeOf = (contentType: string | null): string => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** A raster picture type: image/* except SVG. */
export const isPictureType = (contentType: string | null): boolean => {
  const type = mediaTypeOf(contentType);
  return type.startsWith('image/') && !type.startsWith('image/svg');
};

const isSuccess = (status: number): boolean => status >= 200 && status <= 299;

/** Asks for pictures, and cuts off the body of a successful answer that is not one. */
const pictureFetch =
  (fetch: FetchLike): FetchLike =>
  async (url, init) => {
    const response = await fetch(url, { ...init, headers: { ...init.headers, Accept: pictureAccept } });
    if (!isSuccess(response.status) || isPictureType(response.headers.get('content-type')) || response.body === null) return response;
    await response.body.cancel().catch(() => undefined);
    return { status: response.status, type: response.type, url: response.url, headers: response.headers, body: null };
  };

/** Downloads one picture. Never throws: every failure is a value with a readable message. */
export const fetchPicture = async (transport: FeedTransport, request: PictureRequest, policy: FetchPolicy): Promise<PictureFetchResult> => {
  const result = await fetchFeedDocument({ ...transport, fetch: pictureFetch(transport.fetch) }, { url: request.url, feedUrl: request.feedUrl, validators: null }, policy);
  if (!result.ok) {
    if (result.reason !== 'too-large') return result;
    return { ...result, error: errorMessages.pictureTooLarge(Math.round(policy.maxDocumentBytes / (1024 * 1024))) };
  }
  const document = result.value;
  const failure = (contentType: string): PictureFetchFailure => ({
    ok: false,
    reason: 'not-a-picture',
    error: errorMessages.pictureNotAPicture(contentType),
    status: null,
    bytesRead: document.kind === 'fetched' ? document.bytesRead : 0,
    url: document.url,
  });
  // No validators are sent, so 304 and "unchanged" mean a server that answers oddly: not a picture.
  if (document.kind !== 'fetched') return failure('');
  if (!isPictureType(document.contentType)) return failure(mediaTypeOf(document.contentType));
  return { ok: true, value: { url: document.url, bytes: document.bytes, contentType: mediaTypeOf(document.contentType) } };
};
