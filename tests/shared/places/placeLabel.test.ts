// Labels are worded in the window from structured parts, the country in the interface language.
import { describe, expect, it } from 'vitest';
import type { PlaceLabelParts } from '../../../shared/places/gazetteer';
import { placeLabel, suggestionLabel } from '../../../shared/places/placeLabel';
import { intlFor } from '../../../shared/i18n/formatMessages';

const tapachula: PlaceLabelParts = { name: 'Tapachula', kind: 'town', stateName: 'Chiapas', countryCode: 'MX', countryName: 'Mexico' };

describe('placeLabel', () => {
  it('names a town with its state and its country in the interface language', () => {
    expect(placeLabel(tapachula, 'en')).toBe('Tapachula — Chiapas, Mexico');
    expect(placeLabel(tapachula, 'es')).toBe('Tapachula — Chiapas, México');
  });

  it('names a country by itself, a state-less town with its country', () => {
    expect(placeLabel({ name: 'Panama', kind: 'country', stateName: null, countryCode: 'PA', countryName: 'Panama' }, 'es')).toBe('Panamá');
    expect(placeLabel({ ...tapachula, stateName: null }, 'en')).toBe('Tapachula — Mexico');
  });

  it('falls back to the gazetteer\'s English name for a code the runtime does not know, or a bad locale', () => {
    expect(placeLabel({ ...tapachula, countryCode: 'QQ', countryName: 'Nowhere' }, 'es')).toBe('Tapachula — Chiapas, Nowhere');
    expect(placeLabel(tapachula, '%%')).toBe('Tapachula — Chiapas, Mexico');
  });

  it('counts a suggestion\'s items', () => {
    expect(suggestionLabel(intlFor('en'), { parts: tapachula, count: 1 })).toBe('Tapachula — Chiapas, Mexico · 1 item');
    expect(suggestionLabel(intlFor('en'), { parts: tapachula, count: 3 })).toBe('Tapachula — Chiapas, Mexico · 3 items');
    expect(suggestionLabel(intlFor('es'), { parts: tapachula, count: 1 })).toBe('Tapachula — Chiapas, México · 1 noticia');
    expect(suggestionLabel(intlFor('es'), { parts: tapachula, count: 1_200 })).toBe('Tapachula — Chiapas, México · 1,200 noticias');
  });
});
