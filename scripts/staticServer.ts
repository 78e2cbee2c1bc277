// A small static file server on 127.0.0.1 for the web build: `npm run web` and the end-to-end tests use it.
// Every answer carries web mode's security headers, so the page and its workers run under the same policy.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { webSecurityHeaders } from '../shared/contentSecurityPolicy';
import { cacheControlFor } from './staticHostHeaders';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Text compresses well and every static host gzips it; pictures are compressed already. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

export interface StaticServer {
  url: string;
  /** The paths answered with a file, in order (the end-to-end tests see which worker scripts were started). */
  served: readonly string[];
  /** Bytes of file bodies sent so far, as they went on the wire (gzipped where the browser asked). */
  bytesSent(): number;
  close: () => Promise<void>;
}

export const startStaticServer = async (folder: string, port = 0): Promise<StaticServer> => {
  const root = path.resolve(folder);
  const served: string[] = [];
  let bytesSent = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
      const info = file.startsWith(root + path.sep) ? await stat(file).catch(() => null) : null;
      if (!info?.isFile()) {
        response.writeHead(404, { ...webSecurityHeaders, 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      // Validators, as static hosts send them: a file asked again (the service worker's install after the
      // page's own load) comes back as 304 with no body when it has not changed. The hashed files are
      // kept for good (see cacheControlFor), the rest asked again each time.
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ...webSecurityHeaders, etag, 'cache-control': cacheControlFor(pathname) }).end();
        return;
      }
      served.push(pathname);
      const gzip = compressible.has(path.extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(200, {
        ...webSecurityHeaders,
        'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': info.size }),
        'cache-control': cacheControlFor(pathname),
        etag,
      });
      const body = gzip ? createReadStream(file).pipe(createGzip()) : createReadStream(file);
      body.on('data', (chunk: Buffer) => {
        bytesSent += chunk.length;
      });
      body.pipe(response);
    })().catch(() => response.writeHead(500, webSecurityHeaders).end());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    served,
    bytesSent: () => bytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
