// A stand-in for Electron's net.request built on Node's http client, with Electron's event shape:
// 'redirect' (status, method, new address, headers) when redirect is 'manual', 'response' with an
// IncomingMessage that emits data, end, error and aborted, and 'error'. It lets the main process's
// download code run against a real HTTP server on 127.0.0.1 without an Electron binary.
// It fails as Electron fails: network errors are Chromium's ("net::ERR_NAME_NOT_RESOLVED"), not
// Node's ("ENOTFOUND"), and a redirect that is neither followed nor aborted during the 'redirect'
// event is cancelled with "Redirect was cancelled" (lib/common/api/net-client-request.ts).
import type { ClientRequest, ClientRequestConstructorOptions } from 'electron';
import type { LookupFunction } from 'node:net';
import { EventEmitter } from 'node:events';
import { request as httpRequest, type ClientRequest as NodeClientRequest } from 'node:http';

/** Chromium's name for what Node reports, as Electron's 'error' event carries it. */
const chromiumError = (error: NodeJS.ErrnoException): Error => {
  const names: Record<string, string> = {
    ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
    EAI_AGAIN: 'ERR_NAME_NOT_RESOLVED',
    ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
    ECONNRESET: 'ERR_CONNECTION_RESET',
    ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
  };
  return new Error(`net::${names[error.code ?? ''] ?? 'ERR_FAILED'}`);
};

/**
 * The fake's DNS: a name resolves only when `hosts` lists it (the address the test server listens
 * on), so no test depends on the machine's resolver and an unknown name fails at once.
 */
const lookupIn =
  (hosts: Readonly<Record<string, string>>): LookupFunction =>
  (hostname, options, callback) => {
    const address = hosts[hostname];
    if (address === undefined) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      return;
    }
    const family = address.includes(':') ? 6 : 4;
    if (options.all) (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };

/** A net.request whose host names resolve through `hosts` (literal IP addresses need no entry). */
export const fakeNetRequestWith =
  (hosts: Readonly<Record<string, string>>) =>
  (options: ClientRequestConstructorOptions): ClientRequest => {
    const emitter = new EventEmitter();
    const headers: Record<string, string> = {};
    let outgoing: NodeClientRequest | null = null;
    let aborted = false;
    let follow: (() => void) | null = null;
    const send = (url: string) => {
      outgoing = httpRequest(url, { method: options.method ?? 'GET', headers, lookup: lookupIn(hosts) }, (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location !== undefined && options.redirect === 'manual') {
          const next = new URL(location, url).href;
          const asArrays = Object.fromEntries(Object.entries(response.headers).map(([key, value]) => [key, ([] as string[]).concat(value ?? [])]));
          let followed = false;
          follow = () => (followed = true);
          response.resume();
          try {
            emitter.emit('redirect', status, options.method ?? 'GET', next, asArrays);
          } finally {
            follow = null;
            if (followed && !aborted) send(next);
            else if (!aborted) emitter.emit('error', new Error('Redirect was cancelled'));
          }
          return;
        }
        const message = Object.assign(new EventEmitter(), { statusCode: status, headers: response.headers });
        response.on('data', (chunk: Buffer) => message.emit('data', chunk));
        response.on('end', () => message.emit('end'));
        response.on('aborted', () => message.emit('aborted'));
        response.on('error', (error) => message.emit('error', error));
        emitter.emit('response', message);
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (!aborted) emitter.emit('error', chromiumError(error));
      });
      outgoing.end();
    };
    const client = Object.assign(emitter, {
      setHeader: (name: string, value: string) => {
        headers[name] = value;
      },
      abort: () => {
        aborted = true;
        outgoing?.destroy();
      },
      followRedirect: () => {
        if (follow === null) throw new Error('followRedirect() is only allowed inside the redirect event');
        follow();
      },
      end: () => send(options.url ?? ''),
    });
    return client as unknown as ClientRequest;
  };

/** The fake net.request most tests use: servers on 127.0.0.1 by address, and "localhost". */
export const fakeNetRequest = fakeNetRequestWith({ localhost: '127.0.0.1' });
