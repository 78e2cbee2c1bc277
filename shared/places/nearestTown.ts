// Finds the gazetteer town nearest to a point (an item's GeoRSS coordinates) within a radius,
// through a grid of half-degree cells built once: a lookup reads a few cells, not 25,000 towns.
import { readAt } from '../checkedRead';
import type { Gazetteer } from './gazetteer';

/** How far a point may lie from a town and still be said to be at that town. */
export const nearestTownKilometres = 25;

const cellDegrees = 0.5;
const earthRadiusKilometres = 6371;
const kilometresPerDegree = (Math.PI * earthRadiusKilometres) / 180;

export interface TownGrid {
  /** Cell key → indexes into gazetteer.places of the towns in that cell. */
  readonly cells: ReadonlyMap<number, readonly number[]>;
}

const rowOf = (latitude: number): number => Math.floor((latitude + 90) / cellDegrees);
const columnOf = (longitude: number): number => Math.floor((((longitude + 180) % 360) + 360) % 360 / cellDegrees);
const columns = 360 / cellDegrees;
const cellKey = (row: number, column: number): number => row * columns + (((column % columns) + columns) % columns);

export const createTownGrid = (gazetteer: Gazetteer): TownGrid => {
  const cells = new Map<number, number[]>();
  gazetteer.places.forEach((place, index) => {
    if (place.kind !== 'town') return;
    const key = cellKey(rowOf(place.lat), columnOf(place.lon));
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, [index]);
    else cell.push(index);
  });
  return { cells };
};

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export const distanceKilometres = (latitudeA: number, longitudeA: number, latitudeB: number, longitudeB: number): number => {
  const dLat = radians(latitudeB - latitudeA);
  const dLon = radians(longitudeB - longitudeA);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(latitudeA)) * Math.cos(radians(latitudeB)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKilometres * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** Index of the nearest town within `nearestTownKilometres` of the point, or undefined. */
export const nearestTown = (
  gazetteer: Gazetteer, grid: TownGrid, point: { latitude: number; longitude: number },
): number | undefined => {
  const { latitude, longitude } = point;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  const latitudeSpan = nearestTownKilometres / kilometresPerDegree;
  // Near the poles a degree of longitude is short: past 89° every column is searched.
  const cosine = Math.cos(radians(Math.min(89, Math.abs(latitude) + latitudeSpan)));
  const longitudeSpan = Math.min(180, latitudeSpan / cosine);
  let best: number | undefined;
  let bestDistance = nearestTownKilometres;
  const firstColumn = columnOf(longitude - longitudeSpan);
  const columnCount = Math.min(columns, Math.ceil((2 * longitudeSpan) / cellDegrees) + 1);
  for (let row = rowOf(Math.max(-90, latitude - latitudeSpan)); row <= rowOf(Math.min(90, latitude + latitudeSpan)); row += 1) {
    for (let step = 0; step < columnCount; step += 1) {
      // A cell with no town has no list.
      for (const index of grid.cells.get(cellKey(row, firstColumn + step)) ?? []) {
        const town = readAt(gazetteer.places, index);
        const distance = distanceKilometres(latitude, longitude, town.lat, town.lon);
        if (distance <= bestDistance) {
          best = index;
          bestDistance = distance;
        }
      }
    }
  }
  return best;
};
