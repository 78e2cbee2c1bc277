// axe on every state a person meets, in English and in Spanish: the list, the reader with an item
// open, the search with its suggestions, the feed settings, the About information, the empty
// "nothing matched" state, and the dark theme. Zero violations of WCAG 2.0/2.1 A and AA.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { closeWebApp, openWebApp, type WebApp } from './webApp';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const opened: WebApp[] = [];
afterAll(async () => {
  for (const app of opened) await closeWebApp(app);
});

/** What axe found, one line per rule and element, so a failure says where to look. */
const violations = async (app: WebApp): Promise<string[]> => {
  const results = await new AxeBuilder({ page: app.page }).withTags(tags).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
};

const darkPaper = 'rgb(20, 24, 29)';
const rootBackground = (app: WebApp) => app.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

const words = {
  en: { search: 'Search', reader: 'Reader', feeds: /^Feeds \(/, data: 'Backup and diagnostics', settings: 'Language and appearance', about: 'About Field News', close: 'Close', theme: 'Theme' },
  es: { search: 'Buscar', reader: 'Lector', feeds: /^Fuentes \(/, data: 'Respaldo y diagnóstico', settings: 'Idioma y apariencia', about: 'Acerca de Field News', close: 'Cerrar', theme: 'Tema' },
} as const;

for (const [language, locale] of [['en', 'en-US'], ['es', 'es-MX']] as const) {
  describe(`axe in ${language === 'en' ? 'English' : 'Spanish'}`, () => {
    const say = words[language];
    let app: WebApp;
    const search = () => app.page.getByRole('searchbox', { name: say.search, exact: true });

    it('the list', async () => {
      app = await openWebApp({ locale });
      opened.push(app);
      await app.page.locator('article[data-item-id]').nth(9).waitFor();
      expect(await violations(app)).toEqual([]);
    });

    it('the reader with an item open', async () => {
      await app.page.locator('article[data-item-id]').nth(2).click();
      await app.page.getByRole('region', { name: say.reader }).locator('h1').waitFor();
      expect(await violations(app)).toEqual([]);
    });

    it('the search with its suggestions open', async () => {
      await search().fill('tapach');
      await app.page.getByRole('listbox').waitFor();
      expect(await violations(app)).toEqual([]);
      await search().fill('');
    });

    it('the empty "nothing matched" state', async () => {
      await search().fill('Tokyo');
      await app.page.locator('.search-summary--none').waitFor();
      expect(await violations(app)).toEqual([]);
      await search().fill('');
    });

    it('the feed settings, the backup and the language settings opened', async () => {
      await app.page.locator('summary').filter({ hasText: say.feeds }).click();
      await app.page.locator('summary').filter({ hasText: say.data }).click();
      await app.page.locator('summary').filter({ hasText: say.settings }).click();
      expect(await violations(app)).toEqual([]);
    });

    it('the About information', async () => {
      await app.page.getByRole('button', { name: say.about }).click();
      await app.page.getByRole('dialog', { name: say.about }).getByText(/GeoNames/).waitFor();
      expect(await violations(app)).toEqual([]);
      await app.page.getByRole('dialog').getByRole('button', { name: say.close }).click();
    });

    it('the dark theme, with an item open', async () => {
      const dark = await openWebApp({ locale, colorScheme: 'dark' });
      opened.push(dark);
      await dark.page.locator('article[data-item-id]').nth(9).waitFor();
      await dark.page.locator('article[data-item-id]').nth(1).click();
      expect(await rootBackground(dark)).toBe(darkPaper);
      expect(await violations(dark)).toEqual([]);
    });

    it('the dark theme chosen in the settings of a light system', async () => {
      expect(await rootBackground(app)).not.toBe(darkPaper);
      await app.page.getByLabel(say.theme, { exact: true }).selectOption('dark');
      await expect.poll(() => rootBackground(app)).toBe(darkPaper);
      expect(await violations(app)).toEqual([]);
      await app.page.getByLabel(say.theme, { exact: true }).selectOption('system');
      await expect.poll(() => rootBackground(app)).not.toBe(darkPaper);
    });
  });
}

describe('a 320 px wide window with text at 200%', () => {
  it('keeps the search, the feed controls, the list and the reader usable, with no violations', async () => {
    const app = await openWebApp({ locale: 'en-US', viewport: { width: 320, height: 640 } });
    opened.push(app);
    await app.page.locator('article[data-item-id]').nth(9).waitFor();
    await app.page.evaluate(() => {
      document.documentElement.style.fontSize = '32px';
    });
    for (const control of [
      app.page.getByRole('searchbox', { name: 'Search', exact: true }),
      app.page.getByRole('button', { name: 'Sync now' }),
      app.page.getByRole('button', { name: 'Add feed' }),
      app.page.locator('article[data-item-id]').first(),
    ]) {
      await control.scrollIntoViewIfNeeded();
      expect(await control.isVisible()).toBe(true);
    }
    await app.page.locator('article[data-item-id]').first().click();
    await app.page.getByRole('region', { name: 'Reader' }).locator('h1').waitFor();
    expect(await violations(app)).toEqual([]);
  });
});
