// A real FreshRSS for tests and the aggregator bench: started by the team's ../shared/servers/start-freshrss
// (unmodified FreshRSS, SQLite, PHP from Debian) in a fresh folder on a free port of 127.0.0.1, with the
// user `fieldnews` and API password `fieldnews-api`. It can be stopped and started again on the same
// port and data (a server going away and coming back), and made to fetch its feeds now.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const serversDir = fileURLToPath(new URL('../../shared/servers/', import.meta.url));
const run = promisify(execFile);

export const freshRssUser = 'fieldnews';
export const freshRssApiPassword = 'fieldnews-api';

export const missingFreshRssMessage = `FreshRSS needs ../shared/servers/start-freshrss (the team folder beside the repo) and PHP from Debian:
apt-get install -y php-cli php-sqlite3 php-xml php-mbstring php-curl php-intl (.ci/run installs them).`;

export interface FreshRss {
  /** The Reader API's address, as a person types it into Field News. */
  apiUrl: string;
  port: number;
  dir: string;
  /** Stops serving (the data stays); start() serves it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Makes FreshRSS fetch every feed now, as its cron job would. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const answers = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(url)).ok;
  } catch {
    // Not listening yet: the caller waits and asks again.
    return false;
  }
};

const waitUntilServing = async (url: string, process: ChildProcess, limitMs: number): Promise<void> => {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`FreshRSS stopped while starting (exit ${process.exitCode}). ${missingFreshRssMessage}`);
    if (await answers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`FreshRSS did not answer at ${url} within ${limitMs / 1000} s`);
};

const ended = (child: ChildProcess | null): Promise<void> =>
  new Promise((resolve) => {
    if (child === null || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

export const startFreshRss = async (): Promise<FreshRss> => {
  const script = path.join(serversDir, 'start-freshrss');
  if (!existsSync(script)) throw new Error(missingFreshRssMessage);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'field-news-freshrss-'));
  const apiUrl = `http://127.0.0.1:${port}/api/greader.php`;
  // The script installs FreshRSS into `dir` and then serves it with `php -S` in the foreground.
  let child: ChildProcess | null = spawn('sh', [script, String(port), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitUntilServing(apiUrl, child, 60_000);
  const serve = () => spawn('php', ['-S', `127.0.0.1:${port}`, '-t', path.join(dir, 'p')], { stdio: 'ignore' });
  return {
    apiUrl,
    port,
    dir,
    stop: async () => {
      await ended(child);
      child = null;
    },
    start: async () => {
      if (child !== null) return;
      child = serve();
      await waitUntilServing(apiUrl, child, 20_000);
    },
    refresh: async () => {
      // FreshRSS keeps each feed's last download for 800 s (SimplePie's cache): emptied, so "now" means now.
      for (const name of readdirSync(path.join(dir, 'data', 'cache'))) if (name.endsWith('.spc')) rmSync(path.join(dir, 'data', 'cache', name));
      await run('sh', [path.join(serversDir, 'refresh-freshrss'), dir], { maxBuffer: 16 * 1024 * 1024 });
    },
    close: async () => {
      await ended(child);
      child = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
