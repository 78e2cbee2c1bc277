// Saved articles and the feeds' *Full articles* choice through a backup: exported with their items,
// written back with them in one transaction, never over a newer article, never a file the import refuses.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleCandidatesOf } from '../../../../shared/articles/articleCandidates';
import { articleMaxCharacters, type ArticleRecord, type SavedArticle } from '../../../../shared/articles/articleRecord';
import { storageCaps } from '../../../../shared/feed/feedItem';
import { keyTextOf } from '../../../../shared/feed/newsItem';
import { errorMessages } from '../../../../shared/errorMessages';
import { userMessage } from '../../../../shared/i18n/userMessage';
import { createArticleRepository } from '../../../../renderer/db/articleRepository';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../../renderer/db/newsRepository';
import { importBackupInto, importSummaryMessages, type BackupImportProgress } from '../../../../renderer/window/backup/backupImport';
import { writeBackup } from '../../../../renderer/window/backup/backupWriter';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';

const rethrow = (thrown: unknown): never => {
  throw thrown;
};

const feedA = { url: 'https://a.example/feed.xml', title: 'A', builtIn: false };
const feedB = { url: 'https://b.example/feed.xml', title: 'B', builtIn: false };
const link = (feedUrl: string, id: string) => `${new URL(feedUrl).origin}/articles/${id}`;
const exportedAt = new Date('2026-11-28T10:00:00.000Z');
const clock = () => new Date('2026-12-01T00:00:00.000Z');
const savedAt = (day: number) => Date.UTC(2026, 5, day);

const openDb = async (name: string) => {
  const db = new FieldNewsDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
};

const articleOf = (feedUrl: string, id: string, words = `Article ${id} of ${feedUrl}`): SavedArticle => ({
  html: `<p class="lead">${words} — “quoted” \\ and ünïcode</p>`,
  text: words,
  title: `Title ${id}`,
  byline: id === '1' ? 'Ana Pérez' : null,
  siteName: 'News',
  length: words.length,
  pageUrl: `${link(feedUrl, id)}?amp=0`,
});

/** Stores a feed's items, each linking to its article page, and queues their articles as a sync does. */
const storeFeed = async (db: FieldNewsDb, feed: typeof feedA, ids: string[]) => {
  await createNewsRepository(db).storeFeedPage(feed, feedPageOf(ids.map((id) => plainFeedItem(id, '2026-06-01T00:00:00Z', { url: link(feed.url, id) }))));
  await createArticleRepository(db).queueArticles(ids.map((id) => ({ itemKey: keyTextOf(feed.url, id), feedUrl: feed.url, link: link(feed.url, id) })));
};

/** One try's outcome at `at` (ms since epoch), through the article repository. */
const recordTry = (db: FieldNewsDb, feedUrl: string, id: string, at: number, outcome: 'saved' | 'failed' | 'not-an-article', article = articleOf(feedUrl, id)) => {
  const articles = createArticleRepository(db, () => at);
  const itemKey = keyTextOf(feedUrl, id);
  if (outcome === 'saved') return articles.recordTry(itemKey, { kind: 'saved', article });
  if (outcome === 'failed') return articles.recordTry(itemKey, { kind: 'failed', failure: errorMessages.fetchNoConnection, final: true });
  return articles.recordTry(itemKey, { kind: 'not-an-article', failure: errorMessages.articleNotInPage });
};

/** A source laptop: feed A set to "Always" with items 1–4, feed B with no choice and items 1–2, their articles in every state. */
const fillSource = async (db: FieldNewsDb) => {
  await storeFeed(db, feedA, ['1', '2', '3', '4']);
  await storeFeed(db, feedB, ['1', '2']);
  await db.feeds.update(feedA.url, { fullArticles: 'always' });
  await recordTry(db, feedA.url, '1', savedAt(1), 'saved');
  await recordTry(db, feedA.url, '3', savedAt(1), 'failed');
  await recordTry(db, feedA.url, '4', savedAt(1), 'not-an-article');
  await recordTry(db, feedB.url, '1', savedAt(2), 'saved');
  // B/2 was saved, then asked for again: it waits, its old article still on the record. A/2 waits.
  await recordTry(db, feedB.url, '2', savedAt(2), 'saved');
  await createArticleRepository(db).tryAgain(keyTextOf(feedB.url, '2'));
};

const savedRecords = async (db: FieldNewsDb) =>
  (await db.articles.toArray())
    .filter((record) => record.status === 'saved')
    .map(({ itemKey, feedUrl, link: itemLink, article, bytes, savedAt: at }) => ({ itemKey, feedUrl, link: itemLink, article, bytes, savedAt: at }));

let source: FieldNewsDb;
let target: FieldNewsDb;
beforeEach(async () => {
  source = await openDb('backup-articles-source');
  target = await openDb('backup-articles-target');
});
afterEach(() => {
  source.close();
  target.close();
});

describe('saved articles in a backup', () => {
  it('are exported with their items, saved ones only, and with each feed\'s choice where one was made', async () => {
    await fillSource(source);
    const text = await (await writeBackup(source, { now: () => exportedAt, appVersion: '0.1.0' })).text();
    const file = JSON.parse(text) as { feeds: Record<string, unknown>[]; items: Record<string, unknown>[] };
    expect(file.feeds.map((feed) => [feed.url, feed.fullArticles])).toEqual([
      [feedA.url, 'always'],
      [feedB.url, undefined],
    ]);
    expect(file.items.filter((item) => 'article' in item).map((item) => [item.feedUrl, item.id])).toEqual([
      [feedA.url, '1'],
      [feedB.url, '1'],
    ]);
    expect(file.items[0]?.article).toEqual({ ...articleOf(feedA.url, '1'), savedAt: new Date(savedAt(1)).toISOString() });
    // One entry a line, the article inside its item's line.
    expect(text.split('\n').filter((line) => line.includes('"article":'))).toHaveLength(2);
  });

  it('come back to a wiped laptop with their items, once, and the next sync does not fetch them again', async () => {
    await fillSource(source);
    const before = await savedRecords(source);
    const blob = await writeBackup(source, { now: () => exportedAt });
    await source.transaction('rw', source.items, source.feeds, source.articles, () => Promise.all([source.items.clear(), source.feeds.clear(), source.articles.clear()]));

    const first = await importBackupInto(source, blob, { clock, onWriteFailure: rethrow });
    expect(first).toEqual({ ok: true, value: { feedsAdded: 2, itemsAdded: 6, itemsUpdated: 0, itemsUnchanged: 0, articlesAdded: 2, settingsKeptHere: 0 } });
    if (first.ok) expect(importSummaryMessages(first.value)).toContainEqual(userMessage('data.importedArticles', { count: 2 }));
    expect(await savedRecords(source)).toEqual(before);
    expect(await source.articles.count()).toBe(2);
    expect((await source.feeds.get(feedA.url))?.fullArticles).toBe('always');
    expect((await source.feeds.get(feedB.url))?.fullArticles).toBeUndefined();

    expect(await importBackupInto(source, blob, { clock, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsUnchanged: 6, articlesAdded: 0 } });
    // The sync queues what it wants of the stored items: the restored articles stay saved.
    const items = await source.items.toArray();
    const queued = await createArticleRepository(source).queueArticles(articleCandidatesOf(feedA.url, items.filter((item) => item.feedUrl === feedA.url), 'always'));
    expect(queued).toBe(3);
    expect(await savedRecords(source)).toEqual(before);
  });

  it('merge into a laptop that moved on: a newer article and a choice made here stay, the rest is taken', async () => {
    await fillSource(source);
    await storeFeed(target, feedA, ['1', '2', '3']);
    await storeFeed(target, feedB, ['1', '2']);
    await target.feeds.update(feedA.url, { fullArticles: 'never' });
    // Here A/1 was saved after the backup's copy; B/1 before it; A/2 still waits; A/3 now links to a corrected page.
    await recordTry(target, feedA.url, '1', savedAt(20), 'saved', articleOf(feedA.url, '1', 'Saved here later'));
    await recordTry(target, feedB.url, '1', savedAt(1), 'saved', articleOf(feedB.url, '1', 'Saved here earlier'));
    await recordTry(source, feedA.url, '2', savedAt(3), 'saved');
    await recordTry(source, feedA.url, '3', savedAt(3), 'saved');
    const corrected = `${link(feedA.url, '3')}-corrected`;
    await createNewsRepository(target).storeFeedPage(feedA, feedPageOf([plainFeedItem('3', '2026-06-01T00:00:00Z', { url: corrected, dateModified: '2026-11-01T00:00:00Z' })]));

    const imported = await importBackupInto(target, await writeBackup(source, { now: () => exportedAt }), { clock, onWriteFailure: rethrow });
    expect(imported).toMatchObject({ ok: true, value: { articlesAdded: 2 } });
    expect((await target.articles.get(keyTextOf(feedA.url, '1')))?.article?.text).toBe('Saved here later');
    expect(await target.articles.get(keyTextOf(feedB.url, '1'))).toMatchObject({ status: 'saved', savedAt: savedAt(2), article: { text: articleOf(feedB.url, '1').text } });
    expect(await target.articles.get(keyTextOf(feedA.url, '2'))).toMatchObject({ status: 'saved', link: link(feedA.url, '2'), failure: null });
    // The item kept its newer link here, so the backup's article of the old page is not taken.
    expect(await target.items.get([feedA.url, '3'])).toMatchObject({ url: corrected });
    expect((await target.articles.get(keyTextOf(feedA.url, '3')))?.status).toBe('waiting');
    expect((await target.feeds.get(feedA.url))?.fullArticles).toBe('never');
    await target.feeds.update(feedB.url, { fullArticles: undefined });
    await source.feeds.update(feedB.url, { fullArticles: 'never' });
    await importBackupInto(target, await writeBackup(source, { now: () => exportedAt }), { clock, onWriteFailure: rethrow });
    expect((await target.feeds.get(feedB.url))?.fullArticles).toBe('never');
  });

  it('leave out an article the import would refuse, so the file still imports', async () => {
    await fillSource(source);
    await source.articles.update(keyTextOf(feedB.url, '1'), { article: { ...articleOf(feedB.url, '1'), html: 'x'.repeat(articleMaxCharacters + 1) } });
    const text = await (await writeBackup(source, { now: () => exportedAt })).text();
    expect(text.split('\n').filter((line) => line.includes('"article":'))).toHaveLength(1);
    expect(await importBackupInto(target, new Blob([text]), { clock, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 6, articlesAdded: 1 } });
  });

  it('are written in the transaction of their items: a failed article write leaves the batch unwritten', async () => {
    await fillSource(source);
    const blob = await writeBackup(source, { now: () => exportedAt });
    vi.spyOn(target.articles, 'bulkPut').mockRejectedValue(new Error('QuotaExceededError'));
    const failures: unknown[] = [];
    expect(await importBackupInto(target, blob, { clock, onWriteFailure: (thrown) => failures.push(thrown) })).toEqual({ ok: false, error: errorMessages.backupNotSaved });
    expect(failures).toHaveLength(1);
    expect(await target.items.count()).toBe(0);
    expect((await target.feeds.toArray()).map((feed) => feed.itemCount)).toEqual([0, 0]);
  });

  it('are written a few at a time when they are long, so no transaction holds a thousand of them', async () => {
    await fillSource(source);
    const blob = await writeBackup(source, { now: () => exportedAt });
    const written: number[] = [];
    const onProgress = (step: BackupImportProgress) => {
      if (step.phase === 'writing') written.push(step.itemsWritten);
    };
    // In the file's order: A/1 with its article (about 130 characters of text), A/2–A/4 (9 each),
    // B/1 with its article, B/2. The first article fills a batch alone; the second closes the next.
    expect(await importBackupInto(target, blob, { clock, batchCharacters: 120, onProgress, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 6, articlesAdded: 2 } });
    expect(written).toEqual([1, 5, 6]);
    expect(await savedRecords(target)).toEqual(await savedRecords(source));
  });

  it('fit, with their item, in one entry of a file when every text is at its cap', async () => {
    // Quotes and backslashes: each character is two in JSON, the most text a writer can take.
    const heavy = (length: number) => '"\\'.repeat(Math.ceil(length / 2)).slice(0, length);
    const item = {
      feedUrl: feedA.url,
      id: 'heavy',
      title: heavy(storageCaps.titleCharacters),
      url: link(feedA.url, 'heavy'),
      contentText: heavy(storageCaps.textCharacters),
      contentHtml: heavy(storageCaps.textCharacters),
      summary: heavy(storageCaps.textCharacters),
      datePublished: '2026-06-01T00:00:00Z',
      dateModified: null,
      tags: [],
      read: false,
      starred: false,
      firstSeenAt: '2026-06-01T00:00:00.000Z',
      article: { pageUrl: link(feedA.url, 'heavy'), title: null, byline: null, siteName: null, length: 1, savedAt: '2026-06-02T00:00:00.000Z', html: heavy(articleMaxCharacters), text: heavy(articleMaxCharacters) },
    };
    const file = { format: 'field-news-backup', version: 1, exportedAt: exportedAt.toISOString(), app: { version: '0.1.0' }, feeds: [{ url: feedA.url, title: 'A', addedAt: '2026-01-01T00:00:00.000Z', folder: null }], settings: [], items: [item] };
    expect(await importBackupInto(source, new Blob([JSON.stringify(file)]), { clock, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 1, articlesAdded: 1 } });
    const again = await writeBackup(source, { now: () => exportedAt });
    expect(await importBackupInto(target, again, { clock, onWriteFailure: rethrow })).toMatchObject({ ok: true, value: { itemsAdded: 1, articlesAdded: 1 } });
    const restored: ArticleRecord | undefined = await target.articles.get(keyTextOf(feedA.url, 'heavy'));
    expect(restored?.article?.html).toBe(item.article.html);
  }, 60_000);
});
