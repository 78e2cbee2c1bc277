// Backup and restore in the web build: "Export my news" downloads one file, "Import news backup"
// brings every item back with its read state after the feed was removed, a foreign file changes
// nothing, and "Copy diagnostics" puts a report (no news text) on the clipboard.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { addFeed, articleIds, closeSettings, closeWebApp, openSettings, openWebApp, type WebApp } from './webApp';

let app: WebApp;
let server: FeedServer;
let backupFile: string;

const items = Array.from({ length: 6 }, (_, index) => ({
  id: `kept-${index + 1}`,
  title: `Kept report ${index + 1} from Tapachula`,
  content_text: `A secret field note number ${index + 1}.`,
  date_published: `2026-11-${String(index + 10).padStart(2, '0')}T09:00:00Z`,
}));

const chooseBackup = async (name: string, buffer: Buffer) => {
  const chooser = app.page.waitForEvent('filechooser');
  await app.page.getByRole('button', { name: 'Import news backup' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
};
const dataMessage = () => app.page.locator('.data-message').textContent();

beforeAll(async () => {
  server = await startFeedServer({ items, title: 'Kept News' });
  app = await openWebApp();
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await addFeed(app.page, server.url);
  await app.page.locator('article[data-item-id="kept-6"]').waitFor();
  await closeSettings(app.page);
  await app.page.locator('article[data-item-id="kept-6"]').click();
  await app.page.locator('article[data-item-id="kept-6"]:not(.news-card--unread)').waitFor();
  await openSettings(app.page);
  await app.page.getByText('Backup and diagnostics').click();
});
afterAll(async () => {
  await closeWebApp(app);
  await server.close();
});

describe('backup and restore', () => {
  it('exports every item into one downloaded file', async () => {
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Export my news' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^field-news-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupFile = await saved.path();
    const text = readFileSync(backupFile, 'utf8');
    expect(text).toContain('field-news-backup');
    expect(text).toContain('kept-6');
  });

  it('brings every item back, read state included, after the feed was removed', async () => {
    app.page.once('dialog', (dialog) => void dialog.accept());
    await app.page.getByText(/^Feeds \(/).click();
    await app.page.getByRole('button', { name: 'Remove Kept News' }).click();
    await expect.poll(async () => (await articleIds(app.page)).filter((id) => id?.startsWith('kept-')).length).toBe(0);
    await chooseBackup('backup.json', readFileSync(backupFile));
    await expect.poll(dataMessage).toMatch(/^Backup imported: 1 feed and 6 news items added/);
    await expect.poll(async () => (await articleIds(app.page)).filter((id) => id?.startsWith('kept-')).length).toBe(6);
    expect(await app.page.locator('article[data-item-id="kept-6"]').getAttribute('class')).not.toContain('unread');
    expect(await app.page.locator('article[data-item-id="kept-5"]').getAttribute('class')).toContain('unread');
  });

  it('imports the same file again without duplicates', async () => {
    await chooseBackup('backup.json', readFileSync(backupFile));
    await expect.poll(dataMessage).toMatch(/0 news items added, 0 updated, 16 already here/);
    expect((await articleIds(app.page)).filter((id) => id?.startsWith('kept-'))).toHaveLength(6);
  });

  it('refuses a file that is not a Field News backup, and changes nothing', async () => {
    const before = await articleIds(app.page);
    await chooseBackup('photo.json', Buffer.from('{"type":"FeatureCollection","features":[]}'));
    await expect.poll(dataMessage).toMatch(/not a Field News backup/i);
    expect(await articleIds(app.page)).toEqual(before);
  });
});

describe('diagnostics', () => {
  it('copies a report with the version, the feeds and the log, but no news text', async () => {
    await app.page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect.poll(dataMessage).toMatch(/^Diagnostics copied/);
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Field News');
    expect(copied).toContain(new URL(server.url).host);
    expect(copied).not.toContain('secret field note');
  });
});
