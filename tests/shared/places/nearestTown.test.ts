// Items with GeoRSS coordinates are tagged with the nearest gazetteer town within 25 km, found
// through a grid; a point further from every town adds no place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';
import type { Gazetteer, Place } from '../../../shared/places/gazetteer';
import { createTownGrid, distanceKilometres, nearestTown, nearestTownKilometres } from '../../../shared/places/nearestTown';
import { createPlaceTagger, tagPlaces } from '../../../shared/places/tagPlaces';
import { bundledGazetteer } from '../../fixtures/bundledData';

const gazetteer = bundledGazetteer;
const grid = createTownGrid(gazetteer);
const tagger = createPlaceTagger(gazetteer);
const towns = gazetteer.places.filter((place) => place.kind === 'town');
const tapachula = towns.find((town) => town.name === 'Tapachula');

/** The answer by brute force over every town, to check the grid against. */
const nearestByScan = (latitude: number, longitude: number): string | undefined => {
  let best: string | undefined;
  let bestDistance = nearestTownKilometres;
  for (const town of towns) {
    const distance = distanceKilometres(latitude, longitude, town.lat, town.lon);
    if (distance <= bestDistance) {
      best = town.id;
      bestDistance = distance;
    }
  }
  return best;
};

const pointFeed = (point: string): Uint8Array => new TextEncoder().encode(
  `<rss version="2.0" xmlns:georss="http://www.georss.org/georss"><channel><title>t</title><item><guid>1</guid><title>Incident</title><description>Reported.</description><georss:point>${point}</georss:point></item></channel></rss>`,
);

describe('tagging items by their coordinates', () => {
  it('tags a GeoRSS point near Tapachula with Tapachula, on top of what the text names', () => {
    if (tapachula === undefined) throw new Error('Tapachula missing from the gazetteer');
    const parsed = parseFeedDocument({ bytes: pointFeed(`${tapachula.lat + 0.01} ${tapachula.lon - 0.01}`), contentType: null, url: 'https://geo.example/' });
    if (!parsed.ok || parsed.value.kind !== 'feed') throw new Error('not a feed');
    const [item] = parsed.value.page.items;
    expect(item?.point).not.toBeNull();
    expect(tagPlaces(tagger, { title: item?.title ?? '', text: 'Teams from Guatemala helped.', point: item?.point ?? null })).toEqual(['GT', tapachula.id]);
  });

  it('adds nothing for a point more than 25 km from every town', () => {
    // The open Pacific, far off the coast of Mexico.
    expect(tagPlaces(tagger, { title: 'Boat found', text: '', point: { latitude: 10, longitude: -100 } })).toEqual([]);
    expect(nearestByScan(10, -100)).toBeUndefined();
  });

  it('finds a town just inside 25 km and none just outside, also where a degree of longitude is short', () => {
    const place = (id: string, lat: number, lon: number): Place => ({
      id, kind: 'town', name: id, asciiName: id, alternateNames: [], country: 'XX', state: null, population: 1, lat, lon,
    });
    const places = [place('equator', 10, 20), place('north', 60, 179.9)];
    const small: Gazetteer = { places, byId: new Map(places.map((town) => [town.id, town])), attribution: '' };
    const smallGrid = createTownGrid(small);
    const kilometresPerDegree = distanceKilometres(0, 0, 1, 0);
    const found = (latitude: number, longitude: number) => places[nearestTown(small, smallGrid, { latitude, longitude }) ?? -1]?.id;
    expect(found(10 + 24.9 / kilometresPerDegree, 20)).toBe('equator');
    expect(found(10 + 25.1 / kilometresPerDegree, 20)).toBeUndefined();
    // At 60° north a degree of longitude is half as long; across the date line too.
    const eastWest = 24.9 / (kilometresPerDegree * Math.cos(Math.PI / 3));
    expect(found(60, 179.9 + eastWest - 360)).toBe('north');
    expect(found(60, 179.9 - eastWest)).toBe('north');
    expect(found(60, 179.9 - eastWest * 1.02)).toBeUndefined();
  });

  it('gives the same town as a scan of every town, anywhere in the region and at the edges of the map', () => {
    const point = fc.oneof(
      fc.record({ latitude: fc.double({ min: 5, max: 33, noNaN: true }), longitude: fc.double({ min: -118, max: -77, noNaN: true }) }),
      fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) }),
    );
    fc.assert(
      fc.property(point, ({ latitude, longitude }) => {
        const index = nearestTown(gazetteer, grid, { latitude, longitude });
        expect(index === undefined ? undefined : gazetteer.places[index]?.id).toBe(nearestByScan(latitude, longitude));
      }),
      { numRuns: 300 },
    );
  });

  it('looks at few towns per item, not at every town (counted, not timed)', () => {
    let looked = 0;
    /** The same cells, counting the towns each lookup reads. */
    class CountingCells extends Map<number, readonly number[]> {
      override get(key: number) {
        const cell = super.get(key);
        looked += cell?.length ?? 0;
        return cell;
      }
    }
    const countingGrid = { cells: new CountingCells(grid.cells) };
    const lookups = 10_000;
    for (let index = 0; index < lookups; index += 1) nearestTown(gazetteer, countingGrid, { latitude: 14 + (index % 100) / 50, longitude: -92 + (index % 77) / 40 });
    expect(looked).toBeGreaterThan(0);
    expect(looked / lookups).toBeLessThan(towns.length / 20);
  });
});
