// Errors as values: what crosses the bridge and what parsers return. Electron keeps only the
// message of a thrown error, so nothing that may fail throws across a process boundary.
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const succeed = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });
