// Reads an array element that must be there, and throws when it is not: the index code's arrays
// have bounds it knows, so a missing element is a bug, and a `?? 0` would turn it into a wrong answer.
//
// One function per typed-array type, on purpose: V8 keeps type feedback per function, and a read
// that has seen more than four kinds of array falls back to a generic load about ten times slower
// (0.4 against 4.8 ns a read, Node 20). Typed to one array type each, every read stays monomorphic,
// small enough to be inlined into the loops that call it per item. readAt serves plain arrays of
// objects, strings and small integers; keep other numbers in typed arrays: optimized code that has
// seen several element kinds at one read turns each array it reads into the most general kind, and
// a plain array of dates became one of boxed numbers (1.4 MB more at 100,000 items).

/** The error of a missing element, for the rare loop that must check its reads inline (see
 *  wordRanking.ts). */
export const noValueAt = (index: number, length: number): RangeError =>
  new RangeError(`No value at index ${index} of an array of length ${length}`);

/** The element at `index` of a plain array; throws a RangeError when there is none (out of range,
 *  not an integer, or a hole). */
export const readAt = <T>(array: readonly (T | undefined)[], index: number): T => {
  const value = array[index];
  if (value === undefined) throw noValueAt(index, array.length);
  return value;
};

export const readInt32At = (array: Int32Array, index: number): number => {
  const value = array[index];
  if (value === undefined) throw noValueAt(index, array.length);
  return value;
};

export const readUint32At = (array: Uint32Array, index: number): number => {
  const value = array[index];
  if (value === undefined) throw noValueAt(index, array.length);
  return value;
};

export const readUint8At = (array: Uint8Array, index: number): number => {
  const value = array[index];
  if (value === undefined) throw noValueAt(index, array.length);
  return value;
};

export const readFloat64At = (array: Float64Array, index: number): number => {
  const value = array[index];
  if (value === undefined) throw noValueAt(index, array.length);
  return value;
};
