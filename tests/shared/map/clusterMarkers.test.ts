import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterLevel, clusterMarkers, type MapPoint } from '../../../shared/map/clusterMarkers';
import { markerRadius } from '../../../shared/map/markerSize';

const point = (value: string, x: number, y: number, count = 1): MapPoint<string> => ({ value, x, y, count });

describe('clustering markers', () => {
  it('joins two markers whose circles overlap, and splits them when zoomed in', () => {
    const points = [point('a', 100, 100, 4), point('b', 110, 100, 1)];
    const far = clusterMarkers(points, 1);
    expect(far).toHaveLength(1);
    expect(far[0]).toMatchObject({ count: 5, members: ['a', 'b'] });
    // The centre leans to the bigger marker: weighted by count.
    expect(far[0]?.x).toBeCloseTo(102);
    const near = clusterMarkers(points, 4);
    expect(near.map((cluster) => cluster.members)).toEqual([['a'], ['b']]);
  });

  it('keeps markers that do not touch apart', () => {
    const gap = 2 * markerRadius(1) + 1;
    expect(clusterMarkers([point('a', 0, 0), point('b', gap, 0)], 1)).toHaveLength(2);
    expect(clusterMarkers([point('a', 0, 0), point('b', gap - 2, 0)], 1)).toHaveLength(1);
  });

  it('loses no marker and no item, at any zoom', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: -500, max: 500, noNaN: true }), y: fc.double({ min: -500, max: 500, noNaN: true }), count: fc.integer({ min: 1, max: 500 }) }), { maxLength: 200 }),
        fc.double({ min: 0.25, max: 64, noNaN: true }),
        (raw, scale) => {
          const points = raw.map((entry, index) => ({ ...entry, value: index }));
          const clusters = clusterMarkers(points, scale);
          expect(clusters.flatMap((cluster) => cluster.members).sort((a, b) => a - b)).toEqual(points.map((entry) => entry.value));
          expect(clusters.reduce((sum, cluster) => sum + cluster.count, 0)).toBe(points.reduce((sum, entry) => sum + entry.count, 0));
        },
      ),
    );
  });

  it('computes clusters at steps of √2 of zoom', () => {
    expect(clusterLevel(1)).toBe(1);
    expect(clusterLevel(1.1)).toBe(1);
    expect(clusterLevel(1.3)).toBeCloseTo(Math.SQRT2);
    expect(clusterLevel(4.2)).toBe(4);
  });
});
