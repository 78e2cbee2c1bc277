// A direct download over Node's http and https clients, for requests that go straight to the server
// (no proxy): unlike Chromium's net.request, Node lets the request resolve its host through a lookup
// we hand it, so the address the address guard checks is the address connected to. Redirects are
// handed back, not followed; gzip, deflate and brotli bodies are decoded, as Chromium would.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { getCACertificates } from 'node:tls';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import type { FetchLike, FetchLikeBody, FetchLikeResponse } from '../shared/sync/fetchFeedDocument';

const headerReader = (headers: IncomingHttpHeaders): FetchLikeResponse['headers'] => ({
  get: (name) => {
    const value = headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  },
});

/** Node trusts its own certificate list; the system's store adds what an organisation installed. */
let certificates: string[] | undefined;
const trustedCertificates = (): string[] | undefined => {
  if (typeof getCACertificates !== 'function') return undefined;
  certificates ??= [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  return certificates;
};

/** The body, decoded as its Content-Encoding says; cancelling it closes the connection. */
const bodyOf = (response: IncomingMessage, close: () => void): FetchLikeBody => {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate' ? createUnzip() : encoding === 'br' ? createBrotliDecompress() : null;
  if (decoder !== null) response.on('error', (error) => decoder.destroy(error));
  const stream = Readable.toWeb(decoder === null ? response : response.pipe(decoder)) as ReadableStream<Uint8Array>;
  return {
    getReader: () => {
      const reader = stream.getReader();
      return {
        read: () => reader.read(),
        cancel: (reason?: unknown) => {
          close();
          return reader.cancel(reason);
        },
      };
    },
    cancel: (reason?: unknown) => {
      close();
      return stream.cancel(reason);
    },
  };
};

/** A FetchLike whose connections resolve their host through `lookup` (IP addresses in the URL are not looked up). */
export const directRequestFetch =
  (lookup: LookupFunction): FetchLike =>
  (url, init) =>
    new Promise<FetchLikeResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const options = { method: init.method, headers: { 'Accept-Encoding': 'gzip, deflate, br', ...init.headers }, lookup, agent: false as const, signal: init.signal };
      const request = secure ? httpsRequest(target, { ...options, ca: trustedCertificates() }) : httpRequest(target, options);
      request.on('response', (response) => {
        const redirect = response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400;
        if (redirect) response.resume(); // The caller follows the Location itself; the 3xx body is not wanted.
        resolve({ status: response.statusCode ?? 0, headers: headerReader(response.headers), body: redirect ? null : bodyOf(response, () => request.destroy()) });
      });
      request.on('error', reject);
      request.end(init.body);
    });
