// The map's projection: Mercator (true shapes at this latitude, and the projection of the region's
// paper maps) fitted so the whole region fills the drawing, with a small margin.
import { geoMercator, type GeoProjection } from 'd3-geo';
import { regionViewBox, type GeoBox } from './regionMap';

const boxOutline = (box: GeoBox) => ({
  type: 'MultiPoint' as const,
  coordinates: [
    [box.west, box.south],
    [box.east, box.south],
    [box.east, box.north],
    [box.west, box.north],
  ],
});

export const regionProjection = (width: number, height: number, box: GeoBox = regionViewBox, margin = 8): GeoProjection =>
  geoMercator().fitExtent(
    [
      [margin, margin],
      [Math.max(margin + 1, width - margin), Math.max(margin + 1, height - margin)],
    ],
    boxOutline(box),
  );
