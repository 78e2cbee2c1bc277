// Downloads one feed document under the shared FetchPolicy: conditional GET, a size cap enforced
// while the body streams in, timeouts, at most N redirects, and every failure as a readable value.
// What a platform's fetch must offer is feedTransport.ts.
import { bytesHash } from '../contentHash';
import { describeThrown } from '../describeThrown';
import { errorMessages } from '../errorMessages';
import { httpAddress } from '../webAddress';
import type { FeedTransport, FetchLikeResponse } from './feedTransport';
import { feedRequestHeaders, type DocumentValidators, type FetchPolicy } from './fetchPolicy';
import type { UserMessage } from '../i18n/userMessage';

export type { FeedTransport, FetchLike, FetchLikeBody, FetchLikeInit, FetchLikeResponse } from './feedTransport';

export interface FeedDocumentRequest {
  /** The page to download: the feed's own address, or a later page of it. */
  url: string;
  /** The address the user added, which decides what the page may lead to (see the address rules). */
  feedUrl: string;
  validators: DocumentValidators | null;
}

export type FeedDocument =
  /** The server answered 304: nothing to parse, nothing to write. */
  | { kind: 'not-modified'; url: string }
  /** The server sent no validators and the text hashes to the stored fingerprint. */
  | { kind: 'unchanged'; url: string }
  /** The body as it came, bytes not text: its charset is decided by the parser (BOM, header, XML declaration). */
  | { kind: 'fetched'; url: string; bytes: Uint8Array; contentType: string | null; validators: DocumentValidators; bytesRead: number };

export type FetchFailureReason =
  | 'bad-address'
  | 'refused'
  | 'host-not-found'
  | 'no-connection'
  | 'timeout'
  | 'stalled'
  | 'cut-off'
  | 'too-large'
  | 'http-status'
  | 'gone'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'redirect-unusable'
  | 'redirect-insecure'
  | 'page-insecure'
  | 'address-refused';

/** A failed download; fits `Result`'s failure shape and adds what a caller needs to decide. */
export interface FeedFetchFailure {
  ok: false;
  error: UserMessage;
  reason: FetchFailureReason;
  /** The HTTP status, when the server answered one. */
  status: number | null;
  /** Body bytes received before giving up. */
  bytesRead: number;
  url: string;
  /** What the transport threw, for the log (see describeThrown); absent when the message says it all. */
  cause?: string;
}

export type FeedFetchResult = { ok: true; value: FeedDocument } | FeedFetchFailure;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const seconds = (milliseconds: number): number => Number((milliseconds / 1000).toFixed(1));
const megabytes = (bytes: number): number => Number((bytes / (1024 * 1024)).toFixed(1));


/** Every message and code in a thrown value and its causes (Node puts the socket error in `cause`). */
/** Every message and code of a thrown error and its causes (Node's fetch puts ECONNREFUSED on the cause). */
export const thrownText = (thrown: unknown, depth = 0): string => {
  if (typeof thrown === 'string') return thrown;
  if (typeof thrown !== 'object' || thrown === null || depth > 4) return '';
  const parts: string[] = [];
  if ('message' in thrown && typeof thrown.message === 'string') parts.push(thrown.message);
  if ('code' in thrown && typeof thrown.code === 'string') parts.push(thrown.code);
  if ('cause' in thrown) parts.push(thrownText(thrown.cause, depth + 1));
  return parts.join(' ');
};

const joinBytes = (parts: readonly Uint8Array[], length: number): Uint8Array => {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
};

/** A redirect from https to plain http would hand the rest of the exchange to anyone on the path. */
const isDowngrade = (from: string, to: string): boolean => from.startsWith('https:') && to.startsWith('http:');

const discardBody = async (response: FetchLikeResponse): Promise<void> => {
  try {
    await response.body?.cancel();
  } catch {
    // The body is not wanted; a failure to cancel it changes nothing.
  }
};

/** One download under way: the address it has got to, what it has read, and why it was cut off if it was. */
interface Download {
  readonly transport: FeedTransport;
  readonly request: FeedDocumentRequest;
  readonly policy: FetchPolicy;
  url: string;
  bytesRead: number;
  receivingBody: boolean;
  readonly controller: AbortController;
  abortedBecause: 'total' | 'idle' | 'cap' | null;
  idleTimer: unknown;
}

const failure = (download: Download, reason: FetchFailureReason, error: UserMessage, status: number | null = null): FeedFetchFailure => ({
  ok: false,
  error,
  reason,
  status,
  bytesRead: download.bytesRead,
  url: download.url,
});

const abortFor = (download: Download, cause: 'total' | 'idle' | 'cap'): void => {
  download.abortedBecause ??= cause;
  download.controller.abort();
};

const restartIdleTimer = (download: Download): void => {
  clearTimeout(download.idleTimer);
  download.idleTimer = setTimeout(() => abortFor(download, 'idle'), download.policy.idleTimeoutMs);
};

/** What a thrown error means: our own timers and cap first, then what the platform's words say. */
const failureFromThrown = (download: Download, thrown: unknown): FeedFetchFailure => {
  const { policy } = download;
  if (download.abortedBecause === 'total') return failure(download, 'timeout', errorMessages.fetchTimeout(seconds(policy.totalTimeoutMs)));
  if (download.abortedBecause === 'idle') {
    return download.receivingBody
      ? failure(download, 'stalled', errorMessages.fetchStalled(seconds(policy.idleTimeoutMs)))
      : failure(download, 'timeout', errorMessages.fetchTimeout(seconds(policy.idleTimeoutMs)));
  }
  const withCause = (found: FeedFetchFailure): FeedFetchFailure => ({ ...found, cause: describeThrown(thrown) });
  if (download.receivingBody) return withCause(failure(download, 'cut-off', errorMessages.fetchCutOff));
  const text = thrownText(thrown);
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/i.test(text)) return withCause(failure(download, 'refused', errorMessages.fetchRefused));
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/i.test(text)) {
    return withCause(failure(download, 'host-not-found', errorMessages.fetchHostNotFound(new URL(download.url).hostname)));
  }
  if (/Redirect was cancelled/i.test(text)) return withCause(failure(download, 'redirect-unusable', errorMessages.fetchRedirectUnusable));
  if (/ERR_TOO_MANY_REDIRECTS|redirect count exceeded/i.test(text)) {
    return withCause(failure(download, 'too-many-redirects', errorMessages.fetchTooManyRedirects(policy.maxRedirects)));
  }
  return withCause(failure(download, 'no-connection', errorMessages.fetchNoConnection));
};

/** Asks for the document, following redirects ourselves unless the transport does; the answer that is not a redirect. */
const fetchFollowingRedirects = async (download: Download): Promise<{ ok: true; value: FetchLikeResponse } | FeedFetchFailure> => {
  const { transport, policy } = download;
  const visited = new Set([download.url]);
  for (;;) {
    restartIdleTimer(download);
    const response = await transport.fetch(download.url, {
      method: 'GET',
      headers: feedRequestHeaders(policy, download.request.validators, transport.sendsUserAgent),
      redirect: transport.followsRedirectsItself ? 'follow' : 'manual',
      credentials: 'omit',
      signal: download.controller.signal,
    });
    if (response.type === 'opaqueredirect') return failure(download, 'redirect-unusable', errorMessages.fetchRedirectUnusable);
    if (transport.followsRedirectsItself || !redirectStatuses.has(response.status)) return { ok: true, value: response };
    await discardBody(response);
    const next = httpAddress(response.headers.get('location') ?? '', download.url);
    if (next === null) return failure(download, 'redirect-unusable', errorMessages.fetchRedirectUnusable, response.status);
    if (isDowngrade(download.url, next)) return failure(download, 'redirect-insecure', errorMessages.fetchRedirectInsecure, response.status);
    if (visited.has(next)) return failure(download, 'redirect-loop', errorMessages.fetchRedirectLoop, response.status);
    if (visited.size > policy.maxRedirects) {
      return failure(download, 'too-many-redirects', errorMessages.fetchTooManyRedirects(policy.maxRedirects), response.status);
    }
    visited.add(next);
    download.url = next;
  }
};

const tooLarge = (download: Download, status: number): FeedFetchFailure =>
  failure(download, 'too-large', errorMessages.fetchTooLarge(megabytes(download.policy.maxDocumentBytes)), status);

/** The body, read piece by piece under the size cap (a body cut off by the cap is not read to its end). */
const readBody = async (download: Download, response: FetchLikeResponse): Promise<{ ok: true; value: Uint8Array } | FeedFetchFailure> => {
  download.receivingBody = true;
  const parts: Uint8Array[] = [];
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (;;) {
      restartIdleTimer(download);
      const chunk = await reader.read();
      if (chunk.done) break;
      if (chunk.value === undefined) continue;
      download.bytesRead += chunk.value.byteLength;
      if (download.bytesRead > download.policy.maxDocumentBytes) {
        abortFor(download, 'cap');
        await reader.cancel().catch(() => undefined);
        return tooLarge(download, response.status);
      }
      parts.push(chunk.value);
    }
  }
  return { ok: true, value: joinBytes(parts, download.bytesRead) };
};

/** The document an answer (not a redirect) carries, or why there is none. */
const documentOf = async (download: Download, response: FetchLikeResponse): Promise<FeedFetchResult> => {
  const { status } = response;
  if (download.transport.followsRedirectsItself && response.url) {
    if (isDowngrade(download.url, response.url)) {
      await discardBody(response);
      return failure(download, 'redirect-insecure', errorMessages.fetchRedirectInsecure, response.status);
    }
    download.url = response.url;
  }
  const { url } = download;
  if (status === 304) {
    await discardBody(response);
    return { ok: true, value: { kind: 'not-modified', url } };
  }
  if (status < 200 || status > 299) {
    await discardBody(response);
    return status === 410 ? failure(download, 'gone', errorMessages.fetchGone, status) : failure(download, 'http-status', errorMessages.fetchHttpStatus(status), status);
  }
  const declaredLength = Number(response.headers.get('content-length'));
  if (response.headers.get('content-encoding') === null && declaredLength > download.policy.maxDocumentBytes) {
    await discardBody(response);
    return tooLarge(download, status);
  }
  const body = await readBody(download, response);
  if (!body.ok) return body;
  const bytes = body.value;
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  // The fingerprint stands in for validators the server does not send, and is only compared then:
  // it walks every byte in JavaScript, 1.5 MB for a page of 1,000 items, on each page a sync reads
  // and in the window when a feed is looked at before it is added.
  const validators: DocumentValidators = { etag, lastModified, contentHash: etag === null && lastModified === null ? bytesHash(bytes) : null };
  if (validators.contentHash !== null && validators.contentHash === download.request.validators?.contentHash) {
    return { ok: true, value: { kind: 'unchanged', url } };
  }
  return { ok: true, value: { kind: 'fetched', url, bytes, contentType: response.headers.get('content-type'), validators, bytesRead: download.bytesRead } };
};

/** A download's failure before any byte came: the one shape of it, for every process that reports one. */
export const feedFetchFailure = (reason: FetchFailureReason, error: UserMessage, url = '', cause?: string): FeedFetchFailure => ({
  ok: false,
  error,
  reason,
  status: null,
  bytesRead: 0,
  url,
  ...(cause === undefined ? {} : { cause }),
});

/** Downloads one document. Never throws: every failure is a value with a readable message. */
export const fetchFeedDocument = async (transport: FeedTransport, request: FeedDocumentRequest, policy: FetchPolicy): Promise<FeedFetchResult> => {
  const start = httpAddress(request.url);
  const download: Download = {
    transport,
    request,
    policy,
    url: start ?? request.url,
    bytesRead: 0,
    receivingBody: false,
    controller: new AbortController(),
    abortedBecause: null,
    idleTimer: null,
  };
  if (start === null) return failure(download, 'bad-address', errorMessages.fetchBadAddress);
  // A feed read over https keeps its later pages and pictures on https too, as its redirects must.
  if (isDowngrade(httpAddress(request.feedUrl) ?? request.feedUrl, start)) return failure(download, 'page-insecure', errorMessages.fetchPageInsecure);
  const totalTimer = setTimeout(() => abortFor(download, 'total'), policy.totalTimeoutMs);
  try {
    const answered = await fetchFollowingRedirects(download);
    return answered.ok ? await documentOf(download, answered.value) : answered;
  } catch (thrown) {
    return failureFromThrown(download, thrown);
  } finally {
    clearTimeout(totalTimer);
    clearTimeout(download.idleTimer);
  }
};
