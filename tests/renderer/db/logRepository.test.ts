import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/logEntry';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createLogRepository, logLineOf } from '../../../renderer/db/logRepository';

let db: FieldNewsDb;
beforeEach(async () => {
  db = new FieldNewsDb('log-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});
afterEach(() => db.close());

const entry = (index: number): LogEntry => ({ level: index % 2 ? 'info' : 'warn', scope: 'sync', message: `line ${index}`, at: new Date(Date.UTC(2026, 10, 28, 0, 0, index)).toISOString() });

describe('the web log store', () => {
  it('keeps only the newest lines, trimming as it writes', async () => {
    const repository = createLogRepository(db, 50);
    for (let start = 0; start < 130; start += 13) await repository.appendLog(Array.from({ length: 13 }, (_, offset) => entry(start + offset)));
    expect(await db.logs.count()).toBe(50);
    expect(await repository.lastLogLines(3)).toEqual([
      '2026-11-28T00:02:07.000Z [info] (sync) line 127',
      '2026-11-28T00:02:08.000Z [warn] (sync) line 128',
      '2026-11-28T00:02:09.000Z [info] (sync) line 129',
    ]);
    expect((await repository.lastLogLines(500))[0]).toContain('line 80');
  });

  it('writes a batch and its trim together: a failed batch leaves the log as it was', async () => {
    const repository = createLogRepository(db, 5);
    await repository.appendLog([entry(0), entry(1), entry(2), entry(3), entry(4)]);
    const before = await db.logs.toArray();
    const broken = { ...entry(5), message: (() => 'not storable') as unknown as string };
    await expect(repository.appendLog([entry(6), broken])).rejects.toThrow();
    expect(await db.logs.toArray()).toEqual(before);
  });

  it('writes lines the way the desktop log file does', () => {
    expect(logLineOf({ at: '2026-11-28T10:00:00.000Z', level: 'error', scope: 'backup', message: 'import stopped' })).toBe('2026-11-28T10:00:00.000Z [error] (backup) import stopped');
  });
});
