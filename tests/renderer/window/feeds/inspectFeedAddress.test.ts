// Looking at a pasted address before it is added: a page that announces feeds has them offered, but
// a page from outside the network does not get to name a feed inside it (the address rules hold for
// discovered links too); the person may still type that address themselves.
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../../shared/errorMessages';
import type { FeedFetchResult } from '../../../../shared/sync/fetchFeedDocument';
import { inspectFeedAddress } from '../../../../renderer/window/feeds/inspectFeedAddress';

const pageAnnouncing = (...feeds: string[]) =>
  `<!doctype html><html><head><title>News</title>${feeds.map((href) => `<link rel="alternate" type="application/rss+xml" href="${href}">`).join('')}</head><body>News</body></html>`;

const bridgeServing = (html: string, answeredUrl: string) => ({
  fetchFeedDocument: (): Promise<FeedFetchResult> =>
    Promise.resolve({
      ok: true,
      value: {
        kind: 'fetched',
        url: answeredUrl,
        bytes: new TextEncoder().encode(html),
        contentType: 'text/html; charset=utf-8',
        validators: { etag: null, lastModified: null, contentHash: null },
        bytesRead: html.length,
      },
    }),
});

describe('feeds a page announces', () => {
  it('refuses the one feed a public page names inside the network, saying how to add it on purpose', async () => {
    const page = 'https://news.example.org/';
    const inspected = await inspectFeedAddress(bridgeServing(pageAnnouncing('http://192.168.1.1/rss'), page), page);
    expect(inspected).toEqual({ kind: 'not-a-feed', error: errorMessages.discoveredFeedInsideNetwork('192.168.1.1', 'http://192.168.1.1/rss') });
  });

  it('offers only the public feeds when a public page names one inside the network too', async () => {
    const page = 'https://news.example.org/';
    const inspected = await inspectFeedAddress(bridgeServing(pageAnnouncing('http://localhost:8080/feed', 'https://news.example.org/rss'), page), page);
    expect(inspected).toEqual({ kind: 'feed', url: 'https://news.example.org/rss' });
  });

  it('lets a page inside the network name a feed there', async () => {
    const page = 'http://intranet.local/';
    const inspected = await inspectFeedAddress(bridgeServing(pageAnnouncing('http://10.0.0.7/rss'), page), page);
    expect(inspected).toEqual({ kind: 'feed', url: 'http://10.0.0.7/rss' });
  });
});
