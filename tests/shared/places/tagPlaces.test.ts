import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/contentHash';
import type { FeedItem } from '../../../shared/feed/feedItem';
import type { Place } from '../../../shared/places/gazetteer';
import { createPlaceTagger, findPlaceMentions, placeTaggingVersion, tagItem, tagPlaces, type TaggableItem } from '../../../shared/places/tagPlaces';
import { bundledGazetteer, bundledSamplePage } from '../../fixtures/bundledData';
import { placeCorpus, placeCorpusTags } from '../../fixtures/placeCorpus';

const gazetteer = bundledGazetteer;
const tagger = createPlaceTagger(gazetteer);

const sampleItems = bundledSamplePage().items;
const sampleItem = (idStart: string): FeedItem => {
  const found = sampleItems.find((item) => item.id.startsWith(idStart));
  if (found === undefined) throw new Error(`no sample item ${idStart}`);
  return found;
};
const taggable = (item: FeedItem): TaggableItem => ({ title: item.title, text: item.contentText ?? '' });
const placesOf = (item: TaggableItem): Place[] => tagPlaces(tagger, item).flatMap((id) => gazetteer.byId.get(id) ?? []);
const names = (item: TaggableItem): string[] => placesOf(item).map((place) => place.name);

describe('tagPlaces over the bundled sample', () => {
  it('finds the three Mexican cities of the psychosocial item, and Mexico', () => {
    const places = placesOf(taggable(sampleItem('2021-07-01-iom-installs-three-new-psychosocial')));
    expect(places.map((place) => [place.name, place.state])).toEqual([
      ['Mexico', null], ['Tapachula', 'MX.05'], ['Ciudad Juárez', 'MX.06'], ['Tijuana', 'MX.02'],
    ]);
  });

  it('reads "La Libertad" of the Petén item as the town in Petén, not the Salvadoran department', () => {
    const places = placesOf(taggable(sampleItem('2021-06-18-migrants-will-have-access')));
    expect(places.map((place) => place.name).sort()).toEqual(['La Libertad', 'Melchor de Mencos', 'Petén']);
    expect(places.find((place) => place.name === 'La Libertad')).toMatchObject({ kind: 'town', country: 'GT', state: 'GT.12' });
  });

  it('reads a demonym as its country', () => {
    expect(names(taggable(sampleItem('2021-07-02-salvadoran-municipalities')))).toEqual(['El Salvador']);
  });

  it('tags the countries named in the other items and nothing in items that name no place', () => {
    expect(names(taggable(sampleItem('2021-06-28-iom-presents-roadmap')))).toEqual(['Mexico', 'Chiapas']);
    expect(names(taggable(sampleItem('2021-06-25-honduras')))).toEqual(['Honduras']);
    expect(names(taggable(sampleItem('2021-06-21-iom-panama')))).toEqual(['Panama']);
    expect(names(taggable(sampleItem('2021-06-23-the-regional-conference')))).toEqual([]);
    expect(names(taggable(sampleItem('2021-06-21-iom-participates')))).toEqual([]);
  });
});

describe('tagPlaces rules', () => {
  it('takes the longest name at a position', () => {
    expect(names({ title: '', text: 'Shelters in Ciudad Juárez are full.' })).toEqual(['Ciudad Juárez']);
    expect(names({ title: '', text: 'Teams arrived in Melchor de Mencos.' })).toEqual(['Melchor de Mencos']);
  });

  it('ignores case and accents of the text but wants a capital letter', () => {
    expect(names({ title: '', text: 'Families in TAPACHULA and Peten.' })).toEqual(['Tapachula', 'Petén']);
    expect(names({ title: '', text: 'the tapachula route' })).toEqual([]);
  });

  it('skips stop names: words and people that are also GeoNames places', () => {
    expect(placesOf({ title: 'Salud officials met Melchor Mendoza', text: 'Dolores and Mercedes spoke.' })).toEqual([]);
    expect(names({ title: '', text: 'Salud officials visited Dolores Hidalgo.' })).toEqual(['Dolores Hidalgo']);
  });

  it('gives the character ranges of each mention, for highlighting', () => {
    const item = { title: 'News from Petén', text: 'In La Libertad, Petén.' };
    const mentions = findPlaceMentions(tagger, item);
    expect(mentions.map((mention) => (mention.field === 'title' ? item.title : item.text).slice(mention.start, mention.end))).toEqual([
      'Petén', 'La Libertad', 'Petén',
    ]);
  });

  it('resolves "La Libertad" by the country the item names', () => {
    expect(placesOf({ title: '', text: 'Floods in La Libertad, El Salvador.' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'La Libertad', country: 'SV' })]),
    );
  });

  it('changes its version whenever the tagging of the corpus changes', () => {
    // Stored items are tagged again only when placeTaggingVersion changes, so any change to the rules,
    // stop names, aliases or gazetteer that changes a tag must bump it. The two are pinned together:
    // when this fails, bump the tagger part of the version and write both new values here.
    // (The hand-written corpus only, so that a change in how feeds are parsed cannot move it.)
    const tags = contentHash(JSON.stringify(placeCorpus.map((item) => [item.id, tagPlaces(tagger, item)])));
    expect({ version: placeTaggingVersion, tags }).toEqual({ version: 'field-news-gazetteer/1+tagger.7', tags: '8a912aab8a1c94a9' });
  });
});

describe('tagItem: the saved article', () => {
  it('finds a place named only in the article, standing in the article', () => {
    const item = { title: 'Shelter opens its doors', text: 'Two lines, then a link.', article: 'Families arrived in Tapachula overnight.' };
    const tags = tagItem(tagger, item);
    expect(tags.places.map((id) => gazetteer.byId.get(id)?.name)).toEqual(['Tapachula']);
    expect(tags.mentions.map(({ field, start, end, name }) => [field, item.article.slice(start, end), name])).toEqual([['article', 'Tapachula', 'Tapachula']]);
    expect(tagItem(tagger, { title: item.title, text: item.text }).places).toEqual([]);
  });

  it('reads the article as part of the item when a name is shared: its state settles the town', () => {
    const tags = tagItem(tagger, { title: '', text: 'Flooding in Tuxpan left families homeless.', article: 'Rain fell all week over Nayarit.' });
    expect(tags.places).toEqual(['3980841', 'MX.18']);
    expect(tags.weakPlaces).toEqual([]);
  });
});

describe('tagItem: weak readings of a shared name', () => {
  const tuxpanJalisco = '3980844';
  const tuxpanNayarit = '3980841';

  it('tags a name two towns of close size share, with nothing in the item to choose, with both, weakly', () => {
    const tags = tagItem(tagger, { title: '', text: 'Flooding in Tuxpan left families homeless.' });
    expect(tags.places.sort()).toEqual([tuxpanJalisco, tuxpanNayarit].sort());
    expect(tags.weakPlaces.sort()).toEqual([tuxpanJalisco, tuxpanNayarit].sort());
    expect(tags.mentions.map(({ placeId, name, weak, start, end }) => [placeId, name, weak, start, end])).toEqual([
      [tuxpanJalisco, 'Tuxpan', true, 12, 18], [tuxpanNayarit, 'Tuxpan', true, 12, 18],
    ]);
  });

  it('tags one town for certain when the item names its state', () => {
    const tags = tagItem(tagger, { title: '', text: 'In Tuxpan, Nayarit, houses were damaged.' });
    expect(tags.places).toEqual([tuxpanNayarit, 'MX.18']);
    expect(tags.weakPlaces).toEqual([]);
    expect(tags.mentions.every((mention) => mention.weak === undefined)).toBe(true);
  });
});

describe('tagPlaces over the test corpus', () => {
  it.each(placeCorpusTags)('reads "$name" in $itemId as the one in $state', ({ itemId, name, country, state }) => {
    const item = placeCorpus.find((candidate) => candidate.id === itemId);
    if (item === undefined) throw new Error(`no corpus item ${itemId}`);
    const mentions = findPlaceMentions(tagger, item).filter(
      (mention) => (mention.field === 'title' ? item.title : item.text).slice(mention.start, mention.end) === name,
    );
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      const place = gazetteer.byId.get(mention.placeId);
      expect(place?.country).toBe(country);
      expect(place?.kind === 'state' ? place.id : place?.state).toBe(state);
    }
  });

  it('finds at least one place in every corpus item, and at least 30 distinct places over 6 countries', () => {
    // Items whose id starts "none-" are made of words that name no place on their own.
    const tagged = placeCorpus.filter((item) => !item.id.startsWith('none-')).map((item) => placesOf(item));
    expect(tagged.every((places) => places.length > 0)).toBe(true);
    expect(placeCorpus.filter((item) => item.id.startsWith('none-')).map((item) => [item.id, tagPlaces(tagger, item)])).toEqual(
      placeCorpus.filter((item) => item.id.startsWith('none-')).map((item) => [item.id, []]),
    );
    const all = tagged.flat();
    expect(new Set(all.map((place) => place.id)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((place) => place.country)).size).toBeGreaterThanOrEqual(6);
  });
});

describe('tagPlaces on any input', () => {
  it('never throws and returns known place ids', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (title, text) => {
        const ids = tagPlaces(tagger, { title, text: `${text} ${title} San José Petén` });
        return ids.every((id) => gazetteer.byId.has(id));
      }),
    );
  });

  it('finds a name among words of any script, emoji and punctuation, at its exact characters', () => {
    // Letters beyond the Basic Multilingual Plane ("𝒜𝒷") are words too; a flag or a pin is not.
    const noise = ['北京', 'naïve', '𝒜𝒷𝒸', 'Ωμέγα', 'e\u0301cole', '2021', 'IOM', 'muy', 'العربية'];
    const gaps = [' ', ', ', ' — ', ' 📍', '🇲🇽 ', ' «', '» ', '\u00a0', ' (', ') '];
    const names = [['Tapachula', 'Tapachula'], ['Petén', 'Petén'], ['Ciudad Juárez', 'Ciudad Juárez'], ['TAPACHULA', 'Tapachula']] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...noise), { maxLength: 4 }), fc.constantFrom(...gaps), fc.constantFrom(...names),
        fc.constantFrom(...gaps), fc.array(fc.constantFrom(...noise), { maxLength: 4 }),
        (before, gapBefore, [written, placeName], gapAfter, after) => {
          const head = `${before.join(' ')}${gapBefore}`;
          const text = `${head}${written}${gapAfter}${after.join(' ')}`;
          const mention = findPlaceMentions(tagger, { title: '', text }).find((found) => gazetteer.byId.get(found.placeId)?.name === placeName);
          // Capitals alone read as an acronym ("IOM"), which is no place; nine letters is no acronym.
          expect(mention, text).toMatchObject({ field: 'text', start: head.length, end: head.length + written.length, name: written });
        },
      ),
    );
  });
});
