// Chooses the place a shared name means in one item, by the item's own evidence, in order: the
// country or state it names, the other places it names (the nearest candidate), regional words
// ("frontera sur", "in the north of the state") against the candidates' coordinates, population.
// When only population is left to decide and the two largest are close, both are kept, weakly.
import { readAt } from '../checkedRead';
import type { Place } from './gazetteer';

const kindRank = { country: 3, state: 2, town: 1 } as const;

type Direction = 'north' | 'south' | 'west' | 'east';

// Spanish and English, as folded words: a phrase is its trigger word with the word before or
// after it. The Pacific lies west of Mexico and south-west of Central America, the Caribbean and
// the Gulf east: "west"/"east" is right for both.
interface HintWord {
  direction: Direction;
  /** Any of these words before the trigger, or after it, makes the phrase; both empty: alone. */
  before: readonly string[];
  after: readonly string[];
}
const hintWords: ReadonlyMap<string, HintWord> = new Map<string, HintWord>([
  ['sur', { direction: 'south', before: ['frontera'], after: ['de', 'del'] }],
  ['sureste', { direction: 'south', before: [], after: ['de', 'del'] }],
  ['suroeste', { direction: 'south', before: [], after: ['de', 'del'] }],
  ['south', { direction: 'south', before: ['the'], after: ['of'] }],
  ['southern', { direction: 'south', before: [], after: ['border'] }],
  ['norte', { direction: 'north', before: ['frontera'], after: ['de', 'del'] }],
  ['noreste', { direction: 'north', before: [], after: ['de', 'del'] }],
  ['noroeste', { direction: 'north', before: [], after: ['de', 'del'] }],
  ['north', { direction: 'north', before: ['the'], after: ['of'] }],
  ['northern', { direction: 'north', before: [], after: ['border'] }],
  ['pacifico', { direction: 'west', before: [], after: [] }],
  ['pacific', { direction: 'west', before: [], after: [] }],
  ['caribe', { direction: 'east', before: [], after: [] }],
  ['caribbean', { direction: 'east', before: [], after: [] }],
  ['golfo', { direction: 'east', before: [], after: ['de'] }],
  ['gulf', { direction: 'east', before: [], after: ['of', 'coast'] }],
]);

/** Whether a folded word can start a regional phrase: an item with none has no hints to read. */
export const isHintWord = (word: string): boolean => hintWords.has(word);

/** The regional words of an item, from its folded words ("frontera sur", "in the north of the
 *  state", "costa del Pacífico"). Read only when a name is ambiguous, so tagging stays cheap. */
export const regionHints = (words: readonly string[]): Direction[] => {
  const found = new Set<Direction>();
  words.forEach((word, position) => {
    const hint = hintWords.get(word);
    if (hint === undefined) return;
    const alone = hint.before.length === 0 && hint.after.length === 0;
    // The first word has none before it, the last none after.
    if (alone || hint.before.includes(words[position - 1] ?? '') || hint.after.includes(words[position + 1] ?? '')) found.add(hint.direction);
  });
  return [...found];
};

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

/** When population alone decides, a runner-up at least this share of the winner's population is
 *  as likely: the item is tagged with both, weakly, so a state or country filter finds it either way. */
const closeShare = 1 / 3;
/** Below this the two readings are hamlets, where a second tag adds more noise than it finds:
 *  the larger is kept alone, as before. */
const weakFloorPopulation = 5_000;

export interface PlaceChoice {
  /** Index into the places of the reading chosen. */
  index: number;
  /** A second reading as likely as the chosen one: both are then weak tags. */
  alternative: number | undefined;
}

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
  if (evidence === undefined) return withCapital(places, indexes, largestOf(places, indexes));
  return choosePlace(places, indexes, evidence)?.index;
};

/** The reading the evidence supports and, when it is weak (only population is left to decide and
 *  the two largest towns are close), the runner-up as a second, equally weak reading. */
export const choosePlace = (places: readonly Place[], indexes: readonly number[], evidence: Evidence): PlaceChoice | undefined => {
  const all = indexes.map((index) => readAt(places, index));
  if (all.length === 0) return undefined;
  let remaining = keepBest(all, (place) => (place.kind === 'country' ? 1 : 0));
  remaining = keepBest(remaining, (place) => {
    const inState = place.state !== null && (evidence.context.get(place.state) ?? 0) > 0;
    const inCountry = place.kind !== 'country' && (evidence.context.get(place.country) ?? 0) > 0;
    return inState ? 2 : inCountry ? 1 : 0;
  });
  const largest = Math.max(...remaining.map((place) => place.population));
  remaining = remaining.filter((place) => place.population >= largest * plausibleShare);
  remaining = keepBest(remaining, (place) => nearness(place, evidence.anchors));
  // Regional words speak of parts of one country: "the northern border" does not move Nogales
  // from Sonora to Arizona. They choose only among towns of the likeliest country.
  const country = keepBest(remaining, (place) => place.population)[0]?.country;
  const inCountry = remaining.filter((place) => place.country === country);
  if (evidence.hints.length > 0 && inCountry.length > 1 && inCountry.every((place) => place.kind === 'town')) {
    remaining = inCountry;
    for (const direction of evidence.hints) remaining = keepBest(remaining, (place) => towards(place, direction));
  }
  const byPopulation = [...remaining].sort((a, b) => b.population - a.population || kindRank[b.kind] - kindRank[a.kind]);
  remaining = keepBest(remaining, (place) => place.population);
  const chosen = keepBest(remaining, (place) => kindRank[place.kind])[0];
  const index = withCapital(places, indexes, chosen === undefined ? undefined : indexes.find((at) => places[at] === chosen));
  if (index === undefined) return undefined;
  const runnerUp = byPopulation[1];
  const top = readAt(places, index);
  const weak = top.kind === 'town' && runnerUp?.kind === 'town' && runnerUp !== top &&
    runnerUp.population >= weakFloorPopulation && runnerUp.population >= top.population * closeShare;
  return { index, alternative: weak ? indexes.find((at) => places[at] === runnerUp) : undefined };
};

/** With no evidence: a country first, then the most populous, then the wider kind. One pass, as
 *  every name of every item goes through here once. */
const isBetterByDefault = (place: Place, than: Place): boolean => {
  if ((place.kind === 'country') !== (than.kind === 'country')) return place.kind === 'country';
  if (place.population !== than.population) return place.population > than.population;
  return kindRank[place.kind] > kindRank[than.kind];
};

const largestOf = (places: readonly Place[], indexes: readonly number[]): number | undefined => {
  let best: number | undefined;
  let bestPlace: Place | undefined;
  for (const index of indexes) {
    const place = readAt(places, index);
    if (bestPlace === undefined || isBetterByDefault(place, bestPlace)) {
      best = index;
      bestPlace = place;
    }
  }
  return best;
};

const withCapital = (places: readonly Place[], indexes: readonly number[], best: number | undefined): number | undefined => {
  // "Managua", "Quetzaltenango": the state and its capital share the name; the town is the more
  // precise reading, and the state's search still finds it.
  const state = best === undefined ? undefined : readAt(places, best);
  if (state?.kind !== 'state') return best;
  let capital: number | undefined;
  let capitalPopulation = -1;
  for (const index of indexes) {
    const town = readAt(places, index);
    if (town.state === state.id && town.population > capitalPopulation) {
      capital = index;
      capitalPopulation = town.population;
    }
  }
  // No town of the state shares its name: the state it is.
  return capital ?? best;
};
