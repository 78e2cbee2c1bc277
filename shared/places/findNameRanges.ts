// Finds where place names occur in a text, ignoring case and accents, as whole words: the ranges
// the reader and the list highlight ("tapachla" found the item; "Tapachula" is marked in it).
import { readAt, readInt32At } from '../checkedRead';
import { normalizePlaceName } from './normalizePlaceName';

export interface TextRange {
  start: number;
  end: number;
}

const foldCharacter = (character: string): string => character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Ranges in `text` (end exclusive, non-overlapping, in order) where any of `names` stands as whole words. */
export const findNameRanges = (text: string, names: readonly string[]): TextRange[] => {
  const wanted = [...new Set(names.map(normalizePlaceName).filter((name) => name.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text.length === 0) return [];
  // Fold the text one character at a time, remembering where each folded character came from.
  // ASCII (most of any text) is folded without a regular expression and into typed arrays, so a
  // million characters take milliseconds.
  let codes = new Uint16Array(text.length + 16);
  let origin = new Int32Array(text.length + 16);
  let length = 0;
  const foldedOnce = new Map<number, string>();
  const append = (code: number, from: number): void => {
    if (length === codes.length) {
      const grownCodes = new Uint16Array(codes.length * 2);
      grownCodes.set(codes);
      codes = grownCodes;
      const grownOrigin = new Int32Array(origin.length * 2);
      grownOrigin.set(origin);
      origin = grownOrigin;
    }
    codes[length] = code;
    origin[length] = from;
    length += 1;
  };
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      const isUpper = code >= 65 && code <= 90;
      const isWord = isUpper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
      append(isUpper ? code + 32 : isWord ? code : 32, index);
      continue;
    }
    // Other scripts repeat few distinct characters: each is folded once per call.
    let foldedCharacter = foldedOnce.get(code);
    if (foldedCharacter === undefined) {
      const character = String.fromCharCode(code);
      foldedCharacter = /[\p{L}\p{N}]/u.test(character) ? foldCharacter(character) : ' ';
      foldedOnce.set(code, foldedCharacter);
    }
    for (let part = 0; part < foldedCharacter.length; part += 1) append(foldedCharacter.charCodeAt(part), index);
  }
  const chunks: string[] = [];
  for (let start = 0; start < length; start += 8192) chunks.push(String.fromCharCode(...codes.subarray(start, Math.min(length, start + 8192))));
  const folded = chunks.join('');
  // Every character that is no letter or digit is a space in the folded text, so " name " is a
  // whole-word match: each name is looked for with indexOf (no per-position loop), then the
  // earliest, and at one start the longest, non-overlapping matches are kept.
  const padded = ` ${folded} `;
  // Each name's matches come in order; merging the lists (earliest start first, at one start the
  // longest name, as names are sorted longest first) keeps the non-overlapping ones.
  const matches = wanted.map((name) => {
    const needle = ` ${name} `;
    const starts: number[] = [];
    for (let at = padded.indexOf(needle); at !== -1; at = padded.indexOf(needle, at + 1)) starts.push(at);
    return starts;
  });
  const next = matches.map(() => 0);
  const ranges: TextRange[] = [];
  let taken = 0;
  for (;;) {
    let best = -1;
    let bestStart = Number.POSITIVE_INFINITY;
    matches.forEach((starts, nameIndex) => {
      let position = readAt(next, nameIndex);
      while (position < starts.length && readAt(starts, position) < taken) position += 1;
      next[nameIndex] = position;
      const start = starts[position];
      if (start !== undefined && start < bestStart) {
        best = nameIndex;
        bestStart = start;
      }
    });
    if (best === -1) break;
    const matched = readAt(wanted, best).length;
    // A match at `at` in the padded text starts at `at` in the folded one (the padding's space
    // stands before it).
    ranges.push({ start: readInt32At(origin, bestStart), end: readInt32At(origin, bestStart + matched - 1) + 1 });
    taken = bestStart + matched;
  }
  return ranges;
};
