// The postings of the word index: for each word, the item slots that have it, packed as
// variable-length gaps so 100,000 items' words fit in a few megabytes of typed arrays.
import { readAt, readInt32At, readUint8At } from '../checkedRead';

/** The postings of every word, by word id: the slots of the items that have it, ascending, each
 *  kept as a variable-length number (7 bits a byte) of (gap from the previous slot) × 2 + (1 when
 *  the word is in the title). Most words of a large vocabulary occur once (names, numbers, typos):
 *  their one posting is kept as a plain number, without an array of its own. */
export interface PostingStore {
  /** Adds a word with no postings; returns its id. */
  addWord(): number;
  /** Slots must ascend for each word. */
  add(word: number, slot: number, inTitle: boolean): void;
  /** Writes slot × 2 + (1 when in the title) of every posting of the word to `decoded`; returns
   *  how many. */
  decode(word: number): number;
  readonly decoded: Int32Array;
  /** The postings as plain typed arrays (copies), to keep on disk: `createPostingStore(saved)`
   *  gives the same store back. */
  save(): SavedPostings;
}

/** A posting store at rest: every word's bytes one after another (`byteEnds[word]` is where its
 *  bytes end), and each word's last slot and single posting. */
export interface SavedPostings {
  bytes: Uint8Array;
  byteEnds: Int32Array;
  lastSlots: Int32Array;
  singles: Int32Array;
}

/** Whether a value read back from disk has the shape `save` gives (the lengths agree). */
export const isSavedPostings = (value: unknown): value is SavedPostings => {
  if (typeof value !== 'object' || value === null) return false;
  const { bytes, byteEnds, lastSlots, singles } = value as Partial<Record<keyof SavedPostings, unknown>>;
  return (
    bytes instanceof Uint8Array &&
    byteEnds instanceof Int32Array &&
    lastSlots instanceof Int32Array &&
    singles instanceof Int32Array &&
    byteEnds.length === lastSlots.length &&
    singles.length === lastSlots.length &&
    (byteEnds.length === 0 || byteEnds[byteEnds.length - 1] === bytes.length)
  );
};

/** A posting store's arrays by word id. */
interface PostingArrays {
  bytesOf: (Uint8Array | undefined)[];
  usedOf: number[];
  lastOf: number[];
  singleOf: number[];
}

const restorePostings = (saved: SavedPostings, { bytesOf, usedOf, lastOf, singleOf }: PostingArrays): void => {
  let start = 0;
  for (let word = 0; word < saved.lastSlots.length; word += 1) {
    const end = readInt32At(saved.byteEnds, word);
    // A word's bytes are exactly as long as used: its next posting copies them into room of its own.
    bytesOf.push(end > start ? saved.bytes.subarray(start, end) : undefined);
    usedOf.push(end - start);
    lastOf.push(readInt32At(saved.lastSlots, word));
    singleOf.push(readInt32At(saved.singles, word));
    start = end;
  }
};

const savePostings = ({ bytesOf, usedOf, lastOf, singleOf }: PostingArrays): SavedPostings => {
  const byteEnds = new Int32Array(lastOf.length);
  let size = 0;
  usedOf.forEach((used, word) => {
    size += used;
    byteEnds[word] = size;
  });
  const bytes = new Uint8Array(size);
  bytesOf.forEach((wordBytes, word) => {
    const used = readAt(usedOf, word);
    if (wordBytes !== undefined) bytes.set(wordBytes.subarray(0, used), readInt32At(byteEnds, word) - used);
  });
  return { bytes, byteEnds, lastSlots: Int32Array.from(lastOf), singles: Int32Array.from(singleOf) };
};

export const createPostingStore = (saved?: SavedPostings): PostingStore => {
  const bytesOf: (Uint8Array | undefined)[] = [];
  const usedOf: number[] = [];
  const lastOf: number[] = [];
  const singleOf: number[] = [];
  let decoded = new Int32Array(1024);
  if (saved !== undefined) restorePostings(saved, { bytesOf, usedOf, lastOf, singleOf });

  const write = (bytes: Uint8Array, at: number, value: number): number => {
    let next = at;
    let rest = value >>> 0;
    while (rest >= 0x80) {
      bytes[next] = (rest & 0x7f) | 0x80;
      next += 1;
      rest >>>= 7;
    }
    bytes[next] = rest;
    return next + 1;
  };

  return {
    addWord() {
      bytesOf.push(undefined);
      usedOf.push(0);
      lastOf.push(-1);
      singleOf.push(0);
      return lastOf.length - 1;
    },
    add(word, slot, inTitle) {
      const last = readAt(lastOf, word);
      const titleBit = inTitle ? 1 : 0;
      lastOf[word] = slot;
      if (last === -1) {
        singleOf[word] = slot * 2 + titleBit;
        return;
      }
      // No bytes yet: the word has had a single posting.
      let bytes = bytesOf[word];
      let used = readAt(usedOf, word);
      if (bytes === undefined) {
        bytes = new Uint8Array(16);
        // The single posting becomes the first gap, counted from slot -1.
        used = write(bytes, 0, readAt(singleOf, word) + 2);
      } else if (used + 5 > bytes.length) {
        const grown = new Uint8Array(bytes.length * 2);
        grown.set(bytes.subarray(0, used));
        bytes = grown;
      }
      bytesOf[word] = bytes;
      usedOf[word] = write(bytes, used, (slot - last) * 2 + titleBit);
    },
    decode(word) {
      const last = readAt(lastOf, word);
      if (last === -1) return 0;
      if (decoded.length <= last) decoded = new Int32Array(Math.max(last + 1, decoded.length * 2));
      const bytes = bytesOf[word];
      if (bytes === undefined) {
        decoded[0] = readAt(singleOf, word);
        return 1;
      }
      const used = readAt(usedOf, word);
      let count = 0;
      let slot = -1;
      let at = 0;
      while (at < used) {
        // Gaps of common words fit in one byte: read those without the loop.
        let byte = readUint8At(bytes, at);
        at += 1;
        let value = byte & 0x7f;
        let scale = 0x80;
        while (byte >= 0x80 && at < used) {
          byte = readUint8At(bytes, at);
          at += 1;
          value += (byte & 0x7f) * scale;
          scale *= 0x80;
        }
        slot += value >>> 1;
        decoded[count] = slot * 2 + (value & 1);
        count += 1;
      }
      return count;
    },
    get decoded() {
      return decoded;
    },
    save: () => savePostings({ bytesOf, usedOf, lastOf, singleOf }),
  };
};
