import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { addFeed, closeSettings, closeWebApp, openWebApp, type WebApp } from './webApp';

let app: WebApp;
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({
    items: Array.from({ length: 5 }, (_, index) => ({ id: `slow-${index}`, title: `Slow news ${index}`, content_text: 'Over a slow link.' })),
    title: 'Slow Link News',
    delayMs: 1_500,
  });
  app = await openWebApp();
});
afterAll(async () => {
  await closeWebApp(app);
  await server.close();
});

describe('two windows of the app', () => {
  it('never sync the same feed at the same time', async () => {
    await addFeed(app.page, server.url);
    await app.page.locator('article[data-item-id="slow-4"]').waitFor();
    await closeSettings(app.page);
    const secondWindow = await app.context.newPage();
    await secondWindow.goto(app.server.url);
    await secondWindow.locator('article[data-item-id="slow-4"]').waitFor();
    // The second window syncs on start-up too; let that finish first.
    await expect.poll(() => secondWindow.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^Updated/);

    const before = server.requests.filter((request) => request.status !== 204).length;
    await Promise.all([
      app.page.getByRole('button', { name: 'Sync now' }).click(),
      secondWindow.getByRole('button', { name: 'Sync now' }).click(),
    ]);
    await expect.poll(() => app.page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^Updated/);
    await expect.poll(() => secondWindow.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^Updated/);
    const downloads = server.requests.filter((request) => request.status !== 204).length - before;
    expect(downloads).toBe(1);
  });
});
