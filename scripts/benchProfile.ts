// The browser every benchmark measures in: Debian's Chromium on a profile in a folder on disk, as the
// desktop app keeps its data (an incognito context keeps IndexedDB in memory and gives other figures),
// and the Chromium version to print beside the figures.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  // No service worker: the benches measure the desktop app, which has none (the web app's first visit
  // would precache the whole build inside the figures); the phone's bench allows it.
  const context = await chromium.launchPersistentContext(folder, { serviceWorkers: 'block', ...options, executablePath: chromiumPath, headless: true, args: chromiumArgs });
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

/** CPU seconds of Chromium's processes: the browser process (IndexedDB's own thread writes there) and the pages' renderers. */
export interface CpuSeconds {
  browser: number;
  renderer: number;
}

/**
 * The CPU seconds every running Chromium process has used so far, from /proc (Linux; zero
 * elsewhere). The benches run one browser at a time, so the difference over a run is that run's.
 */
export const chromiumCpuSeconds = (): CpuSeconds => {
  const total: CpuSeconds = { browser: 0, renderer: 0 };
  if (!existsSync('/proc/self/stat')) return total;
  const ticksPerSecond = 100;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let commandLine: string;
    let stat: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      // The process ended between the listing and the read: it is no longer counted, as it should not be.
      continue;
    }
    if (!commandLine.startsWith(chromiumPath) && !commandLine.includes('/chromium')) continue;
    const type = /--type=([\w-]+)/.exec(commandLine)?.[1] ?? 'browser';
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    if (type === 'browser') total.browser += seconds;
    else if (type === 'renderer') total.renderer += seconds;
  }
  return total;
};

/** The CPU seconds used since `before`. */
export const cpuSince = (before: CpuSeconds): CpuSeconds => {
  const now = chromiumCpuSeconds();
  return { browser: now.browser - before.browser, renderer: now.renderer - before.renderer };
};

/** The entry whose measure is the median (the lower of the two middle ones for an even count). */
export const medianBy = <T>(entries: readonly T[], measure: (entry: T) => number): T => {
  const sorted = [...entries].sort((a, b) => measure(a) - measure(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error('No runs to take the median of.');
  return median;
};
