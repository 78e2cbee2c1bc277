import { describe, expect, it } from 'vitest';
import { createNewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { bundledGazetteer as gazetteer } from '../../fixtures/bundledData';
const tapachula = '3516266';
const tijuana = '3981609';
const melchorDeMencos = '3598131';

describe('newsPlaceIndex', () => {
  it('finds an item under its place, the place\'s state and its country, newest first', () => {
    const index = createNewsPlaceIndex(gazetteer);
    index.setItem('old', [tapachula], '2021-01-01T00:00:00Z');
    index.setItem('new', [tijuana], '2021-06-01T00:00:00Z');
    index.setItem('undated', [tapachula], null);
    expect(index.itemsOf(tapachula).map((item) => item.key)).toEqual(['old', 'undated']);
    expect(index.itemsOf('MX.05').map((item) => item.key)).toEqual(['old', 'undated']);
    expect(index.itemsOf('MX').map((item) => item.key)).toEqual(['new', 'old', 'undated']);
    expect(index.countOf('MX')).toBe(3);
    expect(index.directCountOf('MX')).toBe(0);
    expect(index.directCountOf(tapachula)).toBe(2);
  });

  it('lists an item tagged weakly under each reading, after the items tagged there for certain', () => {
    const tuxpanJalisco = '3980844';
    const tuxpanNayarit = '3980841';
    const index = createNewsPlaceIndex(gazetteer);
    index.setItem('certain', [tapachula], '2021-01-01T00:00:00Z');
    index.setItem('weak', [tuxpanJalisco, tuxpanNayarit], '2021-06-01T00:00:00Z', [tuxpanJalisco, tuxpanNayarit]);
    index.setItem('weak and certain', [tuxpanJalisco, tijuana], '2021-07-01T00:00:00Z', [tuxpanJalisco]);
    // Newest first among certain items, then the weak ones; a country a certain place lies in is certain.
    expect(index.itemsOf('MX').map((item) => item.key)).toEqual(['weak and certain', 'certain', 'weak']);
    expect(index.itemsOf('MX.14').map((item) => item.key)).toEqual(['weak and certain', 'weak']);
    expect(index.itemsOf('MX.18').map((item) => item.key)).toEqual(['weak']);
    const visited: [string, boolean][] = [];
    index.visit('MX.14', (_slot, key, _date, weak) => visited.push([key, weak]) > 0);
    expect(visited).toEqual([['weak and certain', true], ['weak', true]]);
    expect([index.countOf('MX.14'), index.countOf('MX'), index.directCountOf(tuxpanNayarit)]).toEqual([2, 3, 1]);
    index.setItem('weak', [tuxpanNayarit], '2021-06-01T00:00:00Z');
    expect(index.itemsOf('MX.14').map((item) => item.key)).toEqual(['weak and certain']);
    index.removeItem('weak and certain');
    expect(index.countOf('MX.14')).toBe(0);
    expect(index.presentPlaces().map((place) => place.id)).not.toContain('MX.14');
  });

  it('replaces an item\'s places when it is tagged again', () => {
    const index = createNewsPlaceIndex(gazetteer);
    index.setItem('a', [tapachula], '2021-01-01T00:00:00Z');
    const before = index.revision;
    index.setItem('a', [melchorDeMencos], '2021-01-02T00:00:00Z');
    expect(index.revision).toBeGreaterThan(before);
    expect(index.countOf(tapachula)).toBe(0);
    expect(index.countOf('MX')).toBe(0);
    expect(index.itemsOf('GT')).toEqual([{ key: 'a', date: Date.parse('2021-01-02T00:00:00Z') }]);
    expect(index.placeIdsOf('a')).toEqual([melchorDeMencos]);
    expect(index.itemCount).toBe(1);
  });

  it('forgets a removed item and reuses its slot', () => {
    const index = createNewsPlaceIndex(gazetteer);
    index.setItem('a', [tapachula], 1);
    index.setItem('b', [tapachula], 2);
    index.removeItem('a');
    index.setItem('c', [tijuana], 3);
    expect(index.itemsOf(tapachula).map((item) => item.key)).toEqual(['b']);
    expect(index.itemsOf('MX').map((item) => item.key)).toEqual(['c', 'b']);
    expect(index.itemCount).toBe(2);
    expect(index.presentPlaces().map((place) => place.id).sort()).toEqual([tijuana, tapachula, 'MX', 'MX.02', 'MX.05'].sort());
  });

  it('counts the distinct items of several places by marking them, weak ones too, and by gazetteer position', () => {
    const tuxpanJalisco = '3980844';
    const index = createNewsPlaceIndex(gazetteer);
    index.setItem('tapachula', [tapachula], 1);
    index.setItem('both', [tapachula, tijuana], 2);
    index.setItem('weak', [tuxpanJalisco], 3, [tuxpanJalisco]);
    const marks = new Uint32Array(index.slotLimit);
    // Tapachula's two items, then Tijuana's one not counted yet, then all of Mexico's that are left.
    expect([tapachula, tijuana, 'MX'].map((placeId) => index.markItems(placeId, marks, 7))).toEqual([2, 0, 1]);
    expect(index.markItems('MX', marks, 8)).toBe(3);
    expect(index.markItems('no-such-place', marks, 8)).toBe(0);
    const ordinal = gazetteer.places.findIndex((place) => place.id === 'MX');
    expect([index.countAt(ordinal), index.countOf('MX')]).toEqual([3, 3]);
  });

  it('refuses a gazetteer position or a mark array it has no cell for, rather than answer 0', () => {
    const index = createNewsPlaceIndex(gazetteer);
    index.setItem('a', [tapachula], 1);
    expect(() => index.countAt(gazetteer.places.length)).toThrow(RangeError);
    expect(() => index.countAt(-1)).toThrow(RangeError);
    expect(() => index.markItems(tapachula, new Uint32Array(0), 1)).toThrow(RangeError);
  });

  it('ignores place ids the gazetteer does not know (tagged under an older gazetteer)', () => {
    const index = createNewsPlaceIndex(gazetteer);
    index.setItem('a', ['no-such-place', tapachula], 1);
    expect(index.placeIdsOf('a')).toEqual([tapachula]);
  });
});

describe('a place index kept on disk and set again', () => {
  it('lists the same items under every place, weak tags and removals kept, once its saved items are set again', () => {
    const tuxpanJalisco = '3980844';
    const original = createNewsPlaceIndex(gazetteer);
    original.setItem('certain', [tapachula], '2021-01-01T00:00:00Z');
    original.setItem('weak', [tuxpanJalisco, tijuana], '2021-06-01T00:00:00Z', [tuxpanJalisco]);
    original.setItem('undated', [melchorDeMencos], null);
    original.setItem('gone', [tapachula], '2021-03-01T00:00:00Z');
    original.setItem('retagged', [tapachula], '2021-04-01T00:00:00Z');
    original.setItem('retagged', [tijuana], '2021-04-01T00:00:00Z');
    original.setItem('no place', [], '2021-05-01T00:00:00Z');
    original.removeItem('gone');
    const saved = structuredClone(original.save());
    const restored = createNewsPlaceIndex(gazetteer);
    saved.keys.forEach((key, at) => restored.setItem(key, saved.placeIds[at] ?? [], saved.dates[at] ?? null, saved.weakIds[at]));
    expect(restored.itemCount).toBe(5);
    for (const placeId of [tapachula, tijuana, tuxpanJalisco, melchorDeMencos, 'MX', 'GT', 'MX.05']) {
      expect(restored.itemsOf(placeId)).toEqual(original.itemsOf(placeId));
    }
    expect(restored.presentPlaces()).toEqual(original.presentPlaces());
  });
});
