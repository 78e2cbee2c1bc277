// The map's gestures: each frame of a pan or zoom moves the ground and the marker layer by one CSS
// transform each (composited layers: no marker is touched, laid out or painted), and only the
// gesture's end settles the zoom React draws at. Keeps the screen scale without reading layout.
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { groundTransform } from './MapBase';
import { mapHeight as height, mapWidth as width } from './regionDrawing';
import { useMapZoom, type MapZoomControls } from './useMapZoom';

/** The CSS transform (in map units) that shows the layer drawn at `settled` as it would be at `now`. */
const layerTransform = (settled: ZoomTransform, now: ZoomTransform) => {
  const scale = now.k / settled.k;
  return `translate(${(now.x - settled.x * scale).toFixed(2)}px, ${(now.y - settled.y * scale).toFixed(2)}px) scale(${scale.toFixed(5)})`;
};

export interface MapGestureRefs {
  svgRef: RefObject<SVGSVGElement | null>;
  boxRef: RefObject<HTMLDivElement | null>;
  baseRef: RefObject<SVGSVGElement | null>;
  layerRef: RefObject<SVGGElement | null>;
}

/** `onGesture` runs on each frame of a gesture (the tip hides). */
export const useMapGestures = ({ svgRef, boxRef, baseRef, layerRef }: MapGestureRefs, onGesture: () => void) => {
  const [settled, setSettled] = useState<ZoomTransform>(zoomIdentity);
  // Screen pixels per map unit, kept by a ResizeObserver so no frame reads layout.
  const pixelsPerUnit = useRef(1);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) pixelsPerUnit.current = entry.contentRect.width / width;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [boxRef]);

  const settledRef = useRef(settled);
  // The ground and the markers were drawn at the settled zoom in this commit: their picture transforms are spent.
  useLayoutEffect(() => {
    settledRef.current = settled;
    baseRef.current?.style.removeProperty('transform');
    layerRef.current?.style.removeProperty('transform');
  }, [settled, baseRef, layerRef]);
  // Markers and names grow or shrink with the gesture and get their size back when it settles (the
  // layer's --map-unzoom is set by React then).
  const onFrame = useCallback(
    (transform: ZoomTransform) => {
      const base = baseRef.current;
      if (base) base.style.transform = groundTransform(settledRef.current, transform, pixelsPerUnit.current);
      const layer = layerRef.current;
      if (layer) layer.style.transform = layerTransform(settledRef.current, transform);
      onGesture();
    },
    [baseRef, layerRef, onGesture],
  );
  // Re-clustering and redrawing the ground wait for the gesture's end, and render as a transition so
  // React yields to input between markers instead of holding the main thread.
  const onSettled = useCallback((transform: ZoomTransform) => startTransition(() => setSettled(transform)), []);
  const zoomControls = useMapZoom(svgRef, width, height, onFrame, onSettled);
  return { settled, settledRef, zoomControls };
};

/** The map's keys: arrows pan, + and - zoom, 0 resets; the step is a screen's 60 px at any zoom. */
export const mapKeyMove = (key: string, zoomControls: MapZoomControls, scale: number): (() => void) | undefined => {
  const step = 60 / scale;
  const moves: Record<string, () => void> = {
    ArrowLeft: () => zoomControls.panBy(step, 0),
    ArrowRight: () => zoomControls.panBy(-step, 0),
    ArrowUp: () => zoomControls.panBy(0, step),
    ArrowDown: () => zoomControls.panBy(0, -step),
    '+': () => zoomControls.zoomBy(1.5),
    '=': () => zoomControls.zoomBy(1.5),
    '-': () => zoomControls.zoomBy(1 / 1.5),
    '0': () => zoomControls.reset(),
  };
  return moves[key];
};
