import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCaps, type BackupCaps } from '../../../../shared/backup/backupFormat';
import { errorMessages } from '../../../../shared/errorMessages';
import type { FeedItem } from '../../../../shared/feed/feedItem';
import { sampleFeedKey } from '../../../../shared/feed/sampleFeed';
import { writeBackup } from '../../../../renderer/window/backup/backupWriter';
import { importBackupInto, type BackupImportProgress } from '../../../../renderer/window/backup/backupImport';
import { FieldNewsDb, storedNewsItem } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import type { UserMessage } from '../../../../shared/i18n/userMessage';

/** A write failure no test here expects: it fails the test with the error itself. */
const rethrow = (thrown: unknown): never => {
  throw thrown;
};

const feeds = [
  { url: 'https://news.example.org/feed.json', title: 'Regional news', builtIn: false },
  { url: 'https://other.example.net/feed.json', title: 'Other news', builtIn: false },
  { url: sampleFeedKey, title: 'IOM Regional News', builtIn: true },
];

const feedItem = (index: number, overrides: Partial<FeedItem> = {}): FeedItem => ({
  id: `item-${index}`,
  title: `News ${index} from Tapachula, "quoted" \\ and ünïcode`,
  url: `https://news.example.org/items/${index}`,
  contentText: index % 3 === 0 ? null : `Text of item ${index}.\nSecond line.`,
  contentHtml: index % 3 === 0 ? `<p>Item ${index} in <b>HTML</b></p>` : null,
  summary: index % 5 === 0 ? `Summary ${index}` : null,
  datePublished: index % 7 === 0 ? null : new Date(Date.UTC(2021, 0, 1) + index * 60_000).toISOString(),
  dateModified: index % 4 === 0 ? '2021-06-01T00:00:00Z' : null,
  tags: index % 2 === 0 ? ['Mexico', 'Chiapas'] : [],
  authors: index % 6 === 0 ? ['Ana Pérez'] : [],
  imageUrl: index % 8 === 0 ? `https://news.example.org/img/${index}.jpg` : null,
  point: index % 9 === 0 ? { latitude: 14.9, longitude: -92.26 } : null,
  ...overrides,
});

const openDb = async (name: string) => {
  const db = new FieldNewsDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
};

/** Fills `db` with `count` items spread over the three feeds, some read, some starred, and a few settings. */
const fill = async (db: FieldNewsDb, count: number) => {
  const repository = createNewsRepository(db, () => new Date('2026-02-01T00:00:00.000Z'));
  const perFeed = Math.ceil(count / feeds.length);
  for (const [feedIndex, source] of feeds.entries()) {
    for (let start = 0; start < perFeed && feedIndex * perFeed + start < count; start += 1_000) {
      const end = Math.min(start + 1_000, perFeed, count - feedIndex * perFeed);
      const items = Array.from({ length: end - start }, (_, offset) => feedItem(start + offset));
      await repository.storeFeedPage(source, { title: source.title, homePageUrl: null, feedUrl: null, nextUrl: null, format: 'json-feed', language: null, items, droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 } });
    }
  }
  await db.items.toCollection().modify((item, ref) => {
    const index = Number(item.id.slice('item-'.length));
    // Written around the repository, so the record's view keys are set here as the repository sets them.
    ref.value = storedNewsItem({ ...item, read: index % 3 === 1, starred: index % 10 === 3 });
  });
  await db.feeds.update(feeds[1]!.url, { folder: 'Central America', lastSyncAt: '2026-02-02T00:00:00.000Z', failures: 2 });
  await repository.writeSetting('syncIntervalMinutes', '45');
  await repository.writeSetting('placeFilter', '["mx-chiapas"]');
};

/** Everything a person can see of the stored news (sync state is the laptop's own, not part of a backup). */
const contents = async (db: FieldNewsDb) => ({
  items: await db.items.toArray(),
  feeds: (await db.feeds.toArray()).map(({ url, title, builtIn, addedAt, folder, itemCount }) => ({ url, title, builtIn, addedAt, folder, itemCount })),
  settings: await db.settings.toArray(),
});

const everything = async (db: FieldNewsDb) => ({ items: await db.items.toArray(), feeds: await db.feeds.toArray(), settings: await db.settings.toArray(), logs: await db.logs.toArray() });

let source: FieldNewsDb;
let target: FieldNewsDb;
beforeEach(async () => {
  source = await openDb('backup-source');
  target = await openDb('backup-target');
});
afterEach(() => {
  source.close();
  target.close();
});

describe('export and import of 10,000 items', () => {
  it('gives back the same news after a wipe, and adds nothing when imported twice', async () => {
    const started = performance.now();
    await fill(source, 10_000);
    const exportProgress: number[] = [];
    const blob = await writeBackup(source, { appVersion: '0.1.0', onProgress: (progress) => exportProgress.push(progress.itemsWritten) });
    expect(exportProgress.at(-1)).toBe(10_000);

    const before = await contents(source);
    // Wipe: a new laptop, or a database lost to a broken disk.
    await source.transaction('rw', source.items, source.feeds, source.settings, () => Promise.all([source.items.clear(), source.feeds.clear(), source.settings.clear()]));
    expect(await source.items.count()).toBe(0);

    const progress: BackupImportProgress[] = [];
    const first = await importBackupInto(source, blob, { onProgress: (step) => progress.push(step), onWriteFailure: rethrow });
    expect(first).toEqual({ ok: true, value: { feedsAdded: 3, itemsAdded: 10_000, itemsUpdated: 0, itemsUnchanged: 0, articlesAdded: 0, settingsKeptHere: 0 } });
    expect(await contents(source)).toEqual(before);
    expect(progress.at(-1)).toEqual({ phase: 'writing', itemsWritten: 10_000, itemsTotal: 10_000 });
    expect(progress.some((step) => step.phase === 'checking' && step.bytesRead === blob.size)).toBe(true);

    const second = await importBackupInto(source, blob, { onWriteFailure: rethrow });
    expect(second).toEqual({ ok: true, value: { feedsAdded: 0, itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 10_000, articlesAdded: 0, settingsKeptHere: 0 } });
    expect(await contents(source)).toEqual(before);
    // A new feed from a backup starts with fresh sync state: its next sync fetches it whole.
    expect(await source.feeds.get(feeds[1]!.url)).toMatchObject({ lastSyncAt: null, failures: 0, pageValidators: {} });
    console.info(`backup of 10,000 items: ${blob.size.toLocaleString('en')} bytes; round trip in ${Math.round(performance.now() - started)} ms (fake-indexeddb)`);
  }, 120_000);
});

describe('import into a database that has moved on', () => {
  it('keeps newer edits here, takes newer ones from the backup, and never drops a flag', async () => {
    await fill(source, 30);
    const blob = await writeBackup(source);
    await fill(target, 30);
    const [url] = [feeds[0]!.url];
    // Here: item-0 was corrected later than the backup's copy; item-1 (read in the backup) is unread here but starred.
    const repository = createNewsRepository(target);
    const page = (items: FeedItem[]) => ({ title: 'Regional news', homePageUrl: null, feedUrl: null, nextUrl: null, format: 'json-feed' as const, language: null, items, droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 } });
    await repository.storeFeedPage(feeds[0]!, page([feedItem(0, { contentText: 'Corrected here.', dateModified: '2030-01-01T00:00:00Z' })]));
    await target.items.update([url, 'item-1'], { read: false, starred: true });
    // In the backup: item-2 was corrected later than the copy here.
    await source.items.update([url, 'item-2'], { contentText: 'Corrected in the backup.', dateModified: '2030-01-01T00:00:00Z' });
    await target.feeds.update(url, { folder: null, title: '' });
    await target.settings.put({ key: 'syncIntervalMinutes', value: '120' });
    await target.items.delete([url, 'item-5']);
    await target.feeds.update(url, { itemCount: 9 });

    const result = await importBackupInto(target, await writeBackup(source), { onWriteFailure: rethrow });
    expect(result).toMatchObject({ ok: true, value: { feedsAdded: 0, itemsAdded: 1 } });
    expect(await target.items.get([url, 'item-0'])).toMatchObject({ contentText: 'Corrected here.' });
    expect(await target.items.get([url, 'item-1'])).toMatchObject({ read: true, starred: true });
    expect(await target.items.get([url, 'item-2'])).toMatchObject({ contentText: 'Corrected in the backup.', placesVersion: '' });
    expect(await target.items.get([url, 'item-5'])).toBeDefined();
    expect(await target.feeds.get(url)).toMatchObject({ title: 'Regional news', itemCount: 10 });
    // The laptop's own sync state stays.
    expect(await target.feeds.get(feeds[1]!.url)).toMatchObject({ folder: 'Central America', lastSyncAt: '2026-02-02T00:00:00.000Z', failures: 2 });
    expect(await target.settings.get('syncIntervalMinutes')).toEqual({ key: 'syncIntervalMinutes', value: '120' });
    expect(await target.items.count()).toBe(30);
    void blob;
  });

  it('reads a backup saved with a byte-order mark or re-indented by another tool', async () => {
    await fill(source, 12);
    const text = await (await writeBackup(source)).text();
    const reindented = JSON.stringify(JSON.parse(text), null, 2);
    const withBom = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), reindented]);
    expect(await importBackupInto(target, withBom, { onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 12 } });
    expect(await contents(target)).toEqual(await contents(source));
  });

  it('merges repeated items of one file into one, counted once', async () => {
    await fill(source, 6);
    const text = await (await writeBackup(source)).text();
    const parsed = JSON.parse(text) as { items: { read: boolean }[] };
    const doubled = JSON.stringify({ ...parsed, items: [...parsed.items, ...parsed.items.map((item) => ({ ...item, read: true }))] });
    const result = await importBackupInto(target, new Blob([doubled]), { batchSize: 4, onWriteFailure: rethrow });
    expect(result).toMatchObject({ ok: true, value: { itemsAdded: 6 } });
    expect(await target.items.count()).toBe(6);
    expect((await target.items.toArray()).every((item) => item.read)).toBe(true);
    expect((await target.feeds.toArray()).map((feed) => feed.itemCount)).toEqual([2, 2, 2]);
  });
});

describe('a file that is not a good backup changes nothing', () => {
  const refused = async (file: Blob, error: UserMessage, caps: BackupCaps = backupCaps) => {
    const before = await everything(target);
    expect(await importBackupInto(target, file, { caps, onWriteFailure: rethrow })).toEqual({ ok: false, error });
    expect(await everything(target)).toEqual(before);
  };

  it('refuses corrupt, foreign, truncated, too new, damaged and huge files', async () => {
    await fill(source, 40);
    await fill(target, 10);
    const text = await (await writeBackup(source)).text();
    await refused(new Blob(['not a backup at all']), errorMessages.backupNotJson);
    await refused(new Blob([new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])]), errorMessages.backupNotJson);
    await refused(new Blob([JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [] })]), errorMessages.backupNotFieldNews);
    await refused(new Blob([text.slice(0, Math.floor(text.length * 0.9))]), errorMessages.backupCutShort);
    await refused(new Blob([text.replace('"version":1', '"version":7')]), errorMessages.backupNewerVersion(7));
    const position = text.slice(0, text.indexOf('"id":"item-12"')).split('"feedUrl"').length - 1;
    expect(position).toBeGreaterThan(1);
    await refused(new Blob([text.replace('"id":"item-12"', '"id":12')]), errorMessages.backupDamagedEntry('items', position));
    // The last item is damaged: every item before it was checked and would have been written first.
    const lastRead = text.lastIndexOf('"read":');
    await refused(new Blob([`${text.slice(0, lastRead)}"read":"perhaps"${text.slice(text.indexOf(',', lastRead))}`]), errorMessages.backupDamagedEntry('items', 40));
    await refused(new Blob([text]), errorMessages.backupFileTooLarge(0), { ...backupCaps, fileBytes: 1_000 });
    await refused(new Blob([text]), errorMessages.backupTooLarge(39, 2_048), { ...backupCaps, items: 39 });
  });

  it('answers random JSON with a clear message and leaves the database alone', async () => {
    await fill(target, 5);
    const before = await everything(target);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify({ format: 'field-news-backup', version: 1, items: [value] })),
          fc.uint8Array({ maxLength: 300 }),
        ),
        async (content) => {
          const result = await importBackupInto(target, new Blob([content]), { onWriteFailure: rethrow });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.id).toMatch(/^error\.backup/);
        },
      ),
      { numRuns: 200 },
    );
    expect(await everything(target)).toEqual(before);
  });
});

describe('a file that changes while it is read', () => {
  it('stops, keeps what was imported, and says importing again finishes it', async () => {
    await fill(source, 30);
    const text = await (await writeBackup(source)).text();
    /** The file as a USB stick gives it: whole the first time, cut short the second. */
    class FailingSecondRead extends Blob {
      reads = 0;
      override stream() {
        this.reads += 1;
        return this.reads === 1 ? super.stream() : new Blob([text.slice(0, text.lastIndexOf('"feedUrl"') - 2)]).stream();
      }
    }
    const file = new FailingSecondRead([text]);
    expect(await importBackupInto(target, file, { batchSize: 10, onWriteFailure: rethrow })).toEqual({ ok: false, error: errorMessages.backupStoppedReading });
    expect(await target.items.count()).toBe(20);
    expect(await importBackupInto(target, new Blob([text]), { batchSize: 10, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 10, itemsUnchanged: 20 } });
    expect(await contents(target)).toEqual(await contents(source));
  });

  it('refuses a file that is no backup at its first bytes, without reading the rest', async () => {
    const progress: BackupImportProgress[] = [];
    // Many parts, so that the file arrives in many pieces (Node streams a Blob a part at a time).
    const file = new Blob(['<html>', ...Array.from({ length: 100 }, () => 'x'.repeat(20_000)), '</html>']);
    expect(await importBackupInto(target, file, { onProgress: (step) => progress.push(step), onWriteFailure: rethrow })).toEqual({ ok: false, error: errorMessages.backupNotJson });
    const last = progress.at(-1);
    expect(last?.phase === 'checking' && last.bytesRead < file.size).toBe(true);
  });
});

describe('a failure while writing', () => {
  it('keeps the batches written before it and says importing again finishes the job', async () => {
    await fill(source, 30);
    const blob = await writeBackup(source);
    const original = target.items.bulkPut.bind(target.items);
    let calls = 0;
    target.items.bulkPut = ((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 3) return Promise.reject(new Error('QuotaExceededError'));
      return original(...args);
    }) as typeof original;
    const failures: unknown[] = [];
    expect(await importBackupInto(target, blob, { batchSize: 10, onWriteFailure: (thrown) => failures.push(thrown) })).toEqual({ ok: false, error: errorMessages.backupNotSaved });
    expect(failures).toEqual([new Error('QuotaExceededError')]);
    expect(await target.items.count()).toBe(20);
    target.items.bulkPut = original;
    expect(await importBackupInto(target, blob, { batchSize: 10, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 10, itemsUnchanged: 20 } });
    expect(await contents(target)).toEqual(await contents(source));
  });
});
