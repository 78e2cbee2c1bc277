// "Save map as image": the map as it is on screen (the same zoom, the same clusters), with legend,
// caption and attribution, handed to the user as an SVG file.
import { geoPath } from 'd3-geo';
import type { ZoomTransform } from 'd3-zoom';
import type { MarkerCluster } from '../../shared/map/clusterMarkers';
import { mapImageSvg, type FormatText, type MapCaption, type MapImage } from '../../shared/map/mapImage';
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import type { CountryShape } from '../../shared/map/regionMap';
import { regionProjection } from '../../shared/map/regionProjection';
import { saveFile } from '../saveFile';
import { clusterKind, clusterName } from './MapMarker';

export interface MapSnapshot {
  width: number;
  height: number;
  transform: ZoomTransform;
  countries: readonly CountryShape[];
  labels: ReadonlyMap<string, { x: number; y: number }>;
  clusters: readonly MarkerCluster<PlaceMarker>[];
  caption: Omit<MapCaption, 'savedAt'>;
}

/** The snapshot as the image's data: shapes projected at the zoom and clipped to the view. */
export const mapImageOf = (snapshot: MapSnapshot, text: FormatText, savedAt: Date): MapImage => {
  const { width, height, transform } = snapshot;
  // A projection of its own, zoomed as the screen is, so the map's projection stays as it was.
  const zoomed = regionProjection(width, height);
  const [translateX, translateY] = zoomed.translate();
  zoomed
    .scale(zoomed.scale() * transform.k)
    .translate([translateX * transform.k + transform.x, translateY * transform.k + transform.y])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(zoomed);
  const inView = (x: number, y: number) => x >= 0 && x <= width && y >= 0 && y <= height;
  return {
    text,
    width,
    height,
    countries: snapshot.countries.flatMap((country) => {
      const d = path(country.shape);
      if (!d) return [];
      const base = snapshot.labels.get(country.name);
      const label = base && inView(transform.applyX(base.x), transform.applyY(base.y)) ? { x: transform.applyX(base.x), y: transform.applyY(base.y) } : null;
      return [{ name: country.name, path: d, label }];
    }),
    markers: snapshot.clusters.flatMap((cluster) => {
      const x = transform.applyX(cluster.x);
      const y = transform.applyY(cluster.y);
      return inView(x, y) ? [{ x, y, count: cluster.count, kind: clusterKind(cluster), name: clusterName(cluster, text) }] : [];
    }),
    caption: { ...snapshot.caption, savedAt: `${savedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` },
  };
};

export const saveMapImage = (snapshot: MapSnapshot, text: FormatText, savedAt = new Date()): void => {
  const svg = mapImageSvg(mapImageOf(snapshot, text, savedAt));
  saveFile(new Blob([svg], { type: 'image/svg+xml' }), `field-news-map-${savedAt.toISOString().slice(0, 10)}.svg`);
};
