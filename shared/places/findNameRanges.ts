// Finds where place names occur in a text, ignoring case and accents, as whole words: the ranges
// the reader and the list highlight ("tapachla" found the item; "Tapachula" is marked in it).
import { normalizePlaceName } from './normalizePlaceName';

export interface TextRange {
  start: number;
  end: number;
}

const foldCharacter = (character: string): string => character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** In the folded text every character that is no letter or digit is a space. */
const isWordCharacter = (character: string | undefined): boolean => character !== undefined && character !== ' ';

/** Ranges in `text` (end exclusive, non-overlapping, in order) where any of `names` stands as whole words. */
export const findNameRanges = (text: string, names: readonly string[]): TextRange[] => {
  const wanted = [...new Set(names.map(normalizePlaceName).filter((name) => name.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text.length === 0) return [];
  // Most texts name none of the places: one folding of the whole text answers that cheaply.
  const foldedWhole = ` ${normalizePlaceName(text)} `;
  if (!wanted.some((name) => foldedWhole.includes(` ${name} `))) return [];
  // Fold the text one character at a time, remembering where each folded character came from.
  // ASCII (most of any text) is folded without a regular expression and into typed arrays, so a
  // million characters take milliseconds.
  let codes = new Uint16Array(text.length + 16);
  let origin = new Int32Array(text.length + 16);
  let length = 0;
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
    const character = text[index] ?? '';
    const foldedCharacter = /[\p{L}\p{N}]/u.test(character) ? foldCharacter(character) : ' ';
    for (let part = 0; part < foldedCharacter.length; part += 1) append(foldedCharacter.charCodeAt(part), index);
  }
  const chunks: string[] = [];
  for (let start = 0; start < length; start += 8192) chunks.push(String.fromCharCode(...codes.subarray(start, Math.min(length, start + 8192))));
  const folded = chunks.join('');
  const ranges: TextRange[] = [];
  let position = 0;
  while (position < folded.length) {
    let matched = 0;
    if (!isWordCharacter(folded[position - 1])) {
      for (const name of wanted) {
        if (folded.startsWith(name, position) && !isWordCharacter(folded[position + name.length])) {
          matched = name.length;
          break;
        }
      }
    }
    if (matched > 0) {
      const start = origin[position] ?? 0;
      const end = (origin[position + matched - 1] ?? start) + 1;
      ranges.push({ start, end });
      position += matched;
    } else {
      position += 1;
    }
  }
  return ranges;
};
