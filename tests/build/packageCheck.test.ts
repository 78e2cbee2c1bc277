// The offline package check: packs the Linux `dir` target with electron-builder and a stand-in
// Electron (no download), then proves the app.asar holds what the app runs and nothing else.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { createPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asarBudgetBytes,
  findPackageProblems,
  forbiddenFiles,
  formatMegabytes,
  missingBuildOutput,
  packLinuxDir,
  readAsarInventory,
  referencedAssets,
  requiredFiles,
  sampleFeed,
  type AsarInventory,
} from '../../scripts/checkPackage';

const projectDir = resolve(import.meta.dirname, '..', '..');

describe('the packaged app (Linux dir target, stand-in Electron)', () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'field-news-package-'));
  let asarPath = '';
  let appOutDir = '';
  let inventory: AsarInventory;

  beforeAll(async () => {
    const notBuilt = missingBuildOutput(projectDir);
    if (notBuilt) throw new Error(notBuilt);
    ({ asarPath, appOutDir } = await packLinuxDir(projectDir, outputDir));
    inventory = readAsarInventory(asarPath);
    console.log(
      `package check: app.asar is ${formatMegabytes(inventory.sizeBytes)} (${inventory.sizeBytes} bytes, budget ${formatMegabytes(asarBudgetBytes)}) with ${inventory.files.length} files`,
    );
  });

  afterAll(() => {
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('holds package.json, the main and preload bundles, the renderer page and the sample feed', () => {
    const missing = requiredFiles.filter((file) => !inventory.files.includes(file));
    expect(missing, `app.asar holds only: ${inventory.files.join(', ')}`).toEqual([]);
    expect(inventory.files).toContain(sampleFeed);
  });

  it('passes every package check: main entry, index.html assets, all built files, nothing forbidden, size budget', () => {
    expect(findPackageProblems(asarPath, projectDir)).toEqual([]);
  });

  it('ships no tests, TypeScript sources, node_modules or source maps', () => {
    expect(forbiddenFiles(inventory.files)).toEqual([]);
  });

  it('names the Linux executable field-news, as the desktop entry and deb expect', () => {
    expect(existsSync(join(appOutDir, 'field-news'))).toBe(true);
  });

  it(`stays within the ${formatMegabytes(asarBudgetBytes)} budget`, () => {
    expect(inventory.sizeBytes).toBeLessThanOrEqual(asarBudgetBytes);
  });
});

describe('the package checks themselves', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'field-news-asar-'));

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Packs a small app folder into an asar, so each check is seen to fail on a broken package. */
  async function packFixture(name: string, files: Record<string, string>): Promise<string> {
    const source = join(workDir, name);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(source, path, '..'), { recursive: true });
      writeFileSync(join(source, path), content);
    }
    const asar = join(workDir, `${name}.asar`);
    // createPackage resolves once writing has been started; the archive is complete when the stream finishes.
    await finished(await createPackage(source, asar));
    return asar;
  }

  const goodApp: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'field-news', main: 'dist/electron/main.cjs' }),
    'dist/electron/main.cjs': '',
    'dist/electron/preload.cjs': '',
    'dist/renderer/index.html': '<script type="module" src="./assets/index-1.js"></script><link rel="stylesheet" href="/assets/index-1.css">',
    'dist/renderer/assets/index-1.js': '',
    'dist/renderer/assets/index-1.css': '',
    [sampleFeed]: '{}',
  };

  /** A project folder whose build output and package.json match `goodApp`. */
  function fixtureProject(): string {
    const project = join(workDir, 'project');
    rmSync(project, { recursive: true, force: true });
    for (const [path, content] of Object.entries(goodApp)) {
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), content);
    }
    return project;
  }

  it('accepts a complete package', async () => {
    expect(findPackageProblems(await packFixture('good', goodApp), fixtureProject())).toEqual([]);
  });

  it('reports a missing sample feed, bundle or asset referenced by index.html', async () => {
    const broken = { ...goodApp };
    delete broken[sampleFeed];
    delete broken['dist/electron/preload.cjs'];
    delete broken['dist/renderer/assets/index-1.css'];
    const problems = findPackageProblems(await packFixture('broken', broken), fixtureProject());
    expect(problems).toEqual(
      expect.arrayContaining([
        `missing ${sampleFeed}`,
        'missing dist/electron/preload.cjs',
        'index.html references dist/renderer/assets/index-1.css, which is not in the package',
        `built file ${sampleFeed} is not in the package`,
      ]),
    );
  });

  it('reports a package.json whose main is not the bundled main', async () => {
    const wrongMain = { ...goodApp, 'package.json': JSON.stringify({ main: 'electron/main.ts' }) };
    expect(findPackageProblems(await packFixture('wrong-main', wrongMain), fixtureProject())).toEqual(
      expect.arrayContaining(['package.json main is electron/main.ts, expected dist/electron/main.cjs']),
    );
  });

  it('reports sources, tests, node_modules and source maps', async () => {
    const leaky = {
      ...goodApp,
      'electron/main.ts': '',
      'tests/build/packageCheck.test.js': '',
      'node_modules/react/index.js': '',
      'dist/renderer/assets/index-1.js.map': '',
    };
    const asar = await packFixture('leaky', leaky);
    expect(forbiddenFiles(readAsarInventory(asar).files)).toEqual([
      'dist/renderer/assets/index-1.js.map',
      'electron/main.ts',
      'node_modules/react/index.js',
      'tests/build/packageCheck.test.js',
    ]);
  });

  it('finds the scripts and stylesheets index.html loads, whatever base Vite used', () => {
    const html =
      '<script type="module" crossorigin src="./assets/a.js"></script><link rel="stylesheet" href="/assets/b.css?v=1">' +
      '<link rel="icon" href="data:,"><script src="https://example.org/x.js"></script>';
    expect(referencedAssets(html)).toEqual(['dist/renderer/assets/a.js', 'dist/renderer/assets/b.css']);
  });

  it('asks for `npm run build` when the app is not built', () => {
    const empty = join(workDir, 'not-built');
    cpSync(fixtureProject(), empty, { recursive: true });
    rmSync(join(empty, 'dist'), { recursive: true });
    expect(missingBuildOutput(empty)).toMatch(/Run `npm run build` first/);
  });
});
