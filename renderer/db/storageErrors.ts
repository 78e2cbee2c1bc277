// Tells a full disk apart from other storage failures, whatever wrapper it comes in: IndexedDB's
// DOMException, Dexie's error classes (an aborted transaction carries the cause as `inner`).
//
// Chromium reports a full disk in two ways: a write past the origin's quota is a QuotaExceededError,
// and a write the disk itself refuses is an UnknownError naming the I/O, as Chromium 14x gives it
// (tests/e2e/diskFull.test.ts fills a real small file system): "Connection is closing because of:
// IO error: …/000041.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)"; after
// that, opening the database may say "Encountered full disk while opening backing store".
const diskFullMessage = /quota|no space|NO_SPACE|disk (is )?full|full disk|ENOSPC|committing transaction|IO error/i;

const causesOf = (error: unknown): { name: string; message: string }[] => {
  const found: { name: string; message: string }[] = [];
  let current: unknown = error;
  // Wrappers nest a few levels at most; the bound guards against a cycle.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const name = 'name' in current && typeof current.name === 'string' ? current.name : '';
    const message = 'message' in current && typeof current.message === 'string' ? current.message : '';
    found.push({ name, message });
    current = 'inner' in current && current.inner ? current.inner : 'cause' in current ? current.cause : null;
  }
  return found;
};

/** True when the error means that the disk (or the browser's share of it) is full. */
export const isDiskFullError = (error: unknown): boolean =>
  causesOf(error).some(
    ({ name, message }) => name === 'QuotaExceededError' || (name === 'UnknownError' && diskFullMessage.test(message)) || /ENOSPC|NO_SPACE|no space left|full disk/i.test(message),
  );

/** True when the error comes from the browser's storage (IndexedDB or Dexie), not from the app's own code. */
export const isStorageError = (error: unknown): boolean =>
  causesOf(error).some(({ name }) =>
    ['QuotaExceededError', 'UnknownError', 'AbortError', 'DatabaseClosedError', 'OpenFailedError', 'InvalidStateError', 'VersionError', 'MissingAPIError', 'DataError', 'ReadOnlyError'].includes(name),
  );
