// The security gate passes on the app as it is, with its reviewed waivers, and fails when a real
// misconfiguration appears in a copy of the sources: Node in the page, context isolation turned
// off behind a waived line, a waiver that matches nothing, or an inline "eng-disable".
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { auditedFolders, auditElectron, formatAuditReport } from '../../scripts/auditElectron';

const root = path.resolve(import.meta.dirname, '..', '..');
const waiverFile = path.join(root, 'build', 'electronegativity-waivers.json');

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the audited folders in which `change` has edited one file. */
const copyWith = (file: string, change: (text: string) => string): string => {
  const copy = mkdtempSync(path.join(tmpdir(), 'field-news-audit-copy-'));
  made.push(copy);
  for (const folder of auditedFolders) cpSync(path.join(root, folder), path.join(copy, folder), { recursive: true });
  const target = path.join(copy, file);
  const before = readFileSync(target, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the change to ${file} changed nothing`);
  writeFileSync(target, after);
  return copy;
};
const withWebPreferences = (extra: string) => (text: string) =>
  text.replace('webPreferences: securePreferences(preloadPath, isDevelopment),', `webPreferences: {\n      ...securePreferences(preloadPath, isDevelopment),\n      ${extra},\n    },`);

describe('npm run audit:electron', () => {
  it('passes on the app as it is, printing each finding and the waiver that covers it', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/auditElectron.ts'], { cwd: root });
    expect(stdout).toMatch(/\| waived +\| HIGH +\| FIRM +\| CONTEXT_ISOLATION_JS_CHECK +\| electron\/mainWindow\.ts:\d+/);
    expect(stdout).toContain('False positive: webPreferences come from securePreferences()');
    expect(stdout).not.toContain('BLOCKING');
    expect(stdout.trim().split('\n').at(-1)).toBe('Security gate passed.');
  }, 60_000);

  it('fails when a window turns Node on in the page', async () => {
    const copy = copyWith('electron/mainWindow.ts', withWebPreferences('nodeIntegration: true'));
    const report = await auditElectron({ root: copy, waiverFile });
    expect(report.passed).toBe(false);
    expect(report.blocking).toContainEqual(expect.objectContaining({ id: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/mainWindow.ts', code: 'nodeIntegration: true,' }));
    expect(formatAuditReport(report)).toMatch(/BLOCKING \w+ NODE_INTEGRATION_JS_CHECK at electron\/mainWindow\.ts:\d+/);
    expect(formatAuditReport(report).split('\n').at(-1)).toBe('Security gate FAILED.');
  }, 60_000);

  it('fails when context isolation is turned off in a file that has a waiver for the same check', async () => {
    const copy = copyWith('electron/mainWindow.ts', withWebPreferences('contextIsolation: false'));
    const report = await auditElectron({ root: copy, waiverFile });
    expect(report.passed).toBe(false);
    expect(report.blocking).toContainEqual(expect.objectContaining({ id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/mainWindow.ts', code: 'contextIsolation: false,' }));
    expect(report.stale).toContainEqual(expect.objectContaining({ id: 'CONTEXT_ISOLATION_JS_CHECK' }));
  }, 60_000);

  it('reports a waiver that no longer matches a finding as stale, and fails', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'field-news-waivers-'));
    made.push(folder);
    const waivers = JSON.parse(readFileSync(waiverFile, 'utf8')) as { waivers: unknown[] };
    const leftover = { id: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/helpWindow.ts', code: null, reason: 'The help window was removed in 0.2; this waiver outlived it.', reviewed: '2026-11-28' };
    writeFileSync(path.join(folder, 'waivers.json'), JSON.stringify({ waivers: [...waivers.waivers, leftover] }));
    const report = await auditElectron({ root, waiverFile: path.join(folder, 'waivers.json') });
    expect(report.blocking).toEqual([]);
    expect(report.stale).toEqual([leftover]);
    expect(report.passed).toBe(false);
    expect(formatAuditReport(report)).toContain('STALE waiver (matches no finding; remove it): NODE_INTEGRATION_JS_CHECK in electron/helpWindow.ts');
  }, 60_000);

  it('fails on an inline eng-disable comment, which would hide a finding from review', async () => {
    const copy = copyWith('electron/preload.ts', (text) => `/* eng-disable CONTEXT_ISOLATION_JS_CHECK */\n${text}`);
    const report = await auditElectron({ root: copy, waiverFile });
    expect(report.inlineDisables).toEqual(['electron/preload.ts']);
    expect(report.passed).toBe(false);
  }, 60_000);
});
