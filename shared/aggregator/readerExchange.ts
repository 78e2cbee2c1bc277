// One HTTP exchange with an aggregator: the request a Reader API call became, sent with the token
// (added by the shell that holds it), its answer read under a size cap and a time limit, and every
// way it fails as a value in the reader's words. It counts the bytes that came, for the thin link.
import { describeThrown } from '../describeThrown';
import { errorMessages } from '../errorMessages';
import type { UserMessage } from '../i18n/userMessage';
import type { FetchLike } from '../sync/feedTransport';
import { thrownText } from '../sync/fetchFeedDocument';
import type { ReaderHttpRequest } from './readerCalls';

/** A contents answer of 250 items with their full text stays far under this. */
export const maxAnswerBytes = 50 * 1024 * 1024;
export const answerTimeoutMs = 90_000;

export type ExchangeFailureReason = 'no-connection' | 'timeout' | 'too-large' | 'moved' | 'refused-address';

export type ReaderExchange =
  | { ok: true; status: number; text: string; bytes: number }
  | { ok: false; reason: ExchangeFailureReason; error: UserMessage; bytes: number; cause?: string };

export interface ExchangeOptions {
  fetch: FetchLike;
  /** Browsers set their own; the app names itself, as for feeds. */
  userAgent: string | null;
  /** What the guard stopped, when it stopped this request (the main process's address rules). */
  refusal?: () => UserMessage | null;
}

/** Sends one request; `authorization` is the token's header value, or null for ClientLogin. */
export const exchangeWithReader = async (options: ExchangeOptions, request: ReaderHttpRequest, authorization: string | null): Promise<ReaderExchange> => {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, answerTimeoutMs);
  let bytes = 0;
  try {
    const headers: Record<string, string> = {};
    if (authorization !== null) headers['Authorization'] = authorization;
    if (request.body !== null) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (options.userAgent !== null) headers['User-Agent'] = options.userAgent;
    const response = await options.fetch(request.url, {
      method: request.method,
      headers,
      ...(request.body === null ? {} : { body: request.body }),
      // A Reader API does not redirect its calls; one that does names another address to use.
      redirect: 'manual',
      credentials: 'omit',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      // The redirect's body is not wanted; a failure to cancel it changes nothing (the answer is already decided).
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'moved', error: errorMessages.aggregatorMoved, bytes };
    }
    const parts: Uint8Array[] = [];
    if (response.body !== null) {
      const reader = response.body.getReader();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        if (chunk.value === undefined) continue;
        bytes += chunk.value.byteLength;
        if (bytes > maxAnswerBytes) {
          // Cut off at the cap: the rest is not wanted, and a failed cancel changes nothing.
          await reader.cancel().catch(() => undefined);
          return { ok: false, reason: 'too-large', error: errorMessages.aggregatorAnswerTooLarge, bytes };
        }
        parts.push(chunk.value);
      }
    }
    const joined = new Uint8Array(bytes);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.byteLength;
    }
    return { ok: true, status: response.status, text: new TextDecoder().decode(joined), bytes };
  } catch (thrown) {
    const refused = options.refusal?.() ?? null;
    if (refused !== null) return { ok: false, reason: 'refused-address', error: refused, bytes };
    if (timedOut) return { ok: false, reason: 'timeout', error: errorMessages.fetchTimeout(answerTimeoutMs / 1000), bytes };
    const text = thrownText(thrown);
    const cause = describeThrown(thrown);
    const error = /ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/i.test(text)
      ? errorMessages.fetchHostNotFound(safeHost(request.url))
      : /ECONNREFUSED|ERR_CONNECTION_REFUSED/i.test(text)
        ? errorMessages.fetchRefused
        : errorMessages.fetchNoConnection;
    return { ok: false, reason: 'no-connection', error, bytes, cause };
  } finally {
    clearTimeout(timer);
  }
};

const safeHost = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    // Every request here was built from a checked address; this only keeps the message whole.
    return url.slice(0, 100);
  }
};
