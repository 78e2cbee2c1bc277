// A feed server on 127.0.0.1 for development, demos, the sync tests and benchmarks: JSON Feed, RSS
// and Atom with ETag and Last-Modified (304s), optional pagination, gzip, CORS for web mode, fault
// modes, an OPML list of its feeds at /feeds.opml and a page announcing them at / (for discovery).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { contentHash } from '../shared/contentHash';
import type { FeedWriterItem, WrittenFeedFormat } from '../shared/listing/writeFeed';
import { feedsOpml, homePage, itemsPage, readFeedFile, servedContentTypes, writerItems, xmlPage, type AnnouncedFeed, type FeedSource, type ServedFormat } from './feedServerPages';

export type FeedServerFault =
  | { kind: 'status'; status: number }
  | { kind: 'redirect-loop' }
  | { kind: 'next-url-loop' }
  | { kind: 'html-page' }
  | { kind: 'invalid-json' }
  /** Any text as the answer, e.g. a JSON array or a feed without items. */
  | { kind: 'raw'; body: string; contentType?: string }
  /** Declares the whole length, sends half, then drops the connection. */
  | { kind: 'cut-off' }
  /** Sends half, then keeps the connection open and silent. */
  | { kind: 'stall' }
  /** Accepts the request and never answers. */
  | { kind: 'never-answer' }
  /** Streams `bytes` of JSON-looking text (default 50 MB) at the pace the client reads. */
  | { kind: 'huge'; bytes?: number }
  /** Items whose content_html carries script, event handlers and javascript: links. */
  | { kind: 'hostile-html' };

export interface FeedServerOptions {
  /**
   * A feed file to serve, its format read from its content. A JSON Feed's top-level fields are kept
   * and its items served as JSON Feed, RSS and Atom; an RSS or Atom file is served as it stands, cut
   * into pages at its items.
   */
  file?: string;
  /** Which of the three formats of served items `url` names (default json). */
  format?: WrittenFeedFormat;
  /** Items to serve instead of a file's. */
  items?: unknown[];
  title?: string;
  /** Items per page; pages are `?page=N` linked by `next_url`. Omitted: one page. */
  pageSize?: number;
  fault?: FeedServerFault;
  /** Limit the fault to one page (1-based); other pages are served normally. */
  faultOnPage?: number;
  /** Redirects (302) before the feed answers; the returned `url` starts the chain. */
  redirects?: number;
  /** Send ETag and Last-Modified (default true). */
  validators?: boolean;
  /** Gzip the answer when the client accepts it (default true). */
  gzip?: boolean;
  port?: number;
  /** Wait this long before answering each feed request: a slow link, so that syncs overlap. */
  delayMs?: number;
}

export interface ServedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
  gzipped: boolean;
}

export interface FeedServer {
  /** The address to add in the app. */
  url: string;
  /** Every feed served, in every format (the items in JSON Feed, RSS and Atom; a file in its own). */
  feeds: AnnouncedFeed[];
  origin: string;
  /** Every request answered or accepted, in order. */
  requests: ServedRequest[];
  /** Requests received but held back by `delayMs`, not answered yet. */
  readonly waiting: number;
  /** Bytes the huge-body fault wrote before the client went away; resolves when it stopped. */
  hugeBodyFinished: Promise<number>;
  /** Replace the served items (the document's ETag changes with them). */
  setItems(items: unknown[]): void;
  /** Make every page of every format now (text, ETag, gzip), so that serving them later costs only the sending. */
  makePages(): void;
  close(): Promise<void>;
}

/** A document as served: its text, its ETag, and its gzipped bytes once asked for. */
interface ServedDocument {
  body: string;
  etag: string;
  gzipped: Buffer | null;
}

const servedDocument = (body: string): ServedDocument => ({ body, etag: `"${contentHash(body)}"`, gzipped: null });

const gzippedBytes = (served: ServedDocument): Buffer => (served.gzipped ??= gzipSync(served.body));

const lastModified = new Date(Date.UTC(2021, 6, 7, 12, 0, 0));

const hostileItems = (): unknown[] => [
  {
    id: 'hostile-1',
    title: 'Hostile item',
    content_html:
      '<p>Before</p><script>window.__fieldNewsInjected = true</script><img src="x" onerror="window.__fieldNewsInjected = true">' +
      '<a href="javascript:window.__fieldNewsInjected = true">link</a>',
    date_published: '2021-07-07T12:00:00Z',
  },
];

export const startFeedServer = async (options: FeedServerOptions = {}): Promise<FeedServer> => {
  const source: FeedSource = options.file ? readFeedFile(options.file) : { kind: 'items', header: {}, items: [] };
  const header = source.kind === 'items' ? source.header : {};
  let items: unknown[] = options.fault?.kind === 'hostile-html' ? hostileItems() : (options.items ?? (source.kind === 'items' ? source.items : []));
  /** The items as the RSS and Atom writers take them, made on the first XML request. */
  let writer: FeedWriterItem[] | null = null;
  const formats: ServedFormat[] = source.kind === 'xml' ? [source.format] : ['json', 'rss', 'atom'];
  const primary: ServedFormat = source.kind === 'xml' ? source.format : (options.format ?? 'json');
  const title = source.kind === 'xml' ? source.title : typeof header.title === 'string' ? header.title : (options.title ?? 'Field News test feed');
  const requests: ServedRequest[] = [];
  let finishHuge: (bytes: number) => void = () => undefined;
  const hugeBodyFinished = new Promise<number>((resolve) => (finishHuge = resolve));
  let origin = '';

  const feedPath = (format: ServedFormat) => `/feed.${format}`;
  // RSS 1.0 has no next-page link that readers know, so an RDF file is served whole.
  const pageSize = (format: ServedFormat) => (format === 'rdf' ? undefined : options.pageSize);
  const itemTotal = () => (source.kind === 'xml' ? source.items.length : items.length);
  const pageCount = (format: ServedFormat) => {
    const size = pageSize(format);
    return size ? Math.max(1, Math.ceil(itemTotal() / size)) : 1;
  };
  const pageUrl = (format: ServedFormat, page: number) => `${origin}${feedPath(format)}${page === 1 ? '' : `?page=${page}`}`;
  const pageDocument = (format: ServedFormat, page: number): string => {
    const size = pageSize(format) ?? itemTotal();
    const last = page >= pageCount(format);
    const next = last ? (options.fault?.kind === 'next-url-loop' ? pageUrl(format, 1) : undefined) : pageUrl(format, page + 1);
    const slice = <T>(list: T[]) => list.slice((page - 1) * size, page * size);
    if (source.kind === 'xml') return xmlPage(source, slice(source.items), next);
    if (format === 'rdf') throw new Error('Items are served as JSON Feed, RSS and Atom, never as RSS 1.0.');
    if (format !== 'json') writer ??= writerItems(items);
    return itemsPage(header, { format, title: options.title ?? 'Field News test feed', self: pageUrl(format, 1), next, items: format === 'json' ? slice(items) : [], writer: writer ? slice(writer) : [] });
  };
  const announced = (): AnnouncedFeed[] => formats.map((format) => ({ format, url: pageUrl(format, 1), title }));

  /**
   * Each page as served, made once: its text, ETag and gzipped bytes. A publisher's server runs on
   * another machine; made anew for every request, 100 pages of Atom and their reading by a Node
   * client cost 2.4 CPU-s here (0.7 once made), taken from the app a benchmark times on the same two cores.
   */
  const pages = new Map<string, ServedDocument>();
  const servedPage = (format: ServedFormat, page: number): ServedDocument => {
    const key = `${format} ${page}`;
    let served = pages.get(key);
    if (served === undefined) {
      served = servedDocument(pageDocument(format, page));
      pages.set(key, served);
    }
    return served;
  };

  const answer = (request: IncomingMessage, response: ServerResponse, status: number, body: string | ServedDocument, contentType: string, headers: Record<string, string> = {}) => {
    const gzipped = options.gzip !== false && status === 200 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const payload = typeof body === 'string' ? (gzipped ? gzipSync(body) : Buffer.from(body)) : gzipped ? gzippedBytes(body) : Buffer.from(body.body);
    requests.push({ path: request.url ?? '', headers: request.headers, status, gzipped });
    response.writeHead(status, {
      ...headers,
      'Content-Type': contentType,
      'Content-Length': String(payload.length),
      Vary: 'Accept-Encoding',
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(payload);
  };

  const streamHuge = (request: IncomingMessage, response: ServerResponse, total: number) => {
    requests.push({ path: request.url ?? '', headers: request.headers, status: 200, gzipped: false });
    response.writeHead(200, { 'Content-Type': 'application/feed+json' });
    const chunk = Buffer.from(`{"version":"https://jsonfeed.org/version/1.1","title":"${'x'.repeat(64 * 1024)}`.slice(0, 64 * 1024));
    let sent = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      finishHuge(sent);
    };
    response.on('close', finish);
    const pump = () => {
      while (sent < total && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end(finish);
    };
    pump();
  };

  const serve = (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
    response.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
    const address = new URL(request.url ?? '/', origin);
    if (request.method === 'OPTIONS') {
      requests.push({ path: request.url ?? '', headers: request.headers, status: 204, gzipped: false });
      response.writeHead(204, { 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Max-Age': '600' });
      response.end();
      return;
    }
    const hop = /^\/redirect\/(\d+)$/.exec(address.pathname);
    if (hop) {
      const left = Number(hop[1]);
      answer(request, response, 302, '', 'text/plain', { Location: left > 1 ? `/redirect/${left - 1}` : feedPath(primary) });
      return;
    }
    if (address.pathname === '/loop-a' || address.pathname === '/loop-b') {
      answer(request, response, 302, '', 'text/plain', { Location: address.pathname === '/loop-a' ? '/loop-b' : '/loop-a' });
      return;
    }
    if (address.pathname === '/' || address.pathname === '/feeds.opml') {
      const home = address.pathname === '/';
      respondWithValidators(request, response, servedDocument(home ? homePage(announced()) : feedsOpml(announced(), origin, lastModified)), home ? 'text/html; charset=utf-8' : 'text/x-opml; charset=utf-8');
      return;
    }
    const format = formats.find((candidate) => address.pathname === feedPath(candidate));
    if (format === undefined) {
      answer(request, response, 404, 'Not found', 'text/plain');
      return;
    }
    const contentType = servedContentTypes[format];
    const page = Math.max(1, Number(address.searchParams.get('page') ?? '1') || 1);
    const fault = options.faultOnPage === undefined || options.faultOnPage === page ? options.fault : undefined;
    switch (fault?.kind) {
      case 'status':
        answer(request, response, fault.status, `<html><body>Error ${fault.status}</body></html>`, 'text/html');
        return;
      case 'redirect-loop':
        answer(request, response, 302, '', 'text/plain', { Location: '/loop-a' });
        return;
      case 'html-page':
        answer(request, response, 200, '<!DOCTYPE html><html><head><title>Login</title></head><body>Sign in</body></html>', 'text/html');
        return;
      case 'invalid-json':
        answer(request, response, 200, '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": 1,', 'application/feed+json');
        return;
      case 'raw':
        answer(request, response, 200, fault.body, fault.contentType ?? 'application/feed+json');
        return;
      case 'never-answer':
        requests.push({ path: request.url ?? '', headers: request.headers, status: 0, gzipped: false });
        return;
      case 'huge':
        streamHuge(request, response, fault.bytes ?? 50 * 1024 * 1024);
        return;
      case 'cut-off':
      case 'stall': {
        const body = Buffer.from(pageDocument(format, page));
        requests.push({ path: request.url ?? '', headers: request.headers, status: 200, gzipped: false });
        response.writeHead(200, { 'Content-Type': contentType, ...(fault.kind === 'cut-off' ? { 'Content-Length': String(body.length) } : {}) });
        response.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          if (fault.kind === 'cut-off') response.socket?.destroy();
        });
        return;
      }
      default:
        break;
    }
    respondWithValidators(request, response, servedPage(format, page), contentType);
  };

  const respondWithValidators = (request: IncomingMessage, response: ServerResponse, served: ServedDocument, contentType: string) => {
    if (options.validators === false) {
      answer(request, response, 200, served, contentType);
      return;
    }
    const { etag } = served;
    const validators = { ETag: etag, 'Last-Modified': lastModified.toUTCString(), 'Cache-Control': 'no-cache' };
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const unchanged =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
        : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= lastModified.getTime();
    if (unchanged) {
      requests.push({ path: request.url ?? '', headers: request.headers, status: 304, gzipped: false });
      response.writeHead(304, validators);
      response.end();
      return;
    }
    answer(request, response, 200, served, contentType, validators);
  };

  let waiting = 0;
  const server = createServer((request, response) => {
    if (options.delayMs && request.method !== 'OPTIONS') {
      waiting += 1;
      setTimeout(() => {
        waiting -= 1;
        serve(request, response);
      }, options.delayMs);
    } else serve(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const url = options.redirects ? `${origin}/redirect/${options.redirects}` : pageUrl(primary, 1);
  return {
    url,
    feeds: announced(),
    origin,
    requests,
    get waiting() {
      return waiting;
    },
    hugeBodyFinished,
    setItems: (next) => {
      items = next;
      writer = null;
      pages.clear();
    },
    makePages: () => {
      for (const format of formats) {
        for (let page = 1; page <= pageCount(format); page += 1) gzippedBytes(servedPage(format, page));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
