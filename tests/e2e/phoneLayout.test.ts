// The app at a phone's size with touch (issue 25), in English and Spanish, at the narrowest and the
// widest common phone: one pane at a time with the bar at the bottom (news, places, search, map,
// settings), nothing a finger taps under 44 × 44 px, no sideways scrolling, the reader's text at a
// readable size with Previous and Next, the map zoomed with two fingers, and axe with no violations.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWebApp, openWebApp, type WebApp } from './webApp';

const words = {
  'en-US': { bar: 'Sections', news: 'News', places: 'Places', search: 'Search', map: 'Map', settings: 'Settings', next: 'Next', previous: 'Previous', reader: 'Reader', feedUrl: 'Feed URL' },
  'es-MX': { bar: 'Secciones', news: 'Noticias', places: 'Lugares', search: 'Buscar', map: 'Mapa', settings: 'Ajustes', next: 'Siguiente', previous: 'Anterior', reader: 'Lector', feedUrl: 'Dirección de la fuente' },
} as const;

/** What axe found (WCAG 2.0/2.1 A and AA), one line per rule and element. */
const violations = async (page: Page): Promise<string[]> => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
};

/** Every control on screen that a finger taps and is smaller than 44 × 44 px (links inside text are exempt). */
const smallTargets = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, summary, input:not([type=hidden]), [role=button], article[data-item-id]')]
      .filter((element) => element.checkVisibility())
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.bottom > 0 && box.top < window.innerHeight)
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ element, box }) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}" ${box.width.toFixed(0)} × ${box.height.toFixed(0)}`),
  );

/** How far the page scrolls sideways (0 when it does not). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const [locale, say] of Object.entries(words) as [keyof typeof words, (typeof words)[keyof typeof words]][]) {
  for (const width of [360, 430]) {
    describe(`a ${width} px phone in ${locale}`, () => {
      let app: WebApp;
      const bar = () => app.page.getByRole('navigation', { name: say.bar });
      beforeAll(async () => {
        app = await openWebApp({ locale, viewport: { width, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
        await app.page.locator('article[data-item-id]').nth(3).waitFor();
      });
      afterAll(() => closeWebApp(app));

      it('shows the list alone with the bar, no small targets, no sideways scrolling, and no axe violations', async () => {
        await expect.poll(() => bar().getByRole('button').allTextContents()).toEqual([say.news, say.places, say.search, say.map, say.settings]);
        expect(await app.page.locator('.three-panes--narrow .sidebar').count()).toBe(0);
        expect(await smallTargets(app.page)).toEqual([]);
        expect(await sidewaysScroll(app.page)).toBe(0);
        expect(await violations(app.page)).toEqual([]);
      });

      it('opens an item in the reader at a readable size, and moves to the next and back with its buttons', async () => {
        const first = app.page.locator('article[data-item-id]').first();
        const firstTitle = await first.locator('h3').textContent();
        await first.tap();
        const reader = app.page.getByRole('region', { name: say.reader });
        await expect.poll(() => reader.locator('h1').textContent()).toBe(firstTitle);
        expect(await app.page.locator('article[data-item-id]').count()).toBe(0);
        const textSize = await reader.locator('p').first().evaluate((paragraph) => Number.parseFloat(getComputedStyle(paragraph).fontSize));
        expect(textSize).toBeGreaterThanOrEqual(16);
        await reader.getByRole('button', { name: say.next }).tap();
        await expect.poll(() => reader.locator('h1').textContent()).not.toBe(firstTitle);
        await reader.getByRole('button', { name: say.previous }).tap();
        await expect.poll(() => reader.locator('h1').textContent()).toBe(firstTitle);
        expect(await smallTargets(app.page)).toEqual([]);
        expect(await sidewaysScroll(app.page)).toBe(0);
        expect(await violations(app.page)).toEqual([]);
      });

      it('goes to the places and back to the news from the bar', async () => {
        await bar().getByRole('button', { name: say.places }).tap();
        await app.page.locator('.sidebar').waitFor();
        expect(await bar().getByRole('button', { name: say.places }).getAttribute('aria-pressed')).toBe('true');
        expect(await smallTargets(app.page)).toEqual([]);
        expect(await violations(app.page)).toEqual([]);
        await bar().getByRole('button', { name: say.news }).tap();
        await app.page.locator('article[data-item-id]').first().waitFor();
      });

      it('puts the search field under the finger from the bar', async () => {
        await bar().getByRole('button', { name: say.search }).tap();
        await expect.poll(() => app.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
        await app.page.keyboard.press('Escape');
      });

      it('shows the map in its own pane, zooms it with two fingers, and lists the news of a place chosen on it', async () => {
        await bar().getByRole('button', { name: say.map }).tap();
        await app.page.locator('path.map-country').first().waitFor();
        expect(await app.page.locator('article[data-item-id]').count()).toBe(0);
        const ground = app.page.locator('.map-base g').first();
        const before = await ground.getAttribute('transform');
        const box = await app.page.locator('.map-svg').boundingBox();
        if (box === null) throw new Error('the map is not on screen');
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        const cdp = await app.context.newCDPSession(app.page);
        const fingers = (spread: number) => [
          { x: x - spread, y, id: 0 },
          { x: x + spread, y, id: 1 },
        ];
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
        for (let step = 1; step <= 10; step += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(20 + step * 10) });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await cdp.detach();
        await expect.poll(() => ground.getAttribute('transform')).not.toBe(before);
        const scale = (transform: string | null) => Number(/scale\(([\d.]+)/.exec(transform ?? '')?.[1] ?? 1);
        expect(scale(await ground.getAttribute('transform'))).toBeGreaterThan(scale(before) * 1.5);
        expect(await smallTargets(app.page)).toEqual([]);
        expect(await violations(app.page)).toEqual([]);
        // A place chosen on the map (here from its list of places) shows the list of that place's news.
        await app.page.locator('.map-places summary').tap();
        await app.page.locator('.map-places__place').first().tap();
        await app.page.locator('article[data-item-id]').first().waitFor();
        expect(await app.page.locator('path.map-country').count()).toBe(0);
        const shown = await app.page.locator('article[data-item-id]').count();
        expect(shown).toBeGreaterThan(0);
        expect(shown).toBeLessThan(10);
        expect(await bar().getByRole('button', { name: say.news }).getAttribute('aria-pressed')).toBe('true');
        await app.page.locator('.chip button').first().tap();
        await expect.poll(() => app.page.locator('article[data-item-id]').count()).toBe(10);
      });

      it('opens the settings from the bar', async () => {
        await bar().getByRole('button', { name: say.settings }).tap();
        await app.page.getByLabel(say.feedUrl).waitFor();
        expect(await sidewaysScroll(app.page)).toBe(0);
        // Nothing in the dialog reaches past its edges (a field cut off at the right cannot be read).
        const cutOff = await app.page.evaluate(() => {
          const dialog = document.querySelector('dialog.settings-dialog');
          if (!dialog) return ['no settings dialog'];
          const edge = dialog.getBoundingClientRect();
          return [...dialog.querySelectorAll<HTMLElement>('input, select, button, label, p')]
            .filter((element) => element.checkVisibility())
            .filter((element) => element.getBoundingClientRect().right > edge.right + 1)
            .map((element) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}"`);
        });
        expect(cutOff).toEqual([]);
        expect(await violations(app.page)).toEqual([]);
        await app.page.keyboard.press('Escape');
      });
    });
  }
}
