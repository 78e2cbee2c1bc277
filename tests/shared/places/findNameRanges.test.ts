import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNameRanges } from '../../../shared/places/findNameRanges';

const marked = (text: string, names: string[]) => findNameRanges(text, names).map(({ start, end }) => text.slice(start, end));

describe('findNameRanges', () => {
  it('finds a name whatever its accents and case', () => {
    expect(marked('Groups in Tapachula, Ciudad Juárez and Tijuana', ['ciudad juarez', 'Tapachula'])).toEqual(['Tapachula', 'Ciudad Juárez']);
    expect(marked('Two hubs in PETÉN and in Petén.', ['Peten'])).toEqual(['PETÉN', 'Petén']);
  });

  it('takes whole words only, the longest name first', () => {
    expect(marked('Juárez and Ciudad Juárez, not Juarezville', ['Juárez', 'Ciudad Juárez'])).toEqual(['Juárez', 'Ciudad Juárez']);
  });

  it('finds nothing when there is nothing to find', () => {
    expect(findNameRanges('Tokyo', ['Tapachula'])).toEqual([]);
    expect(findNameRanges('', ['Tapachula'])).toEqual([]);
    expect(findNameRanges('Tapachula', [])).toEqual([]);
  });

  it('gives ordered, non-overlapping ranges inside the text for any input', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 4 }), (text, names) => {
        let last = 0;
        for (const range of findNameRanges(text, names)) {
          expect(range.start).toBeGreaterThanOrEqual(last);
          expect(range.end).toBeGreaterThan(range.start);
          expect(range.end).toBeLessThanOrEqual(text.length);
          last = range.end;
        }
      }),
    );
  });
});
