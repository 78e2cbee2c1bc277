// The region's countries as the generated map asset stores them (TopoJSON cut from Natural Earth by
// scripts/makeRegionMap.ts), and the loader that checks the fetched file and turns it into shapes.
import type { Feature, MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { z } from 'zod';
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import type { UserMessage } from '../i18n/userMessage';

/** Bump when the asset's layout changes; the loader refuses other layouts. */
export const regionMapFormat = 'field-news-region-map/1';

export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** What the map shows at first: Mexico's north border to Panama, Baja California to Barbados. */
export const regionViewBox: GeoBox = { west: -118.5, south: 6.5, east: -59, north: 33 };
/** What the asset keeps in detail: a margin around the view, for panning. */
export const regionKeepBox: GeoBox = { west: -124, south: 2, east: -54, north: 37 };

export interface CountryShape {
  /** ISO 3166 alpha-2 code, as the gazetteer names countries; '' for a territory with none. */
  code: string;
  name: string;
  shape: Feature<MultiPolygon>;
}

export interface RegionMap {
  countries: CountryShape[];
  attribution: string;
}

const position = z.tuple([z.number(), z.number()]);
const fileSchema = z.object({
  type: z.literal('Topology'),
  format: z.literal(regionMapFormat),
  attribution: z.string().max(500),
  transform: z.object({ scale: position, translate: position }),
  arcs: z.array(z.array(position)),
  objects: z.object({
    countries: z.object({
      type: z.literal('GeometryCollection'),
      geometries: z.array(
        z.object({
          type: z.literal('MultiPolygon'),
          properties: z.object({ code: z.string().max(2), name: z.string().min(1).max(100) }),
          arcs: z.array(z.array(z.array(z.number().int()))),
        }),
      ),
    }),
  }),
});

/** Checks the fetched asset and decodes its shapes. Never throws: a broken file is a reason. */
export const loadRegionMap = (document: unknown): Result<RegionMap, UserMessage> => {
  const file = fileSchema.safeParse(document);
  if (!file.success) return fail(errorMessages.regionMapUnreadable);
  const arcCount = file.data.arcs.length;
  const geometries = file.data.objects.countries.geometries;
  const arcsInRange = geometries.every((geometry) =>
    geometry.arcs.every((polygon) => polygon.every((ring) => ring.every((reference) => (reference < 0 ? ~reference : reference) < arcCount))),
  );
  if (!arcsInRange || geometries.length === 0) return fail(errorMessages.regionMapUnreadable);
  const topology: Topology = file.data;
  const countries = geometries.map((geometry, index): CountryShape => {
    const decoded = feature(topology, { ...geometry, id: index }) as Feature<MultiPolygon>;
    return { code: geometry.properties.code, name: geometry.properties.name, shape: decoded };
  });
  return succeed({ countries, attribution: file.data.attribution });
};
