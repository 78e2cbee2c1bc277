// Runs in the picture worker: decodes a downloaded picture and, when it is larger than 1,600 px on a
// side (or an animated format), draws it smaller on an OffscreenCanvas and encodes it: WebP (JPEG
// where WebP cannot be written), or JPEG at once when many pictures wait (see `haste`). Orientation is
// read from the file (EXIF), so the saved copy stands upright. The size is read from the header
// first: a picture with more pixels than the limit, or no size its header says, is never decoded.
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { fittedSize } from '../../../shared/pictures/pictureBudget';
import { decodableHeader, type PictureHeader } from '../../../shared/pictures/pictureHeader';
import type { ShrunkPicture } from '../../threads/picturesContract';

/** Types kept byte for byte when they fit: re-encoding them would only lose quality. GIF is not: it may move. */
const keptAsTheyAre = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif']);

/** Why a picture was not decoded: said once for the log; the caller records the picture as unreadable. */
export type PictureRefused = (reason: UserMessage) => void;

/**
 * WebP is about a third smaller than JPEG for the same picture, but Chromium takes some four times
 * longer to write it (about 230 ms against 60 ms for the 1,600 × 1,067 copy of scripts/benchSync.ts's
 * picture): with a long backlog (`haste`, the first sync of a large feed), JPEG gets through it sooner.
 */
const encode = async (canvas: OffscreenCanvas, haste: boolean): Promise<Blob> => {
  if (haste) return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
  const webp = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
  // A browser that cannot write WebP hands back PNG, which would grow a photo: JPEG then.
  return webp.type === 'image/webp' ? webp : canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
};

/**
 * A large picture is scaled while it is decoded. Only the width is given, so the browser keeps the
 * aspect ratio whether it turns the picture (EXIF) before or after scaling; the canvas then fits it.
 */
const decodeOptions = (header: PictureHeader): ImageBitmapOptions => {
  const target = fittedSize(header.width, header.height);
  return target.scaled ? { imageOrientation: 'from-image', resizeWidth: target.width, resizeQuality: 'high' } : { imageOrientation: 'from-image' };
};

export const shrinkPicture = async (bytes: Uint8Array<ArrayBuffer>, contentType: string, haste: boolean, refused: PictureRefused): Promise<ShrunkPicture | null> => {
  const header = decodableHeader(bytes);
  if (!header.ok) {
    refused(header.error);
    return null;
  }
  const original = new Blob([bytes], { type: contentType });
  const decodedWhole = !fittedSize(header.value.width, header.value.height).scaled;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(original, decodeOptions(header.value));
  } catch {
    return null; // Not decodable: the caller records it as unreadable; nothing was stored.
  }
  try {
    const size = fittedSize(bitmap.width, bitmap.height);
    // An animated GIF is drawn once: its first frame is what is kept.
    if (decodedWhole && !size.scaled && keptAsTheyAre.has(contentType)) return { blob: original, width: bitmap.width, height: bitmap.height };
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (context === null) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return { blob: await encode(canvas, haste), width: size.width, height: size.height };
  } finally {
    bitmap.close();
  }
};
