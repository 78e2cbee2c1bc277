import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFeedPath } from '../../scripts/sampleFeed';
import { articleIds, closeWebApp, openWebApp, type WebApp } from './webApp';

const sample = JSON.parse(readFileSync(sampleFeedPath, 'utf8')) as { items: { id: string }[] };
const id = (prefix: string) => sample.items.find((item) => item.id.startsWith(prefix))!.id;
const tapachula = id('2021-07-01');
const peten = id('2021-06-18');
const women = id('2021-06-28-iom-presents');
const costaRica = [id('2021-07-07'), id('2021-06-28-costa-rica')];
const panama = id('2021-06-21-iom-panama');
const salvador = id('2021-07-02');
const honduras = id('2021-06-25');

let app: WebApp;
const searchField = () => app.page.getByRole('searchbox', { name: /Search/ });

/** Types the query as a person would, letter by letter, and waits for the list to settle. */
const resultsFor = async (query: string): Promise<(string | null)[]> => {
  await searchField().fill('');
  await searchField().pressSequentially(query, { delay: 15 });
  await expect.poll(() => app.page.locator('.search-summary').textContent()).toMatch(/found|No saved news/);
  let previous: string[] = [];
  await expect
    .poll(async () => {
      const now = (await articleIds(app.page)).map(String);
      const settled = now.join() === previous.join();
      previous = now;
      return settled;
    })
    .toBe(true);
  return articleIds(app.page);
};

beforeAll(async () => {
  app = await openWebApp();
  await app.page.locator('article[data-item-id]').nth(9).waitFor();
});
afterAll(() => closeWebApp(app));

describe('search by place in the web build', () => {
  it.each([
    ['tapachla', tapachula],
    ['cuidad juarez', tapachula],
    ['tijuna', tapachula],
    ['peten', peten],
    ['Petén', peten],
    ['melchor de mencos', peten],
    ['la libertad', peten],
    ['Guatemala', peten],
    ['panama', panama],
    ['salvadoran municipalities', salvador],
    ['el salvador', salvador],
    ['honduras', honduras],
  ])('"%s" puts the expected item first', async (query, expected) => {
    expect((await resultsFor(query))[0]).toBe(expected);
  });

  it.each([
    ['costa rica', costaRica],
    ['chiapas', [women, tapachula]],
    ['mexico', [women, tapachula]],
  ])('"%s" finds exactly its items', async (query, expected) => {
    expect((await resultsFor(query)).sort()).toEqual([...expected].sort());
  });

  it('marks "Tapachula" in the result for "tapachla", and "Petén" in the result for "Guatemala"', async () => {
    await resultsFor('tapachla');
    expect(await app.page.locator(`article[data-item-id="${tapachula}"] mark`).first().textContent()).toBe('Tapachula');
    await resultsFor('Guatemala');
    expect(await app.page.locator(`article[data-item-id="${peten}"] mark`).allTextContents()).toContain('Petén');
  });

  it('asks for a few more letters after one, instead of saying nothing matches', async () => {
    await searchField().fill('');
    await searchField().pressSequentially('t', { delay: 15 });
    await expect.poll(() => app.page.locator('.search-summary').textContent()).toBe('Type a few more letters, or choose a place from the list.');
  });

  it('says so when nothing matches "Tokyo", without failing', async () => {
    expect(await resultsFor('Tokyo')).toEqual([]);
    expect(await app.page.locator('.search-summary').textContent()).toMatch(/No saved news matches “Tokyo”/);
    expect(app.pageErrors).toEqual([]);
  });

  it('turns a picked suggestion into a place chip that survives a restart', async () => {
    await searchField().fill('');
    await searchField().pressSequentially('chiapas', { delay: 15 });
    const suggestion = app.page.getByRole('option', { name: /^Chiapas — Mexico/ });
    await suggestion.click();
    await expect.poll(async () => (await articleIds(app.page)).sort()).toEqual([women, tapachula].sort());
    await app.page.reload();
    await expect.poll(() => app.page.locator('.chip').textContent(), { timeout: 15_000 }).toMatch(/Chiapas/);
    await expect.poll(async () => (await articleIds(app.page)).sort(), { timeout: 15_000 }).toEqual([women, tapachula].sort());
    await app.page.getByRole('button', { name: /Remove filter Chiapas/ }).click();
    await expect.poll(async () => (await articleIds(app.page)).length).toBe(10);
  });

  it('narrows by date, alone and with a place', async () => {
    await app.page.getByLabel('From', { exact: true }).fill('2021-06-28');
    await app.page.getByLabel('To', { exact: true }).fill('2021-07-01');
    await expect.poll(async () => (await articleIds(app.page)).length).toBe(3);
    expect((await resultsFor('mexico')).sort()).toEqual([women, tapachula].sort());
    await app.page.getByLabel('From', { exact: true }).fill('2021-06-30');
    await expect.poll(() => articleIds(app.page)).toEqual([tapachula]);
  });

  it('answers after a restart from the indexes the search worker saved in IndexedDB, not from every item read again', async () => {
    /** What the page's database holds: the saved indexes' items, and the log lines of the search worker. */
    const stored = () =>
      app.page.evaluate(async () => {
        const opening = indexedDB.open('field-news');
        const db = await new Promise<IDBDatabase>((resolve) => (opening.onsuccess = () => resolve(opening.result)));
        const read = (store: string, query?: IDBValidKey) =>
          new Promise<unknown>((resolve) => {
            const tx = db.transaction(store).objectStore(store);
            const request = query === undefined ? tx.getAll() : tx.get(query);
            request.onsuccess = () => resolve(request.result);
          });
        const saved = (await read('searchIndex', 'saved')) as { words?: { keys?: string[] } } | undefined;
        const logs = (await read('logs')) as { scope: string; message: string }[];
        db.close();
        return { savedItems: saved?.words?.keys?.length ?? 0, readBack: logs.filter((line) => line.scope === 'search' && line.message.startsWith('indexes read back')).length };
      });
    await expect.poll(async () => (await stored()).savedItems, { timeout: 15_000 }).toBe(10);
    const before = (await stored()).readBack;
    await app.page.reload();
    await app.page.locator('article[data-item-id]').nth(9).waitFor();
    expect((await resultsFor('tapachla'))[0]).toBe(tapachula);
    await expect.poll(async () => (await stored()).readBack, { timeout: 15_000 }).toBe(before + 1);
    expect(app.pageErrors).toEqual([]);
  });
});
