// Where a marker stands: a town at its coordinates, a country at the centre of its largest piece of
// land (so the Bahamas' marker is on an island, not at sea), a state at the gazetteer's centre of its
// towns, falling back to its country's centre when the gazetteer has no figure for it.
import type { Feature, MultiPolygon } from 'geojson';
import { geoArea, geoCentroid } from 'd3-geo';
import type { CountryShape } from './regionMap';
import type { PlaceMarker } from './placeMarkers';

export type LonLat = [number, number];

/** The centre of the largest polygon of a shape, or null for a shape with no area. */
export const largestPieceCentroid = (shape: Feature<MultiPolygon>): LonLat | null => {
  let best: { area: number; centre: LonLat } | null = null;
  for (const polygon of shape.geometry.coordinates) {
    const piece: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [polygon] } };
    const area = geoArea(piece);
    if (area > 0 && (best === null || area > best.area)) best = { area, centre: geoCentroid(piece) };
  }
  return best?.centre ?? null;
};

/** Country code → centre, for the countries of the map that have a code. */
export const countryCentres = (countries: readonly CountryShape[]): Map<string, LonLat> => {
  const centres = new Map<string, LonLat>();
  for (const country of countries) {
    const centre = country.code === '' ? null : largestPieceCentroid(country.shape);
    if (centre !== null) centres.set(country.code, centre);
  }
  return centres;
};

/** The gazetteer writes 0, 0 for a place it has no position for: nothing of the region lies there. */
const hasPosition = (marker: PlaceMarker) => !(marker.lat === 0 && marker.lon === 0);

/** Where to draw the marker, or null when neither the gazetteer nor the map knows where the place is. */
export const markerPosition = (marker: PlaceMarker, centres: ReadonlyMap<string, LonLat>): LonLat | null => {
  if (marker.kind === 'country') return centres.get(marker.placeId) ?? (hasPosition(marker) ? [marker.lon, marker.lat] : null);
  if (hasPosition(marker)) return [marker.lon, marker.lat];
  return centres.get(marker.country) ?? null;
};
