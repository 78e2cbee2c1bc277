// One download policy for both transports (Electron's net.request in the main process, the
// renderer's fetch in web mode), so a feed behaves the same on the desktop and in a browser.

export interface FetchPolicy {
  /** Whole download, redirects and body included. */
  totalTimeoutMs: number;
  /** Longest wait for the answer's headers or for the next piece of the body. */
  idleTimeoutMs: number;
  /** Per document, counted on the decoded body while it streams in. */
  maxDocumentBytes: number;
  maxRedirects: number;
  /** Pages of one feed followed through `next_url` in one sync. */
  maxPagesPerWalk: number;
  userAgent: string;
}

export const fieldNewsUserAgent = (appVersion: string): string => `FieldNews/${appVersion} (+offline news reader)`;

export const defaultFetchPolicy = (appVersion: string, overrides: Partial<Omit<FetchPolicy, 'userAgent'>> = {}): FetchPolicy => ({
  totalTimeoutMs: 30_000,
  idleTimeoutMs: 15_000,
  maxDocumentBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  // 200 pages of 1,000 items: a large archive arrives in one sync; a next_url loop still ends at once.
  maxPagesPerWalk: 200,
  ...overrides,
  userAgent: fieldNewsUserAgent(appVersion),
});

/** What a stored page knows about its last download, sent back for a conditional GET. */
export interface DocumentValidators {
  etag: string | null;
  lastModified: string | null;
  /** Fingerprint of the last text stored, for servers that send neither header. */
  contentHash: string | null;
}

export const noValidators: DocumentValidators = { etag: null, lastModified: null, contentHash: null };

/**
 * The request headers for one download. No Accept-Encoding: Node's fetch, Electron's net module and browsers
 * all offer gzip/deflate/br themselves and decompress transparently (browsers forbid setting it).
 */
export const feedRequestHeaders = (policy: FetchPolicy, validators: DocumentValidators | null, sendUserAgent: boolean): Record<string, string> => {
  const headers: Record<string, string> = {
    Accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1',
  };
  if (sendUserAgent) headers['User-Agent'] = policy.userAgent;
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
};
