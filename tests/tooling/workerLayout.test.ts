// One naming rule for the threads of the renderer: a worker's entry is renderer/workers/<name>/<name>.worker.ts,
// nothing else carries the .worker.ts suffix, every `new Worker` names such an entry, and a worker is started
// by a function someone calls (a `() => new Worker(…)`), never as a side effect of importing a module.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const rendererFiles = readdirSync(path.join(root, 'renderer'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => path.join('renderer', file));

describe('worker layout', () => {
  it('names every worker entry after its folder under renderer/workers/', () => {
    const entries = rendererFiles.filter((file) => file.endsWith('.worker.ts'));
    expect(entries.sort()).toEqual(['articles', 'opml', 'parse', 'pictures', 'search', 'sync'].map((name) => path.join('renderer', 'workers', name, `${name}.worker.ts`)));
  });

  it('starts each worker from one of those entries, inside a function', () => {
    const starts = rendererFiles.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/(.{0,12})new Worker\(new URL\('([^']+)'/g)].map((match) => ({
        file,
        before: match[1] ?? '',
        entry: path.join(path.dirname(file), match[2] ?? ''),
      })),
    );
    expect(starts.map((start) => start.entry).sort()).toEqual(['articles', 'opml', 'parse', 'pictures', 'search', 'sync'].map((name) => path.join('renderer', 'workers', name, `${name}.worker.ts`)));
    for (const start of starts) expect(start.before, start.file).toMatch(/=>\s*$/);
  });
});
