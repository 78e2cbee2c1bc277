// "Save map as image": the map as it is on screen (the same zoom, the same clusters), with legend,
// caption and attribution, handed to the user as an SVG file or as a PNG drawn from that SVG.
import { geoPath } from 'd3-geo';
import type { ZoomTransform } from 'd3-zoom';
import type { MarkerCluster } from '../../../shared/map/clusterMarkers';
import { mapImageSvg, type FormatText, type MapCaption, type MapImage } from '../../../shared/map/mapImage';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import type { CountryShape } from '../../../shared/map/regionMap';
import { regionProjection } from '../../../shared/map/regionProjection';
import { assertNever } from '../../../shared/assertNever';
import { log } from '../log';
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

/**
 * The SVG drawn on a canvas at twice its size and encoded as PNG. The picture loads from a blob:
 * address (the CSP's img-src allows blob:, and no HTML is written, so Trusted Types are not involved);
 * an SVG with no foreignObject leaves the canvas readable.
 */
export const pngOfSvg = async (svg: string, scale = 2): Promise<Blob> => {
  const address = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const picture = new Image();
    picture.src = address;
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.naturalWidth * scale);
    canvas.height = Math.round(picture.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas to draw the map on');
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('the map could not be encoded as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(address);
  }
};

export type MapImageFormat = 'svg' | 'png';

export const saveMapImage = async (snapshot: MapSnapshot, text: FormatText, format: MapImageFormat, savedAt = new Date()): Promise<void> => {
  const svg = mapImageSvg(mapImageOf(snapshot, text, savedAt));
  const svgFile = new Blob([svg], { type: 'image/svg+xml' });
  const fileName = `field-news-map-${savedAt.toISOString().slice(0, 10)}.${format}`;
  switch (format) {
    case 'svg':
      saveFile(svgFile, fileName);
      return;
    case 'png':
      try {
        saveFile(await pngOfSvg(svg), fileName);
      } catch (error) {
        // The SVG still saves: the user gets the map, in the other format.
        log.error('map', 'the map could not be drawn as PNG; saving it as SVG', error);
        saveFile(svgFile, fileName.replace(/\.png$/, '.svg'));
      }
      return;
    default:
      assertNever(format);
  }
};
