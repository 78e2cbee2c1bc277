// The gazetteer: the places Field News knows, as the generated JSON stores them (one row per
// place, columns fixed) and as the app uses them. The loader validates the fetched JSON.
import { z } from 'zod';
import { readAt } from '../checkedRead';
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import type { UserMessage } from '../i18n/userMessage';

export type PlaceKind = 'country' | 'state' | 'town';

export interface Place {
  /** "MX" for a country, "MX.05" for a state, the GeoNames id ("3516266") for a town. */
  id: string;
  kind: PlaceKind;
  name: string;
  asciiName: string;
  /** Latin-script alternate names, including the Spanish name and demonyms of countries. */
  alternateNames: readonly string[];
  /** ISO 3166 code of the country; a country's own code for a country. */
  country: string;
  /** Id of the state ("MX.05") a town lies in, or null. */
  state: string | null;
  population: number;
  lat: number;
  lon: number;
}

export interface Gazetteer {
  places: readonly Place[];
  byId: ReadonlyMap<string, Place>;
  attribution: string;
}

/** Bump when the file layout changes; the loader refuses other layouts. */
export const gazetteerFormat = 'field-news-gazetteer/1';
export const gazetteerColumns = [
  'id', 'kind', 'name', 'asciiName', 'alternateNames', 'country', 'state', 'population', 'lat', 'lon',
] as const;

const kinds: readonly PlaceKind[] = ['country', 'state', 'town'];

const rowSchema = z.tuple([
  z.string().min(1),
  z.union([z.literal(0), z.literal(1), z.literal(2)]),
  z.string().min(1),
  z.string(),
  z.string(),
  z.string().length(2),
  z.string(),
  z.number().nonnegative(),
  z.number().min(-90).max(90),
  z.number().min(-180).max(180),
]);

/** One place as stored: id, kind (0 country, 1 state, 2 town), name, ASCII name ('' = same),
 *  alternates joined by "|", country, state ('' = none), population, latitude, longitude. */
export type GazetteerRow = z.infer<typeof rowSchema>;

const fileSchema = z.object({
  format: z.literal(gazetteerFormat),
  attribution: z.string(),
  columns: z.array(z.string()),
  places: z.array(z.unknown()),
});

export interface GazetteerFile {
  format: typeof gazetteerFormat;
  attribution: string;
  columns: string[];
  places: GazetteerRow[];
}

const toPlace = (row: GazetteerRow): Place => {
  const [id, kind, name, asciiName, alternates, country, state, population, lat, lon] = row;
  return {
    id,
    kind: readAt(kinds, kind),
    name,
    asciiName: asciiName === '' ? name : asciiName,
    alternateNames: alternates === '' ? [] : alternates.split('|'),
    country,
    state: state === '' ? null : state,
    population,
    lat,
    lon,
  };
};

/** Validates the fetched gazetteer JSON. Rows that do not fit are skipped; a file that is not a
 *  gazetteer at all is refused with a reason. Never throws. */
export const loadGazetteer = (document: unknown): Result<Gazetteer, UserMessage> => {
  const file = fileSchema.safeParse(document);
  if (!file.success) return fail(errorMessages.gazetteerUnreadable);
  const places: Place[] = [];
  const byId = new Map<string, Place>();
  for (const candidate of file.data.places) {
    const row = rowSchema.safeParse(candidate);
    if (!row.success || byId.has(row.data[0])) continue;
    const place = toPlace(row.data);
    places.push(place);
    byId.set(place.id, place);
  }
  if (places.length === 0) return fail(errorMessages.gazetteerUnreadable);
  return succeed({ places, byId, attribution: file.data.attribution });
};

/** Whether `place` is `area` or lies inside it (a town in a state or country, a state in a
 *  country). The one rule for hierarchy: search, highlighting and chips all use it. */
export const placeContains = (area: Place, place: Place): boolean =>
  place.id === area.id ||
  (area.kind === 'country' && place.kind !== 'country' && place.country === area.id) ||
  (area.kind === 'state' && place.state === area.id);

/** What a label needs to tell two places of one name apart, as data: the renderer words it in
 *  the interface language (the country by its code, the rest as named). */
export interface PlaceLabelParts {
  name: string;
  kind: PlaceKind;
  /** The state a town lies in, or null (for a state or country, or a town with no state). */
  stateName: string | null;
  /** ISO code of the country; the country itself for a country. */
  countryCode: string;
  /** The country's English name, for when the interface has no name for the code. */
  countryName: string;
}

export const placeLabelParts = (gazetteer: Gazetteer, place: Place): PlaceLabelParts => ({
  name: place.name,
  kind: place.kind,
  stateName: place.state === null ? null : (gazetteer.byId.get(place.state)?.name ?? null),
  countryCode: place.country,
  countryName: gazetteer.byId.get(place.country)?.name ?? place.country,
});

/** "Tapachula — Chiapas, Mexico" in English: for logs, tests and the map's English titles; the
 *  window words labels itself from placeLabelParts. */
export const describePlace = (gazetteer: Gazetteer, place: Place): string => {
  if (place.kind === 'country') return place.name;
  const { countryName, stateName } = placeLabelParts(gazetteer, place);
  return stateName === null ? `${place.name} — ${countryName}` : `${place.name} — ${stateName}, ${countryName}`;
};
