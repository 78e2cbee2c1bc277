// Runs in the picture worker: decodes a downloaded picture and, when it is larger than 1,600 px on a
// side (or an animated format), draws it smaller on an OffscreenCanvas and encodes it: WebP (JPEG
// where WebP cannot be written), or JPEG at once when many pictures wait (see `haste`). Orientation is
// read from the file (EXIF), so the saved copy stands upright.
import { fittedSize } from '../../../shared/pictures/pictureBudget';
import type { ShrunkPicture } from '../../threads/picturesContract';

/** Types kept byte for byte when they fit: re-encoding them would only lose quality. GIF is not: it may move. */
const keptAsTheyAre = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif']);

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

export const shrinkPicture = async (bytes: Uint8Array<ArrayBuffer>, contentType: string, haste: boolean): Promise<ShrunkPicture | null> => {
  const original = new Blob([bytes], { type: contentType });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(original, { imageOrientation: 'from-image' });
  } catch {
    return null; // Not decodable: the caller records it as unreadable; nothing was stored.
  }
  try {
    const size = fittedSize(bitmap.width, bitmap.height);
    // An animated GIF is drawn once: its first frame is what is kept.
    if (!size.scaled && keptAsTheyAre.has(contentType)) return { blob: original, width: bitmap.width, height: bitmap.height };
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
