// The security gate (`npm run audit:electron`): Doyensec's Electronegativity over the app's sources,
// offline. It fails on any HIGH or MEDIUM finding (and any Node-in-the-page one) not waived, with its reason, in the reviewed file
// build/electronegativity-waivers.json; on a waiver that no longer matches a finding (stale); on a
// file it could not parse (unread is unaudited); and on an inline "eng-disable" comment, which
// would hide a finding from review.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const auditedFolders = ['electron', 'renderer', 'shared', 'build'] as const;
const scannedExtensions = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);

const waiverFileSchema = z.object({
  waivers: z.array(
    z.object({
      /** Electronegativity's check id, e.g. CONTEXT_ISOLATION_JS_CHECK. */
      id: z.string().regex(/^[A-Z_]+$/),
      /** The file as the audit names it (relative to the project, "/" separators), or "N/A" for a global check. */
      file: z.string().min(1),
      /**
       * The line of code the finding points at, as the tool quotes it (null for a global check). A
       * waiver covers that code only: an insecure option added elsewhere in the same file is a new
       * finding at another line of code, so it blocks, and the waiver goes stale.
       */
      code: z.string().nullable(),
      /** Why this finding is not a problem: read by whoever reviews the file. */
      reason: z.string().min(40),
      reviewed: z.iso.date(),
    }),
  ),
});
export type Waiver = z.infer<typeof waiverFileSchema>['waivers'][number];

const issueSchema = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }).partial().optional(),
  sample: z.string().optional(),
  description: z.string().optional(),
  severity: z.object({ name: z.string(), value: z.number() }),
  confidence: z.object({ name: z.string() }),
  manualReview: z.boolean().optional(),
});
const resultSchema = z.object({
  issues: z.array(issueSchema),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
});

export interface Finding {
  id: string;
  file: string;
  line: number;
  code: string | null;
  severity: string;
  confidence: string;
  description: string;
}

export interface AuditReport {
  findings: Finding[];
  /** HIGH or MEDIUM findings that no waiver covers: each one fails the gate. */
  blocking: Finding[];
  waived: { finding: Finding; waiver: Waiver }[];
  /** Waivers that match no finding any more. */
  stale: Waiver[];
  unparsed: { file: string; message: string }[];
  inlineDisables: string[];
  passed: boolean;
}

const blockingSeverities = new Set(['HIGH', 'MEDIUM', 'CRITICAL']);
/**
 * Checks that block whatever severity the tool gives them: it rates an explicit
 * `nodeIntegration: true` only INFORMATIONAL (any Node in the page is a hole through which a feed's
 * HTML reaches the file system), and turned-off security warnings hide the rest.
 */
const alwaysBlockingChecks = new Set([
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'SECURITY_WARNINGS_DISABLED_JS_CHECK',
  'SECURITY_WARNINGS_DISABLED_JSON_CHECK',
]);

const require = createRequire(import.meta.url);

/**
 * Electronegativity asks an S3 bucket for fresh translations on every run (1 s timeout) and one
 * global check downloads Electron's release list from GitHub. The gate must run offline and give
 * the same answer every time: that check is skipped (the Electron version is pinned in
 * package.json), and the translation request is answered "not found", so the bundled English
 * texts are used.
 */
const loadElectronegativity = (): ((options: Record<string, unknown>) => Promise<unknown>) => {
  const i18nFolder = path.dirname(require.resolve('@doyensec/electronegativity/dist/locales/i18n.js'));
  const gotPath = require.resolve('got', { paths: [i18nFolder] });
  const noTranslations = () => Promise.resolve({ statusCode: 404, body: '' });
  require.cache[gotPath] ??= Object.assign(Object.create(null) as NodeJS.Module, { id: gotPath, filename: gotPath, loaded: true, exports: noTranslations, children: [] });
  const loaded: unknown = require('@doyensec/electronegativity');
  if (typeof loaded !== 'function') throw new Error('@doyensec/electronegativity did not export its run function');
  return loaded as (options: Record<string, unknown>) => Promise<unknown>;
};

/** Copies the audited folders' source files into a fresh folder, so the tool sees exactly them. */
const stageSources = (root: string, folders: readonly string[]): string => {
  const stage = mkdtempSync(path.join(tmpdir(), 'field-news-audit-'));
  const copy = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') copy(child);
      else if (entry.isFile() && scannedExtensions.has(path.extname(entry.name).toLowerCase())) {
        mkdirSync(path.join(stage, relative), { recursive: true });
        copyFileSync(path.join(root, child), path.join(stage, child));
      }
    }
  };
  for (const folder of folders) copy(folder);
  return stage;
};

const filesUnder = (folder: string, relative = ''): string[] =>
  readdirSync(path.join(folder, relative), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(folder, path.join(relative, entry.name)) : [path.join(relative, entry.name)],
  );

const slashes = (file: string): string => file.split(path.sep).join('/');

export interface AuditOptions {
  /** The project folder holding the audited folders. */
  root: string;
  waiverFile: string;
  folders?: readonly string[];
}

export const auditElectron = async ({ root, waiverFile, folders = auditedFolders }: AuditOptions): Promise<AuditReport> => {
  const { waivers } = waiverFileSchema.parse(JSON.parse(readFileSync(waiverFile, 'utf8')));
  const electronVersion = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'))).version;
  const stage = stageSources(root, folders);
  try {
    const inlineDisables = filesUnder(stage).filter((file) => readFileSync(path.join(stage, file), 'utf8').includes('eng-disable')).map(slashes);
    const run = loadElectronegativity();
    const result = resultSchema.parse(
      await run({ input: stage, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] }),
    );
    const findings: Finding[] = result.issues.map((issue) => ({
      id: issue.id,
      file: slashes(issue.file),
      line: issue.location?.line ?? 0,
      code: issue.sample === undefined ? null : issue.sample.trim(),
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description ?? '',
    }));
    const covers = (waiver: Waiver, finding: Finding) => waiver.id === finding.id && waiver.file === finding.file && waiver.code === finding.code;
    const waiverFor = (finding: Finding) => waivers.find((waiver) => covers(waiver, finding));
    const waived = findings.flatMap((finding) => {
      const waiver = waiverFor(finding);
      return waiver ? [{ finding, waiver }] : [];
    });
    const blocking = findings.filter(
      (finding) => (blockingSeverities.has(finding.severity) || alwaysBlockingChecks.has(finding.id)) && waiverFor(finding) === undefined,
    );
    const stale = waivers.filter((waiver) => !findings.some((finding) => covers(waiver, finding)));
    const unparsed = result.errors.filter((error) => !error.tolerable).map((error) => ({ file: slashes(path.relative(stage, error.file)), message: error.message }));
    const passed = blocking.length === 0 && stale.length === 0 && unparsed.length === 0 && inlineDisables.length === 0;
    return { findings, blocking, waived, stale, unparsed, inlineDisables, passed };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
};

const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
};

export const formatAuditReport = (report: AuditReport): string => {
  const status = (finding: Finding) =>
    report.blocking.includes(finding) ? 'BLOCKING' : report.waived.some((entry) => entry.finding === finding) ? 'waived' : 'below the bar';
  const lines = [
    `Electronegativity: ${report.findings.length} finding(s) in ${auditedFolders.join('/, ')}/`,
    ...table(
      ['status', 'severity', 'confidence', 'check', 'file:line'],
      report.findings.map((finding) => [status(finding), finding.severity, finding.confidence, finding.id, `${finding.file}:${finding.line}`]),
    ),
    '',
    `Waivers (${report.waived.length} used, ${report.stale.length} stale):`,
    ...table(
      ['check', 'file', 'reason'],
      report.waived.map(({ waiver }) => [waiver.id, waiver.file, waiver.reason]),
    ),
  ];
  for (const waiver of report.stale) lines.push(`STALE waiver (matches no finding; remove it): ${waiver.id} in ${waiver.file}`);
  for (const { file, message } of report.unparsed) lines.push(`NOT AUDITED (could not parse): ${file}: ${message}`);
  for (const file of report.inlineDisables) lines.push(`INLINE eng-disable in ${file}: waive in the reviewed file instead`);
  for (const finding of report.blocking) lines.push(`BLOCKING ${finding.severity} ${finding.id} at ${finding.file}:${finding.line}: ${finding.description}`);
  lines.push(report.passed ? 'Security gate passed.' : 'Security gate FAILED.');
  return lines.join('\n');
};

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const report = await auditElectron({ root, waiverFile: path.join(root, 'build', 'electronegativity-waivers.json') });
  console.log(formatAuditReport(report));
  process.exitCode = report.passed ? 0 : 1;
}
