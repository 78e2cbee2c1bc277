import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describePlace, gazetteerFormat, loadGazetteer, placeContains, type Gazetteer } from '../../../shared/places/gazetteer';
import { errorMessages } from '../../../shared/errorMessages';
import { englishText } from '../../../shared/i18n/formatMessages';

const gazetteerPath = new URL('../../../renderer/window/search/gazetteer.json', import.meta.url);
const gazetteerText = readFileSync(gazetteerPath, 'utf8');

const loaded = (): Gazetteer => {
  const result = loadGazetteer(JSON.parse(gazetteerText));
  if (!result.ok) throw new Error(englishText(result.error));
  return result.value;
};
const gazetteer = loaded();
const named = (name: string) => gazetteer.places.filter((place) => place.name === name);

describe('the generated gazetteer', () => {
  it('is compact enough to ship and fetch', () => {
    expect(gazetteerText.length).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(gazetteerSize()).toBeLessThanOrEqual(1024 * 1024);
  });

  it('names every country in English and Spanish, with demonyms', () => {
    const countries = gazetteer.places.filter((place) => place.kind === 'country');
    expect(countries.length).toBeGreaterThanOrEqual(249);
    expect(gazetteer.byId.get('MX')?.alternateNames).toEqual(expect.arrayContaining(['México', 'Mexican']));
    expect(gazetteer.byId.get('DE')?.alternateNames).toContain('Alemania');
    for (const [code, demonym] of [['SV', 'Salvadoran'], ['HN', 'Honduran'], ['GT', 'Guatemalan'], ['CR', 'Costa Rican'], ['PA', 'Panamanian']]) {
      expect(gazetteer.byId.get(code ?? '')?.alternateNames).toContain(demonym);
    }
  });

  it('has the states and departments of the Americas', () => {
    expect(gazetteer.byId.get('MX.05')).toMatchObject({ name: 'Chiapas', kind: 'state', country: 'MX' });
    expect(gazetteer.byId.get('GT.12')).toMatchObject({ name: 'Petén', kind: 'state', country: 'GT' });
    expect(gazetteer.byId.get('SV.05')).toMatchObject({ name: 'La Libertad', kind: 'state', country: 'SV' });
    expect(gazetteer.byId.get('AR.07')?.kind).toBe('state');
  });

  it('has the towns the sample news names, in the right states', () => {
    expect(named('Tapachula')).toEqual([expect.objectContaining({ kind: 'town', country: 'MX', state: 'MX.05' })]);
    expect(named('Ciudad Juárez')).toEqual([expect.objectContaining({ asciiName: 'Ciudad Juarez', state: 'MX.06' })]);
    expect(named('Tijuana')[0]?.state).toBe('MX.02');
    expect(named('Melchor de Mencos')[0]?.state).toBe('GT.12');
    expect(named('La Libertad').some((place) => place.state === 'GT.12')).toBe(true);
  });

  it('keeps small towns of the region and only larger cities elsewhere in the Americas', () => {
    const towns = gazetteer.places.filter((place) => place.kind === 'town');
    const smallest = (country: string) => Math.min(...towns.filter((town) => town.country === country).map((town) => town.population));
    expect(smallest('GT')).toBeLessThan(2_000);
    expect(smallest('HT')).toBeLessThan(5_000);
    expect(smallest('US')).toBeGreaterThanOrEqual(20_000);
    expect(towns.some((town) => town.country === 'JP')).toBe(false);
  });

  it('keeps only Latin-script alternate names', () => {
    const nonLatin = gazetteer.places.flatMap((place) => place.alternateNames).filter((name) => /[\p{Script=Cyrillic}\p{Script=Han}\p{Script=Arabic}]/u.test(name));
    expect(nonLatin).toEqual([]);
  });
});

describe('loadGazetteer', () => {
  it('refuses what is not a gazetteer, with the message a person reads', () => {
    for (const document of [null, 'text', [], {}, { format: 'other/1', attribution: '', columns: [], places: [] }]) {
      expect(loadGazetteer(document)).toEqual({ ok: false, error: errorMessages.gazetteerUnreadable });
    }
  });

  it('skips rows that do not fit and keeps the good ones', () => {
    const result = loadGazetteer({
      format: gazetteerFormat,
      attribution: 'GeoNames',
      columns: [],
      places: [
        ['MX', 0, 'Mexico', '', 'México', 'MX', '', 100, 20, -100],
        ['bad', 9, 'Nowhere', '', '', 'XX', '', 0, 0, 0],
        ['3516266', 2, 'Tapachula', '', '', 'MX', 'MX.05', 202672, 14.9, -92.3],
        'not a row',
      ],
    });
    expect(result.ok && result.value.places.map((place) => place.id)).toEqual(['MX', '3516266']);
  });
});

describe('describePlace', () => {
  it('names a town with its state and country, a state with its country', () => {
    const tapachula = named('Tapachula')[0];
    const chiapas = gazetteer.byId.get('MX.05');
    if (tapachula === undefined || chiapas === undefined) throw new Error('missing places');
    expect(describePlace(gazetteer, tapachula)).toBe('Tapachula — Chiapas, Mexico');
    expect(describePlace(gazetteer, chiapas)).toBe('Chiapas — Mexico');
  });
});

describe('placeContains', () => {
  it('holds for a place itself, a town in its state and country, a state in its country, and nothing else', () => {
    const [tapachula] = named('Tapachula');
    const chiapas = gazetteer.byId.get('MX.05');
    const mexico = gazetteer.byId.get('MX');
    const guatemala = gazetteer.byId.get('GT');
    if (tapachula === undefined || chiapas === undefined || mexico === undefined || guatemala === undefined) throw new Error('missing places');
    expect([placeContains(tapachula, tapachula), placeContains(chiapas, tapachula), placeContains(mexico, tapachula)]).toEqual([true, true, true]);
    expect(placeContains(mexico, chiapas)).toBe(true);
    expect([placeContains(tapachula, chiapas), placeContains(chiapas, mexico), placeContains(guatemala, tapachula)]).toEqual([false, false, false]);
    expect(placeContains(guatemala, mexico)).toBe(false);
  });
});

function gazetteerSize(): number {
  return gzipSync(gazetteerText).length;
}
