// One spelling for comparing place names and queries: lower case, no accents, words separated by
// single spaces ("  Petén " and "peten" are the same; "Port-au-Prince" is "port au prince").

const nonAscii = /[^ -~]/;
const marks = /\p{M}/gu;
const separators = /[^\p{L}\p{N}]+/gu;

/** Folds one word: lower case without accents. Cheap for plain ASCII words, which most are. */
export const foldWord = (word: string): string =>
  nonAscii.test(word) ? word.toLowerCase().normalize('NFD').replace(marks, '') : word.toLowerCase();

/** Folds a name or query: lower case, no accents, punctuation as spaces, spaces collapsed. */
export const normalizePlaceName = (text: string): string =>
  foldWord(text).replace(separators, ' ').trim();
