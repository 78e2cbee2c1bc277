// Takes the README's screenshots (npm run screenshots): the Spanish reader and shortcut list in a
// Spanish browser, and the map in an English one, each with the bundled sample and a small feed
// synced through the app as a user would. WEB_BUILD_DIR points at another build; the pictures go to
// docs/screenshots.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, webBuildDir } from '../tests/e2e/chromium';
import { closeSettings, openSettings } from '../tests/e2e/webApp';
import { startFeedServer } from './feedServer';
import { startStaticServer } from './staticServer';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
const newest = Date.parse('2026-11-26T15:00:00Z');
const stories = [
  ['Albergues de Tapachula amplían su capacidad ante la llegada de familias', 'Organizaciones locales y autoridades de Tapachula, Chiapas, habilitaron 300 espacios más y un punto de orientación sobre trámites migratorios.'],
  ['Brigada de salud atiende a personas en tránsito en Flores, Petén', 'Equipos médicos recorrieron Flores y Santa Elena con vacunación, atención psicosocial y kits de higiene para familias que cruzan hacia el norte.'],
  ['Lluvias en Choluteca dejan a cientos de familias desplazadas', 'Las autoridades de Honduras abrieron seis albergues temporales en Choluteca y San Marcos de Colón mientras bajan los ríos.'],
  ['Nuevo centro de información para personas retornadas en San Salvador', 'El centro orienta sobre empleo, documentos y salud a quienes regresan al país, con apoyo de organizaciones de la sociedad civil.'],
  ['Capacitación sobre protección de la niñez migrante en Tecún Umán', 'Funcionarios de migración y de protección de la niñez de Guatemala y México compartieron protocolos en la frontera sur.'],
];

const fieldNotes = [
  ['Havana power cuts', 'Power cuts in La Habana and Santiago de Cuba.'],
  ['Ciudad Juárez shelters full', 'Shelters in Ciudad Juárez are full.'],
  ['San Salvador fair', 'A job fair in San Salvador for returnees.'],
  ['Tijuana waits', 'In Tijuana, families wait at the border.'],
  ['Darién crossings', 'Arrivals in Darién and Panamá continue.'],
  ['Rains in Managua', 'Heavy rains hit Managua and León.'],
  ['Tegucigalpa hub', 'A new information hub opened in Tegucigalpa.'],
  ['Flores health brigade', 'A health brigade reached families in Flores, Petén.'],
];

/** A fresh window in the given language with the feed added through Settings and its first item listed. */
const openWithFeed = async (browser: Awaited<ReturnType<typeof launchChromium>>, appUrl: string, options: { locale: string; feedUrl: string; firstId: string; urlLabel: string; addLabel: string }) => {
  const context = await browser.newContext({ locale: options.locale, viewport: { width: 1280, height: 800 }, colorScheme: 'light', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.locator('article[data-item-id]').first().waitFor();
  await openSettings(page);
  await page.getByLabel(options.urlLabel).fill(options.feedUrl);
  await page.getByRole('button', { name: options.addLabel }).click();
  await page.locator(`article[data-item-id="${options.firstId}"]`).waitFor();
  await closeSettings(page);
  return { context, page };
};

/** The map beside the list, in English, with the sample and a feed naming towns across the region. */
const mapShot = async (browser: Awaited<ReturnType<typeof launchChromium>>, appUrl: string) => {
  const feed = await startFeedServer({
    title: 'Regional Field Notes',
    items: fieldNotes.map(([title, text], index) => ({ id: `note-${index}`, title, content_text: text, date_published: new Date(newest - index * 20 * 3_600_000).toISOString() })),
  });
  try {
    const { context, page } = await openWithFeed(browser, appUrl, { locale: 'en-US', feedUrl: feed.url, firstId: 'note-0', urlLabel: 'Feed URL', addLabel: 'Add feed' });
    await page.getByRole('button', { name: 'Map' }).click();
    await page.getByRole('button', { name: /^Tijuana/ }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: join(out, 'map.png') });
    await context.close();
  } finally {
    await feed.close();
  }
};

const main = async () => {
  const feedFile = join(mkdtempSync(join(tmpdir(), 'field-news-shots-')), 'noticias.json');
  writeFileSync(feedFile, JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Noticias de la región',
    language: 'es',
    items: stories.map(([title, text], index) => ({
      id: `noticia-${index}`,
      title,
      content_text: text,
      date_published: new Date(newest - index * 26 * 3_600_000).toISOString(),
    })),
  }));
  const feed = await startFeedServer({ file: feedFile });
  const web = await startStaticServer(webBuildDir);
  const browser = await launchChromium();
  try {
    const { context, page } = await openWithFeed(browser, web.url, { locale: 'es-ES', feedUrl: feed.url, firstId: 'noticia-0', urlLabel: 'Dirección de la fuente', addLabel: 'Agregar fuente' });
    await page.locator('article[data-item-id="noticia-0"]').click();
    await page.locator('[data-reader-item-id="noticia-0"]').waitFor();
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: join(out, 'lector-es.png') });
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: join(out, 'atajos-es.png') });
    await context.close();
    await mapShot(browser, web.url);
    console.log(`Saved lector-es.png, atajos-es.png and map.png in ${out}`);
  } finally {
    await browser.close();
    await web.close();
    await feed.close();
  }
};

await main();
