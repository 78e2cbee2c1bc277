// A stand-in for Electron's net.request built on Node's http client, with Electron's event shape:
// 'redirect' (status, method, new address, headers) when redirect is 'manual', 'response' with an
// IncomingMessage that emits data, end, error and aborted, and 'error'. It lets the main process's
// download code run against a real HTTP server on 127.0.0.1 without an Electron binary.
import type { ClientRequest, ClientRequestConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { request as httpRequest, type ClientRequest as NodeClientRequest } from 'node:http';

export const fakeNetRequest = (options: ClientRequestConstructorOptions): ClientRequest => {
  const emitter = new EventEmitter();
  const headers: Record<string, string> = {};
  let outgoing: NodeClientRequest | null = null;
  const client = Object.assign(emitter, {
    setHeader: (name: string, value: string) => {
      headers[name] = value;
    },
    abort: () => {
      outgoing?.destroy();
    },
    end: () => {
      const url = options.url ?? '';
      outgoing = httpRequest(url, { method: options.method ?? 'GET', headers }, (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location !== undefined && options.redirect === 'manual') {
          const asArrays = Object.fromEntries(Object.entries(response.headers).map(([key, value]) => [key, ([] as string[]).concat(value ?? [])]));
          emitter.emit('redirect', status, options.method ?? 'GET', new URL(location, url).href, asArrays);
          response.resume();
          return;
        }
        const message = Object.assign(new EventEmitter(), { statusCode: status, headers: response.headers });
        response.on('data', (chunk: Buffer) => message.emit('data', chunk));
        response.on('end', () => message.emit('end'));
        response.on('aborted', () => message.emit('aborted'));
        response.on('error', (error) => message.emit('error', error));
        emitter.emit('response', message);
      });
      outgoing.on('error', (error) => emitter.emit('error', error));
      outgoing.end();
    },
  });
  return client as unknown as ClientRequest;
};
