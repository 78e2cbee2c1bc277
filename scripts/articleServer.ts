// A summary-only RSS feed whose items link to real article pages, served on 127.0.0.1 for the
// article tests and bench:articles: the pages of Mozilla Readability's test suite, read at run time
// from ../shared/data/article-pages (never copied into the repository), plus pages of our own (a
// consent wall, a report with a picture on this server). CORS is open, as web mode needs to read them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeXmlText } from '../shared/opml/escapeXml';
import { readCorpus } from './articleCorpus';

export interface ArticleFeedItem {
  /** The page's path on the server, under /articles/. */
  page: string;
  title: string;
  teaser: string;
}

export interface ArticleServerOptions {
  /** The feed's items, in order. */
  items: readonly ArticleFeedItem[];
  /** Pages of our own by path ("/articles/consent-wall/"); corpus pages are /articles/<name>/… (any suffix). */
  ownPages?: Readonly<Record<string, string>>;
  /** Pictures by path ("/pictures/river.png"). */
  pictures?: Readonly<Record<string, Buffer>>;
  /**
   * How many sites the items' links spread over, round-robin: 127.0.0.1, 127.0.0.2, … on one port
   * (Linux routes all of 127/8 to this computer), so a bench sees many publishers, as a user does.
   */
  sites?: number;
}

export interface ArticleServer {
  origin: string;
  /** The origin of each site (the first is `origin`). */
  siteOrigins: string[];
  feedUrl: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const rssOf = (origin: string, sites: readonly string[], items: readonly ArticleFeedItem[]): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0"><channel><title>Teaser News</title>',
    `<link>${escapeXmlText(origin)}/</link><description>Two lines and a link</description>`,
    ...items.map(
      (item, index) =>
        `<item><title>${escapeXmlText(item.title)}</title><link>${escapeXmlText((sites[index % sites.length] ?? origin) + item.page)}</link><guid>${escapeXmlText(`${origin}${item.page}#${index}`)}</guid>` +
        `<description>${escapeXmlText(item.teaser)}</description><pubDate>${new Date(Date.UTC(2026, 10, 30) - index * 60_000).toUTCString()}</pubDate></item>`,
    ),
    '</channel></rss>',
  ].join('\n');

/** The corpus page a path names: /articles/<name>/ or /articles/<name>/<copy>. */
const corpusNameOf = (pathname: string): string | null => /^\/articles\/([a-z0-9-]+)\//.exec(pathname)?.[1] ?? null;

export const startArticleServer = async (options: ArticleServerOptions): Promise<ArticleServer> => {
  const requests: string[] = [];
  const corpus = new Map(readCorpus().map((page) => [page.name, page.source]));
  let origin = '';
  let siteOrigins: string[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(pathname);
    const cors = { 'access-control-allow-origin': '*' };
    const own = options.ownPages?.[pathname];
    const picture = options.pictures?.[pathname];
    const name = corpusNameOf(pathname);
    if (pathname === '/feed.xml') response.writeHead(200, { ...cors, 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssOf(origin, siteOrigins, options.items));
    else if (own !== undefined) response.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' }).end(own);
    else if (picture !== undefined) response.writeHead(200, { ...cors, 'content-type': 'image/png' }).end(picture);
    else if (name !== null && corpus.has(name)) response.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' }).end(corpus.get(name));
    else response.writeHead(404, cors).end('Not found');
  };
  const first: Server = createServer(handle);
  await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
  const { port } = first.address() as AddressInfo;
  const servers = [first];
  for (let site = 2; site <= (options.sites ?? 1); site += 1) {
    const more = createServer(handle);
    await new Promise<void>((resolve) => more.listen(port, `127.0.0.${site}`, resolve));
    servers.push(more);
  }
  origin = `http://127.0.0.1:${port}`;
  siteOrigins = servers.map((_, index) => `http://127.0.0.${index + 1}:${port}`);
  return {
    origin,
    siteOrigins,
    feedUrl: `${origin}/feed.xml`,
    requests,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
};

