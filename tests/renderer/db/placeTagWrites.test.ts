// The search worker's place-tag write keeps the words of an item's saved article on the item, and
// takes them away when the item's tags were found with no saved article, over fake-indexeddb.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository, type NewsRepository, type PlaceTagWrite, type TaggedItemRecord } from '../../../renderer/db/newsRepository';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';

const feedUrl = 'https://news.example.org/feed.xml';
let db: FieldNewsDb;
let repository: NewsRepository;

const storedItem = async (id: string): Promise<TaggedItemRecord> => {
  const item: TaggedItemRecord | undefined = await db.items.get([feedUrl, id]);
  if (item === undefined) throw new Error(`no item ${id}`);
  return item;
};
const tagsFor = async (id: string, articleWords?: string): Promise<PlaceTagWrite> => ({
  feedUrl,
  id,
  contentHash: (await storedItem(id)).contentHash,
  places: ['MX'],
  weakPlaces: [],
  placeMentions: [],
  placesVersion: 'tagger.test',
  articleWords,
});

beforeEach(async () => {
  db = new FieldNewsDb('place-tag-writes', { indexedDB: new IDBFactory(), IDBKeyRange });
  repository = createNewsRepository(db);
  await repository.storeFeedPage({ url: feedUrl, title: 'News', builtIn: false }, feedPageOf(['a', 'b'].map((id) => plainFeedItem(id, '2026-12-01T00:00:00Z'))));
});

describe('storePlaceTags and the saved article\'s words', () => {
  it('keeps the article\'s words with the tags, and returns them as written', async () => {
    const { items: written } = await repository.storePlaceTags([await tagsFor('a', 'desalination tapachula'), await tagsFor('b')]);
    expect(written.map((item) => [item.id, item.articleWords])).toEqual([['a', 'desalination tapachula'], ['b', undefined]]);
    expect((await storedItem('a')).articleWords).toBe('desalination tapachula');
    expect('articleWords' in (await storedItem('b'))).toBe(false);
  });

  it('takes the words away when the item is tagged again with no saved article', async () => {
    await repository.storePlaceTags([await tagsFor('a', 'desalination tapachula')]);
    await repository.storePlaceTags([await tagsFor('a')]);
    expect('articleWords' in (await storedItem('a'))).toBe(false);
    expect((await storedItem('a')).places).toEqual(['MX']);
  });

  it('writes no words over an item that sync changed after it was read', async () => {
    const stale = { ...(await tagsFor('a', 'desalination')), contentHash: 'an older hash' };
    expect((await repository.storePlaceTags([stale])).items).toEqual([]);
    expect('articleWords' in (await storedItem('a'))).toBe(false);
  });
});
