// Reads a picture's type and size from its first bytes (JPEG, PNG, WebP, GIF, AVIF, BMP), without
// decoding it: a picture that already fits is then stored as it came, only larger ones go to the
// resize worker, and one that would take too much memory to decode is refused before it is.
// The bytes come from any server, so every read is bounds-checked and a malformed header is null.
import { errorMessages } from '../errorMessages';
import type { UserMessage } from '../i18n/userMessage';
import { fail, succeed, type Result } from '../result';
import { readAvifSize } from './avifHeader';
import { ascii, i32le, startsWith, u16be, u16le, u24le, u32be, u32le } from './headerBytes';

export type HeaderType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/avif' | 'image/bmp';

export interface PictureHeader {
  type: HeaderType;
  /** As shown: a JPEG turned by its EXIF orientation (5–8), or an AVIF by its rotation, has its sides swapped. */
  width: number;
  height: number;
  /** Moves (animated GIF, PNG, WebP or AVIF): saved as its first frame, so it needs decoding. */
  animated: boolean;
}

const sized = (type: HeaderType, width: number, height: number, animated: boolean): PictureHeader | null =>
  width > 0 && height > 0 ? { type, width, height, animated } : null;

/** PNG: IHDR first; an acTL chunk before the first IDAT makes it an animated PNG. */
const readPng = (bytes: Uint8Array): PictureHeader | null => {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null;
  let animated = false;
  // Chunks are walked up to the picture data; each step moves forward by at least 12 bytes.
  for (let at = 8; at + 8 <= bytes.length; at += 12 + u32be(bytes, at)) {
    const type = ascii(bytes, at + 4, 4);
    if (type === 'acTL') animated = true;
    if (type === 'IDAT' || type === 'IEND') break;
  }
  return sized('image/png', u32be(bytes, 16), u32be(bytes, 20), animated);
};

/** Where a GIF's first frame ends (its left plus width, its top plus height), or null when the bytes end first. */
const gifFirstFrameEnd = (bytes: Uint8Array): { right: number; bottom: number } | null => {
  const flags = bytes[10] ?? 0;
  // Past the logical screen descriptor and its colour table (3 bytes a colour), if any.
  let at = 13 + ((flags & 0x80) !== 0 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x2c) return at + 9 > bytes.length ? null : { right: u16le(bytes, at + 1) + u16le(bytes, at + 5), bottom: u16le(bytes, at + 3) + u16le(bytes, at + 7) };
    if (block !== 0x21) return null; // The trailer, or not a GIF block: no frame.
    // An extension: its label, then sub-blocks (a length byte, then that many bytes) up to a zero length.
    at += 2;
    while (at < bytes.length && bytes[at] !== 0) at += 1 + (bytes[at] ?? 0);
    at += 1;
  }
  return null;
};

/**
 * GIF: the logical screen's size, grown to the first frame when that frame reaches past it (decoders
 * grow the picture so, and a hostile file could declare a tiny screen). Always taken as moving: frames
 * are not counted (that means walking every block), and a GIF is always drawn once by the worker.
 */
const readGif = (bytes: Uint8Array): PictureHeader | null => {
  if (bytes.length < 10) return null;
  const frame = gifFirstFrameEnd(bytes);
  return sized('image/gif', Math.max(u16le(bytes, 6), frame?.right ?? 0), Math.max(u16le(bytes, 8), frame?.bottom ?? 0), true);
};

/** BMP: an old (OS/2) header holds 16-bit sides, a newer one 32-bit ones (a negative height: stored top down). */
const readBmp = (bytes: Uint8Array): PictureHeader | null => {
  const headerSize = u32le(bytes, 14);
  if (headerSize === 12) return bytes.length < 22 ? null : sized('image/bmp', u16le(bytes, 18), u16le(bytes, 20), false);
  if (headerSize < 40 || bytes.length < 26) return null;
  return sized('image/bmp', Math.abs(i32le(bytes, 18)), Math.abs(i32le(bytes, 22)), false);
};

/** AVIF: see avifHeader.ts. */
const readAvif = (bytes: Uint8Array): PictureHeader | null => {
  const size = readAvifSize(bytes);
  return size === null ? null : sized('image/avif', size.width, size.height, size.animated);
};

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X, whose flags say whether it moves). */
const readWebp = (bytes: Uint8Array): PictureHeader | null => {
  if (bytes.length < 25 || ascii(bytes, 8, 4) !== 'WEBP') return null;
  const chunk = ascii(bytes, 12, 4);
  // Each kind's size ends at a known byte: a header cut before it is no header.
  if (chunk !== 'VP8L' && bytes.length < 30) return null;
  if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)
    return sized('image/webp', u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff, false);
  if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    const bits = u32le(bytes, 21);
    return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, false);
  }
  if (chunk === 'VP8X') return sized('image/webp', u24le(bytes, 24) + 1, u24le(bytes, 27) + 1, ((bytes[20] ?? 0) & 0x02) !== 0);
  return null;
};

/** The EXIF orientation (1–8) in an APP1 segment's body, or 1 when absent or unreadable. */
const exifOrientation = (bytes: Uint8Array, start: number, end: number): number => {
  if (ascii(bytes, start, 6) !== 'Exif\0\0') return 1;
  const tiff = start + 6;
  const little = ascii(bytes, tiff, 2) === 'II';
  if (!little && ascii(bytes, tiff, 2) !== 'MM') return 1;
  const u16 = (at: number) => (little ? u16le(bytes, at) : u16be(bytes, at));
  const u32 = (at: number) => (little ? u32le(bytes, at) : u32be(bytes, at));
  const directory = tiff + u32(tiff + 4);
  const entries = u16(directory);
  for (let index = 0; index < entries; index += 1) {
    const entry = directory + 2 + index * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) === 0x0112) {
      const orientation = u16(entry + 8);
      return orientation >= 1 && orientation <= 8 ? orientation : 1;
    }
  }
  return 1;
};

/** The start-of-frame markers that carry the size (not DHT C4, JPG C8 or DAC CC). */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: the segments are walked to the first start-of-frame; an EXIF orientation of 5–8 swaps the sides. */
const readJpeg = (bytes: Uint8Array): PictureHeader | null => {
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes, and markers that stand alone (no length).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // The picture ended, or its data began, with no size.
    const length = u16be(bytes, at + 2);
    if (length < 2) return null;
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(bytes, at + 4, Math.min(bytes.length, at + 2 + length));
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null;
      const height = u16be(bytes, at + 5);
      const width = u16be(bytes, at + 7);
      return orientation >= 5 ? sized('image/jpeg', height, width, false) : sized('image/jpeg', width, height, false);
    }
    at += 2 + length;
  }
  return null;
};

/** The picture's type and size from its header, or null when the bytes are none of the six formats or cut short. */
export const readPictureHeader = (bytes: Uint8Array): PictureHeader | null => {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return readPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8])) return readJpeg(bytes);
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46])) return readWebp(bytes);
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return readGif(bytes);
  if (ascii(bytes, 4, 4) === 'ftyp') return readAvif(bytes);
  if (ascii(bytes, 0, 2) === 'BM') return readBmp(bytes);
  return null;
};

/** Types stored byte for byte when they fit; a GIF may move, and AVIF and BMP are redrawn by the worker. */
const storedAsServed = new Set<HeaderType>(['image/jpeg', 'image/png', 'image/webp']);

/**
 * The header of a picture that can be stored byte for byte: a still JPEG, PNG or WebP within the
 * longest side kept. Anything else (larger, moving, unknown) is decoded and redrawn by the worker.
 */
export const storableAsServed = (bytes: Uint8Array, maxSide: number): PictureHeader | null => {
  const header = readPictureHeader(bytes);
  if (header === null || header.animated || !storedAsServed.has(header.type)) return null;
  return Math.max(header.width, header.height) <= maxSide ? header : null;
};

/**
 * The most pixels a picture may have to be decoded. Decoded, a pixel takes 4 bytes: 40 million take
 * 160 MB, where a 16,000 × 16,000 PNG of a few kilobytes would take 1 GB. A news item's picture is
 * saved at 1,600 px a side at most, so a larger original is never needed.
 */
export const maxPicturePixels = 40_000_000;

/**
 * The header of a picture that is safe to decode, or why it is not: more pixels than the limit, or
 * a size its header does not say (damaged, or a format this reader does not know), which could be any.
 */
export const decodableHeader = (bytes: Uint8Array): Result<PictureHeader, UserMessage> => {
  const header = readPictureHeader(bytes);
  if (header === null) return fail(errorMessages.pictureSizeUnknown);
  if (header.width * header.height > maxPicturePixels) return fail(errorMessages.pictureTooManyPixels(header.width, header.height, maxPicturePixels / 1_000_000));
  return succeed(header);
};
