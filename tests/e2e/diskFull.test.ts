// A disk that fills up during a sync: the browser profile lives on a small tmpfs that really runs
// out of space. The window says in words that the disk is full and what to do, and is never blank,
// also after a reload. What Chromium does to the stored news at that point is logged, not asserted:
// on FILE_ERROR_NO_SPACE it closes the database and may delete it whole (electron/electron#41877).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer';
import { chromiumArgs, chromiumPath, missingChromiumMessage } from './chromium';

const fileSystemMegabytes = 64;
const itemCharacters = 16 * 1024;
const pageSize = 25;
const pages = 300; // 300 × 25 × 16 KB ≈ 117 MB of text: about twice what the file system holds.

/** Text that does not compress (IndexedDB's LevelDB compresses its blocks): base-36 numbers from a seeded xorshift. */
const incompressibleText = (seed: number, length: number): string => {
  let state = seed >>> 0 || 1;
  let text = '';
  while (text.length < length) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    text += (state % 2 === 0 ? ' ' : '') + (state >>> 4).toString(36);
  }
  return text.slice(0, length);
};

const items = Array.from({ length: pageSize * pages }, (_, index) => ({
  id: `report-${String(index + 1).padStart(5, '0')}`,
  title: `Field report ${index + 1}`,
  content_text: incompressibleText(index + 1, itemCharacters),
  date_published: '2026-11-01T09:00:00Z',
}));

let mountPoint: string;
let mounted = false;
let app: StaticServer;
let feed: FeedServer;
let context: BrowserContext | null = null;

/** A fresh Chromium profile in its own folder on the small file system, with the e2e flags. */
const openProfile = async (name: string): Promise<Page> => {
  const profile = path.join(mountPoint, name);
  mkdirSync(profile);
  context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(app.url);
  await page.locator('article[data-item-id]').nth(9).waitFor();
  return page;
};

const closeProfile = async (name: string) => {
  await context?.close();
  context = null;
  rmSync(path.join(mountPoint, name), { recursive: true, force: true });
};

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
const addFeed = async (page: Page) => {
  await page.getByLabel('Feed URL').fill(feed.url);
  await page.getByRole('button', { name: 'Add feed' }).click();
};

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(missingChromiumMessage);
  mountPoint = mkdtempSync(path.join(tmpdir(), 'field-news-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${fileSystemMegabytes}m`, 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    throw new Error(
      `The full-disk test needs a small file system that really fills up, and could not mount one (${detail}). ` +
        `Run the end-to-end tests as root (or with CAP_SYS_ADMIN), so that \`mount -t tmpfs -o size=${fileSystemMegabytes}m tmpfs ${mountPoint}\` works.`,
      { cause: error },
    );
  }
  app = await startStaticServer('dist/renderer');
  feed = await startFeedServer({ items, title: 'Field Reports', pageSize });
});

afterEach(async () => {
  await context?.close();
  context = null;
});

afterAll(async () => {
  await app?.close();
  await feed?.close();
  if (mounted) execFileSync('umount', [mountPoint]);
  if (mountPoint) rmSync(mountPoint, { recursive: true, force: true });
});

describe('storage that runs out during a sync', () => {
  it('says so in words, never with a blank window, when the file system itself fills up', async () => {
    const page = await openProfile('disk');
    await addFeed(page);
    // Chromium answers the write that does not fit with "UnknownError: … IO error: … FILE_ERROR_NO_SPACE"
    // and closes the database under the window; the window then shows the error screen, in words.
    await expect.poll(() => bodyText(page), { timeout: 150_000, interval: 250 }).toMatch(/There is no space left|could not show your news/);
    const text = await bodyText(page);
    expect(text).toMatch(/disk may be full|There is no space left on this computer's disk/);
    expect(await page.getByRole('button', { name: /^(Reload|Sync now)$/ }).count()).toBeGreaterThan(0);
    // For the record (Chromium's doing, not an assertion): after FILE_ERROR_NO_SPACE it may delete the
    // origin's whole database (electron/electron#41877); the open can also hang while it does.
    const usage = await page.evaluate(() => navigator.storage.estimate());
    console.info(`Disk full: ${execFileSync('df', ['-k', mountPoint]).toString().split('\n')[1]}; IndexedDB usage now ${usage.usage ?? 'unknown'} bytes`);

    await page.reload();
    // Never blank after a reload either: the news list, or the error screen in words.
    await expect.poll(async () => (await page.locator('article[data-item-id]').count()) > 0 || /could not show your news/.test(await bodyText(page)), { timeout: 60_000 }).toBe(true);
    await closeProfile('disk');
  }, 240_000);
});
