// Offline package check: packs the Linux `dir` target with a stand-in Electron (no download)
// and inspects resources/app.asar, so a missing bundle, feed or asset fails `npm test`.
// Run alone with `npx tsx scripts/checkPackage.ts [projectDir]`.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, getRawHeader } from '@electron/asar';
import { build, Platform } from 'electron-builder';

export const configFile = 'build/electron-builder.yml';
export const asarBudgetBytes = 15 * 1024 * 1024;
export const sampleFeed = 'dist/renderer/feeds/iom-regional-news-2021.json';
/** Files the packaged app cannot start or work without. */
export const requiredFiles = [
  'package.json',
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
  sampleFeed,
] as const;

export interface AsarInventory {
  /** Paths of every file in the archive, relative to its root, with `/` separators. */
  files: string[];
  sizeBytes: number;
}

export interface PackResult {
  appOutDir: string;
  asarPath: string;
}

/** Why the built app in `projectDir` cannot be packaged yet, or null when it can. */
export function missingBuildOutput(projectDir: string): string | null {
  const missing = requiredFiles.filter((file) => !existsSync(join(projectDir, file)));
  if (missing.length === 0) return null;
  return `The app is not built: missing ${missing.join(', ')} in ${projectDir}. Run \`npm run build\` first.`;
}

/**
 * A folder electron-builder accepts as an unpacked Electron for Linux: an executable `electron`
 * (a shell script) plus the files it copies verbatim. Real fuses cannot be flipped in it.
 */
export function makeStandInElectron(parent: string, electronVersion: string): string {
  const dir = join(parent, 'electron-stand-in');
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary, used only by the package check" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron licence file.\n');
  writeFileSync(join(dir, 'version'), electronVersion);
  return dir;
}

function readElectronVersion(projectDir: string): string | null {
  const file = join(projectDir, 'node_modules', 'electron', 'package.json');
  if (!existsSync(file)) return null;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return isRecord(parsed) && typeof parsed.version === 'string' ? parsed.version : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Packs the Linux `dir` target from `build/electron-builder.yml` into `outputDir`, with only
 * two overrides: the stand-in Electron, and fuses off (they need a real Electron binary).
 */
export async function packLinuxDir(projectDir: string, outputDir: string, log: (line: string) => void = console.log): Promise<PackResult> {
  const problem = missingBuildOutput(projectDir);
  if (problem) throw new Error(problem);
  // Nothing may be downloaded: the Electron host is unreachable where this runs.
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  const electronDist = makeStandInElectron(outputDir, readElectronVersion(projectDir) ?? '0.0.0');
  log(`package check: electronFuses are DISABLED for this build only, because ${electronDist} is a stand-in, not a real Electron binary; real builds (npm run dist:*) apply them.`);
  let appOutDir: string | undefined;
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      // `extends` with a path makes electron-builder load the real config file and merge these overrides over it.
      extends: configFile,
      electronDist,
      electronFuses: null,
      directories: { output: join(outputDir, 'release') },
      afterPack: (context) => {
        appOutDir = context.appOutDir;
      },
    },
  });
  if (!appOutDir) throw new Error('electron-builder finished without packing an app');
  return { appOutDir, asarPath: join(appOutDir, 'resources', 'app.asar') };
}

/** Lists the files in an asar archive (not directories), walking its header. */
export function readAsarInventory(asarPath: string): AsarInventory {
  const files: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (!isRecord(node) || !isRecord(node.files)) return;
    for (const [name, child] of Object.entries(node.files)) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (isRecord(child) && isRecord(child.files)) walk(child, path);
      else files.push(path);
    }
  };
  walk(getRawHeader(asarPath).header, '');
  return { files: files.sort(), sizeBytes: statSync(asarPath).size };
}

/** Every file a built folder holds, relative to `projectDir`, with `/` separators. */
function listBuiltFiles(projectDir: string, folder: string): string[] {
  const root = join(projectDir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(projectDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Scripts and stylesheets index.html loads from the package itself, as asar paths. */
export function referencedAssets(indexHtml: string): string[] {
  const assets = new Set<string>();
  for (const match of indexHtml.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
    const reference = match[1];
    if (!reference || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(reference)) continue;
    const path = reference.split(/[?#]/)[0] ?? '';
    assets.add(posix.normalize(posix.join('dist/renderer', path.replace(/^\/+/, ''))));
  }
  return [...assets].sort();
}

/** Paths that must never ship: tests, TypeScript sources, node_modules, source maps, source folders. */
export function forbiddenFiles(files: readonly string[]): string[] {
  return files.filter(
    (file) =>
      /(^|\/)(tests?|__tests__)\//.test(file) ||
      /(^|\/)node_modules\//.test(file) ||
      /\.(ts|tsx|mts|cts)$/.test(file) ||
      /\.map$/.test(file) ||
      /^(electron|renderer|shared|scripts|build)\//.test(file),
  );
}

/** Everything wrong with the packaged app, as sentences; empty when the package is right. */
export function findPackageProblems(asarPath: string, projectDir: string): string[] {
  const { files, sizeBytes } = readAsarInventory(asarPath);
  const packaged = new Set(files);
  const problems: string[] = [];
  for (const file of requiredFiles) {
    if (!packaged.has(file)) problems.push(`missing ${file}`);
  }
  if (packaged.has('package.json')) {
    const packagedJson: unknown = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8'));
    const projectJson: unknown = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
    const main = isRecord(packagedJson) ? packagedJson.main : undefined;
    const expectedMain = isRecord(projectJson) ? projectJson.main : undefined;
    if (main !== expectedMain) problems.push(`package.json main is ${String(main)}, expected ${String(expectedMain)}`);
    if (typeof main === 'string' && !packaged.has(posix.normalize(main))) problems.push(`package.json main ${main} is not in the package`);
  }
  if (packaged.has('dist/renderer/index.html')) {
    const assets = referencedAssets(extractFile(asarPath, 'dist/renderer/index.html').toString('utf8'));
    if (!assets.some((asset) => asset.endsWith('.js'))) problems.push('dist/renderer/index.html loads no script');
    for (const asset of assets) {
      if (!packaged.has(asset)) problems.push(`index.html references ${asset}, which is not in the package`);
    }
  }
  // Whatever the build produced (the gazetteer too, once it exists) ships, source maps aside.
  for (const file of [...listBuiltFiles(projectDir, 'dist/renderer'), ...listBuiltFiles(projectDir, 'dist/electron')]) {
    if (!file.endsWith('.map') && !packaged.has(file)) problems.push(`built file ${file} is not in the package`);
  }
  for (const file of forbiddenFiles(files)) problems.push(`must not ship ${file}`);
  if (sizeBytes > asarBudgetBytes) problems.push(`app.asar is ${formatMegabytes(sizeBytes)}, over the ${formatMegabytes(asarBudgetBytes)} budget`);
  return problems;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

async function main(): Promise<void> {
  const projectDir = resolve(process.argv[2] ?? '.');
  const outputDir = mkdtempSync(join(tmpdir(), 'field-news-package-'));
  const { asarPath } = await packLinuxDir(projectDir, outputDir);
  const { files, sizeBytes } = readAsarInventory(asarPath);
  console.log(`package check: ${asarPath}: ${formatMegabytes(sizeBytes)} (${sizeBytes} bytes, budget ${formatMegabytes(asarBudgetBytes)}), ${files.length} files`);
  for (const file of files) console.log(`  ${file}`);
  const problems = findPackageProblems(asarPath, projectDir);
  for (const problem of problems) console.error(`package check: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
