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

/**
 * CPU seconds of Chromium's processes: the browser process (IndexedDB's own thread writes there) and the
 * pages' renderers; and per thread, keyed "process type: thread name" (the workers' threads are all
 * "DedicatedWorker"; the browser's IndexedDB work runs in its thread pool, "ThreadPoolForeg").
 */
export interface CpuSeconds {
  browser: number;
  renderer: number;
  threads: Record<string, number>;
}

/**
 * The CPU seconds every running Chromium process has used so far, from /proc (Linux; zero
 * elsewhere). Every Chromium counts: `bench:reader` runs two browsers, and its wait for quiet
 * waits for both.
 */
export const chromiumCpuSeconds = (): CpuSeconds => {
  const total: CpuSeconds = { browser: 0, renderer: 0, threads: {} };
  if (!existsSync('/proc/self/stat')) return total;
  const ticksPerSecond = 100;
  /** User + system ticks of a /proc stat line, as seconds; its name (between the parentheses). */
  const readStat = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
  };
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let commandLine: string;
    let stat: string;
    let tasks: string[];
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!commandLine.startsWith(chromiumPath) && !commandLine.includes('/chromium')) continue;
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      // The process ended between the listing and the read: it is no longer counted, as it should not be.
      continue;
    }
    const subType = /--utility-sub-type=[\w.]*?(\w+)(?:\s|\0|$)/.exec(commandLine)?.[1];
    const type = `${/--type=([\w-]+)/.exec(commandLine)?.[1] ?? 'browser'}${subType === undefined ? '' : ` ${subType}`}`;
    const { seconds } = readStat(stat);
    if (type === 'browser') total.browser += seconds;
    else if (type === 'renderer') total.renderer += seconds;
    for (const task of tasks) {
      let taskStat: string;
      try {
        taskStat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      } catch {
        // The thread ended between the listing and the read; what it used is gone with it.
        continue;
      }
      const thread = readStat(taskStat);
      const key = `${type}: ${thread.name.replace(/\d+$/, '')}`;
      total.threads[key] = (total.threads[key] ?? 0) + thread.seconds;
    }
  }
  return total;
};

/** The CPU seconds used since `before` (a thread that ended meanwhile is not counted). */
export const cpuSince = (before: CpuSeconds): CpuSeconds => {
  const now = chromiumCpuSeconds();
  const threads = Object.fromEntries(Object.entries(now.threads).map(([key, seconds]) => [key, seconds - (before.threads[key] ?? 0)]));
  return { browser: now.browser - before.browser, renderer: now.renderer - before.renderer, threads };
};

/** All the CPU seconds of `cpu`, every process's threads together. */
const totalSeconds = (cpu: CpuSeconds): number => Object.values(cpu.threads).reduce((sum, seconds) => sum + seconds, 0);

/** Bytes the kernel still has to write to disk (Dirty + Writeback in /proc/meminfo; 0 where there is none). */
export const unwrittenDiskBytes = (): number => {
  if (!existsSync('/proc/meminfo')) return 0;
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(meminfo)?.[1] ?? 0);
  return (kilobytes('Dirty') + kilobytes('Writeback')) * 1024;
};

/**
 * Waits until Chromium's processes together use less than `share` of one core over a second, and the
 * kernel has less than `unwrittenBytes` still to write to disk (the app started afresh on a laptop at
 * rest), at most `atMostMs`; returns how long it waited and the share of the last second. On a 2-core
 * machine, a reload measured while the last reload's workers still read 100,000 items (some 20 s of
 * it) measures them as much as the start-up; and after a large write (the tagging of 100,000 items)
 * starts met the disk's write-back too: 400 MB written just before, and 2 starts of 6 took 418 and
 * 501 ms against at most 292 ms after a sync (issue 24).
 */
export const waitForQuietChromium = async (share = 0.25, atMostMs = 45_000, unwrittenBytes = 16 * 1_048_576): Promise<{ waitedMs: number; share: number }> => {
  const start = Date.now();
  for (;;) {
    const before = chromiumCpuSeconds();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const used = totalSeconds(cpuSince(before));
    if ((used < share && unwrittenDiskBytes() < unwrittenBytes) || Date.now() - start >= atMostMs) return { waitedMs: Date.now() - start, share: used };
  }
};

/** The threads that used at least `least` CPU seconds, most first: "browser: ThreadPoolForeg 18.2, …". */
export const busiestThreads = (cpu: CpuSeconds, least = 0.2): string =>
  Object.entries(cpu.threads)
    .filter(([, seconds]) => seconds >= least)
    .sort(([, a], [, b]) => b - a)
    .map(([key, seconds]) => `${key} ${seconds.toFixed(1)}`)
    .join(', ');

/** The entry whose measure is the median (the lower of the two middle ones for an even count). */
export const medianBy = <T>(entries: readonly T[], measure: (entry: T) => number): T => {
  const sorted = [...entries].sort((a, b) => measure(a) - measure(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error('No runs to take the median of.');
  return median;
};
