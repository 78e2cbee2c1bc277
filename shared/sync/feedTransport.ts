// The transport fetchFeedDocument downloads through, as each platform provides it, and what it can
// do about redirects: the contract between the sync core and a process's own fetch.

/** The part of `fetch` the sync core uses; Node's fetch, window.fetch and electron/netRequestFetch.ts all fit. */
export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

export interface FetchLikeInit {
  /** Feeds and pictures GET; an aggregator's Reader API also POSTs forms (shared/aggregator). */
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A POST's form body. */
  body?: string;
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
