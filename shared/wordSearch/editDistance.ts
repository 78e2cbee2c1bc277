// Edit distance between a typed word and a known one, allowing for a word still being typed:
// shared by the word index and the place search's door for a typo in the first letter.
import { readInt32At } from '../checkedRead';

/** Optimal string alignment distance (adjacent swaps count one) between the query and the whole
 *  word, and between the query and the closest prefix of the word; both capped at limit + 1. */
export const editDistances = (query: string, word: string, limit: number, rows: readonly [Int32Array, Int32Array, Int32Array]): { whole: number; prefix: number } => {
  const m = query.length;
  const n = word.length;
  const over = limit + 1;
  // Three rows of at least m + 1 cells: the row two back (for swaps), the previous and the current.
  let [twoBack, previous, current] = rows;
  for (let j = 0; j <= m; j += 1) previous[j] = j;
  let prefix = readInt32At(previous, m);
  for (let i = 1; i <= n; i += 1) {
    current[0] = i;
    let rowMin = i;
    const wordCode = word.charCodeAt(i - 1);
    for (let j = 1; j <= m; j += 1) {
      const queryCode = query.charCodeAt(j - 1);
      const cost = wordCode === queryCode ? 0 : 1;
      let best = Math.min(readInt32At(previous, j) + 1, readInt32At(current, j - 1) + 1, readInt32At(previous, j - 1) + cost);
      if (i > 1 && j > 1 && wordCode === query.charCodeAt(j - 2) && word.charCodeAt(i - 2) === queryCode) {
        best = Math.min(best, readInt32At(twoBack, j - 2) + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    prefix = Math.min(prefix, readInt32At(current, m));
    if (rowMin > limit) return { whole: over, prefix: Math.min(prefix, over) };
    const spare = twoBack;
    twoBack = previous;
    previous = current;
    current = spare;
  }
  return { whole: Math.min(readInt32At(previous, m), over), prefix: Math.min(prefix, over) };
};
