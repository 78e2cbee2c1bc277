// Reads an AVIF picture's size from its boxes (ISO base media format), without decoding it: the
// largest image spatial extent ("ispe") of its items, and the frame size of an animated AVIF's
// track. Every box is bounds-checked; each step moves forward by at least a box header, so a file of
// tiny or lying boxes costs one pass over its bytes.
import { ascii, u16be, u32be } from './headerBytes';

export interface AvifSize {
  width: number;
  height: number;
  animated: boolean;
}

interface Box {
  /** Where the box's body starts (after its size and type). */
  start: number;
  /** Where the box ends, cut to its parent's end. */
  end: number;
}

/** The boxes named `type` directly inside [start, end). */
const boxesNamed = (bytes: Uint8Array, start: number, end: number, type: string): Box[] => {
  const found: Box[] = [];
  for (let at = start; at + 8 <= end; ) {
    const declared = u32be(bytes, at);
    // 1: a 64-bit size follows the type; 0: the box runs to its parent's end.
    const header = declared === 1 ? 16 : 8;
    const size = declared === 1 ? u32be(bytes, at + 8) * 2 ** 32 + u32be(bytes, at + 12) : declared === 0 ? end - at : declared;
    if (size < header) break;
    if (ascii(bytes, at + 4, 4) === type) found.push({ start: at + header, end: Math.min(end, at + size) });
    at += size;
  }
  return found;
};

/** The boxes at the end of a path of box names, each step inside the boxes of the step before. */
const boxesAt = (bytes: Uint8Array, within: Box[], path: readonly string[]): Box[] =>
  path.reduce((boxes, type) => boxes.flatMap((box) => boxesNamed(bytes, box.start, box.end, type)), within);

/** "Full" boxes begin with a version and flags (4 bytes) before their children or fields. */
const afterFullBoxHeader = (box: Box): Box => ({ start: box.start + 4, end: box.end });

/** The brands in the file type box: the major brand, then the compatible ones. */
const brandsOf = (bytes: Uint8Array, fileType: Box): string[] => {
  const brands = [ascii(bytes, fileType.start, 4)];
  for (let at = fileType.start + 8; at + 4 <= fileType.end; at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
};

/** Each item's declared size: meta → iprp → ipco → ispe (a full box: width and height, 4 bytes each). */
const itemSizes = (bytes: Uint8Array, top: Box): { width: number; height: number }[] => {
  const properties = boxesAt(bytes, boxesNamed(bytes, top.start, top.end, 'meta').map(afterFullBoxHeader), ['iprp', 'ipco']);
  return boxesAt(bytes, properties, ['ispe'])
    .filter((ispe) => ispe.start + 12 <= ispe.end)
    .map((ispe) => ({ width: u32be(bytes, ispe.start + 4), height: u32be(bytes, ispe.start + 8) }));
};

/** Whether any item is turned a quarter or three quarters (irot), which swaps its sides as shown. */
const isTurned = (bytes: Uint8Array, top: Box): boolean => {
  const properties = boxesAt(bytes, boxesNamed(bytes, top.start, top.end, 'meta').map(afterFullBoxHeader), ['iprp', 'ipco']);
  return boxesAt(bytes, properties, ['irot']).some((irot) => irot.start < irot.end && ((bytes[irot.start] ?? 0) & 1) === 1);
};

/** An animated AVIF's frame size: moov → trak → … → stsd → av01, whose visual sample entry holds width and height at 24. */
const trackSizes = (bytes: Uint8Array, top: Box): { width: number; height: number }[] => {
  const descriptions = boxesAt(bytes, [top], ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd']);
  // stsd is a full box followed by an entry count (4 bytes), then its sample entries.
  return descriptions
    .flatMap((stsd) => boxesNamed(bytes, stsd.start + 8, stsd.end, 'av01'))
    .filter((entry) => entry.start + 28 <= entry.end)
    .map((entry) => ({ width: u16be(bytes, entry.start + 24), height: u16be(bytes, entry.start + 26) }));
};

/**
 * The size an AVIF decodes to, or null when it is no AVIF or names no size. The largest size it
 * names is taken (a grid's canvas, not its tiles; a picture, not its thumbnail), so no part of the
 * file decodes larger than what is checked.
 */
export const readAvifSize = (bytes: Uint8Array): AvifSize | null => {
  const top: Box = { start: 0, end: bytes.length };
  // The file type box comes first, or this is no ISO media file at all.
  const fileType = ascii(bytes, 4, 4) === 'ftyp' ? boxesNamed(bytes, 0, bytes.length, 'ftyp')[0] : undefined;
  if (fileType === undefined) return null;
  const brands = brandsOf(bytes, fileType);
  if (!brands.includes('avif') && !brands.includes('avis')) return null;
  const largest = [...itemSizes(bytes, top), ...trackSizes(bytes, top)].reduce<{ width: number; height: number } | null>(
    (best, size) => (best === null || size.width * size.height > best.width * best.height ? size : best),
    null,
  );
  if (largest === null) return null;
  const turned = isTurned(bytes, top);
  return { width: turned ? largest.height : largest.width, height: turned ? largest.width : largest.height, animated: brands.includes('avis') };
};
