// The browser every benchmark measures in: Debian's Chromium on a profile in a folder on disk, as the
// desktop app keeps its data (an incognito context keeps IndexedDB in memory and gives other figures),
// and the Chromium version to print beside the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

export interface DiskProfile {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and removes the profile folder. */
  close(): Promise<void>;
}

/** A fresh profile on disk; `options` set the viewport or the locale. */
export const openDiskProfile = async (name: string, options: BrowserContextOptions = {}): Promise<DiskProfile> => {
  const folder = mkdtempSync(join(tmpdir(), `field-news-bench-${name}-`));
  const context = await chromium.launchPersistentContext(folder, { ...options, executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

/** The version of the Chromium the benchmarks run, for their tables. */
export const chromiumVersion = async (): Promise<string> => {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const version = browser.version();
  await browser.close();
  return version;
};

/** A fresh context as the benches open them, each on its own profile on disk. */
export interface DiskContext {
  addInitScript: BrowserContext['addInitScript'];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A stand-in for a launched browser whose every new context is a fresh profile on disk (an empty
 * database on disk, as a new install of the desktop app): the benches that open a context per run keep their shape.
 */
export const diskProfiles = (name: string, options: BrowserContextOptions = {}) => ({
  newContext: async (): Promise<DiskContext> => {
    const profile = await openDiskProfile(name, options);
    return { addInitScript: (script, argument) => profile.context.addInitScript(script, argument), newPage: () => Promise.resolve(profile.page), close: () => profile.close() };
  },
  close: (): Promise<void> => Promise.resolve(),
});
