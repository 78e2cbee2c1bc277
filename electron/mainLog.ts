// The diagnostics log of the desktop app: one rotating file (main.log, at most ~1 MB, one older
// main.old.log kept) in the data folder, written by the main process and, through the bridge, by
// the renderer and its workers. Lines name what happened, never the text of a news item.
// electron-log's Node flavour, not its Electron one: that one registers its own IPC channel, which
// any page could write to without the sender check every bridge message gets.
import electronLog from 'electron-log/node';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appName } from '../shared/appIdentity';
import { oneLogLine, type LogEntry, type LogLevel } from '../shared/logEntry';

export const logFileBytes = 1024 * 1024;

const logger = electronLog.create({ logId: 'field-news-main' });
// Nothing is written anywhere until startMainLog names the folder (tests never touch a home folder).
// (The Node flavour builds no ipc transport; the remote one is never wanted.)
for (const transport of Object.values(logger.transports)) if (transport) transport.level = false;
let logFile: string | null = null;

const lineOf = (message: { date: Date; level: string; scope?: string; data: unknown[] }): string =>
  `${message.date.toISOString()} [${message.level}]${message.scope ? ` (${message.scope})` : ''} ${message.data.map(String).join(' ')}`;

export interface MainLogOptions {
  /** The folder that holds main.log and main.old.log. */
  folder: string;
  /** Also print to the terminal (development). */
  toConsole: boolean;
}

/** Opens the log file; until then log calls go nowhere. Calling it again moves the log. */
export const startMainLog = ({ folder, toConsole }: MainLogOptions): string => {
  logFile = path.join(folder, 'main.log');
  const file = logger.transports.file;
  file.setAppName(appName);
  file.resolvePathFn = () => logFile ?? path.join(folder, 'main.log');
  file.maxSize = logFileBytes;
  file.level = 'debug';
  // The whole line is ours: electron-log's printf-style formatting would read "%s" in a message.
  file.format = ({ message }) => [lineOf(message)];
  logger.transports.console.level = toConsole ? 'debug' : false;
  logger.transports.console.format = ({ message }) => [lineOf(message)];
  return logFile;
};

/** What a thrown value says, its stack included, on one line. */
export const describeThrown = (thrown: unknown): string => {
  if (thrown instanceof Error) return thrown.stack ?? `${thrown.name}: ${thrown.message}`;
  try {
    return JSON.stringify(thrown) ?? String(thrown);
  } catch {
    return String(thrown); // A value JSON cannot write (a cycle, a BigInt) still has a string form.
  }
};

const write = (level: LogLevel, scope: string, message: string, date = new Date()): void => {
  logger.processMessage({ data: [oneLogLine(message)], level, scope, date });
};

/** The main process's own log calls. `thrown`, when given, is appended with its stack. */
export const mainLog = {
  error: (scope: string, message: string, thrown?: unknown) => write('error', scope, thrown === undefined ? message : `${message}: ${describeThrown(thrown)}`),
  warn: (scope: string, message: string, thrown?: unknown) => write('warn', scope, thrown === undefined ? message : `${message}: ${describeThrown(thrown)}`),
  info: (scope: string, message: string) => write('info', scope, message),
};

/** Lines from the renderer, already checked by `checkLogEntries`; each keeps the time it happened. */
export const writeLogEntries = (entries: readonly LogEntry[]): void => {
  for (const entry of entries) write(entry.level, entry.scope, entry.message, new Date(entry.at));
};

const readLines = async (file: string): Promise<string[]> => {
  try {
    return (await readFile(file, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  } catch (thrown) {
    // No file yet (a first start, or nothing rotated so far) is an empty log, not a failure.
    if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT') return [];
    throw thrown;
  }
};

/** The last `count` lines of the log, reaching into the rotated file when the current one is short. */
export const lastLogLines = async (count: number): Promise<string[]> => {
  if (logFile === null) return [];
  const current = await readLines(logFile);
  if (current.length >= count) return current.slice(-count);
  const older = await readLines(path.join(path.dirname(logFile), 'main.old.log'));
  return [...older, ...current].slice(-count);
};
