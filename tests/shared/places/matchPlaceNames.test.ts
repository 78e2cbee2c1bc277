import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { createPlaceMatcher, searchBucket } from '../../../shared/places/matchPlaceNames';
import { createNewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { createPlaceNameIndex, fuseKeyOf, fuseOptions } from '../../../shared/places/placeNameIndex';
import { createPlaceSearch } from '../../../shared/places/placeSearch';
import { bundledGazetteer as gazetteer } from '../../fixtures/bundledData';

// Every town of Guatemala and Honduras present, so the first-letter buckets are hundreds of names.
const index = createNewsPlaceIndex(gazetteer);
gazetteer.places
  .filter((place) => place.country === 'GT' || place.country === 'HN')
  .forEach((place, number) => index.setItem(`item-${number}`, [place.id], number));
const names = createPlaceNameIndex(index);
names.refresh();

const letters = 'abcdeghijlmnoprstuxyz ';
const phrase = fc.array(fc.constantFrom(...letters), { minLength: 3, maxLength: 14 }).map((chosen) => chosen.join('')).map((text) => `s${text}`);
const typedNames = fc.constantFrom(...names.names.map((name) => name.folded)).chain((name) =>
  fc.tuple(fc.nat(name.length), fc.nat(3)).map(([cut, typo]) => {
    const typed = name.slice(0, Math.max(3, cut));
    return typo === 0 ? typed : `${typed.slice(0, -1)}${letters[typo] ?? ''}`;
  }),
);

describe('the bound in front of fuse.js', () => {
  it('finds what fuse.js over the whole first-letter bucket finds, within a score limit too: the same names, scores and order', () => {
    const everyName = (bucketLetter: string, query: string, limit: number, scoreLimit: number): [number, number][] => {
      const bucket = names.bucketOf(bucketLetter);
      if (bucket === undefined) return [];
      return new Fuse(bucket.keys, fuseOptions).search(fuseKeyOf(query), { limit })
        .flatMap((result) => ((result.score ?? 1) <= scoreLimit ? [[result.refIndex, result.score ?? 1] as [number, number]] : []));
    };
    const scoreLimits = fc.constantFrom(0.01, 0.2, 0.3, 0.45, Number.POSITIVE_INFINITY);
    fc.assert(
      fc.property(fc.oneof(phrase, typedNames), fc.constantFrom(200, 20), scoreLimits, (query, limit, scoreLimit) => {
        const bucket = names.bucketOf(query[0] ?? '');
        if (bucket === undefined) return;
        expect(searchBucket(bucket, query, limit, scoreLimit)).toEqual(everyName(query[0] ?? '', query, limit, scoreLimit));
      }),
      { numRuns: 400 },
    );
  });

  it('files a name as fuse.js would compare it, so "lodz" still finds a name written with ł', () => {
    expect(fuseKeyOf('łodz straße')).toBe('lodz strasse');
  });
});

describe('matches limited by score', () => {
  const matcher = createPlaceMatcher(index, names);
  it('are the start of the full ranking, with every place up to the limit', () => {
    fc.assert(
      fc.property(fc.oneof(phrase, typedNames, fc.constantFrom('sa', 's', 'te')), fc.constantFrom(0.05, 0.2, 0.3, 0.45), (query, scoreLimit) => {
        const limited = matcher(query, scoreLimit);
        const full = matcher(query);
        expect(full.completeTo).toBe(Number.POSITIVE_INFINITY);
        expect(limited.completeTo).toBeGreaterThanOrEqual(scoreLimit);
        expect(limited.places).toEqual(full.places.slice(0, limited.places.length));
        expect(limited.places.length).toBeGreaterThanOrEqual(full.places.filter((match) => match.score <= limited.completeTo).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('names by the start of their spelling', () => {
  it('lists every name that starts so, in filing order', () => {
    for (const prefix of ['s', 'sa', 'san j', 'te', 'zz', '']) {
      const expected = names.names.flatMap((name, refIndex) => (name.folded.startsWith(prefix) ? [refIndex] : []));
      expect(names.startingWith(prefix), prefix).toEqual(expected);
    }
  });

  it('says whether any name starts so', () => {
    for (const prefix of ['s', 'sa', 'san j', 'te', 'zz', 'zzz', '']) {
      expect(names.startsAName(prefix), prefix).toBe(names.names.some((name) => name.folded.startsWith(prefix)));
    }
  });
});

describe('matches remembered from the previous keystroke', () => {
  it('are not reused once the index changed', () => {
    const small = createNewsPlaceIndex(gazetteer);
    const tapachula = gazetteer.places.find((place) => place.name === 'Tapachula');
    const tegucigalpa = gazetteer.places.find((place) => place.name === 'Tegucigalpa');
    if (tapachula === undefined || tegucigalpa === undefined) throw new Error('the gazetteer lost Tapachula or Tegucigalpa');
    small.setItem('tapachula-item', [tapachula.id], 1);
    small.setItem('tegucigalpa-item', [tegucigalpa.id], 2);
    const search = createPlaceSearch(small);
    expect(search.search('tapachula').suggestions.map((suggestion) => suggestion.name)).toContain('Tapachula');
    small.removeItem('tapachula-item');
    // "tapachula x" matches its words again, "tapachula" among them.
    expect(search.search('tapachula x').suggestions.map((suggestion) => suggestion.name)).not.toContain('Tapachula');
  });

  it('give the answer a search from scratch gives', () => {
    const typed = 'cuidad juarez';
    const fresh = createPlaceSearch(index);
    const typing = createPlaceSearch(index);
    for (let length = 1; length <= typed.length; length += 1) {
      const query = typed.slice(0, length);
      expect(typing.search(query), query).toEqual(createPlaceSearch(index).search(query));
    }
    expect(fresh.search(typed)).toEqual(typing.search(typed));
  });
});
