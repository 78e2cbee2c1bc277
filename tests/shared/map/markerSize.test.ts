import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestMarkerRadius, legendCounts, markerRadius, smallestMarkerRadius } from '../../../shared/map/markerSize';

describe('marker sizes', () => {
  it('draws one item at the smallest size a finger can still hit', () => {
    expect(markerRadius(1)).toBe(smallestMarkerRadius);
    expect(markerRadius(0)).toBe(smallestMarkerRadius);
    expect(markerRadius(Number.NaN)).toBe(smallestMarkerRadius);
  });

  it('grows the area with the count: four times the items, twice the radius', () => {
    expect(markerRadius(4)).toBeCloseTo(2 * markerRadius(1));
    expect(markerRadius(16)).toBeCloseTo(2 * markerRadius(4));
  });

  it('never shrinks as the count grows, and stops at the cap', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(markerRadius(low)).toBeLessThanOrEqual(markerRadius(high));
        expect(markerRadius(high)).toBeLessThanOrEqual(largestMarkerRadius);
      }),
    );
    expect(markerRadius(100_000)).toBe(largestMarkerRadius);
  });

  it('shows legend sizes up to the biggest count, all distinct', () => {
    expect(legendCounts(1)).toEqual([1]);
    expect(legendCounts(15)).toEqual([1, 10]);
    expect(legendCounts(5_000)).toEqual([1, 10]);
  });
});
