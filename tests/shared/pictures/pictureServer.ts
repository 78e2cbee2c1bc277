// A picture server on 127.0.0.1 for the picture tests: real PNGs made here (no fixture files), and
// the answers a picture download must survive: huge, not a picture, SVG, slow, failing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer): number => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * A truecolour PNG of `width` × `height`: a gradient, plus noise of `noise` levels (0 for a smooth
 * picture that compresses to little, 255 for one that hardly compresses), from a fixed seed.
 */
export const makePng = (width: number, height: number, noise = 0, seed = 1): Buffer => {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) {
      const at = row + 1 + x * 3;
      const jitter = noise === 0 ? 0 : Math.floor(random() * noise);
      rows[at] = (Math.floor((x / width) * 255) + jitter) & 0xff;
      rows[at + 1] = (Math.floor((y / height) * 255) + jitter) & 0xff;
      rows[at + 2] = (128 + jitter) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
};

export interface PictureServer {
  origin: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface ServedPicture {
  body: Buffer | string;
  contentType: string;
  /** Send no Content-Length (the cap must then bite while the body streams). */
  chunked?: boolean;
  status?: number;
}

/** Serves `pictures` by path, with CORS (web mode fetches from the page); anything else is 404. */
export const servePictures = async (pictures: Record<string, ServedPicture>): Promise<PictureServer> => {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const picture = pictures[path];
    const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };
    if (picture === undefined) return void response.writeHead(404, headers).end();
    const body = typeof picture.body === 'string' ? Buffer.from(picture.body) : picture.body;
    headers['Content-Type'] = picture.contentType;
    if (!picture.chunked) headers['Content-Length'] = String(body.length);
    response.writeHead(picture.status ?? 200, headers);
    // In pieces, so a reader that stops early really leaves bytes unsent.
    const pieceBytes = 64 * 1024;
    let offset = 0;
    const writeMore = (): void => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + pieceBytes);
        offset += piece.length;
        if (!response.write(piece)) return void response.once('drain', writeMore);
      }
      response.end();
    };
    response.on('error', () => undefined); // The client hung up on purpose (a cap); nothing to do.
    writeMore();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
