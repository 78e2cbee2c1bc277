// The feed server of the sync tests and benchmarks makes each page once (bench:sync makes them all
// before its clock starts): a page made ahead must be the page made on request, byte for byte, with
// the same ETag, gzipped or not, and new items must never be answered with the old pages.
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../shared/contentHash';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';

const items = (count: number, text = 'Teams registered needs in Tapachula.') =>
  Array.from({ length: count }, (_, number) => ({ id: `item-${number}`, title: `Report ${number}`, content_text: text, date_published: '2021-07-07T12:00:00Z' }));

/** One GET with or without gzip (Node's fetch always asks for it): the body as text, its ETag. */
const get = (address: string, gzip: boolean) =>
  new Promise<{ text: string; etag: string | undefined; gzipped: boolean }>((resolve, reject) => {
    request(address, { headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const gzipped = response.headers['content-encoding'] === 'gzip';
        resolve({ text: (gzipped ? gunzipSync(body) : body).toString('utf8'), etag: response.headers.etag, gzipped });
      });
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });

const servers: FeedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const serve = async (count: number) => {
  const server = await startFeedServer({ items: items(count), pageSize: 3, title: 'Pages' });
  servers.push(server);
  return server;
};

const everyPage = (server: FeedServer) => server.feeds.flatMap(({ url }) => [url, `${url}?page=2`, `${url}?page=3`]);

describe('the feed server’s pages', () => {
  it('serves a page made ahead exactly as one made on request, in every format, gzipped or not', async () => {
    const ahead = await serve(8);
    const onRequest = await serve(8);
    ahead.makePages();
    for (const [index, address] of everyPage(ahead).entries()) {
      const other = everyPage(onRequest)[index] ?? '';
      for (const gzip of [true, false]) {
        const [made, asked] = await Promise.all([get(address, gzip), get(other, gzip)]);
        expect(made.gzipped).toBe(gzip);
        // The ETag is the fingerprint of the very text served, made ahead or not.
        expect(made.etag).toBe(`"${contentHash(made.text)}"`);
        expect(asked.etag).toBe(`"${contentHash(asked.text)}"`);
        expect(made.text.replaceAll(ahead.origin, '')).toBe(asked.text.replaceAll(onRequest.origin, ''));
        expect(made.text).toContain('Report');
        // Each format's own document, whichever format's pages were made first.
        expect(made.text).toMatch(address.includes('/feed.json') ? /^\{/ : address.includes('/feed.rss') ? /<rss\b/ : /<feed\b/);
        if (!address.endsWith('=2') && !address.endsWith('=3')) expect(made.text).toContain(`${ahead.origin}/feed.`);
      }
    }
  });

  it('answers new items after setItems, even with every page made ahead', async () => {
    const server = await serve(8);
    server.makePages();
    const before = await get(server.url, true);
    server.setItems(items(8, 'Flooding displaced families in Flores, Petén.'));
    const after = await get(server.url, true);
    expect(after.text).toContain('Flores, Petén');
    expect(after.text).not.toContain('Tapachula');
    expect(after.etag).not.toBe(before.etag);
  });
});
