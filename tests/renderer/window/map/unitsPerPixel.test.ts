import { describe, expect, it } from 'vitest';
import { mapHeight, mapWidth } from '../../../../renderer/window/map/regionDrawing';
import { unitsPerPixel } from '../../../../renderer/window/map/useUnitsPerPixel';

describe("the map's drawing units per CSS pixel", () => {
  it('is 1 where the box is the drawing’s size, and grows as the box narrows (a phone)', () => {
    expect(unitsPerPixel(mapWidth, mapHeight)).toBeCloseTo(1);
    expect(unitsPerPixel(mapWidth / 2, mapHeight)).toBeCloseTo(2);
  });

  it('follows the side that limits the fit, as SVG fits a drawing into its box', () => {
    expect(unitsPerPixel(mapWidth * 4, mapHeight / 2)).toBeCloseTo(2);
  });

  it('stays 1 for a box with no size yet (a hidden pane)', () => {
    expect(unitsPerPixel(0, 0)).toBe(1);
  });
});
