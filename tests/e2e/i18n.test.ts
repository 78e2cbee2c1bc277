// The interface language in a real Chromium: a Spanish browser (es-MX) gets the Spanish interface
// with Spanish dates and no English control names; an English one English; the Language setting
// switches at once and survives a reload; <html lang> always matches.
import { afterAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { closeSettings, closeWebApp, openSettings, openWebApp, type WebApp } from './webApp';

const opened: WebApp[] = [];
const servers: FeedServer[] = [];
afterAll(async () => {
  for (const app of opened) await closeWebApp(app);
  for (const server of servers) await server.close();
});

const open = async (locale: string): Promise<WebApp> => {
  const app = await openWebApp({ locale });
  opened.push(app);
  await app.page.locator('article[data-item-id]').nth(9).waitFor();
  return app;
};

/** Every name a control offers a screen reader or a mouse: buttons, links, fields, summaries, options. */
const controlNames = (app: WebApp) =>
  app.page.evaluate(() => {
    const names: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, a, input, select, option, summary, [aria-label], [title], [placeholder]')) {
      if (element.getAttribute('type') === 'hidden') continue;
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute);
        if (value) names.push(value);
      }
      if (!(element instanceof HTMLInputElement)) names.push(element.textContent?.trim() ?? '');
    }
    return names.filter((name) => name !== '');
  });

/** English words of the interface that have no place in the Spanish one (whole words; "Google Reader", an API's name, is not translated). */
const englishWords = /\b(Map|Search|Feed URL|Add feed|Sync now|Feeds|Remove|(?<!Google )Reader|Backup|Diagnostics|Export|Import|Language|Theme|Keyboard|Show|Saved|Online|Offline|Updated|Choose|news|Cancel|From|To|Places)\b/;

describe('the interface language', () => {
  it('is Spanish in a Spanish browser: names, status, dates, and <html lang="es">', async () => {
    const app = await open('es-MX');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('es');
    await app.page.getByRole('searchbox', { name: 'Buscar', exact: true }).waitFor();
    // The controls and the words of Settings too.
    await openSettings(app.page);
    await app.page.getByRole('button', { name: 'Agregar fuente' }).waitFor();
    await app.page.getByRole('button', { name: 'Sincronizar ahora' }).waitFor();
    await app.page.getByLabel('Dirección de la fuente').waitFor();
    await expect.poll(() => app.page.getByRole('status').textContent()).toMatch(/noticias guardadas/);
    const firstDate = await app.page.locator('article[data-item-id] time').first().textContent();
    expect(firstDate).toMatch(/\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b/);
    const english = (await controlNames(app)).filter((name) => englishWords.test(name) && name !== 'English');
    expect(english).toEqual([]);
    // The words outside the controls too (the sample items are news text, in their own languages).
    const chrome = await app.page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      for (const article of copy.querySelectorAll('article')) article.remove();
      return copy.innerText;
    });
    expect(chrome.split('\n').filter((line) => englishWords.test(line))).toEqual([]);
  });

  it('is English in an English browser, with the test contract names', async () => {
    const app = await open('en-US');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await app.page.getByRole('searchbox', { name: 'Search', exact: true }).waitFor();
    await app.page.getByRole('button', { name: 'Sync now' }).waitFor();
    await openSettings(app.page);
    for (const name of ['Add feed', 'Import OPML', 'Export OPML']) await app.page.getByRole('button', { name }).waitFor();
    await app.page.getByLabel('Feed URL').waitFor();
    const firstDate = await app.page.locator('article[data-item-id] time').first().textContent();
    expect(firstDate).toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  });

  it('switches language at once from the setting, and keeps it over a reload', async () => {
    const app = opened[1]!;
    await app.page.getByText('Language and appearance').click();
    await app.page.getByLabel('Language').selectOption('es');
    await app.page.getByRole('button', { name: 'Sincronizar ahora' }).waitFor({ timeout: 5_000 });
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('es');
    await app.page.reload();
    await app.page.getByRole('button', { name: 'Sincronizar ahora' }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('es');
    await openSettings(app.page);
    await app.page.getByText('Idioma y apariencia').click();
    await app.page.getByLabel('Idioma').selectOption('system');
    await app.page.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 5_000 });
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('finds places in either language whatever the interface language', async () => {
    const app = opened[0]!;
    await closeSettings(app.page);
    for (const query of ['Mexico', 'México']) {
      await app.page.getByRole('searchbox', { name: 'Buscar', exact: true }).fill(query);
      await expect.poll(() => app.page.locator('.search-summary').textContent()).toMatch(/Se encontr/);
    }
    await app.page.getByRole('searchbox', { name: 'Buscar', exact: true }).fill('');
  });

  it('says a failing feed in Spanish, in the status line and the feed list, with no English word', async () => {
    const app = opened[0]!;
    const busy = await startFeedServer({ fault: { kind: 'status', status: 503 }, title: 'Noticias caídas' });
    servers.push(busy);
    await openSettings(app.page);
    await app.page.getByLabel('Dirección de la fuente').fill(busy.url);
    await app.page.getByRole('button', { name: 'Agregar fuente' }).click();
    const status = () => app.page.getByRole('status').textContent();
    await expect.poll(status, { timeout: 15_000 }).toMatch(/El servidor respondió 503 \(está ocupado o en mantenimiento\)\. Próximo intento dentro de/);
    const feedState = app.page.locator('.feed-list li', { hasText: new URL(busy.url).host }).locator('.feed-state');
    await expect.poll(() => feedState.textContent()).toBe('El último intento falló: El servidor respondió 503 (está ocupado o en mantenimiento).');
    const english = /\b(the|server|feed|answered|try|failed|next|busy|down)\b/i;
    expect(await status()).not.toMatch(english);
    expect(await feedState.textContent()).not.toMatch(english);
  });

  it('words places in Spanish: the suggestion, the chip it becomes and the place tree say México', async () => {
    const app = opened[0]!;
    await closeSettings(app.page);
    const field = app.page.getByRole('searchbox', { name: 'Buscar', exact: true });
    await field.fill('');
    await field.pressSequentially('tapachula', { delay: 15 });
    const suggestion = app.page.getByRole('option', { name: /^Tapachula — Chiapas, México/ });
    await suggestion.click({ timeout: 15_000 });
    await expect.poll(() => app.page.locator('.chip').first().textContent()).toBe('Tapachula — Chiapas, México');
    await app.page.getByRole('button', { name: /Tapachula — Chiapas, México/ }).click();
    await expect.poll(() => app.page.locator('.chip').count()).toBe(0);
    await expect.poll(() => app.page.locator('ul.place-tree').first().innerText(), { timeout: 15_000 }).toMatch(/México/);
    expect(await app.page.locator('ul.place-tree').first().innerText()).not.toMatch(/\bMexico\b/);
  });

  it('names an item without title or words, from a feed without a title, in Spanish', async () => {
    const app = opened[0]!;
    const untitled = await startFeedServer({ title: '', items: [{ id: 'sin-titulo', content_html: '<p> </p>', date_published: '2026-11-27T10:00:00Z' }] });
    servers.push(untitled);
    await openSettings(app.page);
    await app.page.getByLabel('Dirección de la fuente').fill(untitled.url);
    await app.page.getByRole('button', { name: 'Agregar fuente' }).click();
    const row = app.page.locator('article[data-item-id="sin-titulo"]');
    await row.waitFor({ timeout: 15_000 });
    // The feed keeps the name it was given (its host), not an English "Untitled feed".
    await expect.poll(() => app.page.locator('.feed-list li', { hasText: new URL(untitled.url).host }).count()).toBe(1);
    await closeSettings(app.page);
    await expect.poll(() => row.locator('h3').textContent()).toBe('Noticia sin título');
    expect(await row.locator('h3').getAttribute('lang')).toBeNull();
    expect(await app.page.locator('body').innerText()).not.toMatch(/Untitled/);
  });

  it('ran without page errors or CSP violations (message formatting needs no eval)', () => {
    // The browser reports the failing feed's 503 on its console: that one is expected.
    const expected = (error: string) => servers.some((server) => error.startsWith('Failed to load resource: the server responded with a status of 503') && error.includes(server.url));
    for (const app of opened) expect(app.pageErrors.filter((error) => !expected(error))).toEqual([]);
  });
});
