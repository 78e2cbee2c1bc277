// Chooses the place a shared name means in one item, by the item's own evidence, in order: the
// country or state it names, the other places it names (the nearest candidate), regional words
// ("frontera sur", "in the north of the state") against the candidates' coordinates, population.
import type { Place } from './gazetteer';

const kindRank = { country: 3, state: 2, town: 1 } as const;

type Direction = 'north' | 'south' | 'west' | 'east';

// Spanish and English. The Pacific lies west of Mexico and south-west of Central America, the
// Caribbean and the Gulf east: "west"/"east" is right for both.
const hintPatterns: readonly [RegExp, Direction][] = [
  [/\b(?:frontera sur|southern border|(?:al|del|en el) sur(?:este|oeste)? de|(?:in|to) the south(?:east|west)? of|in the south\b|sur del pa[ií]s)/iu, 'south'],
  [/\b(?:frontera norte|northern border|(?:al|del|en el) norte de|(?:in|to) the north(?:east|west)? of|in the north\b|norte del pa[ií]s)/iu, 'north'],
  [/\b(?:costa del pac[ií]fico|pac[ií]fico|pacific coast|pacific)/iu, 'west'],
  [/\b(?:caribe|caribbean|golfo de m[eé]xico|gulf coast|gulf of mexico)/iu, 'east'],
];

/** The regional words of an item. Read only when a name is ambiguous, so tagging stays cheap. */
export const regionHints = (text: string): Direction[] =>
  hintPatterns.flatMap(([pattern, direction]) => (pattern.test(text) ? [direction] : []));

/** How far a place lies in a direction; the candidate furthest that way wins the hint. "In the
 *  north of the state" and "on the southern border" both pick the northern or southern one of
 *  the candidates, whatever state or country centre they are measured from. */
const towards = (place: Place, direction: Direction): number =>
  direction === 'north' ? place.lat : direction === 'south' ? -place.lat : direction === 'east' ? place.lon : -place.lon;

/** Kilometres, flat-earth: enough to rank candidates a few hundred kilometres apart. */
const distanceKm = (a: Place, b: Place): number => {
  const x = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot(x, a.lat - b.lat) * 111.2;
};

/** 2 within 60 km of another place the item names, 1 within 200 km, else 0. */
const nearness = (place: Place, anchors: readonly Place[]): number => {
  let best = 0;
  for (const anchor of anchors) {
    if (anchor.id === place.id || anchor.kind !== 'town') continue;
    const km = distanceKm(place, anchor);
    best = Math.max(best, km < 60 ? 2 : km < 200 ? 1 : 0);
  }
  return best;
};

export interface Evidence {
  /** How often each country and state id is named or implied by the item's other names. */
  context: ReadonlyMap<string, number>;
  /** The places the item's other names point to. */
  anchors: readonly Place[];
  hints: readonly Direction[];
}

/** A candidate this much smaller than the largest is never chosen by nearness or regional words:
 *  a hamlet must not take "Sinaloa" from the state because the item says "north". */
const plausibleShare = 1 / 50;

/** Keeps the candidates that score highest: one step of the lexicographic choice. */
const keepBest = (candidates: readonly Place[], score: (place: Place) => number): Place[] => {
  const scores = candidates.map(score);
  const top = Math.max(...scores);
  return candidates.filter((_, position) => scores[position] === top);
};

/** The best of the places sharing a name; a state's capital stands for a state of its name. */
export const pickPlace = (
  places: readonly Place[],
  indexes: readonly number[],
  evidence: Evidence | undefined,
): number | undefined => {
  const all = indexes.flatMap((index) => places[index] ?? []);
  if (all.length === 0) return undefined;
  let remaining = keepBest(all, (place) => (place.kind === 'country' ? 1 : 0));
  if (evidence !== undefined) {
    remaining = keepBest(remaining, (place) => {
      const inState = place.state !== null && (evidence.context.get(place.state) ?? 0) > 0;
      const inCountry = place.kind !== 'country' && (evidence.context.get(place.country) ?? 0) > 0;
      return inState ? 2 : inCountry ? 1 : 0;
    });
    const largest = Math.max(...remaining.map((place) => place.population));
    remaining = remaining.filter((place) => place.population >= largest * plausibleShare);
    remaining = keepBest(remaining, (place) => nearness(place, evidence.anchors));
    for (const direction of evidence.hints) {
      if (remaining.length < 2 || remaining.some((place) => place.kind !== 'town')) break;
      remaining = keepBest(remaining, (place) => towards(place, direction));
    }
  }
  remaining = keepBest(remaining, (place) => place.population);
  const chosen = keepBest(remaining, (place) => kindRank[place.kind])[0];
  const best = chosen === undefined ? undefined : indexes.find((index) => places[index] === chosen);
  // "Managua", "Quetzaltenango": the state and its capital share the name; the town is the more
  // precise reading, and the state's search still finds it.
  const state = best === undefined ? undefined : places[best];
  if (state?.kind !== 'state') return best;
  let capital: number | undefined;
  for (const index of indexes) {
    const town = places[index];
    if (town?.state === state.id && town.population > (places[capital ?? -1]?.population ?? -1)) capital = index;
  }
  return capital ?? best;
};
