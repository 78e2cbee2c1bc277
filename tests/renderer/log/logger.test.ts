import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkLogEntries, logLimits, type LogEntry } from '../../../shared/logEntry';
import { createLogger, describeError } from '../../../renderer/log/logger';

const clock = () => new Date('2026-11-28T10:00:00.000Z');

/** A sink that keeps every batch it is given, and checks each the way the shell does. */
const keepingSink = () => {
  const batches: LogEntry[][] = [];
  return {
    batches,
    write: (entries: LogEntry[]) => {
      expect(checkLogEntries(entries).ok).toBe(true);
      batches.push(entries);
      return Promise.resolve();
    },
  };
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the renderer logger', () => {
  it('sends lines together after a short wait, in order, with their time', async () => {
    const sink = keepingSink();
    const log = createLogger(sink, { clock, flushDelayMs: 1_000 });
    log.info('sync', 'started IOM Regional News');
    log.warn('sync', 'page 2 refused');
    expect(sink.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sink.batches).toEqual([
      [
        { level: 'info', scope: 'sync', message: 'started IOM Regional News', at: '2026-11-28T10:00:00.000Z' },
        { level: 'warn', scope: 'sync', message: 'page 2 refused', at: '2026-11-28T10:00:00.000Z' },
      ],
    ]);
  });

  it('sends a full batch at once, never more than the shell takes in one call', async () => {
    const sink = keepingSink();
    const log = createLogger(sink, { clock });
    for (let index = 0; index < logLimits.entriesPerCall * 2 + 5; index += 1) log.debug('search', `line ${index}`);
    // No waiting for the timer: a full batch goes at once, and everything waiting with it.
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.batches.map((batch) => batch.length)).toEqual([logLimits.entriesPerCall, logLimits.entriesPerCall, 5]);
    expect(sink.batches.flat().map((entry) => entry.message)).toEqual(Array.from({ length: logLimits.entriesPerCall * 2 + 5 }, (_, index) => `line ${index}`));
  });

  it('cuts long messages and turns any scope into one the shell accepts', async () => {
    const sink = keepingSink();
    const log = createLogger(sink, { clock });
    log.error('sync worker/page #2', 'x'.repeat(logLimits.messageCharacters + 500));
    log.info('', 'empty scope');
    await log.flush();
    const [first, second] = sink.batches[0]!;
    expect(first!.scope).toBe('sync-worker-page--2');
    expect(first!.message).toBe(`${'x'.repeat(logLimits.messageCharacters)}… (cut)`);
    expect(second!.scope).toBe('app');
  });

  it('drops the oldest lines when the sink cannot keep up, and says how many', async () => {
    const sink = keepingSink();
    const stuck = createLogger(sink, { clock, maxWaiting: 10 });
    for (let index = 0; index < 25; index += 1) stuck.info('sync', `line ${index}`);
    await stuck.flush();
    expect(sink.batches.flat().map((entry) => entry.message)).toEqual(['15 earlier log lines were dropped: the log could not keep up', ...Array.from({ length: 10 }, (_, index) => `line ${index + 15}`)]);
  });

  it('reports a failing sink where it can be seen, and goes on logging', async () => {
    const failures: unknown[] = [];
    let calls = 0;
    const sink = keepingSink();
    const log = createLogger(
      {
        write: (entries) => {
          calls += 1;
          return calls === 1 ? Promise.reject(new Error('log store missing')) : sink.write(entries);
        },
      },
      { clock, onSinkFailure: (thrown) => failures.push(thrown) },
    );
    log.info('app', 'lost');
    await log.flush();
    log.info('app', 'kept');
    await log.flush();
    expect(failures).toHaveLength(1);
    expect(sink.batches.flat().map((entry) => entry.message)).toEqual(['kept']);
  });

  it('adds a thrown error in words, never the thrown value itself', async () => {
    const sink = keepingSink();
    const log = createLogger(sink, { clock });
    log.error('backup', 'import failed', new RangeError('too deep'));
    log.warn('backup', 'odd value', { title: 'an item title that must not appear' });
    await log.flush();
    const [first, second] = sink.batches[0]!;
    expect(first!.message).toMatch(/^import failed: RangeError: too deep/);
    expect(second!.message).toBe('odd value: a thrown object');
    expect(describeError(null)).toBe('a thrown null');
  });

  it('gives the shell only lines it accepts, whatever the caller passes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom<('debug' | 'info' | 'warn' | 'error')[]>('debug', 'info', 'warn', 'error'), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 3_000 }))), async (calls) => {
        const sink = keepingSink();
        const log = createLogger(sink, { clock });
        for (const [level, scope, message] of calls) log[level](scope, message);
        await log.flush();
        expect(sink.batches.flat()).toHaveLength(calls.length);
      }),
      { numRuns: 100 },
    );
  });
});
