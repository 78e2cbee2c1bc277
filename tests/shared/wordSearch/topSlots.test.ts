// The word index shows the best fifty of thousands of items through this heap: it must give the
// same items, in the same order, as sorting them all would, whatever order they come in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topSlots } from '../../../shared/wordSearch/topSlots';

describe('topSlots', () => {
  it('keeps the first `wanted` of a full sort, best first, for any candidates, order and ranking', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 200 }),
        fc.integer({ min: -2, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 501, maxLength: 501 }),
        (candidates, wanted, rank) => {
          // Higher rank first, then the higher slot: a strict total order with many ties to break.
          const better = (a: number, b: number): boolean => (rank[a] !== rank[b] ? rank[a]! > rank[b]! : a > b);
          const sorted = [...candidates].sort((a, b) => (better(a, b) ? -1 : 1));
          expect(topSlots(candidates, wanted, better)).toEqual(sorted.slice(0, Math.max(0, wanted)));
        },
      ),
    );
  });
});
