// A fast, deterministic fingerprint of text (FNV-1a, two 32-bit lanes), to notice unchanged
// documents and items without a crypto API: it is not a security measure.
export const contentHash = (text: string): string => {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
  }
  return `${(first >>> 0).toString(16).padStart(8, '0')}${(second >>> 0).toString(16).padStart(8, '0')}`;
};

/** The same fingerprint over raw bytes (a downloaded document before its charset is known). */
export const bytesHash = (bytes: Uint8Array): string => {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ bytes.length;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    first = Math.imul(first ^ byte, 0x01000193);
    second = Math.imul(second ^ byte, 0x5bd1e995);
  }
  return `${(first >>> 0).toString(16).padStart(8, '0')}${(second >>> 0).toString(16).padStart(8, '0')}`;
};
