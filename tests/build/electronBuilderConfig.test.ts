// The installer configuration keeps its promises: it is valid for electron-builder (Windows and
// macOS sections included, which cannot be built here), and it never deletes stored news,
// installs per user, hardens the binary and names artifacts by product, version, OS and arch.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { appId, appName } from '../../shared/appIdentity';

const projectDir = resolve(import.meta.dirname, '..', '..');
const configFile = 'build/electron-builder.yml';
const schema: unknown = JSON.parse(readFileSync(join(projectDir, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));

function compileSchema() {
  // strict: false because the schema uses electron-builder's own `typeof` keyword for hooks.
  const ajv = new Ajv({ allErrors: true, strict: false });
  if (typeof schema !== 'object' || schema === null) throw new Error('scheme.json is not a JSON schema');
  return ajv.compile<Configuration>(schema);
}

/** Reads the file the way electron-builder does (its own loader, js-yaml underneath). */
async function readConfigFile(): Promise<unknown> {
  const read = await getConfig<unknown>({ packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null }, configFile);
  if (!read) throw new Error(`${configFile} not found`);
  return read.result;
}

interface Target {
  name: string;
  arch: string[];
}

function targets(value: Configuration['linux'] | Configuration['win'] | Configuration['mac']): Target[] {
  const list = value?.target == null ? [] : Array.isArray(value.target) ? value.target : [value.target];
  return list.map((entry: string | TargetConfiguration) =>
    typeof entry === 'string'
      ? { name: entry, arch: [] }
      : { name: entry.target, arch: entry.arch == null ? [] : Array.isArray(entry.arch) ? entry.arch : [entry.arch] },
  );
}

describe(`${configFile}`, () => {
  const validate = compileSchema();
  let config: Configuration;

  beforeAll(async () => {
    const raw = await readConfigFile();
    if (!validate(raw)) throw new Error(`${configFile} is not valid: ${JSON.stringify(validate.errors, null, 2)}`);
    config = raw;
  });

  it('is valid against electron-builder’s own JSON schema, every platform section included', async () => {
    const raw = await readConfigFile();
    expect(validate(raw), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['linux', 'deb', 'win', 'nsis', 'mac', 'dmg', 'electronFuses']));
  });

  it('is checked by a schema that rejects what electron-builder rejects', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, deleteAppData: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } })).toBe(false);
  });

  it('keeps the app identity that fixes the userData folder', () => {
    const packageJson: unknown = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
    expect(config.appId).toBe(appId);
    expect(config.productName).toBe(appName);
    expect(packageJson).toMatchObject({ productName: appName });
    expect(config.copyright).toMatch(/Field News/);
  });

  it('packs only the bundles, the renderer build and package.json, in an asar, with no node_modules', () => {
    expect(config.asar).toBe(true);
    // The whole renderer build ships (sample feed and gazetteer included); only maps and node_modules are cut.
    expect(config.files).toEqual(['package.json', 'dist/electron/**', 'dist/renderer/**', '!**/*.map', '!**/node_modules/**']);
    expect(config.npmRebuild).toBe(false);
  });

  it('turns on every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('writes artifacts to release/ named by product, version, OS and architecture', () => {
    expect(config.directories?.output).toBe('release');
    expect(config.artifactName).toMatch(/^\$\{productName\}-\$\{version\}-\$\{os\}-\$\{arch\}\.\$\{ext\}$/);
    for (const section of [config.linux, config.deb, config.win, config.nsis, config.mac, config.dmg]) {
      expect(section?.artifactName, 'no platform overrides the artifact name').toBeUndefined();
    }
  });

  it('builds an AppImage and a deb for Linux, with a desktop entry and package metadata', () => {
    expect(targets(config.linux).map((target) => target.name)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toMatch(/\bNews\b/);
    expect(config.linux?.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(config.linux?.description).toBeTruthy();
    expect(config.linux?.synopsis).toBeTruthy();
    expect(config.linux?.desktop?.entry).toBeTruthy();
  });

  it('installs per user on Windows, lets the folder be chosen, adds shortcuts and never deletes stored news', () => {
    expect(targets(config.win)).toEqual([{ name: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowToChangeInstallationDirectory: true,
      createStartMenuShortcut: true,
      createDesktopShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds a dmg for Intel and Apple silicon Macs', () => {
    expect(targets(config.mac)).toEqual([{ name: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac?.category).toBe('public.app-category.news');
  });

  it('names icons that exist and are committed', () => {
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      expect(icon).toBeTypeOf('string');
      expect(existsSync(join(projectDir, String(icon))), String(icon)).toBe(true);
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(join(projectDir, String(config.linux?.icon), `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
