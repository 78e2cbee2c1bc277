// Whether fuse.js's bitap search could match a pattern in a text, or match it with a final score
// within a limit, decided without running it: the fewest edits the pattern needs from each start
// in the text, found by Myers' bit-vector algorithm in one pass, scored as fuse.js scores them.
//
// fuse.js (location 0) scores a match of `errors` edits starting at `start` as
// errors / patternLength + start / distance, and takes a match only if that is within its
// threshold. Every match its bitap finds is an alignment of the whole pattern with a part of the
// text that starts there, so it has at least the fewest edits any such alignment has: when even
// the fewest edits at every start score above the threshold, fuse.js finds no match. The score
// fuse.js then returns for a text is that of one such match raised to the text's field-length
// norm (at most 1), so it is no lower than the bitap score: a text whose every start scores above
// limit^(1 / norm) ends above the limit.
import { readAt, readInt32At } from '../checkedRead';

/** The longest pattern fuse.js's bitap takes in one piece (longer ones are split and the bound
 *  does not hold). */
export const longestBoundedPattern = 32;

export interface FuseScoreOptions {
  threshold: number;
  distance: number;
}

/** For one pattern: false only for a text fuse.js cannot match within the limit. The text must be
 *  lower case, as fuse.js compares it; `norm` is its field-length norm in fuse.js's index. */
export type FuseMatchTest = (text: string, norm: number) => boolean;

/** Room for the rounding of Math.pow: the limit on the bitap score is taken this much looser. */
const powSlack = 1e-9;

/** Builds tests for patterns of up to longestBoundedPattern characters, lower case. `scoreLimit`
 *  (Infinity: none) rules out texts whose final score would be above it. One test at a time: the
 *  next pattern's test reuses the character masks. */
export const createFuseMatchBound = ({ threshold, distance }: FuseScoreOptions): ((pattern: string, scoreLimit?: number) => FuseMatchTest) => {
  // fuse.js scores a distance of 0 otherwise (any start but the first is no match).
  if (!(distance > 0)) throw new Error(`no bound for a distance of ${distance}`);
  // A bit per pattern position for each UTF-16 unit (fuse.js compares units too), the pattern
  // reversed: the text is read from its end, so each step ends at one start of the text.
  const masks = new Int32Array(0x10000);
  let maskedPattern = '';

  return (pattern, scoreLimit = Number.POSITIVE_INFINITY) => {
    if (pattern.length === 0 || pattern.length > longestBoundedPattern) throw new Error(`no bound for a pattern of ${pattern.length} characters`);
    for (let at = 0; at < maskedPattern.length; at += 1) masks[maskedPattern.charCodeAt(at)] = 0;
    maskedPattern = pattern;
    const length = pattern.length;
    for (let at = 0; at < length; at += 1) {
      const code = pattern.charCodeAt(at);
      masks[code] = readInt32At(masks, code) | (1 << (length - 1 - at));
    }
    const lastBit = 1 << (length - 1);

    /** What a text must hold for a match under a bitap score limit. `allowed` is the most edits
     *  taken from each start, worked out with fuse.js's own arithmetic (edits / length + start /
     *  distance ≤ limit), so rounding cannot set the two apart; none is taken from a start past
     *  its end. */
    interface Reach {
      allowed: number[];
      latestStart: number;
      /** A match of at most allowed[0] edits from a start up to latestStart ends before this, so
       *  the rest of a long name cannot change whether there is one. */
      end: number;
      /** allowed[0] + 1 pieces of the pattern: with that few edits, one piece is matched as it
       *  is, so a text holding none of them before `end` needs no further look. */
      pieces: string[];
    }
    const reachOf = (limit: number): Reach => {
      const allowed: number[] = [];
      for (let start = 0; ; start += 1) {
        let edits = -1;
        while (edits < length && (edits + 1) / length + start / distance <= limit) edits += 1;
        if (edits < 0) break;
        allowed.push(edits);
      }
      // None allowed: not even an exact match at the first start is within the limit, and the
      // test answers false before it looks at the pieces or the end.
      const mostEdits = allowed[0] ?? 0;
      const pieces: string[] = [];
      for (let piece = 0; piece <= mostEdits && mostEdits < length; piece += 1) {
        pieces.push(pattern.slice(Math.floor((piece * length) / (mostEdits + 1)), Math.floor(((piece + 1) * length) / (mostEdits + 1))));
      }
      return { allowed, latestStart: allowed.length - 1, end: allowed.length - 1 + length + mostEdits, pieces };
    };
    const unlimited = reachOf(threshold);
    // One per norm (one per number of words in a name) when the final score is limited, kept in
    // a short list: a name has one of a few norms.
    const byNorm: [number, Reach][] = [];
    const reachFor = (norm: number): Reach => {
      if (scoreLimit >= 1) return unlimited;
      for (const [known, reach] of byNorm) if (known === norm) return reach;
      const reach = reachOf(Math.min(threshold, Math.pow(scoreLimit, 1 / norm) * (1 + powSlack)));
      byNorm.push([norm, reach]);
      return reach;
    };

    return (text, norm) => {
      const { allowed, latestStart, end, pieces } = reachFor(norm);
      if (latestStart < 0) return false;
      // Native substring search first: most names hold no piece where a match could be.
      if (pieces.length > 0 && !pieces.some((piece) => {
        const at = text.indexOf(piece);
        return at >= 0 && at + piece.length <= end;
      })) return false;
      // Column of Myers' algorithm as vertical +1 and −1 deltas; `edits` is the last row: the
      // fewest edits of the pattern against a part of the text starting at `start`.
      let plus = -1;
      let minus = 0;
      let edits = length;
      for (let start = Math.min(text.length, end) - 1; start >= 0; start -= 1) {
        const equal = readInt32At(masks, text.charCodeAt(start));
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
        if (start <= latestStart && edits <= readAt(allowed, start)) return true;
      }
      return false;
    };
  };
};
