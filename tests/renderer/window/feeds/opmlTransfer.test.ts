// OPML in and out of a real (fake-indexeddb) database: all or nothing, duplicates counted, folders
// kept. Files are read by the OPML worker's own code over a stand-in worker (a real MessageChannel).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../../../shared/errorMessages';
import { opmlLimits, parseOpml } from '../../../../shared/opml/parseOpml';
import { writeOpml, type OpmlExportFeed } from '../../../../shared/opml/writeOpml';
import { FieldNewsDb } from '../../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../../renderer/db/newsRepository';
import { createOpmlReader } from '../../../../renderer/window/feeds/opmlReader';
import { exportOpml, importOpmlFile } from '../../../../renderer/window/feeds/opmlTransfer';
import { serveOpmlCalls } from '../../../../renderer/workers/opml/serveOpmlCalls';
import { workerStandIn } from '../../../fixtures/workerStandIn';

// The window's log goes to the bridge, which Node has not: these tests read no log.
vi.mock('../../../../renderer/window/log', () => ({ log: { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

let db: FieldNewsDb;
let repository: NewsRepository;

beforeEach(async () => {
  db = new FieldNewsDb('field-news-opml-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  repository = createNewsRepository(db);
});
afterEach(() => db.close());

const list = (feeds: OpmlExportFeed[]) =>
  writeOpml(feeds, { title: 'Subscriptions', createdAt: new Date('2026-11-01T00:00:00Z') });

const readInWorker = createOpmlReader({ start: () => workerStandIn((scope) => serveOpmlCalls(scope, vi.fn())), timeLimitMs: 5_000, log: vi.fn() });
const importOpmlText = (target: NewsRepository, text: string) => importOpmlFile(target, new Blob([text]), readInWorker);

describe('importing OPML', () => {
  it('adds new feeds with their folders, skips and counts the ones already there', async () => {
    await repository.addFeed({ url: 'https://iom.example/feed.xml', title: 'IOM', builtIn: false });
    const outcome = await importOpmlText(
      repository,
      list([
        { url: 'https://iom.example/feed.xml', title: 'IOM', folder: 'Agencies' },
        { url: 'https://unhcr.example/rss', title: 'UNHCR', folder: 'Agencies' },
        { url: 'https://diario.example/atom', title: 'Diario del Sur', folder: 'Mexico / Chiapas' },
      ]),
    );
    expect(outcome).toEqual({ ok: true, value: { added: ['https://unhcr.example/rss', 'https://diario.example/atom'], alreadyThere: 1, notFeedAddresses: 0 } });
    expect(await db.feeds.get('https://diario.example/atom')).toMatchObject({ title: 'Diario del Sur', folder: 'Mexico / Chiapas', itemCount: 0, walkResume: null });
    // The feed that was there keeps its own record (no folder taken from the file).
    expect((await db.feeds.get('https://iom.example/feed.xml'))?.folder).toBeNull();
  });

  it("brings each new feed's Full articles choice, and leaves a feed already there with its own", async () => {
    await repository.addFeed({ url: 'https://iom.example/feed.xml', title: 'IOM', builtIn: false });
    await db.feeds.update('https://iom.example/feed.xml', { fullArticles: 'never' });
    await importOpmlText(
      repository,
      list([
        { url: 'https://iom.example/feed.xml', title: 'IOM', folder: null, fullArticles: 'always' },
        { url: 'https://unhcr.example/rss', title: 'UNHCR', folder: null, fullArticles: 'always' },
        { url: 'https://diario.example/atom', title: 'Diario', folder: null, fullArticles: 'never' },
        { url: 'https://plain.example/rss', title: 'Plain', folder: null },
      ]),
    );
    const choices = (await db.feeds.orderBy('url').toArray()).map((feed) => [feed.url, feed.fullArticles]);
    expect(choices).toEqual([
      ['https://diario.example/atom', 'never'],
      ['https://iom.example/feed.xml', 'never'],
      ['https://plain.example/rss', undefined],
      ['https://unhcr.example/rss', 'always'],
    ]);
  });

  it('changes nothing when the file is malformed', async () => {
    const before = await db.feeds.toArray();
    const outcome = await importOpmlText(repository, '<opml version="2.0"><body><outline xmlUrl="https://a.example/feed"/>');
    expect(outcome.ok).toBe(false);
    expect(await db.feeds.toArray()).toEqual(before);
  });

  it('reads a file in its own charset (ISO-8859-1 declared in the XML)', async () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.0"><body><outline text="Peten" title="Noticias de Pet\u00e9n" xmlUrl="https://peten.example/rss"/></body></opml>';
    const bytes = Uint8Array.from(text, (character) => character.charCodeAt(0));
    const outcome = await importOpmlFile(repository, new Blob([bytes]), readInWorker);
    expect(outcome.ok).toBe(true);
    expect((await db.feeds.get('https://peten.example/rss'))?.title).toBe('Noticias de Petén');
  });

  it('says in words when the chosen file cannot be read at all', async () => {
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('permission denied')) } as unknown as Blob;
    expect(await importOpmlFile(repository, unreadable, readInWorker)).toEqual({ ok: false, error: errorMessages.opmlUnreadable('permission denied') });
  });

  it('refuses a file over 10 MB before reading it into memory', async () => {
    const arrayBuffer = vi.fn();
    const read = vi.fn(readInWorker);
    const huge = { size: opmlLimits.maxMegabytes * 1024 * 1024 + 1, arrayBuffer } as unknown as Blob;
    expect(await importOpmlFile(repository, huge, read)).toEqual({ ok: false, error: errorMessages.opmlTooLarge(opmlLimits.maxMegabytes) });
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
  });

  it('imports 500 feeds in one transaction', async () => {
    const feeds = Array.from({ length: 500 }, (_, index) => ({ url: `https://feeds.example/${index}.xml`, title: `Feed ${index}`, folder: `Folder ${index % 7}` }));
    const outcome = await importOpmlText(repository, list(feeds));
    expect(outcome.ok && outcome.value.added).toHaveLength(500);
    expect(await db.feeds.count()).toBe(500);
  });
});

describe('exporting OPML', () => {
  it("writes each feed's Full articles choice, which a new laptop's import takes back", async () => {
    await repository.addFeeds([
      { url: 'https://unhcr.example/rss', title: 'UNHCR', builtIn: false, folder: 'Agencies', fullArticles: 'always' },
      { url: 'https://diario.example/atom', title: 'Diario del Sur', builtIn: false, folder: null, fullArticles: 'never' },
      { url: 'https://iom.example/feed.xml', title: 'IOM', builtIn: false, folder: null },
    ]);
    const { blob } = await exportOpml(db, new Date('2026-11-27T10:00:00Z'));
    const laptop = new FieldNewsDb('field-news-opml-laptop', { indexedDB: new IDBFactory(), IDBKeyRange });
    await laptop.open();
    await importOpmlFile(createNewsRepository(laptop), blob, readInWorker);
    const records = await laptop.feeds.orderBy('url').toArray();
    laptop.close();
    expect(records.map(({ url, folder, fullArticles }) => ({ url, folder, fullArticles }))).toEqual([
      { url: 'https://diario.example/atom', folder: null, fullArticles: 'never' },
      { url: 'https://iom.example/feed.xml', folder: null, fullArticles: undefined },
      { url: 'https://unhcr.example/rss', folder: 'Agencies', fullArticles: 'always' },
    ]);
  });

  it('writes every added feed with its folder, not the bundled sample, and reads back the same', async () => {
    await repository.addFeeds([
      { url: 'https://unhcr.example/rss', title: 'UNHCR', builtIn: false, folder: 'Agencies' },
      { url: 'https://diario.example/atom', title: 'Diario del Sur', builtIn: false, folder: null },
    ]);
    await repository.addFeed({ url: 'bundled:sample', title: 'Sample', builtIn: true });
    const { fileName, blob } = await exportOpml(db, new Date('2026-11-27T10:00:00Z'));
    expect(fileName).toBe('field-news-feeds-2026-11-27.opml');
    const read = parseOpml(await blob.text());
    expect(read.ok && read.value.feeds.map(({ url, title, folder }) => ({ url, title, folder })).sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: 'https://diario.example/atom', title: 'Diario del Sur', folder: null },
      { url: 'https://unhcr.example/rss', title: 'UNHCR', folder: 'Agencies' },
    ]);
  });
});
