// The index code reads its arrays through these: an element that is not there must throw, naming
// where, never come back as undefined for a default to hide.
import { describe, expect, it } from 'vitest';
import { readAt, readFloat64At, readInt32At, readUint32At, readUint8At } from '../../shared/checkedRead';

const readers = [
  ['readAt', (index: number) => readAt([7, 8, 9], index)],
  ['readInt32At', (index: number) => readInt32At(Int32Array.of(7, 8, 9), index)],
  ['readUint32At', (index: number) => readUint32At(Uint32Array.of(7, 8, 9), index)],
  ['readUint8At', (index: number) => readUint8At(Uint8Array.of(7, 8, 9), index)],
  ['readFloat64At', (index: number) => readFloat64At(Float64Array.of(7, 8, 9), index)],
] as const;

describe.each(readers)('%s', (_name, read) => {
  it('returns the element at an index in range, zero included', () => {
    expect([read(0), read(1), read(2)]).toEqual([7, 8, 9]);
  });

  it.each([
    [-1, 'No value at index -1 of an array of length 3'],
    [3, 'No value at index 3 of an array of length 3'],
    [Number.NaN, 'No value at index NaN of an array of length 3'],
    [1.5, 'No value at index 1.5 of an array of length 3'],
  ])('throws a RangeError naming index %s and the length', (index, message) => {
    expect(() => read(index)).toThrow(RangeError);
    expect(() => read(index)).toThrow(message);
  });
});

describe('readAt on plain arrays', () => {
  it('returns falsy elements as they are', () => {
    expect([readAt([0], 0), readAt([''], 0), readAt([false], 0), readAt([null], 0)]).toEqual([0, '', false, null]);
  });

  it('throws for a hole or an element left undefined, as for an index out of range', () => {
    const holey: (string | undefined)[] = [];
    holey[2] = 'c';
    expect(readAt(holey, 2)).toBe('c');
    expect(() => readAt(holey, 1)).toThrow('No value at index 1 of an array of length 3');
    expect(() => readAt(['a', undefined], 1)).toThrow(RangeError);
  });
});
