import { describe, expect, it } from 'vitest';
import { confidentPartScore, createPlaceMatcher, exactEnoughScore, type PlaceMatcher } from '../../../shared/places/matchPlaceNames';
import { placesOfQuery } from '../../../shared/places/queryPlaces';
import { namePlaceCorpus } from '../../fixtures/placeCorpusIndex';
import { placeCorpusQueries } from '../../fixtures/placeCorpus';

const { index, names } = namePlaceCorpus();
const matcher = createPlaceMatcher(index, names);
// Always the full match list, whatever the score limit asked.
const everyMatch: PlaceMatcher = (phrase) => matcher(phrase);
const startsAName = (text: string): boolean => names.startsAName(text);

const typed = ['san jose', 'la ceiba', 'cuidad juarez', 'tapachla', 'guatemala', 'sn pedro sula', 'mexico city', 'leon', 'psychosocial tapachula', 'santa ana'];
const queries = [...placeCorpusQueries.map((entry) => entry.query), ...typed.flatMap((query) => [...query].map((_, length) => query.slice(0, length + 1)))]
  .map((query) => query.toLowerCase().split(' ').filter((word) => word.length > 0));

describe('the places of a query, asking only for close matches first', () => {
  it.each([1, 2, 8])('lists the same first %i places, the same places to take items from and the same text words as the full lists', (wanted) => {
    for (const words of queries) {
      if (words.length === 0) continue;
      const found = placesOfQuery(matcher, words, { wanted, startsAName });
      const full = placesOfQuery(everyMatch, words, { wanted, startsAName });
      const itemScoreLimit = (full.matched[0]?.score ?? 1) <= exactEnoughScore ? confidentPartScore : Number.POSITIVE_INFINITY;
      const label = words.join(' ');
      expect(found.textWords, label).toEqual(full.textWords);
      expect(found.matched.slice(0, wanted), label).toEqual(full.matched.slice(0, wanted));
      expect(found.matched.filter((match) => match.score <= itemScoreLimit), label).toEqual(full.matched.filter((match) => match.score <= itemScoreLimit));
    }
  });
});
