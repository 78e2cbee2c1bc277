// Markers that would overlap at the current zoom become one cluster; zooming in splits them again.
// Greedy and linear: the biggest marker seeds a cluster and takes in the markers overlapping it,
// found through a grid of cells as wide as the largest overlap, so 2,000 places cluster in a few ms.
import { readAt, readUint8At } from '../checkedRead';
import { largestMarkerRadius, markerRadius } from './markerSize';

export interface MapPoint<T> {
  /** Position in the map's own (unzoomed) pixels. */
  x: number;
  y: number;
  count: number;
  value: T;
}

export interface MarkerCluster<T> {
  /** Count-weighted centre of the members, in unzoomed pixels. */
  x: number;
  y: number;
  count: number;
  members: T[];
}

/** Zoom levels at which clusters are computed: steps of √2, so a drag within one level re-clusters nothing. */
export const clusterLevel = (scale: number): number => 2 ** (Math.round(Math.log2(Math.max(scale, 1e-6)) * 2) / 2);

/** Clusters the points as drawn at this zoom scale: two overlap when their drawn circles do. */
export const clusterMarkers = <T>(points: readonly MapPoint<T>[], scale: number): MarkerCluster<T>[] => {
  const order = [...points.keys()].sort((left, right) => readAt(points, right).count - readAt(points, left).count || left - right);
  const cell = (2 * largestMarkerRadius) / scale;
  const grid = new Map<string, number[]>();
  const cellKey = (column: number, row: number) => `${column}:${row}`;
  points.forEach((point, index) => {
    const key = cellKey(Math.floor(point.x / cell), Math.floor(point.y / cell));
    const members = grid.get(key);
    if (members) members.push(index);
    else grid.set(key, [index]);
  });

  const taken = new Uint8Array(points.length);
  const clusters: MarkerCluster<T>[] = [];
  for (const seedIndex of order) {
    if (readUint8At(taken, seedIndex) === 1) continue;
    const seed = readAt(points, seedIndex);
    taken[seedIndex] = 1;
    const members = [seed];
    const reach = markerRadius(seed.count) / scale;
    const column = Math.floor(seed.x / cell);
    const row = Math.floor(seed.y / cell);
    for (let dc = -1; dc <= 1; dc += 1) {
      for (let dr = -1; dr <= 1; dr += 1) {
        // A cell with no point has no list.
        for (const index of grid.get(cellKey(column + dc, row + dr)) ?? []) {
          if (readUint8At(taken, index) === 1) continue;
          const point = readAt(points, index);
          const touching = reach + markerRadius(point.count) / scale;
          if ((point.x - seed.x) ** 2 + (point.y - seed.y) ** 2 < touching * touching) {
            taken[index] = 1;
            members.push(point);
          }
        }
      }
    }
    const count = members.reduce((sum, member) => sum + member.count, 0);
    // Weights of at least 1: a member with no items still has a place in the centre.
    const weight = members.reduce((sum, member) => sum + Math.max(member.count, 1), 0);
    clusters.push({
      x: members.reduce((sum, member) => sum + member.x * Math.max(member.count, 1), 0) / weight,
      y: members.reduce((sum, member) => sum + member.y * Math.max(member.count, 1), 0) / weight,
      count,
      members: members.map((member) => member.value),
    });
  }
  return clusters;
};

/** A zoom as d3-zoom gives it: screen = map × k + (x, y). */
export interface MapZoom {
  k: number;
  x: number;
  y: number;
}

/**
 * The clusters worth drawing at this zoom: those in the view, or within one view's width or height of
 * it, so a pan or a zoom out of up to 3× shows markers before the gesture settles. Zoomed in, this keeps
 * a few hundred of the 2,000 places in the page instead of all of them.
 */
export const clustersNearView = <T>(clusters: readonly MarkerCluster<T>[], zoom: MapZoom, width: number, height: number): MarkerCluster<T>[] => {
  const spanX = width / zoom.k;
  const spanY = height / zoom.k;
  const left = -zoom.x / zoom.k;
  const top = -zoom.y / zoom.k;
  return clusters.filter((cluster) => cluster.x >= left - spanX && cluster.x <= left + 2 * spanX && cluster.y >= top - spanY && cluster.y <= top + 2 * spanY);
};
