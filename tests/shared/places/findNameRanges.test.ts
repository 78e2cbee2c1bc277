import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNameRanges } from '../../../shared/places/findNameRanges';
import { normalizePlaceName } from '../../../shared/places/normalizePlaceName';

/** The rule stated plainly, one position at a time (the slow way the module used to work). */
const referenceRanges = (text: string, names: string[]): string[] => {
  const wanted = [...new Set(names.map(normalizePlaceName).filter((name) => name.length > 0))].sort((a, b) => b.length - a.length);
  const characters = [...text].map((character, index) => ({ character, index }));
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const { character } of characters) {
    const part = /[\p{L}\p{N}]/u.test(character) ? character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : ' ';
    for (const unit of part.split('')) {
      folded += unit;
      origin.push(offset);
    }
    offset += character.length;
  }
  const found: string[] = [];
  let position = 0;
  while (position < folded.length) {
    const name = position === 0 || folded[position - 1] === ' '
      ? wanted.find((candidate) => folded.startsWith(candidate, position) && (folded[position + candidate.length] ?? ' ') === ' ')
      : undefined;
    if (name === undefined) {
      position += 1;
      continue;
    }
    const start = origin[position] ?? 0;
    found.push(text.slice(start, (origin[position + name.length - 1] ?? start) + 1));
    position += name.length;
  }
  return found;
};

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

  it('marks what the plain rule marks: whole words, earliest first, the longest name at one place', () => {
    const word = fc.constantFrom('a', 'b', 'ab', 'A', 'é', 'Juárez', 'juarez', 'Ciudad', 'x', 'y', ',', '-', '  ');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }).map((words) => words.join(' ')), fc.array(fc.constantFrom('a', 'a b', 'b', 'ab a', 'Ciudad Juárez', 'juarez', 'x y'), { maxLength: 4 }), (text, names) => {
        expect(marked(text, names)).toEqual(referenceRanges(text, names));
      }),
      { numRuns: 1000 },
    );
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
