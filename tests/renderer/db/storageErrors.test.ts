// Telling a full disk apart, on the errors Chromium and Dexie really give (messages copied from
// tests/e2e/diskFull.test.ts runs on Chromium 14x), wrapped as Dexie wraps them.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDiskFullError, isStorageError } from '../../../renderer/db/storageErrors';

const chromiumNoSpace = new DOMException(
  'Connection is closing because of: IO error: .../http_127.0.0.1_33209.indexeddb.leveldb/000041.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
  'UnknownError',
);
const chromiumQuota = new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
const fullDiskOnOpen = new DOMException('Encountered full disk while opening backing store for indexedDB.open.', 'QuotaExceededError');

describe('isDiskFullError', () => {
  it.each([
    ['a write past the quota', chromiumQuota],
    ['a write the disk refuses', chromiumNoSpace],
    ['an open on a full disk', fullDiskOnOpen],
    ["Dexie's wrapper of a quota error", new Dexie.QuotaExceededError('Quota exceeded', chromiumQuota)],
    ['an aborted transaction whose cause is the full disk', new Dexie.AbortError('Transaction aborted', chromiumNoSpace)],
    ['a closed database whose cause is the full disk', new Dexie.DatabaseClosedError(chromiumNoSpace)],
  ])('knows %s', (_name, error) => {
    expect(isDiskFullError(error)).toBe(true);
    expect(isStorageError(error)).toBe(true);
  });

  it.each([
    ['a bare abort (its cause is on the transaction)', new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError')],
    ['a value IndexedDB cannot store', new DOMException('Failed to execute put: could not be cloned.', 'DataCloneError')],
    ['an unknown error that is not about space', new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError')],
    ['a bug in the app', new TypeError('Cannot read properties of undefined')],
  ])('does not mistake %s for a full disk', (_name, error) => {
    expect(isDiskFullError(error)).toBe(false);
  });

  it('never throws, whatever it is given (cycles included)', () => {
    const cyclic: { name: string; message: string; inner?: unknown } = { name: 'AbortError', message: 'x' };
    cyclic.inner = cyclic;
    expect(isDiskFullError(cyclic)).toBe(false);
    fc.assert(fc.property(fc.anything(), (value) => typeof isDiskFullError(value) === 'boolean' && typeof isStorageError(value) === 'boolean'));
  });
});
