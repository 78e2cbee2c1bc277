// Words a place for the window from the structured parts search returns: "Tapachula — Chiapas,
// Mexico" in English, "Tapachula — Chiapas, México" in Spanish (the country by its ISO code, in the
// interface language); a suggestion's item count is a plural message of the catalog.
import type { IntlShape } from '@formatjs/intl';
import type { PlaceLabelParts } from './gazetteer';

const countryNames = new Map<string, Intl.DisplayNames | null>();

/** The country's name in the interface language; the gazetteer's English name where the runtime
 *  has none (a code Intl does not know, or a runtime without region names). */
const countryNameIn = (parts: PlaceLabelParts, locale: string): string => {
  if (!countryNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      // A locale tag the runtime refuses (the interface offers only "en" and "es", so not one of
      // ours): nothing is lost, the gazetteer's English country names are shown instead.
    }
    countryNames.set(locale, names);
  }
  return countryNames.get(locale)?.of(parts.countryCode) ?? parts.countryName;
};

export const placeLabel = (parts: PlaceLabelParts, locale = 'en'): string => {
  const country = countryNameIn(parts, locale);
  if (parts.kind === 'country') return country;
  return parts.stateName === null ? `${parts.name} — ${country}` : `${parts.name} — ${parts.stateName}, ${country}`;
};

/** A suggestion: the place and how many stored items name it or a place inside it, in the interface language. */
export const suggestionLabel = (intl: Pick<IntlShape<string>, 'formatMessage' | 'locale'>, suggestion: { parts: PlaceLabelParts; count: number }): string =>
  intl.formatMessage({ id: 'search.suggestion' }, { place: placeLabel(suggestion.parts, intl.locale), count: suggestion.count });
