// The writes of web mode's diagnostics log: the `logs` table as a ring buffer of the newest lines.
// (The desktop app keeps its log in a file in the main process; see electron/mainLog.ts.)
import type { LogEntry } from '../../shared/logEntry';
import type { FieldNewsDb, LogRecord } from './fieldNewsDb';

/** Lines kept: about 0.5 MB at the longest messages' usual length, and days of ordinary use. */
export const logLinesKept = 2_000;

/** One log line as the desktop app's log file writes it, so support reads both the same way. */
export const logLineOf = (record: Pick<LogRecord, 'at' | 'level' | 'scope' | 'message'>): string =>
  `${record.at} [${record.level}] (${record.scope}) ${record.message}`;

export const createLogRepository = (db: FieldNewsDb, keep: number = logLinesKept) => ({
  /**
   * Adds checked entries and drops the lines older than the newest `keep`, in one transaction.
   * Sequence numbers only grow, so "older than the newest `keep`" is a key range: the trim deletes
   * exactly what falls out, without counting or reading the table.
   */
  async appendLog(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await db.transaction('rw', db.logs, async () => {
      const records: LogRecord[] = entries.map(({ at, level, scope, message }) => ({ at, level, scope, message }));
      const keys = await db.logs.bulkAdd(records, { allKeys: true });
      const newest = Math.max(...keys);
      await db.logs.where(':id').belowOrEqual(newest - keep).delete();
    });
  },

  /** The newest `count` lines, oldest first. */
  async lastLogLines(count: number): Promise<string[]> {
    const newestFirst = await db.logs.orderBy(':id').reverse().limit(count).toArray();
    return newestFirst.reverse().map(logLineOf);
  },
});

export type LogRepository = ReturnType<typeof createLogRepository>;
