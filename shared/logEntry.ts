// One line of Field News's diagnostics log, as the renderer and its workers hand it to the shell,
// and the check every shell applies before storing it. Log lines name what happened (a feed
// address, a failure reason, a count), never the text of a news item.
import { z } from 'zod';
import { errorMessages } from './errorMessages';
import { fail, succeed, type Result } from './result';
import type { UserMessage } from './i18n/userMessage';

export const logLevels = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface LogEntry {
  level: LogLevel;
  /** Where it happened, e.g. "sync", "search", "ui". */
  scope: string;
  message: string;
  /** When it happened, as an ISO 8601 date-time (plain data crosses the bridge, not a Date). */
  at: string;
}

export const logLimits = {
  /** A caller batches; a flood in one call is refused whole rather than stored in part. */
  entriesPerCall: 200,
  /** Longer messages are cut, so one runaway message cannot push the rest out of the log. */
  messageCharacters: 2_000,
  scopeCharacters: 40,
} as const;

/**
 * Line breaks and other control characters would let one message pose as several log lines
 * (a forged "[error]" line in a support log); they are written as visible escapes instead.
 */
export const oneLogLine = (text: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes.
  text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (character) => (character === '\n' ? '\\n' : character === '\t' ? ' ' : `\\u{${character.codePointAt(0)!.toString(16)}}`));

const cut = (text: string, limit: number): string => (text.length > limit ? `${text.slice(0, limit)}… (cut)` : text);

const entrySchema = z.object({
  level: z.enum(logLevels),
  scope: z.string().min(1).regex(/^[\w.:-]+$/).transform((scope) => cut(scope, logLimits.scopeCharacters)),
  message: z.string().transform((message) => cut(oneLogLine(message), logLimits.messageCharacters)),
  at: z.iso.datetime({ offset: true }),
});

const entriesSchema = z.array(entrySchema).max(logLimits.entriesPerCall);

/** The entries as they may be stored, or why they may not: outside data, so parsed, never cast. */
export const checkLogEntries = (entries: unknown): Result<LogEntry[], UserMessage> => {
  const checked = entriesSchema.safeParse(entries);
  return checked.success ? succeed(checked.data) : fail(errorMessages.logEntriesRefused);
};
