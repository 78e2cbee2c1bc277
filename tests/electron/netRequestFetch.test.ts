// The main process's download transport (net.request with manual redirects) under the shared fetch
// policy, against a real HTTP server on 127.0.0.1: the policy's redirect cap and loop detection hold
// in the desktop app, as do the size cap, timeouts and conditional GET.
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/errorMessages';
import { fetchFeedDocument, type FeedFetchResult, type FeedTransport } from '../../shared/sync/fetchFeedDocument';
import { netRequestFetch } from '../../electron/netRequestFetch';
import { feedItems, serveFeed, testPolicy } from '../shared/sync/syncTestKit';
import type { FetchLike } from '../../shared/sync/fetchFeedDocument';
import { fakeNetRequest } from './fakeNetRequest';

const transport: FeedTransport = { fetch: netRequestFetch(fakeNetRequest), followsRedirectsItself: false, sendsUserAgent: true };
const download = (url: string, policy = testPolicy(), validators: Parameters<typeof fetchFeedDocument>[1]['validators'] = null) =>
  fetchFeedDocument(transport, { url, feedUrl: url, validators }, policy);
const failed = (result: FeedFetchResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${result.value.kind}`);
  return result;
};

describe('downloads in the main process (net.request)', () => {
  it('downloads a feed with its validators and the app User-Agent, then gets a 304 for it', async () => {
    const server = await serveFeed({ items: feedItems(3), title: 'Net News', gzip: false });
    const first = await download(server.url);
    if (!first.ok || first.value.kind !== 'fetched') throw new Error('expected a document');
    expect(JSON.parse(new TextDecoder().decode(first.value.bytes))).toMatchObject({ title: 'Net News' });
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^FieldNews\//);
    expect(await download(server.url, testPolicy(), first.value.validators)).toEqual({ ok: true, value: { kind: 'not-modified', url: server.url } });
  });

  it('follows five redirects, and refuses a sixth without asking for it', async () => {
    const five = await serveFeed({ items: feedItems(1), redirects: 5, gzip: false });
    expect(await download(five.url)).toMatchObject({ ok: true, value: { kind: 'fetched', url: `${five.origin}/feed.json` } });
    const six = await serveFeed({ items: feedItems(1), redirects: 6, gzip: false });
    expect(failed(await download(six.url))).toMatchObject({ reason: 'too-many-redirects', error: errorMessages.fetchTooManyRedirects(5) });
    expect(six.requests).toHaveLength(6);
  });

  it('names a redirect loop as such', async () => {
    const server = await serveFeed({ fault: { kind: 'redirect-loop' } });
    expect(failed(await download(server.url))).toMatchObject({ reason: 'redirect-loop', error: errorMessages.fetchRedirectLoop });
  });

  it('stops a 50 MB body at the size cap', async () => {
    const server = await serveFeed({ fault: { kind: 'huge', bytes: 50 * 1024 * 1024 } });
    const policy = testPolicy({ maxDocumentBytes: 2 * 1024 * 1024 });
    const failure = failed(await download(server.url, policy));
    expect(failure).toMatchObject({ reason: 'too-large' });
    expect(await server.hugeBodyFinished).toBeLessThan(25 * 1024 * 1024);
  });

  it('tells a body cut halfway, a stalled body, a silent server and a refused connection apart', async () => {
    const cut = await serveFeed({ items: feedItems(2_000), fault: { kind: 'cut-off' }, gzip: false });
    expect(failed(await download(cut.url))).toMatchObject({ reason: 'cut-off' });
    const stall = await serveFeed({ items: feedItems(2_000), fault: { kind: 'stall' }, gzip: false });
    expect(failed(await download(stall.url, testPolicy({ idleTimeoutMs: 400 })))).toMatchObject({ reason: 'stalled' });
    const silent = await serveFeed({ fault: { kind: 'never-answer' } });
    expect(failed(await download(silent.url, testPolicy({ idleTimeoutMs: 400 })))).toMatchObject({ reason: 'timeout' });
    const closed = await serveFeed({ items: feedItems(1) });
    await closed.close();
    expect(failed(await download(closed.url))).toMatchObject({ reason: 'refused', error: errorMessages.fetchRefused });
  });

  it('names the status of a failing server, and a feed that is gone', async () => {
    const busy = await serveFeed({ fault: { kind: 'status', status: 503 } });
    expect(failed(await download(busy.url))).toMatchObject({ reason: 'http-status', status: 503 });
    const gone = await serveFeed({ fault: { kind: 'status', status: 410 } });
    expect(failed(await download(gone.url))).toMatchObject({ reason: 'gone' });
  });

  it('names an unknown host from Chromium\'s net::ERR_NAME_NOT_RESOLVED, with the host in the message', async () => {
    const failure = failed(await download('http://no-such-host.invalid/feed.json'));
    expect(failure).toMatchObject({ reason: 'host-not-found', error: errorMessages.fetchHostNotFound('no-such-host.invalid') });
  });

  it('names a redirect that Electron cancelled (no one followed it) as one it cannot follow', async () => {
    const server = await serveFeed({ items: feedItems(1), redirects: 1, gzip: false });
    // A FetchLike that, unlike netRequestFetch, ignores the 'redirect' event: Electron then cancels the request.
    const ignoresRedirects: FetchLike = (url, init) =>
      new Promise((resolve, reject) => {
        const client = fakeNetRequest({ url, method: init.method, redirect: 'manual' });
        client.on('response', (response) => resolve({ status: response.statusCode, headers: { get: () => null }, body: null }));
        client.on('error', reject);
        client.end();
      });
    const result = await fetchFeedDocument({ fetch: ignoresRedirects, followsRedirectsItself: false, sendsUserAgent: true }, { url: server.url, feedUrl: server.url, validators: null }, testPolicy());
    expect(failed(result)).toMatchObject({ reason: 'redirect-unusable', error: errorMessages.fetchRedirectUnusable });
    expect(server.requests).toHaveLength(1);
  });
});
