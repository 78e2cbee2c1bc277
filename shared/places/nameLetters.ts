// Letter counts of place names, for a filter that drops, before fuse.js runs, the names it could
// never match: a match with e edits keeps at least (query length − e) of the query's letters.

/** a–z, 0–9 and the space; other characters are not counted (see sharesEnoughLetters). */
export const letterSlots = 37;

const slotOf = (code: number): number =>
  code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : code === 32 ? 36 : -1;

/** Writes the letter counts of a folded name into counts[at … at + letterSlots), capped at 255. */
export const countLetters = (text: string, counts: Uint8Array, at: number): void => {
  for (let position = 0; position < text.length; position += 1) {
    const slot = slotOf(text.charCodeAt(position));
    if (slot >= 0 && (counts[at + slot] ?? 0) < 255) counts[at + slot] = (counts[at + slot] ?? 0) + 1;
  }
};

/** The counted letters of a query, flattened as [slot, count] pairs, and how many there are. */
export interface QueryLetters {
  pairs: number[];
  counted: number;
}

export const queryLetters = (query: string): QueryLetters => {
  const counts = new Uint8Array(letterSlots);
  countLetters(query, counts, 0);
  const pairs: number[] = [];
  let counted = 0;
  counts.forEach((count, slot) => {
    if (count === 0) return;
    pairs.push(slot, count);
    counted += count;
  });
  return { pairs, counted };
};

/** Whether the name at `at` holds enough of the query's counted letters for a match with at most
 *  `edits` edits: each edit loses at most one query letter, and an uncounted query character
 *  needs no counted letter, so (counted − edits) shared letters is a bound that loses no match. */
export const sharesEnoughLetters = (counts: Uint8Array, at: number, query: QueryLetters, edits: number): boolean => {
  const needed = query.counted - edits;
  if (needed <= 0) return true;
  let shared = 0;
  const { pairs } = query;
  for (let pair = 0; pair + 1 < pairs.length; pair += 2) {
    shared += Math.min(pairs[pair + 1] ?? 0, counts[at + (pairs[pair] ?? 0)] ?? 0);
    if (shared >= needed) return true;
  }
  return false;
};
