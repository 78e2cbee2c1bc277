// How big a marker is drawn for its item count: its area grows with the count (so twice the news
// looks twice as big), from a size a finger can hit up to a cap that keeps a capital from hiding a state.
export const smallestMarkerRadius = 5;
export const largestMarkerRadius = 30;

/** Radius in screen pixels of a marker (or a cluster) standing for this many items. */
export const markerRadius = (count: number): number => {
  if (!Number.isFinite(count) || count <= 1) return smallestMarkerRadius;
  return Math.min(largestMarkerRadius, smallestMarkerRadius * Math.sqrt(count));
};

/** The counts the legend shows: 1, then powers of ten up to the biggest marker's count. */
export const legendCounts = (largestCount: number): number[] => {
  const counts = [1];
  for (let count = 10; count <= largestCount && markerRadius(count) < largestMarkerRadius; count *= 10) counts.push(count);
  return counts;
};
