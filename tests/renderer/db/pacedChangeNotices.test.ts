import Dexie, { RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository } from '../../../renderer/db/newsRepository';
import { createPacedChangeNotices } from '../../../renderer/db/pacedChangeNotices';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';

const intervalMs = 50;
const itemsPart = (db: FieldNewsDb) => `idb://${db.name}/items/`;
const covers = (parts: ObservabilitySet, part: string, key: IndexableType) => {
  const ranges = parts[part];
  return ranges !== undefined && new RangeSet().add(ranges).hasKey(key);
};

describe('paced change notices', () => {
  it('sends the first notice at once, folds the next ones into one at the end of the interval, and flushes on request', async () => {
    const sent: ObservabilitySet[] = [];
    let clock = 0;
    const pacer = createPacedChangeNotices(40, (parts) => sent.push(parts), () => clock);
    pacer.send({ a: new RangeSet(1) });
    expect(sent).toHaveLength(1);
    clock = 10;
    pacer.send({ a: new RangeSet(2) });
    pacer.send({ b: new RangeSet(3) });
    expect(sent).toHaveLength(1);
    clock = 40;
    await new Promise((done) => setTimeout(done, 60));
    expect(sent).toHaveLength(2);
    const folded = sent[1] ?? {};
    expect(covers(folded, 'a', 2)).toBe(true);
    expect(covers(folded, 'b', 3)).toBe(true);
    expect(covers(folded, 'a', 1)).toBe(false);

    clock = 50;
    pacer.send({ c: new RangeSet(4) });
    expect(sent).toHaveLength(2);
    pacer.flush();
    expect(sent).toHaveLength(3);
    pacer.flush();
    expect(sent).toHaveLength(3);
  });
});

describe("a sync's page notices", () => {
  let db: FieldNewsDb;
  let repository: NewsRepository;
  let heard: ObservabilitySet[];
  let clock = 0;
  const listen = (parts: ObservabilitySet) => {
    if (parts[itemsPart(db)] !== undefined) heard.push(parts);
  };
  const source = { url: 'https://news.example/feed.json', title: 'Paced', builtIn: false };
  const pageOfIds = (ids: string[]) => feedPageOf(ids.map((id) => plainFeedItem(id, '2026-12-01T10:00:00Z')));

  beforeEach(async () => {
    db = new FieldNewsDb('field-news-paced-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    clock = 0;
    repository = createNewsRepository(db, undefined, createPacedChangeNotices(intervalMs, undefined, () => clock));
    heard = [];
    Dexie.on('storagemutated', listen);
  });
  afterEach(() => {
    Dexie.on.storagemutated.unsubscribe(listen);
    db.close();
  });

  it('tells of the first page as it commits, of the next within the interval, and of the rest when the sync ends', async () => {
    // 60 items: Dexie marks the whole table for writes of 50 records or more, as in a real sync page.
    const first = Array.from({ length: 60 }, (_, index) => `first-${index}`);
    await repository.storeFeedPage(source, pageOfIds(first));
    expect(heard).toHaveLength(1);

    clock = 10;
    await repository.storeFeedPage(source, pageOfIds(['second-1', 'second-2']));
    await repository.storeFeedPage(source, pageOfIds(['third-1']));
    // Dexie did not send them on commit: they wait for the interval, as one notice.
    expect(heard).toHaveLength(1);
    // The pacer's timer (40 ms) was set before this one: it has fired when this one does.
    await new Promise((done) => setTimeout(done, 4 * intervalMs));
    expect(heard).toHaveLength(2);
    // The two pages' keys (small writes: Dexie names each key).
    expect(covers(heard[1] ?? {}, itemsPart(db), [source.url, 'second-2'])).toBe(true);
    expect(covers(heard[1] ?? {}, itemsPart(db), [source.url, 'third-1'])).toBe(true);

    clock = 100;
    await repository.storeFeedPage(source, pageOfIds(['fourth-1']));
    expect(heard).toHaveLength(3);
    clock = 110;
    await repository.storeFeedPage(source, pageOfIds(['fifth-1']));
    expect(heard).toHaveLength(3);
    // The end of the sync sends what waits at once.
    await repository.recordSyncSuccess(source.url);
    expect(heard).toHaveLength(4);
    expect(covers(heard[3] ?? {}, itemsPart(db), [source.url, 'fifth-1'])).toBe(true);
    expect(await db.items.count()).toBe(65);
  });

  it("leaves a window's page writes (no pacer: its live queries' cache needs the notice at commit) to Dexie", async () => {
    const windowRepository = createNewsRepository(db);
    await windowRepository.storeFeedPage(source, pageOfIds(['w-1']));
    await windowRepository.storeFeedPage(source, pageOfIds(['w-2']));
    expect(heard).toHaveLength(2);
  });

  it('leaves every other write to Dexie, which tells of it on commit', async () => {
    await repository.storeFeedPage(source, pageOfIds(['one']));
    heard = [];
    await repository.markRead([source.url, 'one']);
    expect(heard).toHaveLength(1);
    expect(covers(heard[0] ?? {}, itemsPart(db), [source.url, 'one'])).toBe(true);
  });
});
