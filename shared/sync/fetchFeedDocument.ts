// Downloads one feed document under the shared FetchPolicy: conditional GET, a size cap enforced
// while the body streams in, timeouts, at most N redirects, and every failure as a readable value.
import { bytesHash } from '../contentHash';
import { errorMessages } from '../errorMessages';
import { feedRequestHeaders, type DocumentValidators, type FetchPolicy } from './fetchPolicy';
import type { UserMessage } from '../i18n/userMessage';

/** The part of `fetch` the sync core uses; Node's fetch, window.fetch and electron/netRequestFetch.ts all fit. */
export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

export interface FetchLikeInit {
  method: 'GET';
  headers: Record<string, string>;
  redirect: 'manual' | 'follow';
  credentials: 'omit';
  signal: AbortSignal;
}

export interface FetchLikeResponse {
  readonly status: number;
  /** 'opaqueredirect' when a browser was asked not to follow a redirect. */
  readonly type?: string;
  /** The address finally answered, after any redirects the platform followed itself. */
  readonly url?: string;
  readonly headers: { get(name: string): string | null };
  readonly body: FetchLikeBody | null;
}

export interface FetchLikeBody {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> };
  cancel(reason?: unknown): Promise<void>;
}

/**
 * A fetch plus what it can do. Why the flag: only a fetch that hands back the 3xx answer with its
 * Location under `redirect: 'manual'` lets us enforce `policy.maxRedirects` and name loops; Node's
 * fetch does. A browser does not: the Fetch standard gives an opaque answer (type 'opaqueredirect',
 * status 0, no headers), so in web mode the browser follows redirects itself (up to its own 20) and
 * a loop surfaces as a plain network failure. Electron's net.fetch does not either: with 'manual'
 * it rejects with "Redirect was cancelled" (lib/common/api/net-client-request.ts), so the main
 * process wraps `net.request` (whose 'redirect' event carries the new address) into a FetchLike
 * that returns the 3xx (electron/netRequestFetch.ts), rather than net.fetch with this flag set (Chromium's limit of 20,
 * loops reported as net::ERR_TOO_MANY_REDIRECTS).
 */
export interface FeedTransport {
  fetch: FetchLike;
  followsRedirectsItself: boolean;
  /** Browsers set their own User-Agent; asking for another would only force a CORS preflight. */
  sendsUserAgent: boolean;
}

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
}

export type FeedFetchResult = { ok: true; value: FeedDocument } | FeedFetchFailure;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const seconds = (milliseconds: number): number => Number((milliseconds / 1000).toFixed(1));
const megabytes = (bytes: number): number => Number((bytes / (1024 * 1024)).toFixed(1));

const webAddress = (text: string, base?: string): string | null => {
  if (!URL.canParse(text, base)) return null;
  const address = new URL(text, base);
  return address.protocol === 'http:' || address.protocol === 'https:' ? address.href : null;
};

/** Every message and code in a thrown value and its causes (Node puts the socket error in `cause`). */
const thrownText = (thrown: unknown, depth = 0): string => {
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

/** Downloads one document. Never throws: every failure is a value with a readable message. */
export const fetchFeedDocument = async (transport: FeedTransport, request: FeedDocumentRequest, policy: FetchPolicy): Promise<FeedFetchResult> => {
  const start = webAddress(request.url);
  let url = start ?? request.url;
  let bytesRead = 0;
  const failure = (reason: FetchFailureReason, error: UserMessage, status: number | null = null): FeedFetchFailure => ({
    ok: false,
    error,
    reason,
    status,
    bytesRead,
    url,
  });
  if (start === null) return failure('bad-address', errorMessages.fetchBadAddress);

  const controller = new AbortController();
  let abortedBecause: 'total' | 'idle' | 'cap' | null = null;
  const abortFor = (cause: 'total' | 'idle' | 'cap') => {
    abortedBecause ??= cause;
    controller.abort();
  };
  const totalTimer = setTimeout(() => abortFor('total'), policy.totalTimeoutMs);
  let idleTimer: unknown = null;
  const restartIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => abortFor('idle'), policy.idleTimeoutMs);
  };
  let receivingBody = false;
  const failureFromThrown = (thrown: unknown): FeedFetchFailure => {
    if (abortedBecause === 'total') return failure('timeout', errorMessages.fetchTimeout(seconds(policy.totalTimeoutMs)));
    if (abortedBecause === 'idle') {
      return receivingBody
        ? failure('stalled', errorMessages.fetchStalled(seconds(policy.idleTimeoutMs)))
        : failure('timeout', errorMessages.fetchTimeout(seconds(policy.idleTimeoutMs)));
    }
    if (receivingBody) return failure('cut-off', errorMessages.fetchCutOff);
    const text = thrownText(thrown);
    if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/i.test(text)) return failure('refused', errorMessages.fetchRefused);
    if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/i.test(text)) return failure('host-not-found', errorMessages.fetchHostNotFound(new URL(url).hostname));
    if (/Redirect was cancelled/i.test(text)) return failure('redirect-unusable', errorMessages.fetchRedirectUnusable);
    if (/ERR_TOO_MANY_REDIRECTS|redirect count exceeded/i.test(text)) {
      return failure('too-many-redirects', errorMessages.fetchTooManyRedirects(policy.maxRedirects));
    }
    return failure('no-connection', errorMessages.fetchNoConnection);
  };

  try {
    const visited = new Set([url]);
    let response: FetchLikeResponse;
    for (;;) {
      restartIdleTimer();
      response = await transport.fetch(url, {
        method: 'GET',
        headers: feedRequestHeaders(policy, request.validators, transport.sendsUserAgent),
        redirect: transport.followsRedirectsItself ? 'follow' : 'manual',
        credentials: 'omit',
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect') return failure('redirect-unusable', errorMessages.fetchRedirectUnusable);
      if (transport.followsRedirectsItself || !redirectStatuses.has(response.status)) break;
      await discardBody(response);
      const next = webAddress(response.headers.get('location') ?? '', url);
      if (next === null) return failure('redirect-unusable', errorMessages.fetchRedirectUnusable, response.status);
      if (isDowngrade(url, next)) return failure('redirect-insecure', errorMessages.fetchRedirectInsecure, response.status);
      if (visited.has(next)) return failure('redirect-loop', errorMessages.fetchRedirectLoop, response.status);
      if (visited.size > policy.maxRedirects) {
        return failure('too-many-redirects', errorMessages.fetchTooManyRedirects(policy.maxRedirects), response.status);
      }
      visited.add(next);
      url = next;
    }

    const { status } = response;
    if (transport.followsRedirectsItself && response.url) {
      if (isDowngrade(url, response.url)) {
        await discardBody(response);
        return failure('redirect-insecure', errorMessages.fetchRedirectInsecure, response.status);
      }
      url = response.url;
    }
    if (status === 304) {
      await discardBody(response);
      return { ok: true, value: { kind: 'not-modified', url } };
    }
    if (status < 200 || status > 299) {
      await discardBody(response);
      return status === 410 ? failure('gone', errorMessages.fetchGone, status) : failure('http-status', errorMessages.fetchHttpStatus(status), status);
    }
    const tooLarge = () => failure('too-large', errorMessages.fetchTooLarge(megabytes(policy.maxDocumentBytes)), status);
    const declaredLength = Number(response.headers.get('content-length'));
    if (response.headers.get('content-encoding') === null && declaredLength > policy.maxDocumentBytes) {
      await discardBody(response);
      return tooLarge();
    }

    receivingBody = true;
    const parts: Uint8Array[] = [];
    if (response.body !== null) {
      const reader = response.body.getReader();
      for (;;) {
        restartIdleTimer();
        const chunk = await reader.read();
        if (chunk.done) break;
        if (chunk.value === undefined) continue;
        bytesRead += chunk.value.byteLength;
        if (bytesRead > policy.maxDocumentBytes) {
          abortFor('cap');
          await reader.cancel().catch(() => undefined);
          return tooLarge();
        }
        parts.push(chunk.value);
      }
    }
    const bytes = joinBytes(parts, bytesRead);
    const validators: DocumentValidators = {
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      contentHash: bytesHash(bytes),
    };
    if (validators.etag === null && validators.lastModified === null && validators.contentHash === request.validators?.contentHash) {
      return { ok: true, value: { kind: 'unchanged', url } };
    }
    return { ok: true, value: { kind: 'fetched', url, bytes, contentType: response.headers.get('content-type'), validators, bytesRead } };
  } catch (thrown) {
    return failureFromThrown(thrown);
  } finally {
    clearTimeout(totalTimer);
    clearTimeout(idleTimer);
  }
};
