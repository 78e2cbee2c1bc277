// What a backup may change besides news: no choice that removes news or pictures, no edit dated
// after the backup, no feed address other than its normal form. Each through the whole import.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsItemKeyText } from '../../../../shared/feed/newsItem';
import { userMessage } from '../../../../shared/i18n/userMessage';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { retentionSettingKey } from '../../../../renderer/db/retention';
import { importBackupInto, importSummaryMessages } from '../../../../renderer/window/backup/backupImport';
import { runRetentionOnce } from '../../../../renderer/window/reader/retentionService';
import { browserLikeLocks } from '../../../fixtures/webLocks';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';

const rethrow = (thrown: unknown): never => {
  throw thrown;
};

const exportedAt = '2026-11-28T10:00:00.000Z';
const clock = () => new Date('2026-12-01T00:00:00.000Z');
const feed = { url: 'https://news.example.org/feed.json', title: 'Regional news', addedAt: '2026-01-01T00:00:00.000Z', folder: null };
const item = (id: string, overrides: Record<string, unknown> = {}) => ({
  feedUrl: feed.url,
  id,
  title: `Item ${id}`,
  url: null,
  contentText: `Text of ${id}`,
  contentHtml: null,
  summary: null,
  datePublished: '2026-01-15T00:00:00Z',
  dateModified: null,
  tags: [],
  read: false,
  starred: false,
  firstSeenAt: '2026-01-16T00:00:00.000Z',
  ...overrides,
});
const backupFile = (parts: { feeds?: unknown[]; settings?: unknown[]; items?: unknown[] }) =>
  new Blob([JSON.stringify({ format: 'field-news-backup', version: 1, exportedAt, app: { version: '0.1.0' }, feeds: [feed], settings: [], items: [], ...parts })]);

let db: FieldNewsDb;
beforeEach(async () => {
  db = new FieldNewsDb('backup-guards', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});
afterEach(() => db.close());

describe('a backup changes settings only where that removes nothing', () => {
  it('leaves "Keep news" at Everything, so the next retention run removes nothing, and says so', async () => {
    const file = backupFile({
      items: [item('old', { datePublished: '2024-01-01T00:00:00Z' })],
      settings: [
        { key: retentionSettingKey, value: 'threeMonths' },
        { key: 'pictures.budgetMegabytes', value: '10' },
        { key: 'language', value: 'es' },
        { key: 'databaseId', value: 'the-other-laptop' },
      ],
    });
    const imported = await importBackupInto(db, file, { clock, onWriteFailure: rethrow });
    expect(imported).toEqual({ ok: true, value: { feedsAdded: 1, itemsAdded: 1, itemsUpdated: 0, itemsUnchanged: 0, articlesAdded: 0, settingsKeptHere: 2 } });
    expect(await db.settings.toArray()).toEqual([{ key: 'language', value: 'es' }]);
    expect(await runRetentionOnce({ db, locks: browserLikeLocks().locks, now: clock, log: () => undefined })).toEqual({ removed: 0, busyFeeds: [] });
    expect(await db.items.count()).toBe(1);
    if (imported.ok) {
      expect(importSummaryMessages(imported.value)).toEqual([
        userMessage('data.imported', { feeds: 1, items: 1, updated: 0, unchanged: 0 }),
        userMessage('data.importedSettingsKept'),
      ]);
    }
  });

  it('says nothing of settings when the file has none that remove news or pictures', async () => {
    const imported = await importBackupInto(db, backupFile({ settings: [{ key: 'theme', value: 'dark' }] }), { clock, onWriteFailure: rethrow });
    expect(imported).toMatchObject({ ok: true, value: { settingsKeptHere: 0 } });
    if (imported.ok) expect(importSummaryMessages(imported.value).map((message) => message.id)).toEqual(['data.imported']);
  });
});

describe('a backup item dated after the backup', () => {
  it('is read as of the backup, so the feed can still correct it', async () => {
    const planted = item('a', { contentText: 'Planted.', dateModified: '9999-12-31T00:00:00Z', firstSeenAt: '9999-12-31T00:00:00.000Z' });
    expect(await importBackupInto(db, backupFile({ items: [planted] }), { clock, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 1 } });
    expect(await db.items.get([feed.url, 'a'])).toMatchObject({ dateModified: exportedAt, firstSeenAt: exportedAt });

    const correction = plainFeedItem('a', '2026-01-15T00:00:00Z', { contentText: 'Corrected by the feed.', dateModified: '2026-11-30T00:00:00Z' });
    await createNewsRepository(db).storeFeedPage({ url: feed.url, title: feed.title, builtIn: false }, feedPageOf([correction]));
    expect(await db.items.get([feed.url, 'a'])).toMatchObject({ contentText: 'Corrected by the feed.' });
  });
});

describe('a backup feed address', () => {
  it('is stored in its normal form, with its items under it', async () => {
    const written = 'https://news.example.org/\nfeed.json';
    const file = backupFile({ feeds: [{ ...feed, url: written }], items: [item('a', { feedUrl: written })] });
    expect(await importBackupInto(db, file, { clock, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { feedsAdded: 1, itemsAdded: 1 } });
    expect(await db.feeds.toCollection().primaryKeys()).toEqual([feed.url]);
    const stored = await db.items.toArray();
    expect(stored.map((each) => newsItemKeyText(each))).toEqual([`${feed.url}\na`]);
    expect(await db.feeds.get(feed.url)).toMatchObject({ itemCount: 1 });
  });
});
