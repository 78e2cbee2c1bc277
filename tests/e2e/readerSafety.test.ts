// Feed HTML in the reader: sanitized on display (no class/id costume, relative links made absolute,
// presentational attributes kept), every kind of link leaves the app through one handler, and the
// page runs under Trusted Types without a single violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { addFeed, closeSettings, closeWebApp, openWebApp, type WebApp } from './webApp';

const costumeHtml = `
  <p class="status-line app-header" id="root" style="color:red">Dressed as the app</p>
  <p><a href="/reports/tapachula.html">Relative report</a> and <a href="#notes">notes</a></p>
  <img src="map.png" alt="Map of the shelters" width="320" height="200">
  <table><tr><td colspan="2" rowspan="1" lang="es" dir="ltr">Albergue</td></tr></table>
  <img src="shelters.png" usemap="#areas" alt="Shelters" width="10" height="10">
  <map name="areas"><area shape="rect" coords="0,0,10,10" href="https://example.org/area-target" alt="Area link"></map>`;

let app: WebApp;
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({
    title: 'Costume News',
    items: [
      {
        id: 'costume-1',
        url: 'https://news.example.org/2026/11/shelters/index.html',
        title: 'Costume item',
        content_html: costumeHtml,
        date_published: '2030-01-01T00:00:00Z',
      },
    ],
  });
  app = await openWebApp();
  await addFeed(app.page, server.url);
  await app.page.locator('article[data-item-id="costume-1"]').waitFor();
  await closeSettings(app.page);
  await app.page.locator('article[data-item-id="costume-1"]').click();
  await app.page.locator('.reader-body').getByText('Dressed as the app').waitFor();
});
afterAll(async () => {
  await closeWebApp(app);
  await server.close();
});

describe('feed HTML in the reader', () => {
  it('loses class, id and style, so it cannot dress up as the app', async () => {
    const body = app.page.locator('.reader-body');
    expect(await body.locator('[class], [id], [style]').count()).toBe(0);
    expect(await app.page.locator('#root').count()).toBe(1);
  });

  it('keeps harmless presentational attributes', async () => {
    const cell = app.page.locator('.reader-body td');
    expect(await cell.evaluate((td) => ['colspan', 'rowspan', 'lang', 'dir'].map((name) => td.getAttribute(name)))).toEqual(['2', '1', 'es', 'ltr']);
    // A picture that was not saved shows as a placeholder that keeps its alt text (never a remote <img>).
    const picture = app.page.locator('.reader-body [data-picture="not-saved"]').first();
    expect(await picture.getAttribute('aria-label')).toBe('Picture not saved: “Map of the shelters”');
  });

  it('resolves relative links and pictures against the item address', async () => {
    const body = app.page.locator('.reader-body');
    expect(await body.getByText('Relative report').getAttribute('href')).toBe('https://news.example.org/reports/tapachula.html');
    expect(await body.locator('[data-picture="not-saved"]').first().getAttribute('data-picture-src')).toBe('https://news.example.org/2026/11/shelters/map.png');
    expect(await body.locator('img').count()).toBe(0);
  });

  it('sends an <area> link to the system browser instead of navigating the app away', async () => {
    await app.context.route('https://example.org/**', (route) => route.fulfill({ contentType: 'text/plain', body: 'outside' }));
    const before = app.page.url();
    const opened = app.context.waitForEvent('page');
    await app.page.locator('.reader-body area').evaluate((area: HTMLAreaElement) => area.click());
    const popup = await opened;
    await expect.poll(() => popup.url()).toBe('https://example.org/area-target');
    await popup.close();
    expect(app.page.url()).toBe(before);
    expect(await app.page.locator('article[data-item-id]').count()).toBeGreaterThan(0);
  });

  it('runs under Trusted Types with its workers started and no violation reported', async () => {
    const policy = await app.page.evaluate(() => {
      const probe = document.createElement('div');
      try {
        probe.innerHTML = '<b>raw</b>';
        return 'accepted';
      } catch (error) {
        return error instanceof TypeError ? 'refused' : 'other';
      }
    });
    expect(policy).toBe('refused');
    // The search worker answered (it is started through the default policy): the count of what it found
    // and the place it marked in a result come only from its answer, never from the list shown before.
    await app.page.getByRole('searchbox', { name: 'Search' }).fill('tapachula');
    await expect.poll(() => app.page.locator('.search-summary').textContent()).toMatch(/^\d+ news items? found$/);
    await expect.poll(() => app.page.locator('article[data-item-id] mark').allTextContents()).toContain('Tapachula');
    // What the policy itself reports: the feed's style attribute is refused by another directive
    // (expected, and not Trusted Types); remote pictures are never put in the page. The sync's own try to
    // save the item's picture (web mode fetches it from the page) fails on this made-up host. Nothing else may show.
    const expected = /^Applying inline style violates|^Failed to load resource: net::ERR_NAME_NOT_RESOLVED \(https:\/\/news\.example\.org\//;
    expect(app.pageErrors.filter((text) => !expected.test(text))).toEqual([]);
  });
});
