// The web build as an installed app on a phone (issue 25): a first visit online at a phone's size with
// touch, then with no network at all: it opens from its service worker with the stored news, finds
// them by place and draws the map. Chromium finds nothing that stops its installation; a new build is
// announced, waits while the person reads, and is taken only on Reload; the notice passes axe in
// English and Spanish.
import { AxeBuilder } from '@axe-core/playwright';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer';
import { chromiumArgs, chromiumPath, webBuildDir } from './chromium';

/** A common phone: 390 × 844 CSS pixels, touch, a mobile browser. */
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;

interface PhoneApp {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  /** The copy of the build the server serves: a "new build" is put in its place. */
  build: string;
  close(): Promise<void>;
}

/**
 * The app in a phone's browser with a profile on disk, as an installed app keeps its data (Chromium
 * does not install from an incognito window), served from a copy of the build.
 */
const openOnPhone = async (locale = 'en-US'): Promise<PhoneApp> => {
  const build = mkdtempSync(join(tmpdir(), 'field-news-web-app-'));
  cpSync(webBuildDir, build, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'field-news-phone-profile-'));
  const server = await startStaticServer(build);
  const context = await chromium.launchPersistentContext(profile, { ...phone, locale, executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  await page.goto(server.url);
  await page.locator('article[data-item-id]').nth(9).waitFor();
  // The service worker is ready once it has installed: the whole build is in its cache. It controls
  // the pages opened after it, as on a person's second visit.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.locator('article[data-item-id]').nth(9).waitFor();
  return {
    server,
    context,
    page,
    pageErrors,
    build,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(build, { recursive: true, force: true });
    },
  };
};

/**
 * Deploys a new build over the served one: index.html changes (a marker), and sw.js lists its new
 * revision, as `npm run build` writes them after any change to the app.
 */
const deployNewBuild = (servedBuild: string, marker: string) => {
  const html = readFileSync(join(webBuildDir, 'index.html'), 'utf8').replace('</body>', `<!-- ${marker} -->\n</body>`);
  writeFileSync(join(servedBuild, 'index.html'), html);
  const revision = createHash('md5').update(html).digest('hex');
  const worker = readFileSync(join(webBuildDir, 'sw.js'), 'utf8');
  const renamed = worker.replace(/(url:"index\.html",revision:")[0-9a-f]+(")/, `$1${revision}$2`);
  if (renamed === worker) throw new Error('sw.js does not list index.html with a revision: has the build changed?');
  writeFileSync(join(servedBuild, 'sw.js'), renamed);
};

let app: PhoneApp;
beforeAll(async () => {
  app = await openOnPhone();
}, 60_000);
afterAll(() => app.close());

const searchField = () => app.page.getByRole('searchbox', { name: /Search/ });

describe('the web app on a phone', () => {
  it('has nothing that stops Chromium from installing it', async () => {
    const cdp = await app.context.newCDPSession(app.page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((error) => error.errorId)).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ name: 'Field News', display: 'standalone' });
    await cdp.detach();
  });

  it('opens with no network, from its service worker, and shows the stored news, finds them by place and draws the map', async () => {
    // No network at all: the app's own server is gone too.
    const port = Number(new URL(app.server.url).port);
    await app.server.close();
    await app.context.setOffline(true);
    await app.page.reload();
    await app.page.locator('article[data-item-id]').nth(9).waitFor();
    expect(await app.page.locator('article[data-item-id]').count()).toBe(10);
    expect(await app.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => app.page.getByRole('status').textContent()).toMatch(/Offline/);

    // The place search needs the search worker and the gazetteer, both from the cache.
    await searchField().pressSequentially('tapachla', { delay: 15 });
    await expect.poll(() => app.page.locator('.search-summary').textContent(), { timeout: 15_000 }).toMatch(/found/);
    expect(await app.page.locator('article[data-item-id]').count()).toBeGreaterThan(0);
    await searchField().fill('');

    await app.page.getByRole('button', { name: 'Map' }).tap();
    await app.page.locator('path.map-country').first().waitFor({ timeout: 10_000 });
    expect(await app.page.locator('path.map-country').count()).toBeGreaterThan(30);
    // Nothing on the way failed: no chunk, worker or data file missed the cache.
    expect(app.pageErrors).toEqual([]);
    await app.context.setOffline(false);
    app.server = await startStaticServer(app.build, port);
  });

  it('announces a new build, keeps the page while the person reads, and takes it only on Reload, after the sync', async () => {
    await app.page.goto(app.server.url);
    await app.page.locator('article[data-item-id]').first().waitFor();
    // A mark on this page: it disappears only if the page reloads.
    await app.page.evaluate(() => document.documentElement.setAttribute('data-still-here', 'yes'));
    deployNewBuild(app.build, 'build two');
    await app.page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));

    const notice = app.page.getByRole('complementary', { name: 'New version' });
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain('A new version of Field News is ready.');
    await app.page.waitForTimeout(2_000);
    expect(await app.page.evaluate(() => document.documentElement.getAttribute('data-still-here'))).toBe('yes');
    expect(await app.page.content()).not.toContain('build two');

    // A feed is syncing (its Web Lock, as the sync worker holds it): Reload waits for the sync to end.
    await app.page.evaluate(() => {
      void navigator.locks.request('field-news-sync https://news.example.org/feed.json', () => new Promise<void>((release) => ((window as unknown as { endSync?: () => void }).endSync = release)));
    });
    await notice.getByRole('button', { name: 'Reload' }).tap();
    await expect.poll(() => notice.textContent()).toContain('The new version of Field News loads as soon as the sync ends.');
    await app.page.waitForTimeout(2_000);
    expect(await app.page.evaluate(() => document.documentElement.getAttribute('data-still-here'))).toBe('yes');
    await app.page.evaluate(() => (window as unknown as { endSync: () => void }).endSync());
    await expect.poll(() => app.page.evaluate(() => document.documentElement.getAttribute('data-still-here')), { timeout: 15_000 }).toBeNull();
    await app.page.locator('article[data-item-id]').first().waitFor();
    expect(await app.page.content()).toContain('build two');
    expect(await app.page.locator('article[data-item-id]').count()).toBe(10);
  });
});

describe('storage that stays', () => {
  const storageSection = () => app.page.getByRole('region', { name: 'Storage' });
  const storageWords = async () => {
    await app.page.getByRole('button', { name: 'Settings' }).tap();
    // The section reads the browser's answer a moment after it opens.
    await expect.poll(() => storageSection().textContent(), { timeout: 10_000 }).toMatch(/The browser (keeps|may clear) this news/);
    const words = await storageSection().textContent();
    await app.page.keyboard.press('Escape');
    return words ?? '';
  };

  it('asks the browser to keep the news only once installed, and says in Settings whether it agreed', async () => {
    await app.page.addInitScript(() => {
      const ask = Object.getOwnPropertyDescriptor(StorageManager.prototype, 'persist')?.value as (this: StorageManager) => Promise<boolean>;
      StorageManager.prototype.persist = function (this: StorageManager) {
        (window as unknown as { persistAsked?: number }).persistAsked = ((window as unknown as { persistAsked?: number }).persistAsked ?? 0) + 1;
        return ask.call(this);
      };
    });
    const asked = () => app.page.evaluate(() => (window as unknown as { persistAsked?: number }).persistAsked ?? 0);
    await app.page.reload();
    await app.page.locator('article[data-item-id]').first().waitFor();
    await app.page.waitForTimeout(1_000);
    expect(await asked()).toBe(0);
    if (!(await app.page.evaluate(() => navigator.storage.persisted()))) {
      expect(await storageWords()).toContain('The browser may clear this news when space runs low.Install Field News from the browser');
    }

    // Installing fires 'appinstalled' in the page (headless Chromium cannot install, so the test fires it).
    await app.page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await expect.poll(asked).toBe(1);

    // Started installed, the app runs in its own window: display-mode standalone, which headless
    // Chromium cannot emulate, so the media query answers as an installed app's would.
    await app.page.addInitScript(() => {
      const matches = window.matchMedia.bind(window);
      window.matchMedia = (query: string) => (query === '(display-mode: standalone)' ? { ...matches(query), matches: true, media: query } : matches(query));
    });
    await app.page.reload();
    await app.page.locator('article[data-item-id]').first().waitFor();
    await expect.poll(asked).toBe(1);
    const granted = await app.page.evaluate(() => navigator.storage.persisted());
    const words = await storageWords();
    expect(words).toContain(granted ? 'The browser keeps this news even when space runs low.' : 'The browser may clear this news when space runs low.');
    expect(words).not.toContain('Install Field News');
  });
});

describe('the new-version notice', () => {
  for (const [locale, words] of [
    ['en-US', { label: 'New version', ready: 'A new version of Field News is ready.' }],
    ['es-MX', { label: 'Nueva versión', ready: 'Hay una nueva versión de Field News lista.' }],
  ] as const) {
    it(`passes axe in ${locale} at a phone's size`, async () => {
      const phoneApp = await openOnPhone(locale);
      try {
        deployNewBuild(phoneApp.build, locale);
        await phoneApp.page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
        const notice = phoneApp.page.getByRole('complementary', { name: words.label });
        await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain(words.ready);
        const results = await new AxeBuilder({ page: phoneApp.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`))).toEqual([]);
      } finally {
        await phoneApp.close();
      }
    }, 90_000);
  }
});
