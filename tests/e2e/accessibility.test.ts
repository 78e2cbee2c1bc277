// axe on every state a person meets, in English and in Spanish: the list, the reader with an item
// open, the search with its suggestions, the sidebar's place tree opened, the settings dialog with
// its sections, the About information, the empty "nothing matched" state, the dark theme, and the
// one-pane layout of a narrow window. Zero violations of WCAG 2.0/2.1 A and AA.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSettings, closeWebApp, openSettings, openWebApp, type WebApp } from './webApp';

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

    it('the sidebar with the place tree opened and filtered', async () => {
      const toggle = app.page.locator('.sidebar .place-toggle[aria-expanded]').first();
      await toggle.waitFor({ timeout: 30_000 });
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await violations(app)).toEqual([]);
      await app.page.locator('.sidebar .place-filter').fill('a');
      expect(await violations(app)).toEqual([]);
      await app.page.locator('.sidebar .place-filter').fill('');
    });

    it('the settings dialog, with the feeds, the backup and the language settings opened', async () => {
      await openSettings(app.page);
      expect(await violations(app)).toEqual([]);
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
      await app.page.getByRole('dialog').waitFor({ state: 'detached' });
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
      await openSettings(app.page);
      await app.page.locator('summary').filter({ hasText: say.settings }).click();
      await app.page.getByLabel(say.theme, { exact: true }).selectOption('dark');
      await expect.poll(() => rootBackground(app)).toBe(darkPaper);
      expect(await violations(app)).toEqual([]);
      await app.page.getByLabel(say.theme, { exact: true }).selectOption('system');
      await expect.poll(() => rootBackground(app)).not.toBe(darkPaper);
      await closeSettings(app.page);
    });

    it('one pane in a narrow window, the list, the reader and the sidebar, and Spanish or English at 320 px', async () => {
      await app.page.setViewportSize({ width: 320, height: 640 });
      await app.page.locator('.three-panes--narrow').waitFor();
      // The item opened before is still open, so the narrow window shows the reader: Esc goes back to the list.
      await app.page.locator('.pane-back').waitFor();
      await app.page.keyboard.press('Escape');
      await app.page.locator('article[data-item-id]').first().waitFor();
      expect(await violations(app)).toEqual([]);
      await app.page.locator('article[data-item-id]').first().click();
      await app.page.getByRole('region', { name: say.reader }).locator('h1').waitFor();
      expect(await violations(app)).toEqual([]);
      await app.page.locator('.pane-back').click();
      await app.page.locator('.pane-back').click();
      await app.page.locator('.sidebar').waitFor();
      expect(await violations(app)).toEqual([]);
      await app.page.setViewportSize({ width: 1280, height: 720 });
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
    const usable = async (control: ReturnType<typeof app.page.locator>) => {
      await control.scrollIntoViewIfNeeded();
      expect(await control.isVisible()).toBe(true);
    };
    await usable(app.page.getByRole('searchbox', { name: 'Search', exact: true }));
    await usable(app.page.getByRole('button', { name: 'Sync now' }));
    await openSettings(app.page);
    await usable(app.page.getByRole('button', { name: 'Add feed' }));
    expect(await violations(app)).toEqual([]);
    await closeSettings(app.page);
    await usable(app.page.locator('article[data-item-id]').first());
    await app.page.locator('article[data-item-id]').first().click();
    await app.page.getByRole('region', { name: 'Reader' }).locator('h1').waitFor();
    expect(await violations(app)).toEqual([]);
  });
});
