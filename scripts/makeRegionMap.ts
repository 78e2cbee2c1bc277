// Builds renderer/public/map/region.json: the countries of Mexico, Central America and the Caribbean
// cut from world-atlas's 10m Natural Earth TopoJSON, so the map draws offline. Run: npm run map.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { regionMapFormat, regionKeepBox } from '../shared/map/regionMap';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = join(root, 'renderer/public/map/region.json');
const require = createRequire(import.meta.url);
const countryCodes = z.object({ numericToAlpha2: z.function() }).parse(require('i18n-iso-countries')) as {
  numericToAlpha2: (code: string) => string | undefined;
};

const position = z.tuple([z.number(), z.number()]);
const geometrySchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  id: z.string().optional(),
  properties: z.object({ name: z.string() }),
  arcs: z.union([z.array(z.array(z.number().int())), z.array(z.array(z.array(z.number().int())))]),
});
const atlasSchema = z.object({
  type: z.literal('Topology'),
  transform: z.object({ scale: position, translate: position }),
  arcs: z.array(z.array(position)),
  objects: z.object({ countries: z.object({ geometries: z.array(z.unknown()) }) }),
});

const atlas = atlasSchema.parse(JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')));
const [scaleX, scaleY] = atlas.transform.scale;
const [translateX, translateY] = atlas.transform.translate;

/** Arcs as absolute quantized points (the file stores each point as a step from the one before). */
const absoluteArcs = atlas.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]): [number, number] => {
    x += dx;
    y += dy;
    return [x, y];
  });
});
const lonOf = (x: number) => x * scaleX + translateX;
const latOf = (y: number) => y * scaleY + translateY;
const inKeepBox = ([x, y]: [number, number]) => {
  const lon = lonOf(x);
  const lat = latOf(y);
  return lon >= regionKeepBox.west && lon <= regionKeepBox.east && lat >= regionKeepBox.south && lat <= regionKeepBox.north;
};
const arcIndex = (reference: number) => (reference < 0 ? ~reference : reference);
const ringTouchesBox = (ring: readonly number[]) => ring.some((reference) => (absoluteArcs[arcIndex(reference)] ?? []).some(inKeepBox));

// A country keeps the polygons that touch the box: France keeps Guadeloupe and Martinique, not Paris.
const kept: { code: string; name: string; polygons: number[][][] }[] = [];
for (const candidate of atlas.objects.countries.geometries) {
  const geometry = geometrySchema.parse(candidate);
  const polygons = (geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs) as number[][][];
  const touching = polygons.filter((polygon) => polygon[0] !== undefined && ringTouchesBox(polygon[0]));
  if (touching.length === 0) continue;
  kept.push({ code: geometry.id === undefined ? '' : (countryCodes.numericToAlpha2(geometry.id) ?? ''), name: geometry.properties.name, polygons: touching });
}

// Renumber the arcs in use. Points outside the box are dropped from the inside of an arc (its ends
// are shared with the neighbour and stay), so a country reaching far out (the United States) keeps
// its borders in the region exact and a rough outline beyond, which no view of the region shows.
const newIndex = new Map<number, number>();
const arcs: [number, number][][] = [];
const renumber = (reference: number): number => {
  const index = arcIndex(reference);
  let mapped = newIndex.get(index);
  if (mapped === undefined) {
    const points = absoluteArcs[index] ?? [];
    const thinned = points.filter((point, at) => at === 0 || at === points.length - 1 || inKeepBox(point));
    mapped = arcs.length;
    arcs.push(thinned.map(([x, y], at) => (at === 0 ? [x, y] : [x - (thinned[at - 1]?.[0] ?? 0), y - (thinned[at - 1]?.[1] ?? 0)])));
    newIndex.set(index, mapped);
  }
  return reference < 0 ? ~mapped : mapped;
};

const geometries = kept.map(({ code, name, polygons }) => ({
  type: 'MultiPolygon' as const,
  properties: { code, name },
  arcs: polygons.map((polygon) => polygon.map((ring) => ring.map(renumber))),
}));

const topology = {
  type: 'Topology',
  format: regionMapFormat,
  attribution: 'Made with Natural Earth (public domain), via world-atlas (ISC).',
  transform: atlas.transform,
  objects: { countries: { type: 'GeometryCollection', geometries } },
  arcs,
};

mkdirSync(dirname(outputPath), { recursive: true });
const text = JSON.stringify(topology);
writeFileSync(outputPath, text);
console.log(`Wrote ${outputPath}`);
console.log(`  ${geometries.length} countries and territories, ${arcs.length} arcs, ${arcs.reduce((sum, arc) => sum + arc.length, 0)} points`);
console.log(`  ${(statSync(outputPath).size / 1024).toFixed(0)} KB, ${(gzipSync(text).length / 1024).toFixed(0)} KB gzipped`);
