// Zoom and pan for the map with d3-zoom: mouse wheel and drag, touch pinch, double-click, and the
// keyboard calls below. Each frame of a gesture goes to onFrame (direct DOM updates, no React
// render); when a gesture ends, onSettled gets the final transform (re-clustering goes there).
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useEffect, useMemo, useRef, type RefObject } from 'react';

export interface MapZoomControls {
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  /** Centres (x, y), in unzoomed map pixels, at the given scale. */
  zoomTo(x: number, y: number, scale: number): void;
  reset(): void;
}

export const mapScaleExtent: [number, number] = [1, 64];

export const useMapZoom = (
  svgRef: RefObject<SVGSVGElement | null>,
  width: number,
  height: number,
  onFrame: (transform: ZoomTransform) => void,
  onSettled: (transform: ZoomTransform) => void,
): MapZoomControls => {
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const callbacks = useRef({ onFrame, onSettled });
  useEffect(() => {
    callbacks.current = { onFrame, onSettled };
  });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // A margin of half the map lets the coasts at the edges come to the middle of the window.
    const zoomBehaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent(mapScaleExtent)
      .extent([
        [0, 0],
        [width, height],
      ])
      .translateExtent([
        [-width / 2, -height / 2],
        [width * 1.5, height * 1.5],
      ])
      .on('zoom', (event: { transform: ZoomTransform }) => callbacks.current.onFrame(event.transform))
      .on('end', (event: { transform: ZoomTransform }) => callbacks.current.onSettled(event.transform));
    behaviour.current = zoomBehaviour;
    const selection = select(svg);
    selection.call(zoomBehaviour);
    return () => {
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, [svgRef, width, height]);

  return useMemo<MapZoomControls>(() => {
    const apply = (change: (zoomBehaviour: ZoomBehavior<SVGSVGElement, unknown>, svg: SVGSVGElement) => void) => {
      const svg = svgRef.current;
      if (svg && behaviour.current) change(behaviour.current, svg);
    };
    return {
      zoomBy: (factor) => apply((zoomBehaviour, svg) => zoomBehaviour.scaleBy(select(svg), factor)),
      panBy: (dx, dy) => apply((zoomBehaviour, svg) => zoomBehaviour.translateBy(select(svg), dx, dy)),
      zoomTo: (x, y, scale) =>
        apply((zoomBehaviour, svg) => zoomBehaviour.transform(select(svg), zoomIdentity.translate(width / 2, height / 2).scale(scale).translate(-x, -y))),
      reset: () => apply((zoomBehaviour, svg) => zoomBehaviour.transform(select(svg), zoomIdentity)),
    };
  }, [svgRef, width, height]);
};
