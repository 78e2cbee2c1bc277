import { describe, expect, it } from 'vitest';
import { createNearestPlaces } from '../../../shared/places/nearestPlaceNames';
import { normalizePlaceName } from '../../../shared/places/normalizePlaceName';
import { bundledGazetteer as gazetteer } from '../../fixtures/bundledData';
import { namePlaceCorpus } from '../../fixtures/placeCorpusIndex';

const { index, names } = namePlaceCorpus();
const nearest = createNearestPlaces(index, names);
const pairs = (text: string): string[] => [...` ${text} `].slice(0, -1).map((letter, at) => ` ${text} `.slice(at, at + 2));
const dice = (a: string, b: string): number => {
  const rest = pairs(b);
  let common = 0;
  for (const pair of pairs(a)) {
    const at = rest.indexOf(pair);
    if (at >= 0) {
      common += 1;
      rest.splice(at, 1);
    }
  }
  return (2 * common) / (pairs(a).length + pairs(b).length);
};
const placeNames = (query: string, limit = 3) => nearest(query, limit).map((match) => gazetteer.places[match.ordinal]?.name);

describe('nearest place names, for a query that matched nothing', () => {
  it('offers the present names sharing the most letter pairs, best first', () => {
    expect(['Guatemala', 'Guatemala City']).toContain(placeNames('guatemelaa', 1)[0]);
    expect(placeNames('hondrus', 1)).toEqual(['Honduras']);
    expect(placeNames('kingstown', 1)).toEqual(['Kingston']);
  });

  it('scores a name by the Sørensen–Dice coefficient of the letter pairs of the spelling it matched', () => {
    for (const query of ['cubo', 'managwa', 'tapachla']) {
      for (const match of nearest(query, 5)) expect(match.score).toBeCloseTo(1 - dice(query, normalizePlaceName(match.matchedName)));
    }
  });

  it('offers nothing that shares no letter pair with the query', () => {
    expect(nearest('9999', 8)).toEqual([]);
  });

  it.each(['s', 'sa', 'cu', 'tapachla', 'la', 'zz'])('ranks "%s" as the best name of every present place, ranked by score then gazetteer order', (query) => {
    const best = new Map<number, number>();
    names.names.forEach((name) => {
      const score = 1 - dice(query, name.folded);
      if (index.countAt(name.ordinal) > 0 && score < 1 && score < (best.get(name.ordinal) ?? 1)) best.set(name.ordinal, score);
    });
    const expected = [...best].sort(([ordinalA, scoreA], [ordinalB, scoreB]) => scoreA - scoreB || ordinalA - ordinalB);
    for (const limit of [1, 8, 30]) {
      const found = nearest(query, limit);
      expect(found.map((match) => match.ordinal)).toEqual(expected.slice(0, limit).map(([ordinal]) => ordinal));
      found.forEach((match, at) => expect(match.score).toBeCloseTo(expected[at]?.[1] ?? -1));
    }
  });

  it('gives the same answer when asked again (its scratch is cleared)', () => {
    expect(nearest('havanna', 5)).toEqual(nearest('havanna', 5));
  });
});
