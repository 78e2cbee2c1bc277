import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryCentres, largestPieceCentroid, markerPosition } from '../../../shared/map/centroids';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import { loadRegionMap, regionViewBox } from '../../../shared/map/regionMap';
import { englishText } from '../../../shared/i18n/formatMessages';

const asset: unknown = JSON.parse(readFileSync(new URL('../../../renderer/public/map/region.json', import.meta.url), 'utf8'));
const loaded = loadRegionMap(asset);
if (!loaded.ok) throw new Error(englishText(loaded.error));
const region = loaded.value;

const marker = (overrides: Partial<PlaceMarker>): PlaceMarker => ({
  placeId: 'x', kind: 'town', label: 'x', parts: { name: 'x', kind: 'town', stateName: null, countryCode: 'GT', countryName: 'Guatemala' }, name: 'x', country: 'GT', lat: 0, lon: 0, count: 1, ...overrides,
});
const inside = ([lon, lat]: [number, number], box = regionViewBox) => lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;

describe('the bundled region map', () => {
  it('holds the countries of the region, each with its ISO code and name', () => {
    const codes = new Set(region.countries.map((country) => country.code));
    for (const code of ['MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'CU', 'HT', 'DO', 'JM', 'BS', 'TT', 'PR']) expect(codes).toContain(code);
    expect(region.countries.find((country) => country.code === 'GT')?.name).toBe('Guatemala');
    expect(region.attribution).toMatch(/Natural Earth/);
  });

  it('keeps France only for its lands in the Americas (Guadeloupe, Martinique, Guiana), not Paris', () => {
    const france = region.countries.find((country) => country.code === 'FR');
    const pieces = france?.shape.geometry.coordinates ?? [];
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    for (const piece of pieces) expect(piece[0]?.every(([lon]) => lon !== undefined && lon < -50)).toBe(true);
    const guadeloupe: [number, number] = [-61.55, 16.25];
    expect(pieces.some((piece) => piece[0]?.some(([lon, lat]) => Math.abs((lon ?? 0) - guadeloupe[0]) < 0.5 && Math.abs((lat ?? 0) - guadeloupe[1]) < 0.5))).toBe(true);
  });

  it('refuses what is not the map asset, and never throws', () => {
    for (const hostile of [null, 1, 'map', [], {}, { type: 'Topology' }, { ...(asset as object), format: 'other/1' }]) {
      expect(loadRegionMap(hostile).ok).toBe(false);
    }
    const broken = structuredClone(asset) as { arcs: unknown[] };
    broken.arcs = broken.arcs.slice(0, 3);
    expect(loadRegionMap(broken)).toMatchObject({ ok: false });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(loadRegionMap(value).ok).toBe(false);
      }),
    );
  });
});

describe('centroids', () => {
  it('puts a country on its largest piece of land, inside the region', () => {
    const centres = countryCentres(region.countries);
    const guatemala = centres.get('GT');
    expect(guatemala?.[0]).toBeGreaterThan(-92.3);
    expect(guatemala?.[0]).toBeLessThan(-88.2);
    expect(guatemala?.[1]).toBeGreaterThan(13.7);
    expect(guatemala?.[1]).toBeLessThan(17.9);
    for (const code of ['MX', 'HN', 'CU', 'BS', 'PA']) expect(inside(centres.get(code) ?? [0, 0])).toBe(true);
  });

  it('takes the centre of the bigger of two squares', () => {
    const square = (west: number, south: number, size: number) => [
      [[west, south], [west, south + size], [west + size, south + size], [west + size, south], [west, south]],
    ];
    const centre = largestPieceCentroid({
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [square(0, 0, 1), square(10, 10, 2)] },
    });
    expect(centre?.[0]).toBeCloseTo(11, 1);
    expect(centre?.[1]).toBeCloseTo(11, 1);
  });

  it('places a town at its coordinates, a country at its centroid, a state without a position at its country', () => {
    const centres = new Map<string, [number, number]>([['GT', [-90.3, 15.7]]]);
    expect(markerPosition(marker({ lat: 14.8, lon: -91.5 }), centres)).toEqual([-91.5, 14.8]);
    expect(markerPosition(marker({ kind: 'country', placeId: 'GT', lat: 14.7, lon: -90.7 }), centres)).toEqual([-90.3, 15.7]);
    expect(markerPosition(marker({ kind: 'state', lat: 0, lon: 0 }), centres)).toEqual([-90.3, 15.7]);
    expect(markerPosition(marker({ kind: 'state', lat: 14.8, lon: -91.6 }), centres)).toEqual([-91.6, 14.8]);
    expect(markerPosition(marker({ kind: 'country', placeId: 'JP', country: 'JP' }), centres)).toBeNull();
  });
});
