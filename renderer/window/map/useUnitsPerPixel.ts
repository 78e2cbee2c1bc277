// How many of the map's drawing units make one CSS pixel in its box (the drawing is fitted into
// the box, smaller on a phone), kept as `--map-units-per-px` on the box for what must keep a size on
// screen whatever the box: a finger's target around each marker (map.css).
import { useEffect, type RefObject } from 'react';
import { mapHeight, mapWidth } from './regionDrawing';

/** The drawing units per CSS pixel when a `mapWidth` × `mapHeight` drawing is fitted into a box (SVG's default "meet"). */
export const unitsPerPixel = (boxWidth: number, boxHeight: number): number => {
  const scale = Math.min(boxWidth / mapWidth, boxHeight / mapHeight);
  return scale > 0 ? 1 / scale : 1;
};

export const useUnitsPerPixel = (boxRef: RefObject<HTMLElement | null>): void => {
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) box.style.setProperty('--map-units-per-px', unitsPerPixel(entry.contentRect.width, entry.contentRect.height).toFixed(4));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [boxRef]);
};
