// Serves the web build and opens it in a fresh Chromium profile, for one test file.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer';
import { launchChromium, webBuildDir } from './chromium';

export interface WebApp {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Problems the page reported: uncaught errors and Content-Security-Policy violations. */
  pageErrors: string[];
}

/**
 * `options` set the context's locale, colour scheme or viewport (the language and theme tests). The
 * service worker is blocked: these tests drive the window as the desktop app runs it, where the build's
 * files come from the app itself (the installed web app's test opens its own profile with it).
 */
export const openWebApp = async (options: BrowserContextOptions = {}): Promise<WebApp> => {
  const server = await startStaticServer(webBuildDir);
  const browser = await launchChromium();
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  await page.goto(server.url);
  return { server, browser, context, page, pageErrors };
};

/** The web build served, and a browser for tests that open their own contexts (an init script before the page loads). */
export interface WebBuild {
  server: StaticServer;
  browser: Browser;
}

export const openWebBuild = async (): Promise<WebBuild> => ({ server: await startStaticServer(webBuildDir), browser: await launchChromium() });

export const closeWebBuild = async (build: WebBuild | undefined): Promise<void> => {
  await build?.browser.close();
  await build?.server.close();
};

export const closeWebApp = async (app: WebApp | undefined): Promise<void> => {
  await app?.browser.close();
  await app?.server.close();
};

export const articleIds = (page: Page): Promise<(string | null)[]> =>
  page.locator('article[data-item-id]').evaluateAll((articles) => articles.map((article) => article.getAttribute('data-item-id')));

/** The settings dialog (feeds, sync interval, language and theme, pictures, backup, storage). */
export const settingsDialog = (page: Page) => page.locator('dialog.settings-dialog');

/** Opens Settings from the header or the phone's bar (the feed form, OPML, language and theme live there); no-op when open. */
export const openSettings = async (page: Page): Promise<void> => {
  if ((await settingsDialog(page).count()) > 0) return;
  // In the header, or on a phone in the bar at the bottom: whichever shows.
  await page.locator('.settings-button:visible').click();
  await settingsDialog(page).waitFor();
};

/** Closes Settings, giving the list and the reader back the pointer and the keys; no-op when closed. */
export const closeSettings = async (page: Page): Promise<void> => {
  if ((await settingsDialog(page).count()) === 0) return;
  await settingsDialog(page).locator('.dialog-close').click();
  await settingsDialog(page).waitFor({ state: 'detached' });
};

/** Adds a feed through the settings' feed form, as a user would; Settings stay open. */
export const addFeed = async (page: Page, url: string): Promise<void> => {
  await openSettings(page);
  await page.getByLabel('Feed URL').fill(url);
  await page.getByRole('button', { name: 'Add feed' }).click();
};
