// Feed discovery: the <link rel="alternate"> of a page, resolved, http(s) only, once each, capped.
import { describe, expect, it } from 'vitest';
import { discoverFeedLinks, maxDiscoveredFeeds } from '../../../shared/feed/discoverFeedLinks';

describe('discoverFeedLinks', () => {
  it('resolves against the page address, or against <base href>', () => {
    const html = '<head><link rel="alternate" type="application/rss+xml" href="../rss.xml" title=" Main   news "></head>';
    expect(discoverFeedLinks(html, 'https://news.example/a/b/page.html')).toEqual([
      { url: 'https://news.example/a/rss.xml', title: 'Main news', format: 'rss' },
    ]);
    const withBase = `<base href="https://cdn.example/feeds/">${html}`;
    expect(discoverFeedLinks(withBase, 'https://news.example/a/b/page.html')[0]?.url).toBe('https://cdn.example/rss.xml');
  });

  it('knows every feed type, in any case, with rel among other words', () => {
    const html = [
      '<LINK REL="alternate nofollow" TYPE="Application/Atom+XML" HREF="/a">',
      '<link rel=alternate type="application/feed+json" href=/j>',
      '<link rel="alternate" type="application/json" href="/j2">',
      '<link rel="alternate" type="application/rdf+xml" href="/r">',
      '<link rel="alternate" type="text/html" href="/html">',
      '<link rel="stylesheet" type="application/rss+xml" href="/not-alternate">',
    ].join('');
    expect(discoverFeedLinks(html, 'https://x.example/').map((link) => [link.url, link.format])).toEqual([
      ['https://x.example/a', 'atom'], ['https://x.example/j', 'json-feed'], ['https://x.example/j2', 'json-feed'], ['https://x.example/r', 'rdf'],
    ]);
  });

  it('drops non-web addresses and repeats, and stops at the cap', () => {
    const html = [
      '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">',
      '<link rel="alternate" type="application/rss+xml" href="data:text/xml,&lt;rss&gt;">',
      '<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">',
      ...Array.from({ length: 50 }, (_, index) => `<link rel="alternate" type="application/rss+xml" href="/f${index % 30}">`),
    ].join('');
    const links = discoverFeedLinks(html, 'https://x.example/');
    expect(links).toHaveLength(maxDiscoveredFeeds);
    expect(new Set(links.map((link) => link.url)).size).toBe(maxDiscoveredFeeds);
    expect(links.every((link) => link.url.startsWith('https://x.example/f'))).toBe(true);
  });

  it('reads no feed out of scripts or comments, and runs nothing', () => {
    const html = '<script>document.write(\'<link rel="alternate" type="application/rss+xml" href="/s">\')</script><!-- <link rel="alternate" type="application/rss+xml" href="/c"> -->';
    expect(discoverFeedLinks(html, 'https://x.example/')).toEqual([]);
  });
});
