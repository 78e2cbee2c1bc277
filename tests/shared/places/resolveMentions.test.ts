import { describe, expect, it } from 'vitest';
import type { Place } from '../../../shared/places/gazetteer';
import { choosePlace, type Evidence } from '../../../shared/places/resolveMentions';

const town = (id: string, state: string, population: number, lat = 20, lon = -100): Place => ({
  id, name: 'Tuxpan', asciiName: 'Tuxpan', alternateNames: [], kind: 'town', country: 'MX', state, population, lat, lon,
});
const noEvidence: Evidence = { context: new Map(), anchors: [], hints: [] };
const choose = (places: readonly Place[], evidence = noEvidence) => {
  const choice = choosePlace(places, places.map((_, index) => index), evidence);
  return choice === undefined ? undefined : { chosen: places[choice.index]?.id, alternative: places[choice.alternative ?? -1]?.id };
};

describe('choosePlace: a name two towns share', () => {
  it('keeps both, weakly, when only population is left to decide and the two are close', () => {
    expect(choose([town('jalisco', 'MX.14', 27_523), town('nayarit', 'MX.18', 21_709)])).toEqual({ chosen: 'jalisco', alternative: 'nayarit' });
  });

  it('keeps the larger alone when the other is far smaller', () => {
    expect(choose([town('large', 'MX.14', 90_000), town('small', 'MX.18', 20_000)])).toEqual({ chosen: 'large', alternative: undefined });
  });

  it('keeps the larger alone when both are hamlets, where a second tag adds only noise', () => {
    expect(choose([town('a', 'MX.16', 749), town('b', 'MX.30', 577)])).toEqual({ chosen: 'a', alternative: undefined });
  });

  it('takes the one the item\'s state names, for certain', () => {
    const evidence: Evidence = { ...noEvidence, context: new Map([['MX.18', 1]]) };
    expect(choose([town('jalisco', 'MX.14', 27_523), town('nayarit', 'MX.18', 21_709)], evidence)).toEqual({ chosen: 'nayarit', alternative: undefined });
  });

  it('takes the one the regional words point to, for certain', () => {
    const evidence: Evidence = { ...noEvidence, hints: ['north'] };
    const places = [town('south', 'MX.14', 27_523, 19.6), town('north', 'MX.18', 21_709, 21.9)];
    expect(choose(places, evidence)).toEqual({ chosen: 'north', alternative: undefined });
  });
});
