// Full articles saved at sync time and read offline, in the web build in Chromium: a summary-only
// RSS feed whose items link to real pages (Readability's test pages and a report of our own) is
// synced; the article server is stopped; after a reload each opened item shows its whole article
// and its picture from storage with no request; a consent wall keeps the teaser and says so; a feed
// set to "Never" fetches no page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../shared/pictures/pictureServer';
import { readCorpus, wordOverlap } from '../../scripts/articleCorpus';
import { startArticleServer, type ArticleServer } from '../../scripts/articleServer';
import { htmlToPlainText } from '../../shared/feed/htmlToPlainText';
import { consentWallPage, ownReportPage, ownReportSentence } from './articlePages';
import { addFeed, closeSettings, closeWebApp, openSettings, openWebApp, type WebApp } from './webApp';

/** Readability test pages whose expected text Field News is checked against. */
const corpus = ['wikipedia', 'mozilla-1', 'lwn-1'];

let app: WebApp;
let server: ArticleServer;
let neverServer: ArticleServer;

const savedPictureUrls = () =>
  app.page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const request = open.result.transaction('pictures').objectStore('pictures').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { url: string }[]).map(({ url }) => url));
          };
        };
      }),
  );

const savedArticles = () =>
  app.page.evaluate(
    () =>
      new Promise<{ itemKey: string; status: string; feedUrl: string }[]>((resolve, reject) => {
        const open = indexedDB.open('field-news');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { itemKey: string; status: string; feedUrl: string }[]).map(({ itemKey, status, feedUrl }) => ({ itemKey, status, feedUrl })));
          };
        };
      }),
  );

const openItem = async (title: string) => {
  await closeSettings(app.page);
  await app.page.locator('article[data-item-id]', { hasText: title }).first().click();
  await app.page.locator('.reader-title', { hasText: title }).waitFor();
};
const readerText = async () => (await app.page.locator('.reader-body').textContent()) ?? '';

beforeAll(async () => {
  server = await startArticleServer({
    items: [
      ...corpus.map((name) => ({ page: `/articles/${name}/`, title: `Report ${name}`, teaser: 'Two lines of it.' })),
      { page: '/articles/own-report/', title: 'Flood report from Tapachula', teaser: 'The river rose overnight.' },
      { page: '/articles/consent-wall/', title: 'Behind a consent wall', teaser: 'Only a teaser here.' },
    ],
    ownPages: { '/articles/own-report/': ownReportPage, '/articles/consent-wall/': consentWallPage },
    pictures: { '/pictures/river.png': makePng(640, 320, 6, 2) },
  });
  neverServer = await startArticleServer({ items: [{ page: '/articles/own-report/', title: 'A report never fetched', teaser: 'Teaser.' }], ownPages: { '/articles/own-report/': ownReportPage } });
  app = await openWebApp();
  await app.page.locator('article[data-item-id]').first().waitFor();
  await addFeed(app.page, server.feedUrl);
  // Saved, or refused, once the sync's round of articles ends.
  for (let tries = 0; (await savedArticles()).filter((record) => record.status !== 'waiting').length < corpus.length + 2; tries += 1) {
    if (tries > 240) throw new Error(`The articles were not saved in time: ${JSON.stringify(await savedArticles())}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  // The report's picture goes through the picture queue once its article is saved.
  for (let tries = 0; !(await savedPictureUrls()).some((url) => url.endsWith('/pictures/river.png')); tries += 1) {
    if (tries > 240) throw new Error(`The article's picture was not saved in time: ${JSON.stringify(await savedPictureUrls())}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}, 180_000);
afterAll(async () => {
  await closeWebApp(app);
  await server.close();
  await neverServer.close();
});

describe('full articles', () => {
  it('saves the article of every teaser that has one, and refuses the consent wall', async () => {
    const records = await savedArticles();
    expect(records.filter((record) => record.status === 'saved')).toHaveLength(corpus.length + 1);
    expect(records.filter((record) => record.status === 'not-an-article').map((record) => record.itemKey)).toEqual([expect.stringContaining('/articles/consent-wall/')]);
  });

  it('shows the whole report and its picture from storage after the site is gone, asking the network for nothing', async () => {
    // The other articles' pictures are saved behind the one this test reads: once the status line has
    // said nothing of articles or pictures for two seconds, what follows the reload is the reader's.
    let quietSince = Date.now();
    while (Date.now() - quietSince < 2_000) {
      if (/Saving (articles|pictures)/.test((await app.page.getByRole('status').textContent()) ?? '')) quietSince = Date.now();
      await new Promise((done) => setTimeout(done, 200));
    }
    await server.close();
    const outside: string[] = [];
    app.page.on('request', (request) => {
      if (!request.url().startsWith(app.server.url) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await app.page.reload();
    await app.page.locator('article[data-item-id]').first().waitFor();
    await openItem('Flood report from Tapachula');
    await expect.poll(readerText).toContain(ownReportSentence);
    await expect.poll(() => app.page.getByText('Full article saved from River Desk').count()).toBe(1);
    await expect.poll(() => app.page.locator('.reader-body img').first().getAttribute('src')).toMatch(/^blob:/);
    expect(await app.page.locator('.reader-body script, .reader-body iframe').count()).toBe(0);
    // The feed's own version is one click away, and back.
    await app.page.getByRole('button', { name: 'Show the feed’s version' }).click();
    await expect.poll(readerText).not.toContain(ownReportSentence);
    await app.page.getByRole('button', { name: 'Show the full article' }).click();
    await expect.poll(readerText).toContain(ownReportSentence);
    // The start-up sync asks for the feed (its site is gone); reading the article asks for nothing.
    expect(outside.filter((url) => !url.endsWith('/feed.xml'))).toEqual([]);
  });

  it.each(corpus)('shows the text Readability expects of %s', async (name) => {
    await openItem(`Report ${name}`);
    const expected = readCorpus().find((page) => page.name === name)?.expectedHtml ?? '';
    await expect.poll(async () => (await readerText()).length).toBeGreaterThan(500);
    expect(wordOverlap(htmlToPlainText(expected), await readerText()).kept).toBeGreaterThan(0.9);
  });

  it('keeps the teaser of a page without an article, and says so', async () => {
    await openItem('Behind a consent wall');
    await expect.poll(readerText).toContain('Only a teaser here.');
    await expect.poll(() => app.page.getByText('The full article could not be saved: the site sent a page without it.').count()).toBe(1);
    expect(await readerText()).not.toContain('cookies');
  });

  it('finds a report by a town named only in its saved article', async () => {
    await app.page.getByRole('searchbox', { name: 'Search' }).fill('Huehuetenango');
    await expect.poll(async () => app.page.locator('article[data-item-id]', { hasText: 'Flood report from Tapachula' }).count(), { timeout: 20_000 }).toBe(1);
    await app.page.getByRole('searchbox', { name: 'Search' }).fill('');
  });

  it('fetches no page for a feed set to "Never"', async () => {
    await app.context.setOffline(true);
    await addFeed(app.page, neverServer.feedUrl);
    await app.page.getByText(/^Feeds \(/).click();
    await app.page.getByRole('combobox', { name: `Full articles of ${new URL(neverServer.feedUrl).host}` }).selectOption('never');
    await app.context.setOffline(false);
    await closeSettings(app.page);
    await app.page.getByRole('button', { name: 'Sync now' }).click();
    await app.page.locator('article[data-item-id]', { hasText: 'A report never fetched' }).waitFor();
    // The run has ended (the first feed's site is gone by now, so the status names its failure).
    await expect.poll(() => app.page.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
    expect(neverServer.requests).toContain('/feed.xml');
    expect(neverServer.requests.filter((path) => path.startsWith('/articles/'))).toEqual([]);
    expect((await savedArticles()).filter((record) => record.feedUrl === neverServer.feedUrl)).toEqual([]);
    await openSettings(app.page);
  });
});
