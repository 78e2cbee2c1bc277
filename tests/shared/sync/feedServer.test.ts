// The development feed server itself: what web mode needs from it (CORS) and its pagination.
import { describe, expect, it } from 'vitest';
import { feedItems, serveFeed } from './syncTestKit';

describe('feed server', () => {
  it('answers a CORS preflight allowing the conditional-GET headers', async () => {
    const server = await serveFeed({ items: feedItems(1) });
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/If-None-Match.*If-Modified-Since/);
  });

  it('exposes ETag and Last-Modified to web pages', async () => {
    const server = await serveFeed({ items: feedItems(1) });
    const response = await fetch(server.url);
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified');
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(response.headers.get('last-modified')).not.toBeNull();
  });

  it('serves the bundled sample feed in pages linked by next_url', async () => {
    const server = await serveFeed({ file: 'renderer/public/feeds/iom-regional-news-2021.json', pageSize: 2 });
    const first: unknown = await (await fetch(server.url)).json();
    expect(first).toMatchObject({ title: 'IOM Regional News', next_url: `${server.url}?page=2` });
    expect(first).toHaveProperty('items.length', 2);
  });
});
