// The region drawn once: country paths, their areas and label points, and the countries' centres,
// projected for the map's fixed drawing size. Cached per loaded map, so reopening the map costs nothing.
import { geoPath, type GeoProjection } from 'd3-geo';
import { countryCentres, largestPieceCentroid, type LonLat } from '../../../shared/map/centroids';
import type { CountryShape, RegionMap } from '../../../shared/map/regionMap';
import { regionProjection } from '../../../shared/map/regionProjection';

export const mapWidth = 960;
export const mapHeight = 600;

export interface DrawnCountry {
  country: CountryShape;
  d: string;
  /** Area in unzoomed pixels, to show a name only once it fits. */
  area: number;
  label: { x: number; y: number } | null;
}

export interface RegionDrawing {
  projection: GeoProjection;
  countries: DrawnCountry[];
  centres: Map<string, LonLat>;
}

const drawings = new WeakMap<RegionMap, RegionDrawing>();
const bare: RegionDrawing = { projection: regionProjection(mapWidth, mapHeight), countries: [], centres: new Map() };

/** The drawing of a loaded map, or of no borders at all while it loads or when it failed. */
export const regionDrawing = (region: RegionMap | null): RegionDrawing => {
  if (region === null) return bare;
  const cached = drawings.get(region);
  if (cached) return cached;
  const projection = regionProjection(mapWidth, mapHeight);
  const path = geoPath(projection);
  const countries = region.countries.map((country): DrawnCountry => {
    const centre = largestPieceCentroid(country.shape);
    const label = centre ? projection(centre) : null;
    return { country, d: path(country.shape) ?? '', area: path.area(country.shape), label: label ? { x: label[0], y: label[1] } : null };
  });
  const drawing = { projection, countries, centres: countryCentres(region.countries) };
  drawings.set(region, drawing);
  return drawing;
};
