// The two catalogs say the same things: the same keys, and each message the same parameters of the
// same kinds, so a Spanish sentence never loses a number or a name the English one shows.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUserMessage } from '../../../shared/i18n/formatMessages';
import {
  parseLanguageSetting,
  resolveInterfaceLanguage,
  systemInterfaceLanguage,
} from '../../../shared/i18n/interfaceLanguage';
import { enMessages } from '../../../shared/i18n/messages.en';
import { esMessages } from '../../../shared/i18n/messages.es';

const argumentKinds = (elements: readonly MessageFormatElement[], found = new Map<string, string>()): Map<string, string> => {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentKinds(element.children, found);
      continue;
    }
    found.set(element.value, TYPE[element.type]);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentKinds(option.value, found);
    }
  }
  return found;
};

export const catalogDifferences = (source: Record<string, string>, translation: Record<string, string>): string[] => {
  const problems: string[] = [];
  for (const id of Object.keys(source)) if (!(id in translation)) problems.push(`${id}: missing in the translation`);
  for (const id of Object.keys(translation)) if (!(id in source)) problems.push(`${id}: not in the source catalog`);
  for (const [id, text] of Object.entries(source)) {
    const translated = translation[id];
    if (translated === undefined) continue;
    const expected = [...argumentKinds(parse(text))].sort().join(', ');
    const actual = [...argumentKinds(parse(translated))].sort().join(', ');
    if (expected !== actual) problems.push(`${id}: parameters ${expected} in the source, ${actual} in the translation`);
  }
  return problems;
};

describe('the English and Spanish catalogs', () => {
  it('have the same keys and the same parameters in every message', () => {
    expect(catalogDifferences(enMessages, esMessages)).toEqual([]);
  });

  it('are caught when a key is missing or a parameter differs', () => {
    expect(catalogDifferences({ a: 'x', b: 'y' }, { a: 'x' })).toEqual(['b: missing in the translation']);
    expect(catalogDifferences({ a: 'x' }, { a: 'x', c: 'z' })).toEqual(['c: not in the source catalog']);
    expect(catalogDifferences({ a: '{count, plural, one {# item} other {# items}}' }, { a: '{count} noticias' })).toHaveLength(1);
    expect(catalogDifferences({ a: 'Hello {name}' }, { a: 'Hola {nombre}' })).toHaveLength(1);
    expect(catalogDifferences({ a: '{n, number}' }, { a: '{n, number}' })).toEqual([]);
  });

  it('format plurals and numbers in each language', () => {
    expect(formatUserMessage('en', { id: 'status.saved', values: { count: 1 } })).toBe('1 news item saved');
    expect(formatUserMessage('en', { id: 'status.saved', values: { count: 1200 } })).toBe('1,200 news items saved');
    expect(formatUserMessage('es', { id: 'status.saved', values: { count: 1 } })).toBe('1 noticia guardada');
    expect(formatUserMessage('es', { id: 'status.saved', values: { count: 3 } })).toBe('3 noticias guardadas');
    expect(formatUserMessage('en', { id: 'feeds.itemCount', values: { count: 1 } })).toBe('· 1 item');
  });
});

describe('the interface language', () => {
  it('is Spanish for any Spanish system language and English for anything else', () => {
    expect(systemInterfaceLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(systemInterfaceLanguage(['es'])).toBe('es');
    expect(systemInterfaceLanguage(['es_419'])).toBe('es');
    expect(systemInterfaceLanguage(['en-US', 'es-MX'])).toBe('en');
    expect(systemInterfaceLanguage(['et-EE'])).toBe('en');
    expect(systemInterfaceLanguage([])).toBe('en');
  });

  it('follows an explicit setting over the system', () => {
    expect(resolveInterfaceLanguage('en', ['es-GT'])).toBe('en');
    expect(resolveInterfaceLanguage('es', ['en-US'])).toBe('es');
    expect(resolveInterfaceLanguage('system', ['es-HN'])).toBe('es');
  });

  it('reads any stored value as a setting, falling back to the system', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        expect(['system', 'en', 'es']).toContain(parseLanguageSetting(stored));
      }),
    );
    expect(parseLanguageSetting('es')).toBe('es');
    expect(parseLanguageSetting('fr')).toBe('system');
  });
});
