// The map's ground: sea and countries in an SVG of their own under the markers. During a gesture it
// is moved and scaled as a picture (a CSS transform the compositor applies, no redraw of 30,000
// border points a frame); when the gesture settles it is drawn sharp at the new zoom.
import type { ZoomTransform } from 'd3-zoom';
import { memo, type RefObject } from 'react';
import { mapHeight, mapWidth, type DrawnCountry } from './regionDrawing';

interface MapBaseProps {
  countries: readonly DrawnCountry[];
  settled: ZoomTransform;
  baseRef: RefObject<SVGSVGElement | null>;
}

/** The CSS transform that shows the ground drawn at `settled` as it would be at `now`. */
export const groundTransform = (settled: ZoomTransform, now: ZoomTransform, pixelsPerUnit: number): string => {
  const scale = now.k / settled.k;
  const x = (now.x - settled.x * scale) * pixelsPerUnit;
  const y = (now.y - settled.y * scale) * pixelsPerUnit;
  return `translate(${x.toFixed(2)}px, ${y.toFixed(2)}px) scale(${scale.toFixed(4)})`;
};

export const MapBase = memo(function MapBase({ countries, settled, baseRef }: MapBaseProps) {
  return (
    <svg ref={baseRef} className="map-base" viewBox={`0 0 ${mapWidth} ${mapHeight}`} aria-hidden="true">
      <rect className="map-sea" width={mapWidth} height={mapHeight} />
      <g transform={settled.toString()} strokeWidth={0.7 / settled.k}>
        {countries.map(({ country, d }) => (
          <path key={`${country.code}-${country.name}`} className="map-country" d={d} />
        ))}
      </g>
    </svg>
  );
});
