// fetchFeedDocument against a real HTTP server on 127.0.0.1, with Node's fetch as the transport.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { bytesHash } from '../../../shared/contentHash';
import { fetchFeedDocument, type FeedFetchResult, type FeedTransport } from '../../../shared/sync/fetchFeedDocument';
import { feedItems, nodeTransport, serveFeed, testPolicy } from './syncTestKit';
import { englishText } from '../../../shared/i18n/formatMessages';

const fetched = (result: FeedFetchResult) => {
  if (!result.ok) throw new Error(`expected a document, got: ${englishText(result.error)}`);
  if (result.value.kind !== 'fetched') throw new Error(`expected a fetched document, got ${result.value.kind}`);
  return result.value;
};

const failed = (result: FeedFetchResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${result.value.kind}`);
  return result;
};

describe('fetchFeedDocument: a document and its validators', () => {
  it('downloads the text with its ETag and Last-Modified, naming the app in the User-Agent', async () => {
    const server = await serveFeed({ items: feedItems(3) });
    const document = fetched(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(JSON.parse(new TextDecoder().decode(document.bytes))).toMatchObject({ items: [{ id: 'item-1' }, { id: 'item-2' }, { id: 'item-3' }] });
    expect(document.validators.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(document.validators.lastModified).toBe('Wed, 07 Jul 2021 12:00:00 GMT');
    // With the server's validators to go by, no fingerprint is worked out.
    expect(document.validators.contentHash).toBeNull();
    expect(server.requests[0]?.headers['user-agent']).toBe('FieldNews/0.0.0-test (+offline news reader)');
  });

  it('accepts a gzip-compressed answer and hands back the decoded text', async () => {
    const server = await serveFeed({ items: feedItems(200) });
    const document = fetched(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(server.requests[0]?.gzipped).toBe(true);
    expect(new TextDecoder().decode(document.bytes).startsWith('{"version":"https://jsonfeed.org/version/1.1"')).toBe(true);
  });

  it('sends the stored ETag back as If-None-Match and reports a 304 as not modified', async () => {
    const server = await serveFeed({ items: feedItems(3) });
    const first = fetched(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    const second = await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: first.validators }, testPolicy());
    expect(second).toEqual({ ok: true, value: { kind: 'not-modified', url: server.url } });
    expect(server.requests[1]).toMatchObject({ status: 304, headers: { 'if-none-match': first.validators.etag } });
  });

  it('sends a stored Last-Modified as If-Modified-Since when there is no ETag', async () => {
    const server = await serveFeed({ items: feedItems(3) });
    const validators = { etag: null, lastModified: 'Wed, 07 Jul 2021 12:00:00 GMT', contentHash: null };
    const result = await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators }, testPolicy());
    expect(result).toEqual({ ok: true, value: { kind: 'not-modified', url: server.url } });
    expect(server.requests[0]?.headers['if-modified-since']).toBe(validators.lastModified);
  });

  it('calls a document unchanged when the server sends no validators and the text hashes the same', async () => {
    const server = await serveFeed({ items: feedItems(3), validators: false });
    const first = fetched(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(first.validators).toEqual({ etag: null, lastModified: null, contentHash: bytesHash(first.bytes) });
    const again = await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: first.validators }, testPolicy());
    expect(again).toEqual({ ok: true, value: { kind: 'unchanged', url: server.url } });
    server.setItems(feedItems(4));
    const changed = fetched(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: first.validators }, testPolicy()));
    expect(changed.validators.contentHash).not.toBe(first.validators.contentHash);
  });
});

describe('fetchFeedDocument: redirects', () => {
  it('follows up to five redirects and reports the final address', async () => {
    const server = await serveFeed({ items: feedItems(1), redirects: 5 });
    const document = fetched(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(document.url).toBe(`${server.origin}/feed.json`);
    expect(server.requests.map((request) => request.status)).toEqual([302, 302, 302, 302, 302, 200]);
  });

  it('gives up after five redirects without asking for a sixth address', async () => {
    const server = await serveFeed({ items: feedItems(1), redirects: 6 });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'too-many-redirects', error: errorMessages.fetchTooManyRedirects(5) });
    expect(server.requests).toHaveLength(6);
  });

  it('names a redirect loop as such', async () => {
    const server = await serveFeed({ fault: { kind: 'redirect-loop' } });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'redirect-loop', error: errorMessages.fetchRedirectLoop, status: 302 });
  });
});

describe('fetchFeedDocument: https is never traded for plain http', () => {
  // A real server on 127.0.0.1 stands behind the address https://secure.test (as a TLS-terminating
  // proxy would): the transport maps that name to it, and the server redirects to plain http.
  const serveSecureRedirect = async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/moved-secure') {
        response.writeHead(302, { location: 'https://secure.test/feed.json' }).end();
      } else if (request.url === '/feed.json') {
        response.writeHead(200, { 'content-type': 'application/feed+json' }).end('{"version":"https://jsonfeed.org/version/1.1","items":[]}');
      } else {
        response.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json` }).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const behindTls = (url: string) => url.replace('https://secure.test', origin);
    return { requests, origin, behindTls, close: () => new Promise((resolve) => server.close(resolve)) };
  };

  it('refuses a redirect from https to http before following it', async () => {
    const secure = await serveSecureRedirect();
    try {
      const transport: FeedTransport = { fetch: (url, init) => fetch(secure.behindTls(url), init), followsRedirectsItself: false, sendsUserAgent: true };
      const url = 'https://secure.test/downgrade';
      const failure = failed(await fetchFeedDocument(transport, { url, feedUrl: url, validators: null }, testPolicy()));
      expect(failure).toMatchObject({ reason: 'redirect-insecure', error: errorMessages.fetchRedirectInsecure, status: 302 });
      expect(secure.requests).toEqual(['/downgrade']);
    } finally {
      await secure.close();
    }
  });

  it('follows a redirect that stays on https', async () => {
    const secure = await serveSecureRedirect();
    try {
      const transport: FeedTransport = { fetch: (url, init) => fetch(secure.behindTls(url), init), followsRedirectsItself: false, sendsUserAgent: true };
      const url = 'https://secure.test/moved-secure';
      const document = fetched(await fetchFeedDocument(transport, { url, feedUrl: url, validators: null }, testPolicy()));
      expect(document.url).toBe('https://secure.test/feed.json');
      expect(secure.requests).toEqual(['/moved-secure', '/feed.json']);
    } finally {
      await secure.close();
    }
  });

  it('refuses an answer that a browser reached over plain http after asking over https (web mode)', async () => {
    const secure = await serveSecureRedirect();
    try {
      // The browser follows redirects itself; what it reports is where the answer came from.
      const transport: FeedTransport = {
        fetch: async (url, init) => {
          const response = await fetch(secure.behindTls(url), init);
          return { status: response.status, url: response.url, headers: response.headers, body: response.body };
        },
        followsRedirectsItself: true,
        sendsUserAgent: false,
      };
      const url = 'https://secure.test/downgrade';
      const failure = failed(await fetchFeedDocument(transport, { url, feedUrl: url, validators: null }, testPolicy()));
      expect(failure).toMatchObject({ reason: 'redirect-insecure', error: errorMessages.fetchRedirectInsecure });
    } finally {
      await secure.close();
    }
  });
});

describe('fetchFeedDocument: a feed on https keeps what it names on https', () => {
  it('refuses a later page on plain http of a feed added on https, without a request', async () => {
    const server = await serveFeed({ items: feedItems(3), pageSize: 1 });
    try {
      const failure = failed(await fetchFeedDocument(nodeTransport, { url: `${server.url}?page=2`, feedUrl: 'https://news.example.org/feed.json', validators: null }, testPolicy()));
      expect(failure).toMatchObject({ reason: 'page-insecure', error: errorMessages.fetchPageInsecure });
      expect(server.requests).toHaveLength(0);
      // The same page of a feed added on http is fetched.
      fetched(await fetchFeedDocument(nodeTransport, { url: `${server.url}?page=2`, feedUrl: server.url, validators: null }, testPolicy()));
    } finally {
      await server.close();
    }
  });
});

describe('fetchFeedDocument: a transport that follows redirects itself (web mode)', () => {
  // Node's fetch with redirect 'follow' stands in for a browser, which hides a redirect's Location.
  const webLikeTransport: FeedTransport = { fetch, followsRedirectsItself: true, sendsUserAgent: false };

  it('reaches the feed through redirects and leaves the User-Agent to the platform', async () => {
    const server = await serveFeed({ items: feedItems(1), redirects: 3 });
    const document = fetched(await fetchFeedDocument(webLikeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(JSON.parse(new TextDecoder().decode(document.bytes))).toMatchObject({ items: [{ id: 'item-1' }] });
    expect(document.url).toBe(`${server.origin}/feed.json`);
    expect(server.requests.at(-1)?.headers['user-agent']).not.toContain('FieldNews');
  });

  it('reports a redirect loop the platform gave up on as too many redirects', async () => {
    const server = await serveFeed({ fault: { kind: 'redirect-loop' } });
    const failure = failed(await fetchFeedDocument(webLikeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'too-many-redirects', error: errorMessages.fetchTooManyRedirects(5) });
  });
});

describe('fetchFeedDocument: server answers that are not a feed', () => {
  it.each([500, 503, 404])('names the status %i in the message', async (status) => {
    const server = await serveFeed({ fault: { kind: 'status', status } });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'http-status', status, error: errorMessages.fetchHttpStatus(status) });
    expect(englishText(failure.error)).toContain(`The server answered ${status}`);
  });

  it('tells a feed that is gone (410) apart from other failures', async () => {
    const server = await serveFeed({ fault: { kind: 'status', status: 410 } });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'gone', status: 410, error: errorMessages.fetchGone });
  });
});

describe('fetchFeedDocument: broken and hostile connections', () => {
  it('stops a 50 MB body at the size cap, having read little more than the cap', async () => {
    const server = await serveFeed({ fault: { kind: 'huge', bytes: 50 * 1024 * 1024 } });
    const policy = testPolicy({ maxDocumentBytes: 2 * 1024 * 1024 });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, policy));
    expect(failure).toMatchObject({ reason: 'too-large', error: errorMessages.fetchTooLarge(2) });
    expect(failure.bytesRead).toBeGreaterThan(policy.maxDocumentBytes);
    expect(failure.bytesRead).toBeLessThan(policy.maxDocumentBytes + 512 * 1024);
    // The server stopped writing long before 50 MB: the download was cancelled, not drained.
    expect(await server.hugeBodyFinished).toBeLessThan(25 * 1024 * 1024);
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const server = await serveFeed({ items: feedItems(2_000), gzip: false });
    const policy = testPolicy({ maxDocumentBytes: 64 * 1024 });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, policy));
    expect(failure).toMatchObject({ reason: 'too-large', bytesRead: 0, error: errorMessages.fetchTooLarge(0.1) });
  });

  it('applies the cap to the decompressed text of a gzip answer', async () => {
    const server = await serveFeed({ items: feedItems(2_000) });
    const policy = testPolicy({ maxDocumentBytes: 64 * 1024 });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, policy));
    expect(server.requests[0]?.gzipped).toBe(true);
    expect(failure).toMatchObject({ reason: 'too-large' });
    expect(failure.bytesRead).toBeGreaterThan(policy.maxDocumentBytes);
  });

  it('reports a body cut off halfway, without returning part of it', async () => {
    const server = await serveFeed({ items: feedItems(2_000), fault: { kind: 'cut-off' }, gzip: false });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'cut-off', error: errorMessages.fetchCutOff });
  });

  it('gives up on a body that stops arriving halfway after the idle timeout', async () => {
    const server = await serveFeed({ items: feedItems(2_000), fault: { kind: 'stall' }, gzip: false });
    const policy = testPolicy({ idleTimeoutMs: 500 });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, policy));
    expect(failure).toMatchObject({ reason: 'stalled', error: errorMessages.fetchStalled(0.5) });
    expect(failure.bytesRead).toBeGreaterThan(0);
  });

  it('gives up on a server that accepts the connection and never answers (idle timeout)', async () => {
    const server = await serveFeed({ fault: { kind: 'never-answer' } });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy({ idleTimeoutMs: 500 })));
    expect(failure).toMatchObject({ reason: 'timeout', error: errorMessages.fetchTimeout(0.5) });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up on a server that never answers when the total time runs out first', async () => {
    const server = await serveFeed({ fault: { kind: 'never-answer' } });
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy({ totalTimeoutMs: 500 })));
    expect(failure).toMatchObject({ reason: 'timeout', error: errorMessages.fetchTimeout(0.5) });
  });

  it('names a refused connection', async () => {
    const server = await serveFeed({ items: feedItems(1) });
    await server.close();
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: server.url, feedUrl: server.url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'refused', error: errorMessages.fetchRefused });
    // The log gets what the transport threw, the socket error in its cause included.
    expect(failure.cause).toMatch(/^TypeError: fetch failed .*ECONNREFUSED/);
  });

  it('names a server whose name does not resolve', async () => {
    const failure = failed(await fetchFeedDocument(nodeTransport, { url: 'http://feed.example.invalid/feed.json', feedUrl: 'http://feed.example.invalid/feed.json', validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'host-not-found', error: errorMessages.fetchHostNotFound('feed.example.invalid') });
  });

  it.each(['ftp://example.org/feed.json', 'not an address', 'javascript:alert(1)'])('refuses %s before any request', async (url) => {
    const failure = failed(await fetchFeedDocument(nodeTransport, { url, feedUrl: url, validators: null }, testPolicy()));
    expect(failure).toMatchObject({ reason: 'bad-address', error: errorMessages.fetchBadAddress });
  });
});
