// Picture downloads under the feeds' transport and their own caps, against a real server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { fetchPicture, isPictureType, maxPictureBytes, picturePolicy } from '../../../shared/pictures/fetchPicture';
import { nodeTransport } from '../sync/syncTestKit';
import { makePng, servePictures, type PictureServer } from './pictureServer';
import { englishText } from '../../../shared/i18n/formatMessages';

const png = makePng(40, 30);
let server: PictureServer;
beforeAll(async () => {
  server = await servePictures({
    '/lead.png': { body: png, contentType: 'image/png' },
    '/huge.jpg': { body: Buffer.alloc(20 * 1024 * 1024, 7), contentType: 'image/jpeg' },
    '/huge-chunked.jpg': { body: Buffer.alloc(12 * 1024 * 1024, 7), contentType: 'image/jpeg', chunked: true },
    '/page.html': { body: Buffer.alloc(8 * 1024 * 1024, 60), contentType: 'text/html; charset=utf-8', chunked: true },
    '/drawing.svg': { body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', contentType: 'image/svg+xml' },
    '/broken.png': { body: 'oops', contentType: 'image/png', status: 500 },
  });
});
afterAll(() => server.close());

const get = (path: string) => fetchPicture(nodeTransport, { url: `${server.origin}${path}`, feedUrl: `${server.origin}/feed.json` }, picturePolicy('test'));

describe('a picture download', () => {
  it('brings the picture’s bytes and media type', async () => {
    const result = await get('/lead.png');
    if (!result.ok) throw new Error(englishText(result.error));
    expect(Buffer.from(result.value.bytes).equals(png)).toBe(true);
    expect(result.value.contentType).toBe('image/png');
  });

  it('refuses a picture over 10 MB at its Content-Length, and while it streams when none is sent', async () => {
    expect(maxPictureBytes).toBe(10 * 1024 * 1024);
    for (const path of ['/huge.jpg', '/huge-chunked.jpg']) {
      const result = await get(path);
      expect(result).toMatchObject({ ok: false, reason: 'too-large', error: errorMessages.pictureTooLarge(10) });
      if (!result.ok) expect(result.bytesRead).toBeLessThanOrEqual(maxPictureBytes + 64 * 1024);
    }
  });

  it('refuses an answer that is not a picture at its headers, without reading its body', async () => {
    const result = await get('/page.html');
    expect(result).toMatchObject({ ok: false, reason: 'not-a-picture', error: errorMessages.pictureNotAPicture('text/html') });
    if (!result.ok) expect(result.bytesRead).toBe(0);
  });

  it('never saves SVG (a document that can carry script)', async () => {
    expect(await get('/drawing.svg')).toMatchObject({ ok: false, reason: 'not-a-picture' });
    expect(isPictureType('image/svg+xml; charset=utf-8')).toBe(false);
    expect(isPictureType('Image/JPEG')).toBe(true);
  });

  it('reports a server error and a bad address as values', async () => {
    expect(await get('/broken.png')).toMatchObject({ ok: false, reason: 'http-status', status: 500 });
    expect(await fetchPicture(nodeTransport, { url: 'ftp://x/y.png', feedUrl: 'https://x/' }, picturePolicy('test'))).toMatchObject({ ok: false, reason: 'bad-address' });
  });
});
