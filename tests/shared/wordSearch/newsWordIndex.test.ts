import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemPlainText } from '../../../shared/feed/itemPreview';
import { parseJsonFeed } from '../../../shared/feed/parseJsonFeed';
import { createNewsWordIndex, isSavedWordIndex, type NewsWordIndex } from '../../../shared/wordSearch/newsWordIndex';
import { englishText } from '../../../shared/i18n/formatMessages';

const feed = parseJsonFeed(JSON.parse(readFileSync(new URL('../../../renderer/public/feeds/iom-regional-news-2021.json', import.meta.url), 'utf8')));
if (!feed.ok) throw new Error(englishText(feed.error));
const sampleIndex = createNewsWordIndex();
for (const item of feed.value.items) sampleIndex.setItem(item.id, item.title, itemPlainText(item), Date.parse(item.datePublished ?? ''));
const sampleKeys = (query: string, limit = 10): string[] => sampleIndex.search(query.split(' '), limit).map((hit) => hit.key);

const psychosocial = '2021-07-01-iom-installs-three-new-psychosocial-care-groups-for-migrants-in-mexico';
const trafficking = '2021-06-21-iom-panama-launches-training-sessions-on-human-trafficking-and-migrant-smuggling';

const day = 86_400_000;
const indexOf = (items: readonly [key: string, title: string, text: string, date: number][]): NewsWordIndex => {
  const index = createNewsWordIndex();
  for (const [key, title, text, date] of items) index.setItem(key, title, text, date);
  return index;
};
const keysOf = (index: NewsWordIndex, words: readonly string[], limit = 10): string[] => index.search(words, limit).map((hit) => hit.key);

describe('word index over the bundled sample', () => {
  it('holds the sample items it is tested with', () => {
    expect(sampleIndex.itemCount).toBe(feed.value.items.length);
    expect(feed.value.items.map((item) => item.id)).toEqual(expect.arrayContaining([psychosocial, trafficking]));
  });

  it.each(['psychosocial', 'Psychosocial', 'psicosocial', 'psychosocal', 'psycho'])('"%s" finds the psychosocial care groups item, and only it', (query) => {
    expect(sampleKeys(query)).toEqual([psychosocial]);
  });

  it.each(['trafficking', 'trafiking', 'traffickng', 'traff', 'trafi'])('"%s" puts the human trafficking training item first', (query) => {
    expect(sampleKeys(query)[0]).toBe(trafficking);
  });

  it('ranks the item with both words of "migrant smuggling" first', () => {
    expect(sampleKeys('migrant smuggling')[0]).toBe(trafficking);
  });

  it('answers a word no item has with nothing', () => {
    expect(sampleKeys('xylophone')).toEqual([]);
    expect(sampleKeys('zzzzzzzz qqqqqq')).toEqual([]);
  });
});

describe('word index', () => {
  it('finds a word whatever its case and accents, in the item or in the query', () => {
    const index = indexOf([
      ['a', 'Centro de Información en Petén', 'Atención psicosocial', 1],
      ['b', 'Other news', 'Nothing here', 2],
    ]);
    for (const query of ['peten', 'Petén', 'PETEN', 'informacion', 'Información', 'atencion']) expect(keysOf(index, [query])).toEqual(['a']);
  });

  it('matches the word being typed as a beginning, but a finished word only as a whole', () => {
    const index = indexOf([
      ['trafficking', 'Human trafficking', 'Training on trafficking in Panama', 1],
      ['panama', 'News from Panama', 'A report', 2],
    ]);
    expect(keysOf(index, ['traff'])).toEqual(['trafficking']);
    expect(keysOf(index, ['panama', 'traff'])).toEqual(['trafficking', 'panama']);
    // "traff" is not the last word here, so it is a finished word that no item has: both items
    // match "panama" alone, the title match first.
    expect(keysOf(index, ['traff', 'panama'])).toEqual(['panama', 'trafficking']);
  });

  it('ignores words of one or two letters and finished stop words', () => {
    const index = indexOf([['a', 'The road to the north', 'It is far', 1]]);
    expect(keysOf(index, ['to'])).toEqual([]);
    expect(keysOf(index, ['the', 'road'])).toEqual(['a']);
    expect(keysOf(index, ['the', 'north'])).toEqual(['a']);
    // Only stop words and short words: nothing to index.
    expect(indexOf([['b', 'The and for', 'with it', 1]]).wordCount).toBe(0);
  });

  it('lets a stop word being typed begin a longer word ("con" of "conflict")', () => {
    const index = indexOf([['a', 'Conflict displaces families', '', 1]]);
    expect(keysOf(index, ['con'])).toEqual(['a']);
    expect(keysOf(index, ['con', 'families'])).toEqual(['a']);
  });

  it('ranks items by the query words they have, then by match quality, then newest first', () => {
    const index = indexOf([
      ['both-old', 'Shelter and health', 'for migrants', 1 * day],
      ['shelter-new', 'Shelter opens', '', 5 * day],
      ['health-newer', 'Health brigade', '', 6 * day],
      ['health-newest', 'Health fair', '', 7 * day],
      ['typo-newest', 'Helth fair', 'A typo', 8 * day],
    ]);
    // One word each: the exact matches newest first, then the typo, though it is newer still.
    expect(keysOf(index, ['shelter', 'health'])).toEqual(['both-old', 'health-newest', 'health-newer', 'shelter-new', 'typo-newest']);
  });

  it('counts a title match above the same word in the text only', () => {
    const index = indexOf([
      ['in-text', 'Weekly report', 'Drought again', 9 * day],
      ['in-title', 'Drought in the corridor', 'Weekly report', 1 * day],
    ]);
    expect(keysOf(index, ['drought'])).toEqual(['in-title', 'in-text']);
  });

  it('puts items without a date after dated ones', () => {
    const index = indexOf([
      ['undated', 'Flooding', '', Number.NaN],
      ['dated', 'Flooding', '', 3 * day],
    ]);
    expect(keysOf(index, ['flooding'])).toEqual(['dated', 'undated']);
  });

  it('returns at most limit items, and nothing for a limit of zero', () => {
    const index = indexOf(Array.from({ length: 30 }, (_, n) => [`k${n}`, 'Returnees receive support', '', n * day] as [string, string, string, number]));
    const hits = index.search(['returnees'], 5);
    expect(hits.map((hit) => hit.key)).toEqual(['k29', 'k28', 'k27', 'k26', 'k25']);
    expect(hits[0]?.date).toBe(29 * day);
    expect(index.search(['returnees'], 0)).toEqual([]);
  });

  it('replaces an item\'s words and date when it is set again', () => {
    const index = indexOf([
      ['a', 'Drought in the corridor', '', 1 * day],
      ['b', 'Drought again', '', 2 * day],
    ]);
    index.setItem('a', 'Flooding in the valley', '', 3 * day);
    expect(index.itemCount).toBe(2);
    expect(keysOf(index, ['drought'])).toEqual(['b']);
    expect(index.search(['flooding'], 10)).toEqual([{ key: 'a', date: 3 * day }]);
  });

  it('indexes words given already folded (a saved article\'s) beside the title and text, as text', () => {
    const index = createNewsWordIndex();
    index.setItem('a', 'Shelter opens', 'Two lines.', 1 * day, ['desalination', 'tapachula', 'the', 'of']);
    index.setItem('b', 'Desalination plant', '', 2 * day);
    expect(keysOf(index, ['Desalinación'])).toEqual(['b', 'a']);
    expect(keysOf(index, ['tapachula'])).toEqual(['a']);
    // A stop word or a word too short stays out, as in a text: shelter, opens, two, lines,
    // desalination, tapachula, plant.
    expect(index.wordCount).toBe(7);
    index.setItem('a', 'Shelter opens', 'Two lines.', 1 * day);
    expect(keysOf(index, ['tapachula'])).toEqual([]);
  });

  it('forgets a removed item, and ignores removing an unknown key', () => {
    const index = indexOf([
      ['a', 'Drought in the corridor', '', 1 * day],
      ['b', 'Drought again', '', 2 * day],
    ]);
    index.removeItem('a');
    index.removeItem('never-stored');
    expect(index.itemCount).toBe(1);
    expect(keysOf(index, ['drought'])).toEqual(['b']);
    expect(keysOf(index, ['corridor'])).toEqual([]);
  });

  it('stays right after thousands of removals and replacements reclaim their slots', () => {
    const index = createNewsWordIndex();
    for (let n = 0; n < 3000; n += 1) index.setItem(`k${n}`, `Topic${n % 7 === 0 ? ' seven' : ''}`, `word${n} common`, n);
    expect(index.wordCount).toBe(3003);
    for (let n = 0; n < 3000; n += 1) if (n % 3 !== 0) index.removeItem(`k${n}`);
    for (let n = 0; n < 3000; n += 3) if (n % 2 === 0) index.setItem(`k${n}`, 'Replaced', `common fresh${n}`, 10_000 + n);
    expect(index.itemCount).toBe(1000);
    // Words only removed items had are dropped once their slots are reclaimed (at least once here).
    expect(index.wordCount).toBeLessThan(2000);
    expect(index.search(['common'], 5000)).toHaveLength(1000);
    // Numbered words are within two edits of each other, so the exact one must come first.
    expect(keysOf(index, ['word2998'], 5000)).not.toContain('k2998');
    expect(keysOf(index, ['word2997'])[0]).toBe('k2997');
    expect(keysOf(index, ['fresh2994'])[0]).toBe('k2994');
    expect(keysOf(index, ['word2994'], 5000)).not.toContain('k2994');
    expect(keysOf(index, ['replaced'], 1)).toEqual(['k2994']);
    expect(index.search(['seven'], 5000).map((hit) => hit.key).sort()).toEqual(
      Array.from({ length: 3000 }, (_, n) => n).filter((n) => n % 21 === 0 && n % 2 === 1).map((n) => `k${n}`).sort(),
    );
  });

  it('finds exactly the live items with a word, whatever was set, replaced and removed (model check)', () => {
    // Words far apart, none the beginning of another, so only exact matches can count.
    const vocabulary = ['harbor', 'mountain', 'desert', 'village', 'river', 'bridge'];
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 12 }), words: fc.subarray(vocabulary), date: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('remove' as const), key: fc.integer({ min: 0, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), fc.constantFrom(...vocabulary), (operations, wanted) => {
        const index = createNewsWordIndex();
        const model = new Map<string, { words: readonly string[]; date: number }>();
        for (const op of operations) {
          if (op.kind === 'set') {
            index.setItem(`k${op.key}`, '', op.words.join(' '), op.date);
            model.set(`k${op.key}`, { words: op.words, date: op.date });
          } else {
            index.removeItem(`k${op.key}`);
            model.delete(`k${op.key}`);
          }
        }
        const expected = [...model].filter(([, item]) => item.words.includes(wanted)).map(([key]) => key).sort();
        const hits = index.search([wanted], 100);
        expect(hits.map((hit) => hit.key).sort()).toEqual(expected);
        for (const hit of hits) expect(hit.date).toBe(model.get(hit.key)?.date);
        expect(hits.map((hit) => hit.date)).toEqual(hits.map((hit) => hit.date).sort((a, b) => b - a));
        expect(index.itemCount).toBe(model.size);
      }),
    );
  });

  it('never throws, and returns at most limit distinct stored items, on any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 200 }), fc.double())),
        fc.array(fc.string({ maxLength: 8 })),
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 12 }),
        fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double()),
        (items, removed, words, limit) => {
          const index = createNewsWordIndex();
          for (const [key, title, text, date] of items) index.setItem(key, title, text, date);
          for (const key of removed) index.removeItem(key);
          const live = new Set(items.map(([key]) => key).filter((key) => !removed.includes(key)));
          expect(index.itemCount).toBe(live.size);
          const hits = index.search(words, limit);
          expect(hits.length).toBeLessThanOrEqual(Number.isNaN(limit) ? 0 : Math.max(0, limit));
          expect(new Set(hits.map((hit) => hit.key)).size).toBe(hits.length);
          for (const hit of hits) expect(live.has(hit.key)).toBe(true);
        },
      ),
    );
  });
});

describe('a word index kept on disk and read back', () => {
  const answers = (index: NewsWordIndex, queries: readonly string[]) => queries.map((query) => index.search(query.split(' '), 50));
  const sampleQueries = ['psychosocial', 'trafiking', 'migrant smuggling', 'traff', 'tapachula', 'guatemala honduras', 'caravan', 'zzz'];

  it('answers the sample\'s queries as the index it was saved from, ranks and dates alike', () => {
    const restored = createNewsWordIndex(structuredClone(sampleIndex.save()));
    expect(restored.itemCount).toBe(sampleIndex.itemCount);
    expect(restored.wordCount).toBe(sampleIndex.wordCount);
    expect(answers(restored, sampleQueries)).toEqual(answers(sampleIndex, sampleQueries));
  });

  it('leaves removed and replaced items out, and goes on taking items after it is read back (model check)', () => {
    const vocabulary = ['harbor', 'mountain', 'desert', 'village', 'river', 'bridge'];
    type Operation = { kind: 'set'; key: number; words: string[]; title: string[]; date: number } | { kind: 'remove'; key: number };
    const operation: fc.Arbitrary<Operation> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 1500 }), words: fc.subarray(vocabulary), title: fc.subarray(vocabulary), date: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('remove' as const), key: fc.integer({ min: 0, max: 1500 }) }),
    );
    const apply = (index: NewsWordIndex, operations: readonly Operation[]) => {
      for (const op of operations) {
        if (op.kind === 'set') index.setItem(`k${op.key}`, op.title.join(' '), op.words.join(' '), op.date);
        else index.removeItem(`k${op.key}`);
      }
    };
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 1500 }), fc.array(operation, { maxLength: 40 }), (before, after) => {
        const original = createNewsWordIndex();
        apply(original, before);
        const restored = createNewsWordIndex(structuredClone(original.save()));
        expect(restored.itemCount).toBe(original.itemCount);
        expect(answers(restored, vocabulary)).toEqual(answers(original, vocabulary));
        apply(original, after);
        apply(restored, after);
        expect(answers(restored, vocabulary)).toEqual(answers(original, vocabulary));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the dates of thousands of items when some were removed before it was saved', () => {
    const original = indexOf(Array.from({ length: 3000 }, (_, n) => [`k${n}`, '', `word${n} ${n % 3 === 0 ? 'three' : 'other'}`, n * day] as const));
    for (let n = 0; n < 3000; n += 30) original.removeItem(`k${n}`);
    const restored = createNewsWordIndex(structuredClone(original.save()));
    expect(restored.itemCount).toBe(2900);
    expect(restored.search(['three'], 5000)).toEqual(original.search(['three'], 5000));
    expect(restored.search(['word2999'], 1)).toEqual([{ key: 'k2999', date: 2999 * day }]);
  });

  it('says a value of another shape is no saved index', () => {
    const saved = sampleIndex.save();
    expect(isSavedWordIndex(structuredClone(saved))).toBe(true);
    for (const broken of [null, 'index', { ...saved, keys: saved.keys.slice(1) }, { ...saved, words: [...saved.words, 'extra'] }, { ...saved, dates: [...saved.dates] }, { ...saved, postings: { ...saved.postings, bytes: saved.postings.bytes.slice(1) } }]) {
      expect(isSavedWordIndex(broken)).toBe(false);
    }
  });
});
