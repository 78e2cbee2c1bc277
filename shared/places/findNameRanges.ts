// Finds where place names occur in a text, ignoring case and accents, as whole words: the ranges
// the reader and the list highlight ("tapachla" found the item; "Tapachula" is marked in it).
import { normalizePlaceName } from './normalizePlaceName';

export interface TextRange {
  start: number;
  end: number;
}

const foldCharacter = (character: string): string => character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isWordCharacter = (character: string | undefined): boolean => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** Ranges in `text` (end exclusive, non-overlapping, in order) where any of `names` stands as whole words. */
export const findNameRanges = (text: string, names: readonly string[]): TextRange[] => {
  const wanted = [...new Set(names.map(normalizePlaceName).filter((name) => name.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text.length === 0) return [];
  // Most texts name none of the places: one folding of the whole text answers that cheaply.
  const foldedWhole = ` ${normalizePlaceName(text)} `;
  if (!wanted.some((name) => foldedWhole.includes(` ${name} `))) return [];
  // Fold the text one character at a time, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    const foldedCharacter = /[\p{L}\p{N}]/u.test(character) ? foldCharacter(character) : ' ';
    for (const part of foldedCharacter) {
      folded += part;
      origin.push(index);
    }
  }
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
