// Feed downloads over Electron's net.request (the same network stack as net.fetch: the system's
// proxy settings apply and CORS does not). Unlike net.fetch, net.request with redirect 'manual'
// hands back each 3xx with its Location, so the shared fetch policy can cap redirects at five
// and name a loop as a loop.
import type { ClientRequest, ClientRequestConstructorOptions, IncomingMessage } from 'electron';
import type { FetchLike, FetchLikeBody, FetchLikeResponse } from '../shared/sync/fetchFeedDocument';

export type NetRequest = (options: ClientRequestConstructorOptions) => ClientRequest;

const headerReader = (headers: Record<string, string | string[]>): FetchLikeResponse['headers'] => ({
  get: (name) => {
    const wanted = name.toLowerCase();
    const value = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  },
});

/** The response body as a reader: chunks queue as they arrive; cancelling aborts the request. */
const bodyOf = (response: IncomingMessage, request: ClientRequest): FetchLikeBody => {
  const chunks: Uint8Array[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  response.on('data', (chunk: Buffer) => {
    chunks.push(new Uint8Array(chunk));
    notify();
  });
  response.on('end', () => {
    ended = true;
    notify();
  });
  response.on('error', (error: Error) => {
    failure = error;
    notify();
  });
  response.on('aborted', () => {
    failure ??= new Error('The connection broke while the body was arriving (aborted).');
    notify();
  });
  const cancel = (): Promise<void> => {
    ended = true;
    chunks.length = 0;
    request.abort();
    notify();
    return Promise.resolve();
  };
  const read = async (): Promise<{ done: boolean; value?: Uint8Array }> => {
    while (chunks.length === 0 && !ended && failure === null) await new Promise<void>((resolve) => (wake = resolve));
    const chunk = chunks.shift();
    if (chunk) return { done: false, value: chunk };
    if (failure) throw failure;
    return { done: true };
  };
  return { getReader: () => ({ read, cancel }), cancel };
};

export const netRequestFetch =
  (request: NetRequest): FetchLike =>
  (url, init) =>
    new Promise<FetchLikeResponse>((resolve, reject) => {
      const client = request({ url, method: init.method, redirect: 'manual', credentials: 'omit', useSessionCookies: false, cache: 'no-store' });
      for (const [name, value] of Object.entries(init.headers)) client.setHeader(name, value);
      const onAbort = () => {
        client.abort();
        reject(new Error('The download was aborted.'));
      };
      if (init.signal.aborted) return onAbort();
      init.signal.addEventListener('abort', onAbort, { once: true });
      client.on('redirect', (statusCode, _method, redirectUrl, responseHeaders) => {
        // Not followed here: the caller counts redirects and asks for the new address itself.
        resolve({ status: statusCode, headers: headerReader({ ...responseHeaders, location: redirectUrl }), body: null });
        client.abort();
      });
      client.on('response', (response) => {
        resolve({ status: response.statusCode, headers: headerReader(response.headers), body: bodyOf(response, client) });
      });
      client.on('error', (error: Error) => reject(error));
      if (init.body === undefined) client.end();
      else client.end(init.body);
    });
