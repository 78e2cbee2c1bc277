// The picture worker's decoding: a picture's size is read from its header before anything is
// decoded, so a few bytes declaring 16,000 × 16,000 pixels never reach createImageBitmap; a large
// picture is scaled while it is decoded. Node has no createImageBitmap or OffscreenCanvas: the test
// puts stand-ins in their place and watches what the worker asks of them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../../../shared/errorMessages';
import type { UserMessage } from '../../../../shared/i18n/userMessage';
import { shrinkPicture } from '../../../../renderer/workers/pictures/shrinkPicture';

const bytes = (...parts: (number[] | string)[]): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));
const be32 = (value: number) => [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
/** A PNG's signature and IHDR chunk: what a crafted file needs to declare its size (no pixels follow). */
const pngHeader = (width: number, height: number) => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', be32(width), be32(height), [8, 2, 0, 0, 0, 0, 0, 0, 0]);

/** Stand-ins for the browser's decoder and canvas: the decoder answers with the size asked for, or the declared one. */
const browserStandIns = (declared: { width: number; height: number }) => {
  const decode = vi.fn((_source: Blob, options?: ImageBitmapOptions) => {
    const width = options?.resizeWidth ?? declared.width;
    return Promise.resolve({ width, height: Math.round((declared.height * width) / declared.width), close: vi.fn() });
  });
  const drawn: { width: number; height: number }[] = [];
  class CanvasStandIn {
    constructor(
      readonly width: number,
      readonly height: number,
    ) {
      drawn.push({ width, height });
    }
    getContext = () => ({ imageSmoothingQuality: 'low', drawImage: vi.fn() });
    convertToBlob = (options: { type: string }) => Promise.resolve(new Blob(['encoded'], { type: options.type }));
  }
  vi.stubGlobal('createImageBitmap', decode);
  vi.stubGlobal('OffscreenCanvas', CanvasStandIn);
  return { decode, drawn };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('shrinkPicture', () => {
  it('refuses a PNG declaring 16,000 × 16,000 pixels before decoding it, and says why', async () => {
    const { decode } = browserStandIns({ width: 16_000, height: 16_000 });
    const refused: UserMessage[] = [];
    expect(await shrinkPicture(pngHeader(16_000, 16_000), 'image/png', false, (reason) => refused.push(reason))).toBeNull();
    expect(decode).not.toHaveBeenCalled();
    expect(refused).toEqual([errorMessages.pictureTooManyPixels(16_000, 16_000, 40)]);
  });

  it('refuses a picture whose header says no size (an icon, damaged bytes) before decoding it', async () => {
    const { decode } = browserStandIns({ width: 16, height: 16 });
    const refused: UserMessage[] = [];
    expect(await shrinkPicture(bytes([0, 0, 1, 0, 1, 0, 16, 16]), 'image/x-icon', false, (reason) => refused.push(reason))).toBeNull();
    expect(decode).not.toHaveBeenCalled();
    expect(refused).toEqual([errorMessages.pictureSizeUnknown]);
  });

  it('scales a large picture while decoding it (the width only, so the aspect stays), then encodes the copy', async () => {
    const { decode, drawn } = browserStandIns({ width: 6_000, height: 4_000 });
    const refused = vi.fn();
    const shrunk = await shrinkPicture(pngHeader(6_000, 4_000), 'image/png', false, refused);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(decode.mock.calls[0]?.[1]).toEqual({ imageOrientation: 'from-image', resizeWidth: 1_600, resizeQuality: 'high' });
    expect(drawn).toEqual([{ width: 1_600, height: 1_067 }]);
    expect(shrunk).toMatchObject({ width: 1_600, height: 1_067 });
    expect(shrunk?.blob.type).toBe('image/webp');
    expect(refused).not.toHaveBeenCalled();
  });

  it('keeps a picture that fits as it came, decoded whole only to check it', async () => {
    const { decode, drawn } = browserStandIns({ width: 800, height: 600 });
    const shrunk = await shrinkPicture(pngHeader(800, 600), 'image/png', false, vi.fn());
    expect(decode.mock.calls[0]?.[1]).toEqual({ imageOrientation: 'from-image' });
    expect(drawn).toEqual([]);
    expect(shrunk).toMatchObject({ width: 800, height: 600 });
    expect(shrunk?.blob.type).toBe('image/png');
  });
});
