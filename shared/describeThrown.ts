// A thrown value as one short line for the diagnostics log: its name, message and code, and those
// of its causes (Node puts the socket error in `cause`). Never the text of a news item: only what
// the error itself says.

/** Longer descriptions are cut: a cause names what failed, it does not carry a stack. */
const maxCharacters = 300;
/** Causes followed at most; a cycle of causes ends here too. */
const deepestCause = 3;

const stringField = (thrown: object, field: 'name' | 'message' | 'code'): string | null => {
  const value: unknown = (thrown as Record<string, unknown>)[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
};

const described = (thrown: unknown, depth: number): string => {
  if (typeof thrown === 'string') return thrown;
  if (typeof thrown !== 'object' || thrown === null) return `thrown ${typeof thrown}: ${String(thrown)}`;
  const name = stringField(thrown, 'name') ?? 'thrown object';
  const message = stringField(thrown, 'message');
  const code = stringField(thrown, 'code');
  let text = message === null ? name : `${name}: ${message}`;
  if (code !== null && !text.includes(code)) text += ` [${code}]`;
  const cause: unknown = 'cause' in thrown ? thrown.cause : undefined;
  if (cause !== undefined && depth < deepestCause) text += ` (cause: ${described(cause, depth + 1)})`;
  return text;
};

/** "TypeError: fetch failed (cause: Error: connect ECONNREFUSED 127.0.0.1:9 [ECONNREFUSED])", on one line. */
export const describeThrown = (thrown: unknown): string => {
  let text: string;
  try {
    text = described(thrown, 0);
  } catch {
    // A getter or proxy that throws when read: what was thrown cannot be said, only that it was.
    text = 'an error that could not be read';
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > maxCharacters ? `${line.slice(0, maxCharacters)}…` : line;
};
