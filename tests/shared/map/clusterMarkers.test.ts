import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterLevel, clusterMarkers, clustersNearView, type MapPoint } from '../../../shared/map/clusterMarkers';
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

describe('the clusters drawn near the view', () => {
  const cluster = (name: string, x: number, y: number) => ({ x, y, count: 1, members: [name] });
  const clusters = [cluster('centre', 480, 300), cluster('beside', 480 + 200, 300), cluster('far east', 900, 300), cluster('far north', 480, 20)];

  it('keeps every cluster at the whole map, and the view plus one view around it when zoomed in', () => {
    expect(clustersNearView(clusters, { k: 1, x: 0, y: 0 }, 960, 600)).toHaveLength(4);
    // ×8 centred on (480, 300): the view spans 120 × 75 map units, so 360 × 225 with the margin.
    const zoomed = { k: 8, x: 480 - 480 * 8, y: 300 - 300 * 8 };
    expect(clustersNearView(clusters, zoomed, 960, 600).map((kept) => kept.members[0])).toEqual(['centre']);
    // ×4: the view spans 240 × 150, with the margin 720 × 450 from (120, 75): 'beside' at x 680 is in, the others not.
    const closer = { k: 4, x: 480 - 480 * 4, y: 300 - 300 * 4 };
    expect(clustersNearView(clusters, closer, 960, 600).map((kept) => kept.members[0])).toEqual(['centre', 'beside']);
  });
});

