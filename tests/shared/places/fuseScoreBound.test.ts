import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { createFuseMatchBound, longestBoundedPattern } from '../../../shared/places/fuseScoreBound';
import { fuseOptions } from '../../../shared/places/placeNameIndex';

const couldMatch = createFuseMatchBound(fuseOptions);
const fuseMatches = (pattern: string, text: string): boolean => new Fuse([text], fuseOptions).search(pattern).length > 0;

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

describe('the bound on what fuse.js can match', () => {
  it('never rules out a text fuse.js matches', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(word(1, longestBoundedPattern), word(1, 60)), nearMatch), ([pattern, text]) => {
        if (pattern.trim().length === 0 || text.trim().length === 0) return;
        if (fuseMatches(pattern, text)) expect(couldMatch(pattern)(text), `${pattern} in ${text}`).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('rules out names too far from the pattern or where it starts too late', () => {
    const cuida = couldMatch('cuida');
    expect(['ciudad juarez', 'ciudad', 'cuidad'].map(cuida)).toEqual([true, true, true]);
    // Three edits in five letters, or the word starting 17 letters in: fuse.js finds neither.
    expect(['san pedro sula', 'comalapa', 'heroica ciudad de huajuapan'].map(cuida)).toEqual([false, false, false]);
    for (const text of ['san pedro sula', 'comalapa', 'heroica ciudad de huajuapan']) expect(fuseMatches('cuida', text), text).toBe(false);
  });

  it('holds for a pattern of 32 characters, the longest fuse.js reads in one piece', () => {
    const pattern = 'santiago de los caballeros norte';
    expect(pattern).toHaveLength(longestBoundedPattern);
    expect(couldMatch(pattern)('santiago de los caballeros')).toBe(fuseMatches(pattern, 'santiago de los caballeros'));
    expect(couldMatch(pattern)('xantiago de loz caballeros norte')).toBe(true);
    expect(() => couldMatch(`${pattern}s`)).toThrow();
  });
});
