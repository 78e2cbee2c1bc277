import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupCaps, backupLists, type BackupCaps, type BackupList } from '../../../shared/backup/backupFormat';
import { createBackupReader, type BackupReadProblem } from '../../../shared/backup/backupReader';

interface Reading {
  headers: [string, unknown][];
  entries: [BackupList, unknown][];
  problem: BackupReadProblem | null;
}

/** Reads `text` cut into pieces at `cuts` (positions), as a file arrives in chunks. */
const read = (text: string, cuts: number[] = [], caps: BackupCaps = backupCaps): Reading => {
  const reading: Reading = { headers: [], entries: [], problem: null };
  const reader = createBackupReader(
    { onHeader: (key, value) => reading.headers.push([key, value]), onEntry: (list, value) => reading.entries.push([list, value]) },
    caps,
  );
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, text.length]) {
    reading.problem ??= reader.push(text.slice(from, point));
    from = point;
  }
  reading.problem ??= reader.end();
  return reading;
};

/** What a correct reader must hand over for a parsed object. */
const expected = (object: Record<string, unknown>) => ({
  headers: Object.entries(object).filter(([key]) => !backupLists.some((list) => list === key)),
  entries: Object.entries(object).flatMap(([key, value]) => {
    const list = backupLists.find((name) => name === key);
    return list && Array.isArray(value) ? value.map((entry: unknown): [BackupList, unknown] => [list, entry]) : [];
  }),
});

const backupLike = fc.record(
  {
    format: fc.string(),
    version: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    app: fc.jsonValue(),
    feeds: fc.array(fc.jsonValue()),
    settings: fc.array(fc.jsonValue()),
    items: fc.array(fc.jsonValue(), { maxLength: 30 }),
    other: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('the backup reader', () => {
  it('reads the same entries as JSON.parse, whatever the layout and wherever the chunks break', () => {
    fc.assert(
      fc.property(backupLike, fc.constantFrom(undefined, 2, '\t', ' '), fc.array(fc.nat()), (object, indent, cuts) => {
        const text = JSON.stringify(object, null, indent);
        const reading = read(text, cuts.map((cut) => cut % (text.length + 1)));
        expect(reading.problem).toBeNull();
        const parsed = JSON.parse(text) as Record<string, unknown>;
        expect({ headers: reading.headers, entries: reading.entries }).toEqual(expected(parsed));
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts text that is not a JSON object, and never throws on any text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.json().map((json) => `{"items":${json}}`),
      backupLike.map((object) => JSON.stringify(object)).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut) + text.slice(cut + 1))),
    );
    fc.assert(
      fc.property(anyText, fc.array(fc.nat()), (text, cuts) => {
        const reading = read(text, cuts);
        if (reading.problem === null) {
          const parsed: unknown = JSON.parse(text);
          expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
          expect({ headers: reading.headers, entries: reading.entries }).toEqual(expected(parsed as Record<string, unknown>));
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('says a file that stops early is cut short, at every point it can stop', () => {
    const text = JSON.stringify({ format: 'field-news-backup', version: 1, feeds: [{ url: 'a' }], items: [{ id: '1', title: 'Un "título" \\ ' }] }, null, 1);
    for (let end = 1; end < text.trimEnd().length; end += 1) {
      expect(read(text.slice(0, end)).problem, `cut at ${end}`).toMatchObject({ kind: expect.stringMatching(/^(cutShort|syntax)$/) as unknown });
    }
    expect(read(text.slice(0, text.indexOf('items') + 10)).problem).toEqual({ kind: 'cutShort' });
  });

  it('tells broken JSON from JSON that is no backup', () => {
    expect(read('').problem).toEqual({ kind: 'syntax' });
    expect(read('hello').problem).toEqual({ kind: 'syntax' });
    expect(read('{"items": [1,]}').problem).toEqual({ kind: 'syntax' });
    expect(read('{"items": [1] "feeds": []}').problem).toEqual({ kind: 'syntax' });
    expect(read('{"items": [1]} {}').problem).toEqual({ kind: 'syntax' });
    expect(read('{"format": tru}').problem).toEqual({ kind: 'syntax' });
    expect(read('[{"format": "field-news-backup"}]').problem).toEqual({ kind: 'notABackup' });
    expect(read('"field-news-backup"').problem).toEqual({ kind: 'notABackup' });
    expect(read('{"items": {"a": 1}}').problem).toEqual({ kind: 'notABackup' });
    expect(read('\n {} \n').problem).toBeNull();
  });

  it('refuses one entry longer than a backup ever writes, without holding more of it', () => {
    const caps = { ...backupCaps, entryCharacters: 100, headerCharacters: 20 };
    expect(read(`{"items":[${JSON.stringify('x'.repeat(99))}]}`, [], caps).problem).toEqual({ kind: 'tooLarge' });
    expect(read(`{"items":[${JSON.stringify('x'.repeat(90))}]}`, [], caps).problem).toBeNull();
    expect(read(`{"format":${JSON.stringify('x'.repeat(30))}}`, [], caps).problem).toEqual({ kind: 'tooLarge' });
  });

  it('reads escaped quotes and backslashes inside entries split anywhere', () => {
    const entry = { title: 'a "quoted" word, a \\ backslash, a } and a ] in text', tags: ['"', '\\', '{'] };
    const text = JSON.stringify({ items: [entry, entry] });
    for (let cut = 0; cut <= text.length; cut += 1) {
      expect(read(text, [cut]).entries).toEqual([
        ['items', entry],
        ['items', entry],
      ]);
    }
  });
});
