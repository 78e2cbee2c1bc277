// The picture header reader: each format's size from its first bytes, EXIF orientation, animation,
// and bytes from a hostile server (random, cut short, lying lengths) read as null, never a throw;
// and the check before decoding: no more than 40 million pixels, and no picture of unknown size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { decodableHeader, maxPicturePixels, readPictureHeader, storableAsServed, type PictureHeader } from '../../../shared/pictures/pictureHeader';
import { makePng } from './pictureServer';

const bytes = (...parts: (number[] | string | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : [...part])));
const be16 = (value: number) => [value >> 8, value & 0xff];
const le16 = (value: number) => [value & 0xff, value >> 8];
const le24 = (value: number) => [value & 0xff, (value >> 8) & 0xff, value >> 16];

/** A JPEG's first segments: APP0, an optional EXIF orientation (big- or little-endian), then a baseline frame header. */
const jpeg = (width: number, height: number, orientation: number | null = null, littleEndian = false): Uint8Array => {
  const u16 = littleEndian ? le16 : be16;
  const u32 = (value: number) => (littleEndian ? [...le16(value), 0, 0] : [0, 0, ...be16(value)]);
  const exif =
    orientation === null ? [] : [...bytes('Exif\0\0', littleEndian ? 'II' : 'MM'), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)];
  const app1 = orientation === null ? [] : [0xff, 0xe1, ...be16(exif.length + 2), ...exif];
  return bytes([0xff, 0xd8, 0xff, 0xe0, ...be16(16)], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0], app1, [0xff, 0xc0, ...be16(17), 8, ...be16(height), ...be16(width), 3], new Uint8Array(9), [0xff, 0xda]);
};
const riff = (chunk: string, body: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [...le16(body.length), 0, 0], body);
const webpLossy = (width: number, height: number) => riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height), 0, 0]);
const webpLossless = (width: number, height: number) => {
  const packed = (width - 1) | ((height - 1) << 14);
  return riff('VP8L', [0x2f, packed & 0xff, (packed >>> 8) & 0xff, (packed >>> 16) & 0xff, (packed >>> 24) & 0xff, 0, 0, 0, 0]);
};
const webpExtended = (width: number, height: number, animated: boolean) => riff('VP8X', [animated ? 0x02 : 0, 0, 0, 0, ...le24(width - 1), ...le24(height - 1), 0, 0]);
const be32 = (value: number) => [...be16(Math.floor(value / 0x10000)), ...be16(value & 0xffff)];
const le32 = (value: number) => [...le16(value & 0xffff), ...le16((value >>> 16) & 0xffff)];
/** A PNG's signature and IHDR chunk only (25 bytes of a header, CRC left zero): the size a crafted file declares. */
const pngHeader = (width: number, height: number) => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', be32(width), be32(height), [8, 2, 0, 0, 0, 0, 0, 0, 0]);
/** An ISO media box: its size, its type, its body. */
const box = (type: string, ...body: (number[] | string | Uint8Array)[]): Uint8Array => {
  const content = bytes(...body);
  return bytes(be32(content.length + 8), type, content);
};
const fullBox = (type: string, ...body: (number[] | string | Uint8Array)[]) => box(type, [0, 0, 0, 0], ...body);
const ispe = (width: number, height: number) => fullBox('ispe', be32(width), be32(height));
/** A still AVIF: its file type, then its item properties (sizes, and a rotation if given). */
const avif = (sizes: [number, number][], rotation: number | null = null, brand = 'avif') =>
  bytes(
    box('ftyp', brand, [0, 0, 0, 0], 'mif1', brand),
    fullBox('meta', fullBox('hdlr', new Uint8Array(4), 'pict', new Uint8Array(13)), box('iprp', box('ipco', ...sizes.map(([width, height]) => ispe(width, height)), rotation === null ? [] : box('irot', [rotation])))),
  );
/** An animated AVIF's track: moov → trak → … → stsd → av01, its width and height 24 bytes into the sample entry. */
const avifTrack = (width: number, height: number) =>
  box('moov', box('trak', box('mdia', box('minf', box('stbl', fullBox('stsd', be32(1), box('av01', new Uint8Array(24), be16(width), be16(height), new Uint8Array(50))))))));
const bmp = (width: number, height: number) => bytes('BM', new Uint8Array(12), le32(40), le32(width), le32(height >>> 0), le16(1), le16(24), new Uint8Array(24));
/** A GIF whose first frame (after a comment extension) is placed at (left, top) with its own size. */
const gifWithFrame = (screen: [number, number], left: number, top: number, width: number, height: number) =>
  bytes('GIF89a', le16(screen[0]), le16(screen[1]), [0x80, 0, 0], new Uint8Array(6), [0x21, 0xfe, 3], 'abc', [0], [0x2c, ...le16(left), ...le16(top), ...le16(width), ...le16(height), 0]);

/** An animated PNG: the acTL chunk between IHDR and the picture data. */
const apng = (width: number, height: number) => {
  const png = makePng(width, height);
  const actl = bytes([0, 0, 0, 8], 'acTL', new Uint8Array(12));
  return bytes(png.subarray(0, 33), actl, png.subarray(33));
};

describe('reading a picture’s header', () => {
  it('gives each format’s type and size', () => {
    expect(readPictureHeader(makePng(2400, 1200))).toEqual({ type: 'image/png', width: 2400, height: 1200, animated: false });
    expect(readPictureHeader(jpeg(1920, 1080))).toEqual({ type: 'image/jpeg', width: 1920, height: 1080, animated: false });
    expect(readPictureHeader(webpLossy(800, 600))).toEqual({ type: 'image/webp', width: 800, height: 600, animated: false });
    expect(readPictureHeader(webpLossless(1601, 3))).toEqual({ type: 'image/webp', width: 1601, height: 3, animated: false });
    expect(readPictureHeader(webpExtended(5000, 7, false))).toEqual({ type: 'image/webp', width: 5000, height: 7, animated: false });
    expect(readPictureHeader(bytes('GIF89a', le16(640), le16(480), [0, 0, 0]))).toEqual({ type: 'image/gif', width: 640, height: 480, animated: true });
  });

  it('reads AVIF, BMP and a GIF whose first frame reaches past its screen', () => {
    expect(readPictureHeader(avif([[2048, 1536]]))).toEqual({ type: 'image/avif', width: 2048, height: 1536, animated: false });
    // A grid's canvas beside its tiles, and a thumbnail: the largest is what decodes.
    expect(readPictureHeader(avif([[512, 512], [4096, 2048], [160, 80]]))).toMatchObject({ width: 4096, height: 2048 });
    expect(readPictureHeader(avif([[4000, 3000]], 1))).toMatchObject({ width: 3000, height: 4000 });
    expect(readPictureHeader(avif([[4000, 3000]], 2))).toMatchObject({ width: 4000, height: 3000 });
    expect(readPictureHeader(bytes(avif([[64, 64]], null, 'avis'), avifTrack(7000, 7000)))).toEqual({ type: 'image/avif', width: 7000, height: 7000, animated: true });
    expect(readPictureHeader(avif([[64, 64]], null, 'heic'))).toBeNull();
    expect(readPictureHeader(bytes(box('ftyp', 'avif', [0, 0, 0, 0]), box('mdat', new Uint8Array(16))))).toBeNull();
    expect(readPictureHeader(bmp(640, 480))).toEqual({ type: 'image/bmp', width: 640, height: 480, animated: false });
    expect(readPictureHeader(bmp(640, -480))).toMatchObject({ width: 640, height: 480 });
    expect(readPictureHeader(gifWithFrame([10, 10], 5, 0, 16_000, 16_000))).toMatchObject({ type: 'image/gif', width: 16_005, height: 16_000 });
    expect(readPictureHeader(gifWithFrame([640, 480], 0, 0, 320, 240))).toMatchObject({ width: 640, height: 480 });
  });

  it('swaps a JPEG’s sides when its EXIF orientation turns it (5 to 8), in either byte order', () => {
    expect(readPictureHeader(jpeg(4000, 3000, 6))).toMatchObject({ width: 3000, height: 4000 });
    expect(readPictureHeader(jpeg(4000, 3000, 8, true))).toMatchObject({ width: 3000, height: 4000 });
    expect(readPictureHeader(jpeg(4000, 3000, 3))).toMatchObject({ width: 4000, height: 3000 });
    expect(readPictureHeader(jpeg(4000, 3000, 99))).toMatchObject({ width: 4000, height: 3000 });
  });

  it('knows a moving PNG or WebP, which is decoded for its first frame', () => {
    expect(readPictureHeader(apng(10, 10))).toMatchObject({ type: 'image/png', animated: true });
    expect(readPictureHeader(webpExtended(10, 10, true))).toMatchObject({ animated: true });
    expect(storableAsServed(apng(10, 10), 1600)).toBeNull();
  });

  it('lets through as served only a still JPEG, PNG or WebP within the longest side', () => {
    expect(storableAsServed(jpeg(1600, 900), 1600)).toMatchObject({ width: 1600, height: 900 });
    expect(storableAsServed(jpeg(1601, 900), 1600)).toBeNull();
    expect(storableAsServed(jpeg(900, 1601, 6), 1600)).toBeNull();
    expect(storableAsServed(makePng(20, 20), 1600)).toMatchObject({ type: 'image/png' });
    expect(storableAsServed(bytes('GIF89a', le16(20), le16(20), [0, 0, 0]), 1600)).toBeNull();
    expect(storableAsServed(avif([[20, 20]]), 1600)).toBeNull();
    expect(storableAsServed(bmp(20, 20), 1600)).toBeNull();
    expect(storableAsServed(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 1600)).toBeNull();
  });

  it('reads a header cut short, a zero size or a JPEG with no frame header as no header', () => {
    // Sides over 255, so that a size read from half its bytes would be wrong rather than zero. Each
    // picture with the byte where its size ends: cut before it, no header; from it on, the whole header.
    const jpegTurned = jpeg(300, 260, 6);
    const jpegFrameAt = jpegTurned.findIndex((byte, index) => byte === 0xff && jpegTurned[index + 1] === 0xc0);
    const pictures: [Uint8Array, number, PictureHeader][] = [
      // Signature, IHDR's length and type, then width and height (4 bytes each).
      [makePng(300, 260, 0), 24, { type: 'image/png', width: 300, height: 260, animated: false }],
      // The frame header's marker, length and precision, then height and width (2 bytes each); turned by EXIF 6.
      [jpegTurned, jpegFrameAt + 9, { type: 'image/jpeg', width: 260, height: 300, animated: false }],
      // RIFF header and chunk header (20 bytes), then VP8's frame tag and start code, width and height.
      [webpLossy(300, 260), 30, { type: 'image/webp', width: 300, height: 260, animated: false }],
      // VP8L's signature byte, then both sides packed in 4 bytes.
      [webpLossless(300, 260), 25, { type: 'image/webp', width: 300, height: 260, animated: false }],
      // VP8X's flags and reserved bytes, then width and height (3 bytes each).
      [webpExtended(300, 260, false), 30, { type: 'image/webp', width: 300, height: 260, animated: false }],
    ];
    for (const [picture, sizeEnd, header] of pictures) {
      expect(readPictureHeader(picture)).toEqual(header);
      for (let length = 0; length < Math.min(picture.length, 90); length += 1) {
        expect(readPictureHeader(picture.subarray(0, length)), `${header.type} cut to ${length} bytes`).toEqual(length < sizeEnd ? null : header);
      }
    }
    expect(readPictureHeader(jpeg(0, 20))).toBeNull();
    expect(readPictureHeader(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda, 0, 0]))).toBeNull();
    expect(readPictureHeader(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBeNull();
  });

  it('never throws on hostile bytes, and whatever it reads has positive sides', () => {
    const signatures = [
      [],
      [0xff, 0xd8],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...bytes('RIFF')],
      [...bytes('GIF89a')],
      [...bytes([0, 0, 0, 20], 'ftypavif', [0, 0, 0, 0], 'avis')],
      [...bytes('BM')],
    ];
    // Random bytes after a signature, or a valid header with bytes overwritten or cut, or boxes nested at random.
    const damaged = fc
      .tuple(fc.constantFrom(avif([[300, 200]], 1), bytes(avif([[8, 8]], null, 'avis'), avifTrack(300, 200)), gifWithFrame([10, 10], 0, 0, 300, 200), bmp(300, -200)), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat())
      .map(([picture, at, noise, cut]) => {
        const copy = Uint8Array.from(picture);
        copy.set(noise.subarray(0, Math.max(0, copy.length - (at % copy.length))), at % copy.length);
        return copy.subarray(0, cut % (copy.length + 1));
      });
    const randomBytes = fc.tuple(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 300 })).map(([signature, rest]) => Uint8Array.from([...signature, ...rest]));
    fc.assert(
      fc.property(fc.oneof(randomBytes, damaged), (picture) => {
        const header = readPictureHeader(picture);
        const decodable = decodableHeader(picture);
        expect(decodable.ok ? decodable.value : null).toEqual(header !== null && header.width * header.height <= maxPicturePixels ? header : null);
        return header === null || (Number.isInteger(header.width) && header.width > 0 && Number.isInteger(header.height) && header.height > 0);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the check before decoding', () => {
  it('refuses a PNG declaring 16,000 × 16,000 pixels (1 GB once decoded) from its 33 header bytes', () => {
    expect(decodableHeader(pngHeader(16_000, 16_000))).toEqual({ ok: false, error: errorMessages.pictureTooManyPixels(16_000, 16_000, 40) });
  });

  it('lets through up to 40 million pixels, in any format, and refuses one more', () => {
    expect(decodableHeader(pngHeader(8_000, 5_000))).toMatchObject({ ok: true, value: { width: 8_000, height: 5_000 } });
    expect(decodableHeader(pngHeader(8_000, 5_001)).ok).toBe(false);
    expect(decodableHeader(jpeg(65_535, 65_535)).ok).toBe(false);
    expect(decodableHeader(webpExtended(16_384, 16_384, false)).ok).toBe(false);
    expect(decodableHeader(avif([[640, 480], [20_000, 20_000]])).ok).toBe(false);
    expect(decodableHeader(bmp(100_000, -1_000)).ok).toBe(false);
    expect(decodableHeader(gifWithFrame([1, 1], 0, 0, 65_535, 65_535)).ok).toBe(false);
    expect(decodableHeader(makePng(40, 30))).toMatchObject({ ok: true, value: { width: 40, height: 30 } });
  });

  it('refuses a picture whose size its header does not say: unknown format, damaged, or cut short', () => {
    const icon = bytes([0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 32, 0], new Uint8Array(16));
    for (const picture of [icon, bytes('<svg/>'), pngHeader(16_000, 16_000).subarray(0, 20), new Uint8Array(0)]) {
      expect(decodableHeader(picture)).toEqual({ ok: false, error: errorMessages.pictureSizeUnknown });
    }
  });
});
