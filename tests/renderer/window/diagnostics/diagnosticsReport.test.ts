import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldNewsBridge, MainDiagnostics } from '../../../../shared/bridge';
import type { FeedItem } from '../../../../shared/feed/feedItem';
import { sampleFeedKey } from '../../../../shared/feed/sampleFeed';
import { fail, succeed, type Result } from '../../../../shared/result';
import { collectDiagnosticsFrom, type DiagnosticsSources } from '../../../../renderer/window/diagnostics/diagnosticsReport';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { errorMessages } from '../../../../shared/errorMessages';
import type { UserMessage } from '../../../../shared/i18n/userMessage';

const secretText = 'Testimony of a family crossing at Tecún Umán';
const item = (index: number): FeedItem => ({
  id: `item-${index}`,
  title: `${secretText} ${index}`,
  url: null,
  contentText: secretText,
  contentHtml: null,
  summary: secretText,
  datePublished: '2021-06-18T12:00:00Z',
  dateModified: null,
  tags: ['private-tag'],
  authors: [],
  imageUrl: null,
  point: null,
});

const shell: MainDiagnostics = {
  version: '0.1.0',
  shell: 'electron',
  electronVersion: '45.5.0',
  chromeVersion: '140.0.7339.41',
  os: { platform: 'win32', release: '10.0.22631', arch: 'x64' },
  dataFolder: 'C:\\Users\\ana\\AppData\\Roaming\\Field News',
  logLines: ['2026-11-28T09:00:00.000Z [warn] (sync) news.example.org: the server answered 503'],
};

/** A bridge is an interface: this one answers as a desktop app would. */
const fakeBridge = (diagnostics: Result<MainDiagnostics, UserMessage> = succeed(shell)): DiagnosticsSources['bridge'] => ({
  getDiagnostics: () => Promise.resolve(diagnostics),
  getAppInfo: () => Promise.resolve(succeed({ name: 'Field News', version: '0.1.0', shell: 'web', platform: 'Linux x86_64', electronVersion: null, chromeVersion: null, dataFolder: null })),
});

let db: FieldNewsDb;
beforeEach(async () => {
  db = new FieldNewsDb('diagnostics-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const repository = createNewsRepository(db, () => new Date('2026-02-01T00:00:00.000Z'));
  const page = (items: FeedItem[], title: string) => ({ title, homePageUrl: null, feedUrl: null, nextUrl: null, format: 'json-feed' as const, language: null, items, droppedItems: { withoutId: 0, withoutContent: 0, notAnObject: 0, repeatedId: 0 } });
  await repository.storeFeedPage({ url: 'https://news.example.org/feed.json?key=private-token', title: 'Regional news', builtIn: false }, page([0, 1, 2, 3].map(item), 'Regional news'));
  await repository.storeFeedPage({ url: sampleFeedKey, title: 'IOM Regional News', builtIn: true }, page([4, 5].map(item), 'IOM Regional News'));
  await repository.markRead(['https://news.example.org/feed.json?key=private-token', 'item-0']);
  await repository.setStarred(['https://news.example.org/feed.json?key=private-token', 'item-1'], true);
  await repository.recordSyncFailure('https://news.example.org/feed.json?key=private-token', { error: errorMessages.fetchHttpStatus(503), gone: false, failures: 3, nextAttemptAt: Date.parse('2026-02-01T01:00:00.000Z') });
  await db.feeds.update('https://news.example.org/feed.json?key=private-token', { walkResume: { pageUrl: 'https://news.example.org/feed.json?page=3&key=private-token', pageNumber: 3, savedAt: '2026-02-01T00:30:00.000Z' } });
  await db.items.where('[feedUrl+id]').equals([sampleFeedKey, 'item-4']).modify({ placesVersion: 'g1' });
});
afterEach(() => db.close());

const now = () => new Date('2026-11-28T10:00:00.000Z');

describe('the diagnostics report', () => {
  it('names the app, the counts, each feed state and the log, for support to read', async () => {
    const report = await collectDiagnosticsFrom({ db, bridge: fakeBridge(), now, estimateStorage: () => Promise.resolve({ usage: 12.5 * 1024 ** 2, quota: 2048 * 1024 ** 2 }) });
    expect(report).toContain('Field News diagnostics — 2026-11-28T10:00:00.000Z');
    expect(report).toContain('  version: 0.1.0');
    expect(report).toContain('  shell: electron (Electron 45.5.0, Chrome 140.0.7339.41)');
    expect(report).toContain('  OS: win32 10.0.22631 x64');
    expect(report).toContain('  data folder: C:\\Users\\ana\\AppData\\Roaming\\Field News');
    expect(report).toContain('  storage: 12.5 MB used of 2,048 MB allowed');
    // The version the database opened at, which grows with every schema change.
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(report).toContain(`  schema version: ${db.verno}\n`);
    expect(report).toContain('  feeds: 2');
    expect(report).toContain("  items: 6 (from the feeds' counts)");
    expect(report).toContain('  unread: 5');
    expect(report).toContain('  starred: 1');
    expect(report).toContain('  waiting for place tags: 5');
    expect(report).toContain('Regional news — news.example.org');
    expect(report).toContain('items: 4 · last sync: never · failures in a row: 3 · next try: 2026-02-01T01:00:00.000Z');
    expect(report).toContain('     last error: The server answered 503 (the server is busy or down for maintenance).');
    expect(report).toContain('     unfinished walk: resumes at page 3 (saved 2026-02-01T00:30:00.000Z)');
    expect(report).toContain('IOM Regional News — bundled sample');
    expect(report).toContain('Log (last 1 lines, oldest first)\n  2026-11-28T09:00:00.000Z [warn] (sync) news.example.org: the server answered 503');
  });

  it('holds no news text and no full feed address', async () => {
    const report = await collectDiagnosticsFrom({ db, bridge: fakeBridge(), now });
    expect(report).not.toContain('Tecún');
    expect(report).not.toContain('private-tag');
    expect(report).not.toContain('private-token');
    expect(report).toContain('  storage: no estimate in this browser');
  });

  it("names an aggregator account by its service and host, with its last sync and waiting marks, never its user name or secrets", async () => {
    const repository = createNewsRepository(db, () => new Date('2026-11-28T09:30:00.000Z'));
    const accountId = 'ana.lopez@https://rss.oim-tapachula.example/api/greader.php';
    await repository.addAccount({ id: accountId, serverAddress: 'https://rss.oim-tapachula.example/api/greader.php', userName: 'ana.lopez', service: 'FreshRSS', addedAt: '2026-11-01T00:00:00.000Z', lastSyncAt: null, lastError: null, lastSync: null, crawledThroughUsec: null, feedFingerprints: {}, fullCheckAt: null, subscriptionsAt: null });
    await repository.recordAccountSync(accountId, { crawledThroughUsec: '1', feedFingerprints: {}, fullCheckAt: null, subscriptionsAt: null }, { newItems: 42, readElsewhere: 3, bytes: 2_345 });
    await repository.recordAccountFailure(accountId, errorMessages.aggregatorSignedOut);
    await db.readerChanges.add({ accountId, readerItemId: '17', flag: 'read', value: true });
    const report = await collectDiagnosticsFrom({ db, bridge: fakeBridge(), now });
    expect(report).toContain('Accounts\n  1. FreshRSS — rss.oim-tapachula.example\n     last sync 2026-11-28T09:30:00.000Z: 42 new, 3 read elsewhere, 2,345 bytes · marks waiting to be sent: 1');
    expect(report).toContain("     last error: The aggregator no longer accepts this account's API password.");
    expect(report).not.toContain('ana.lopez');
  });

  it('does not read every item to count flags in a large database', async () => {
    const report = await collectDiagnosticsFrom({ db, bridge: fakeBridge(), now, flagCountLimit: 5 });
    expect(report).toContain('  unread, starred: not counted (6 items; counting reads every one)');
    expect(report).not.toContain('  unread: ');
  });

  it('still reports when the shell refuses, the database fails or never answers', async () => {
    const refused = await collectDiagnosticsFrom({ db, bridge: fakeBridge(fail(errorMessages.logStoreMissing)), now, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156' });
    expect(refused).toContain('  browser: Mozilla/5.0 (X11; Linux x86_64) Chrome/156');
    expect(refused).toContain('  shell: web');
    expect(refused).toContain('  OS: Linux x86_64');
    expect(refused).toContain('Log\n  not available: The diagnostics log is not open yet, so nothing could be written to it or read from it. Try again in a moment.');

    const rejecting: Pick<FieldNewsBridge, 'getAppInfo' | 'getDiagnostics'> = { getDiagnostics: () => Promise.reject(new Error('main process gone')), getAppInfo: () => Promise.reject(new Error('main process gone')) };
    expect(await collectDiagnosticsFrom({ db, bridge: rejecting, now })).toContain('  app information: not available (Error: main process gone)');

    db.close();
    const closed = await collectDiagnosticsFrom({ db, bridge: fakeBridge(), now });
    expect(closed).toMatch(/Database\n {2}could not be read: DatabaseClosedError/);
    expect(closed).toContain('Log (last 1 lines');

    const stuckDb = new FieldNewsDb('stuck', { indexedDB: new IDBFactory(), IDBKeyRange });
    Object.assign(stuckDb.feeds, { toArray: () => new Promise<never>(() => undefined) });
    const stuck = await collectDiagnosticsFrom({ db: stuckDb, bridge: fakeBridge(), now, databaseTimeoutMs: 50 });
    expect(stuck).toContain('Database\n  could not be read: no answer within 0.05 s');
  });
});
