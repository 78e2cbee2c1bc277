// Whether fuse.js's bitap search could match a pattern in a text at all, decided without running
// it: the fewest edits the pattern needs from each start in the text, found by Myers' bit-vector
// algorithm in one pass over the text, and fuse.js's own score of those edits at that start.
//
// fuse.js (location 0) scores a match of `errors` edits starting at `start` as
// errors / patternLength + start / distance, and takes a match only if that is within its
// threshold. Every match its bitap finds is an alignment of the whole pattern with a part of the
// text that starts there, so it has at least the fewest edits any such alignment has: when even
// the fewest edits at every start score above the threshold, fuse.js finds no match.

/** The longest pattern fuse.js's bitap takes in one piece (longer ones are split and the bound
 *  does not hold). */
export const longestBoundedPattern = 32;

export interface FuseScoreOptions {
  threshold: number;
  distance: number;
}

/** For one pattern: a test that is false only for texts fuse.js cannot match. Both must be lower
 *  case, as fuse.js compares them (it lowers both). */
export type FuseMatchTest = (text: string) => boolean;

/** Builds tests for patterns of up to longestBoundedPattern characters. One test at a time: the
 *  next pattern's test reuses the character masks. */
export const createFuseMatchBound = ({ threshold, distance }: FuseScoreOptions): ((pattern: string) => FuseMatchTest) => {
  // A bit per pattern position for each UTF-16 unit (fuse.js compares units too), the pattern
  // reversed: the text is read from its end, so each step ends at one start of the text.
  const masks = new Int32Array(0x10000);
  let maskedPattern = '';

  return (pattern) => {
    if (pattern.length === 0 || pattern.length > longestBoundedPattern) throw new Error(`no bound for a pattern of ${pattern.length} characters`);
    for (let at = 0; at < maskedPattern.length; at += 1) masks[maskedPattern.charCodeAt(at)] = 0;
    maskedPattern = pattern;
    const length = pattern.length;
    for (let at = 0; at < length; at += 1) {
      const code = pattern.charCodeAt(at);
      masks[code] = (masks[code] ?? 0) | (1 << (length - 1 - at));
    }
    const lastBit = 1 << (length - 1);
    // A start beyond this scores above the threshold with no edit at all.
    const latestStart = threshold * distance;

    return (text) => {
      // Column of Myers' algorithm as vertical +1 and −1 deltas; `edits` is the last row: the
      // fewest edits of the pattern against a part of the text starting at `start`.
      let plus = -1;
      let minus = 0;
      let edits = length;
      for (let start = text.length - 1; start >= 0; start -= 1) {
        const equal = masks[text.charCodeAt(start)] ?? 0;
        const crossed = equal | minus;
        const horizontal = (((equal & plus) + plus) ^ plus) | equal;
        let up = minus | ~(horizontal | plus);
        let down = plus & horizontal;
        if (up & lastBit) edits += 1;
        else if (down & lastBit) edits -= 1;
        // No carry into the first row: a match may begin anywhere, at no cost.
        up <<= 1;
        down <<= 1;
        plus = down | ~(crossed | up);
        minus = up & crossed;
        // Computed as fuse.js computes its score, so rounding cannot set the two apart.
        if (start <= latestStart && edits / length + start / distance <= threshold) return true;
      }
      return false;
    };
  };
};
