// The window starts in steps (renderer/window/main.tsx), each a file of the build. When one cannot be
// loaded (an install with a file missing), the window says so in words instead of staying blank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWebBuild, openWebBuild, type WebBuild } from './webApp';

let build: WebBuild;
beforeAll(async () => {
  build = await openWebBuild();
});
afterAll(() => closeWebBuild(build));

describe('a start step that cannot be loaded', () => {
  it('shows "could not start" with Reload, and no news', async () => {
    const context = await build.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The database's step: its file answers 404, as a file missing from a damaged install.
    await page.route(/\/assets\/database-[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(build.server.url);
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.getByRole('heading').textContent({ timeout: 1_000 })).toBe('Field News could not start');
    expect(await notice.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    expect(await notice.locator('pre').textContent()).toMatch(/database-[\w-]+\.js/);
    expect(await page.locator('article[data-item-id]').count()).toBe(0);
    await context.close();
  });

  it("writes the failure to the window's log, which Copy diagnostics reads", async () => {
    const context = await build.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The window's own step fails; the database's has loaded, so web mode's log store is there.
    await page.route(/\/assets\/mountWindow-[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(build.server.url);
    await expect.poll(() => page.getByRole('alert').getByRole('heading').textContent({ timeout: 1_000 })).toBe('Field News could not start');
    const loggedFailures = () =>
      page.evaluate(async () => {
        const opening = indexedDB.open('field-news');
        const db = await new Promise<IDBDatabase>((resolve) => (opening.onsuccess = () => resolve(opening.result)));
        const request = db.transaction('logs').objectStore('logs').getAll();
        const lines = await new Promise<{ level: string; message: string }[]>((resolve) => (request.onsuccess = () => resolve(request.result as { level: string; message: string }[])));
        db.close();
        return lines.filter((line) => line.level === 'error' && line.message.startsWith('The window could not start')).length;
      });
    await expect.poll(loggedFailures).toBe(1);
    await context.close();
  });
});
