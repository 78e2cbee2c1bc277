import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNewsPlaceIndex } from '../../../shared/places/newsPlaceIndex';
import { createNewsWordIndex } from '../../../shared/wordSearch/newsWordIndex';
import { mentionsInside } from '../../../shared/places/placeMentions';
import { createPlaceSearch } from '../../../shared/places/placeSearch';
import { createPlaceTagger, findPlaceMentions, tagPlaces } from '../../../shared/places/tagPlaces';
import { bundledGazetteer, bundledSamplePage } from '../../fixtures/bundledData';
import { indexPlaceCorpus } from '../../fixtures/placeCorpusIndex';
import { placeCorpus, placeCorpusQueries } from '../../fixtures/placeCorpus';

const gazetteer = bundledGazetteer;
const tagger = createPlaceTagger(gazetteer);

const sample = bundledSamplePage().items.map((item) => ({
  key: item.id,
  title: item.title,
  text: item.contentText ?? '',
  date: Date.parse(item.datePublished ?? ''),
}));
const sampleIndex = createNewsPlaceIndex(gazetteer);
for (const item of sample) sampleIndex.setItem(item.key, tagPlaces(tagger, item), item.date);
const sampleSearch = createPlaceSearch(sampleIndex);
// The text fallback the app uses: the word index (renderer/workers/search/newsSearchEngine.ts), not the fuse.js reference.
const wordIndex = createNewsWordIndex();
for (const item of sample) wordIndex.setItem(item.key, item.title, item.text, item.date);
const textSearch = wordIndex.search;
const keysFor = (query: string): string[] => sampleSearch.search(query, { textSearch }).hits.map((hit) => hit.itemKey);

const psychosocial = '2021-07-01-iom-installs-three-new-psychosocial-care-groups-for-migrants-in-mexico';
const migrantWomen = '2021-06-28-iom-presents-roadmap-for-improving-integration-of-migrant-women-in-southern-mexi';
const peten = '2021-06-18-migrants-will-have-access-to-reliable-information-thanks-to-the-opening-of-two-n';
const costaRicaNetwork = '2021-07-07-costa-rica-general-directorate-of-migration-and-aliens-mentions-joint-work-with';
const costaRicaDisaster = '2021-06-28-costa-rica-includes-the-issue-of-mobility-in-its-third-national-disaster-risk-ma';
const trafficking = '2021-06-21-iom-panama-launches-training-sessions-on-human-trafficking-and-migrant-smuggling';
const municipalities = '2021-07-02-salvadoran-municipalities-receive-training-to-incorporate-orderly-and-safe-migra';
const copeco = '2021-06-25-honduras-copeco-and-sinager-better-prepared-for-the-protection-of-migrants-durin';

describe('place search over the bundled sample', () => {
  it('tags each sample item it is tested with by the country the item is about', () => {
    const countries: [string, string][] = [
      [psychosocial, 'MX'], [migrantWomen, 'MX'], [peten, 'GT'], [costaRicaNetwork, 'CR'],
      [costaRicaDisaster, 'CR'], [trafficking, 'PA'], [municipalities, 'SV'], [copeco, 'HN'],
    ];
    for (const [key, country] of countries) {
      const item = sample.find((candidate) => candidate.key === key);
      if (item === undefined) throw new Error(`the bundled sample no longer has ${key}`);
      const tagged = tagPlaces(tagger, item).map((id) => gazetteer.byId.get(id)?.country);
      expect(tagged, key).toContain(country);
    }
  });

  it.each(['tapachla', 'cuidad juarez', 'tijuna'])('"%s" puts the psychosocial care groups item first', (query) => {
    expect(keysFor(query)[0]).toBe(psychosocial);
  });

  it.each(['peten', 'Petén', 'melchor de mencos', 'la libertad'])('"%s" puts the Information Hubs item first', (query) => {
    expect(keysFor(query)[0]).toBe(peten);
  });

  it('"costa rica" finds both Costa Rica items', () => {
    expect(keysFor('costa rica').slice(0, 2).sort()).toEqual([costaRicaDisaster, costaRicaNetwork].sort());
  });

  it('"Guatemala" finds the Petén item, which never says Guatemala', () => {
    expect(keysFor('Guatemala')[0]).toBe(peten);
  });

  it.each(['chiapas', 'mexico'])('"%s" finds the migrant women item and the Tapachula item', (query) => {
    expect(keysFor(query).slice(0, 2).sort()).toEqual([migrantWomen, psychosocial].sort());
  });

  it('"panama" finds the trafficking training item', () => {
    expect(keysFor('panama')[0]).toBe(trafficking);
  });

  it.each(['salvadoran municipalities', 'el salvador'])('"%s" puts the municipalities item first', (query) => {
    expect(keysFor(query)[0]).toBe(municipalities);
  });

  it('"honduras" finds the COPECO item', () => {
    expect(keysFor('honduras')[0]).toBe(copeco);
  });

  it('finds a place with a typo in its first letter, while typing', () => {
    // A wrong first letter, a dropped one, an added one; and partway through the word.
    for (const query of ['rapachula', 'apachula', 'xtapachula', 'rapachu', 'ruatemala']) {
      expect(sampleSearch.search(query).suggestions[0]?.name, query).toBe(query === 'ruatemala' ? 'Guatemala' : 'Tapachula');
    }
  });

  it('"Tokyo" matches no place, says nothing matched and suggests place names', () => {
    const result = sampleSearch.search('Tokyo', { textSearch });
    expect(result.suggestions).toEqual([]);
    expect(result.hits.filter((hit) => hit.placeId !== null)).toEqual([]);
    expect(result.nothingMatched).toBe(true);
    expect(result.nearestPlaces.length).toBeGreaterThan(0);
  });

  it('gives a suggestion its name, state, country and count as data', () => {
    const tapachula = sampleSearch.search('tapachla').suggestions[0];
    expect([tapachula?.parts, tapachula?.count]).toEqual([
      { name: 'Tapachula', kind: 'town', stateName: 'Chiapas', countryCode: 'MX', countryName: 'Mexico' }, 1,
    ]);
    const costaRica = sampleSearch.search('costa rica').suggestions[0];
    expect([costaRica?.parts, costaRica?.count]).toEqual([
      { name: 'Costa Rica', kind: 'country', stateName: null, countryCode: 'CR', countryName: 'Costa Rica' }, 2,
    ]);
  });

  it('says which place matched each hit', () => {
    expect(sampleSearch.search('cuidad juarez').hits[0]).toMatchObject({ placeId: '4013708', matchedName: 'Ciudad Juárez' });
  });

  it('ranks items of place matches above text matches', () => {
    const result = sampleSearch.search('salvadoran municipalities', { textSearch });
    expect(result.textWords).toEqual(['municipalities']);
    expect(result.hits[0]).toMatchObject({ itemKey: municipalities, placeId: 'SV' });
    expect(result.hits.slice(1).some((hit) => hit.itemKey === peten && hit.placeId === null)).toBe(true);
  });

  it('falls back to the text for words that name no place', () => {
    const result = sampleSearch.search('psychosocial', { textSearch });
    expect(result.suggestions).toEqual([]);
    expect(result.hits[0]).toMatchObject({ itemKey: psychosocial, placeId: null });
  });

  it('highlights the place inside a matched country ("Petén" for "Guatemala")', () => {
    const item = sample.find((candidate) => candidate.key === peten);
    if (item === undefined) throw new Error('no Petén item');
    const ranges = mentionsInside(gazetteer, findPlaceMentions(tagger, item), ['GT']);
    expect(ranges.map((range) => (range.field === 'title' ? item.title : item.text).slice(range.start, range.end))).toEqual([
      'Petén', 'La Libertad', 'Melchor de Mencos', 'Petén',
    ]);
    // The mention keeps the name as written, so the window marks it without the text at hand.
    expect(ranges.map((range) => range.name)).toEqual(['Petén', 'La Libertad', 'Melchor de Mencos', 'Petén']);
    expect(mentionsInside(gazetteer, findPlaceMentions(tagger, item), ['MX'])).toEqual([]);
  });
});

describe('place search over the test corpus', () => {
  const index = indexPlaceCorpus();
  const search = createPlaceSearch(index);

  it.each(placeCorpusQueries)('"$query" ($tier: $why)', ({ query, first, includes, none }) => {
    const keys = search.search(query).hits.map((hit) => hit.itemKey);
    if (first !== undefined) expect(keys[0]).toBe(first);
    if (includes !== undefined) expect(keys).toEqual(expect.arrayContaining([...includes]));
    if (none === true) expect(keys).toEqual([]);
    expect(first ?? includes ?? none).toBeDefined();
  });

  it('brings no items from loose matches when the query spells a name: "la ceiba" is not La Habana', () => {
    const answer = search.search('la ceiba');
    expect(answer.hits.map((hit) => hit.itemKey)).toEqual(['hn-la-ceiba-deportees']);
    expect(answer.suggestions[0]?.name).toBe('La Ceiba');
  });

  it.each(['mexico', 'san jose', 'honduras', 'guatemala'])('counts every item of "%s" beyond the hits it returns, each once', (query) => {
    const every = search.search(query, { limit: Number.MAX_SAFE_INTEGER });
    expect(every.hits.length).toBeGreaterThan(2);
    expect(search.search(query, { limit: 2 }).placeItemCount).toBe(every.hits.length);
    expect(every.placeItemCount).toBe(every.hits.length);
  });

  it('gives the same items and the same first suggestions however few suggestions are asked for', () => {
    const few = createPlaceSearch(index);
    const many = createPlaceSearch(index);
    const typed = ['san jose', 'la ceiba', 'cuidad juarez', 'tapachla', 'guatemala', 'sn pedro sula', 'mexico city', 'leon', 'psychosocial tapachula'];
    const queries = [...placeCorpusQueries.map((entry) => entry.query), ...typed.flatMap((query) => [...query].map((_, length) => query.slice(0, length + 1)))];
    for (const query of queries) {
      const fewAnswer = few.search(query, { limit: 10_000, suggestionLimit: 2 });
      const manyAnswer = many.search(query, { limit: 10_000, suggestionLimit: 1_000 });
      expect({ ...fewAnswer, suggestions: fewAnswer.suggestions, nearestPlaces: [] }, query).toEqual({
        ...manyAnswer, suggestions: manyAnswer.suggestions.slice(0, 2), nearestPlaces: [],
      });
      expect(fewAnswer.nearestPlaces, query).toEqual(manyAnswer.nearestPlaces.slice(0, 2));
    }
  });

  it('suggests places for one or two letters but lists no items until a name is spelled', () => {
    const answer = search.search('ta');
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(answer.hits).toEqual([]);
  });

  it('has the size the issue asks of it: 80 items and 60 queries across every tier', () => {
    expect(placeCorpus.length).toBeGreaterThanOrEqual(80);
    expect(placeCorpusQueries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(placeCorpusQueries.map((entry) => entry.tier)).size).toBe(8);
  });

  it('tells two places of one name apart in the suggestions', () => {
    const labels = search.search('leon').suggestions.map(({ parts }) => `${parts.name} — ${parts.stateName}, ${parts.countryName}`);
    expect(labels).toEqual(expect.arrayContaining(['León — León, Nicaragua', 'León de los Aldama — Guanajuato, Mexico']));
  });
});

describe('place search kept up to date', () => {
  it('finds an item added after the first search, and forgets a removed one', () => {
    const index = createNewsPlaceIndex(gazetteer);
    const search = createPlaceSearch(index);
    expect(search.search('tapachula').hits).toEqual([]);
    index.setItem('later', tagPlaces(tagger, { title: 'Rain in Tapachula', text: '' }), '2024-01-01T00:00:00Z');
    expect(search.search('tapachula').hits.map((hit) => hit.itemKey)).toEqual(['later']);
    index.removeItem('later');
    expect(search.search('tapachula').hits).toEqual([]);
  });
});

describe('place search on any input', () => {
  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (query) => {
        const result = sampleSearch.search(query, { textSearch });
        return Array.isArray(result.hits) && result.hits.length <= 100;
      }),
      { numRuns: 300 },
    );
  });
});
