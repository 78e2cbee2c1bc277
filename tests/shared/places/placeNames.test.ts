// The names the region's news writes: every curated exonym or short name tags its place, one by
// one, and towns whose official name carries a prefix news drops are tagged by the rest of it.
import { describe, expect, it } from 'vitest';
import { curatedPlaceNames } from '../../../shared/places/placeExonyms';
import { createPlaceTagger, tagPlaces } from '../../../shared/places/tagPlaces';
import { bundledGazetteer } from '../../fixtures/bundledData';

const tagger = createPlaceTagger(bundledGazetteer);
const tagged = (text: string): string[] => tagPlaces(tagger, { title: '', text });

describe('curated names', () => {
  it('have a source and name a town the gazetteer holds under that name', () => {
    for (const entry of curatedPlaceNames) {
      expect(entry.source.length, entry.placeId).toBeGreaterThan(20);
      expect(bundledGazetteer.byId.get(entry.placeId)?.name, entry.placeId).toBe(entry.geonamesName);
    }
  });

  for (const entry of curatedPlaceNames) {
    for (const name of entry.names) {
      it(`"${name}" tags ${entry.geonamesName}`, () => {
        expect(tagged(`Aid workers arrived in ${name} on Monday.`)).toContain(entry.placeId);
      });
    }
  }
});

describe('names without their honorific or generic prefix', () => {
  const cases: [text: string, town: string, state: string, country: string][] = [
    ['Migrants crossed the Suchiate river at Tecún Umán before dawn.', 'Ciudad Tecún Umán', 'GT.17', 'GT'],
    ['Deportees were received at the bridge in Matamoros.', 'Heroica Matamoros', 'MX.28', 'MX'],
    ['Sugar cane workers in Macorís asked for visas.', 'San Pedro de Macorís', 'DO.24', 'DO'],
  ];
  for (const [text, town, state, country] of cases) {
    it(`tags ${town}, so that its state and country find the item`, () => {
      const places = tagged(text).flatMap((id) => bundledGazetteer.byId.get(id) ?? []);
      expect(places.map((place) => [place.name, place.state, place.country])).toContainEqual([town, state, country]);
    });
  }

  it('does not shorten a name where the rest names a larger town elsewhere in the country', () => {
    // "Villa Mariano Matamoros" (6,527 people) would otherwise claim "Mariano Matamoros".
    const villa = bundledGazetteer.places.find((place) => place.name === 'Villa Mariano Matamoros');
    expect(villa?.alternateNames).not.toContain('Mariano Matamoros');
  });

  it('keeps stop words out: "Victoria", the rest of "Ciudad Victoria", tags nothing alone', () => {
    expect(tagged('A victory for Victoria, the team captain.')).toEqual([]);
  });
});

describe('alternates grow with the place', () => {
  it('keeps the Spanish and English names of capitals, whatever their position in GeoNames', () => {
    const names = (id: string) => bundledGazetteer.byId.get(id)?.alternateNames ?? [];
    expect(names('3553478')).toEqual(expect.arrayContaining(['La Habana', 'Havana']));
    expect(names('3598132')).toEqual(expect.arrayContaining(['Ciudad de Guatemala', 'Guatemala City']));
    expect(names('3703443')).toEqual(expect.arrayContaining(['Ciudad de Panamá', 'Panama City']));
  });
});

describe('a name two towns of one country share, read by the item\'s own words', () => {
  const stateOf = (text: string, name: string): string | null | undefined =>
    tagged(text).flatMap((id) => bundledGazetteer.byId.get(id) ?? []).find((place) => place.name === name)?.state;

  it('takes the larger town when the item says nothing more', () => {
    expect(stateOf('Shelters in Ciudad Hidalgo are full.', 'Ciudad Hidalgo')).toBe('MX.16');
  });

  it('takes the one on the southern border when the item says so, in Spanish or English', () => {
    expect(stateOf('Migrantes cruzan a Ciudad Hidalgo, en la frontera sur.', 'Ciudad Hidalgo')).toBe('MX.05');
    expect(stateOf('Shelters in Ciudad Hidalgo, on the southern border, are full.', 'Ciudad Hidalgo')).toBe('MX.05');
  });

  it('takes the one near another place the item names, even across a border', () => {
    expect(stateOf('Families walked from Tecún Umán to Ciudad Hidalgo over the bridge.', 'Ciudad Hidalgo')).toBe('MX.05');
  });

  it('lets a named state outweigh regional words', () => {
    expect(stateOf('In the south of Michoacán, Ciudad Hidalgo opened a shelter.', 'Ciudad Hidalgo')).toBe('MX.16');
  });

  it('takes the northern one of two in a state for "en el norte del estado"', () => {
    // Two "El Rosario" in Sinaloa: 22.99 N (south of the state) and 24.26 N (north).
    const north = stateOf('El Rosario, en el norte del estado de Sinaloa, recibió a desplazados.', 'El Rosario');
    expect(north).toBe('MX.25');
    const id = tagged('El Rosario, en el norte del estado de Sinaloa, recibió a desplazados.')
      .flatMap((placeId) => bundledGazetteer.byId.get(placeId) ?? [])
      .find((place) => place.name === 'El Rosario');
    expect(id?.lat).toBeGreaterThan(24);
  });
});
