import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markedPlacesOfItem, placeMarkersOf } from '../../../shared/map/placeMarkers';
import { bundledGazetteer } from '../../fixtures/bundledData';

const quetzaltenango = '3590979';
const quetzaltenangoState = 'GT.13';
const tapachula = '3516266';
const chiapas = 'MX.05';

describe('the filter → markers function', () => {
  it('counts each item once for each town it names, at the town', () => {
    const markers = placeMarkersOf(bundledGazetteer, [[quetzaltenango], [quetzaltenango, tapachula], [quetzaltenango, quetzaltenango]]);
    expect(markers.map((marker) => [marker.label, marker.count])).toEqual([
      ['Quetzaltenango — Quetzaltenango, Guatemala', 3],
      ['Tapachula — Chiapas, Mexico', 1],
    ]);
    expect(markers[0]).toMatchObject({ kind: 'town', lat: 14.835, lon: -91.518, country: 'GT' });
  });

  it('gives a state a marker only from items that name it without a town inside it', () => {
    const markers = placeMarkersOf(bundledGazetteer, [[chiapas, tapachula], [chiapas], ['MX', chiapas]]);
    expect(markers.map((marker) => [marker.placeId, marker.kind, marker.count])).toEqual([
      [chiapas, 'state', 2],
      [tapachula, 'town', 1],
    ]);
  });

  it('keeps an area that holds none of the item\'s other places', () => {
    expect(markedPlacesOfItem(bundledGazetteer, [quetzaltenangoState, chiapas, tapachula]).map((place) => place.id)).toEqual([quetzaltenangoState, tapachula]);
    expect(markedPlacesOfItem(bundledGazetteer, ['GT', tapachula]).map((place) => place.id)).toEqual(['GT', tapachula]);
  });

  it('ignores place ids the gazetteer does not know, and items that name no place', () => {
    expect(placeMarkersOf(bundledGazetteer, [[], ['no-such-place'], ['<script>']])).toEqual([]);
  });

  it('never loses an item: each item adds one to the count of every place it marks', () => {
    const ids = [quetzaltenango, quetzaltenangoState, 'GT', tapachula, chiapas, 'MX', 'unknown'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...ids), { maxLength: 5 }), { maxLength: 40 }), (items) => {
        const markers = placeMarkersOf(bundledGazetteer, items);
        const total = markers.reduce((sum, marker) => sum + marker.count, 0);
        expect(total).toBe(items.reduce((sum, item) => sum + markedPlacesOfItem(bundledGazetteer, item).length, 0));
        for (const item of items) {
          const marked = markedPlacesOfItem(bundledGazetteer, item);
          if (item.some((id) => bundledGazetteer.byId.has(id))) expect(marked.length).toBeGreaterThan(0);
        }
        expect(markers.every((marker, index) => index === 0 || (markers[index - 1]?.count ?? 0) >= marker.count)).toBe(true);
      }),
    );
  });
});
