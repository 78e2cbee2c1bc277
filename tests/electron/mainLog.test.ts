// The desktop app's diagnostics log: one line per event, in the data folder, rotated at about 1 MB
// with one older file kept, and read back (across the rotation) for the diagnostics.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeThrown, lastLogLines, logFileBytes, mainLog, startMainLog, writeLogEntries } from '../../electron/mainLog';

let folder: string;
let file: string;
const lines = () => readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'field-news-log-'));
  file = startMainLog({ folder, toConsole: false });
});

describe('the main log', () => {
  it('writes one dated line per call, with its level and scope, into the data folder', () => {
    mainLog.info('app', 'Field News 1.2.3 starting');
    mainLog.error('bridge', 'field-news:get-app-info failed', new Error('disk on fire'));
    expect(file).toBe(path.join(folder, 'main.log'));
    const [first, second, ...rest] = lines();
    expect(first).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[info\] \(app\) Field News 1\.2\.3 starting$/);
    expect(second).toMatch(/^\S+ \[error\] \(bridge\) field-news:get-app-info failed: Error: disk on fire\\n {4}at /);
    expect(rest).toEqual([]);
  });

  it('keeps a renderer entry on one line at the time it happened, and does not read "%s" as a format', () => {
    writeLogEntries([{ level: 'warn', scope: 'sync', message: 'page 2 of %s failed', at: '2026-11-27T18:00:00.000Z' }]);
    expect(lines()).toEqual(['2026-11-27T18:00:00.000Z [warn] (sync) page 2 of %s failed']);
  });

  it('turns over at about 1 MB, keeps one older file, and reads the last lines across both', async () => {
    const filler = 'x'.repeat(1_000);
    for (let line = 1; line <= 2_500; line += 1) mainLog.info('test', `line ${line} ${filler}`);
    const older = path.join(folder, 'main.old.log');
    expect(existsSync(older)).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(logFileBytes + 2_000);
    expect(statSync(older).size).toBeLessThanOrEqual(logFileBytes + 2_000);
    const last = await lastLogLines(200);
    expect(last).toHaveLength(200);
    expect(last.at(-1)).toContain('line 2500 ');
    expect(last[0]).toContain('line 2301 ');
    const currentCount = lines().length;
    const reaching = await lastLogLines(currentCount + 5);
    expect(reaching).toHaveLength(currentCount + 5);
    expect(reaching[5]).toBe(lines()[0]);
  });

  it('reads an empty log before anything was written', async () => {
    expect(await lastLogLines(200)).toEqual([]);
  });

  it('describes whatever was thrown', () => {
    expect(describeThrown(new TypeError('bad'))).toMatch(/^TypeError: bad/);
    expect(describeThrown({ code: 'EACCES' })).toBe('{"code":"EACCES"}');
    expect(describeThrown(10n)).toBe('10');
    expect(describeThrown(undefined)).toBe('undefined');
  });
});
