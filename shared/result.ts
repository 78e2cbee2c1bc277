// Errors as values: what crosses the bridge and what parsers return. Electron keeps only the
// message of a thrown error, so nothing that may fail throws across a process boundary.
// The error is a sentence (string) where not yet moved to the catalogs, a UserMessage where it is.
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const succeed = <T, E = string>(value: T): Result<T, E> => ({ ok: true, value });
export const fail = <T = never, E = string>(error: E): Result<T, E> => ({ ok: false, error });
