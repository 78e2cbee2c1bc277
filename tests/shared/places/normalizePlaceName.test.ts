import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePlaceName } from '../../../shared/places/normalizePlaceName';

describe('normalizePlaceName', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(normalizePlaceName('  Petén ')).toBe('peten');
    expect(normalizePlaceName('CIUDAD   JUÁREZ')).toBe('ciudad juarez');
    expect(normalizePlaceName('Nicaragüense')).toBe('nicaraguense');
    expect(normalizePlaceName('Peñas Blancas')).toBe('penas blancas');
  });

  it('treats punctuation as a space', () => {
    expect(normalizePlaceName('Port-au-Prince')).toBe('port au prince');
    expect(normalizePlaceName("Grand'Anse")).toBe('grand anse');
  });

  it('is idempotent for any text', () => {
    fc.assert(fc.property(fc.string(), (text) => normalizePlaceName(normalizePlaceName(text)) === normalizePlaceName(text)));
  });
});
