import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { createFuseMatchBound, longestBoundedPattern } from '../../../shared/places/fuseScoreBound';
import { fuseOptions } from '../../../shared/places/placeNameIndex';

const bound = createFuseMatchBound(fuseOptions);
/** fuse.js's score for the text, or undefined when it does not match; and the text's norm. */
const fuseScore = (pattern: string, text: string): { score: number | undefined; norm: number } => {
  const fuse = new Fuse([text], fuseOptions);
  return { score: fuse.search(pattern)[0]?.score, norm: fuse.getIndex().records[0]?.n ?? 1 };
};
const couldMatch = (pattern: string, text: string, scoreLimit?: number): boolean => bound(pattern, scoreLimit)(text, fuseScore(pattern, text).norm);
const fuseMatches = (pattern: string, text: string): boolean => fuseScore(pattern, text).score !== undefined;

// Few letters, so that random texts hold near matches of random patterns at every start.
const word = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom('a', 'b', 'c', 'n', ' '), { minLength, maxLength }).map((letters) => letters.join(''));
// A text holding the pattern with a few edits, somewhere near its start.
const nearMatch = fc.tuple(word(1, longestBoundedPattern), word(0, 20), word(0, 40), fc.array(fc.tuple(fc.nat(40), fc.constantFrom('a', 'x', '')), { maxLength: 4 }))
  .map(([pattern, before, after, edits]) => {
    let text = `${before}${pattern}${after}`;
    for (const [at, letter] of edits) text = `${text.slice(0, at)}${letter}${text.slice(at + 1)}`;
    return [pattern, text] as const;
  });
const scoreLimits = fc.constantFrom(0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.6, Number.POSITIVE_INFINITY);

describe('the bound on what fuse.js can match', () => {
  it('never rules out a text fuse.js matches, nor one it scores within a limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(word(1, longestBoundedPattern), word(1, 60)), nearMatch), scoreLimits, ([pattern, text], scoreLimit) => {
        if (pattern.trim().length === 0 || text.trim().length === 0) return;
        const { score, norm } = fuseScore(pattern, text);
        if (score !== undefined) expect(bound(pattern)(text, norm), `${pattern} in ${text}`).toBe(true);
        if (score !== undefined && score <= scoreLimit) expect(bound(pattern, scoreLimit)(text, norm), `${pattern} in ${text} within ${scoreLimit}`).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('rules out names too far from the pattern or where it starts too late', () => {
    expect(['ciudad juarez', 'ciudad', 'cuidad'].map((text) => couldMatch('cuida', text))).toEqual([true, true, true]);
    // Three edits in five letters, or the word starting 17 letters in: fuse.js finds neither.
    for (const text of ['san pedro sula', 'comalapa', 'heroica ciudad de huajuapan']) {
      expect([couldMatch('cuida', text), fuseMatches('cuida', text)], text).toEqual([false, false]);
    }
  });

  it('rules out, under a limit, the names whose words push the score above it', () => {
    // "san p" is one edit from "san j" (bitap 0.2), but a name of three words raises 0.2 to 0.4.
    expect(fuseScore('san j', 'san pedro sula').score).toBeGreaterThan(0.3);
    expect([couldMatch('san j', 'san pedro sula'), couldMatch('san j', 'san pedro sula', 0.3)]).toEqual([true, false]);
    expect(couldMatch('san j', 'san juan', 0.3)).toBe(true);
  });

  it('reads a long name as far as a match can reach: the pattern itself at the latest start fuse.js takes', () => {
    // 16 / 40 = 0.4, the threshold: a match starting at 16 with no edit is fuse.js's latest.
    const text = `${'x'.repeat(16)}tapachula and more`;
    expect([fuseMatches('tapachula', text), couldMatch('tapachula', text)]).toEqual([true, true]);
    expect([fuseMatches('tapachula', `x${text}`), couldMatch('tapachula', `x${text}`)]).toEqual([false, false]);
  });

  it('holds for a pattern of 32 characters, the longest fuse.js reads in one piece', () => {
    const pattern = 'santiago de los caballeros norte';
    expect(pattern).toHaveLength(longestBoundedPattern);
    expect(couldMatch(pattern, 'santiago de los caballeros')).toBe(fuseMatches(pattern, 'santiago de los caballeros'));
    expect(couldMatch(pattern, 'xantiago de loz caballeros norte')).toBe(true);
    expect(() => bound(`${pattern}s`)).toThrow();
  });
});
