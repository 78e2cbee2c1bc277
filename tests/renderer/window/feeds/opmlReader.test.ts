// The OPML worker and the window's side of it, joined by a real MessageChannel in place of a Web
// Worker (the worker's own serveOpmlCalls on the far end): a file is read there and its bytes moved,
// and the worker is ended after every file, whether it answered, died or took too long.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../../../shared/errorMessages';
import { opmlLimits, parseOpmlFile } from '../../../../shared/opml/parseOpml';
import { writeOpml } from '../../../../shared/opml/writeOpml';
import { createOpmlReader } from '../../../../renderer/window/feeds/opmlReader';
import { serveOpmlCalls } from '../../../../renderer/workers/opml/serveOpmlCalls';
import { workerStandIn, type WorkerStandIn } from '../../../fixtures/workerStandIn';

const encoded = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
const list = writeOpml([{ url: 'https://iom.example/feed.xml', title: 'IOM', folder: 'Agencies' }], { title: 'Feeds', createdAt: new Date('2026-11-01T00:00:00Z') });
const nested = (depth: number) => `<opml><body>${'<outline text="f">'.repeat(depth)}<outline text="x" xmlUrl="https://a.example/"/>${'</outline>'.repeat(depth)}</body></opml>`;

/** A reader whose workers run the OPML worker's own calls; `started` lists them, `log` what the window logged. */
const readerOverStandIns = (runWorker: (scope: Parameters<typeof serveOpmlCalls>[0]) => void = (scope) => serveOpmlCalls(scope, vi.fn()), timeLimitMs = 5_000) => {
  const started: WorkerStandIn[] = [];
  const log = vi.fn<(message: string) => void>();
  const read = createOpmlReader({
    start: () => {
      const worker = workerStandIn(runWorker);
      started.push(worker);
      return worker;
    },
    timeLimitMs,
    log,
  });
  return { read, started, log };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('reading OPML in its worker', () => {
  it('answers as parseOpmlFile does, moves the bytes, and ends the worker after the answer', async () => {
    const { read, started, log } = readerOverStandIns();
    const bytes = encoded(list);
    expect(await read(bytes)).toEqual(parseOpmlFile(encoded(list)));
    expect(bytes.byteLength).toBe(0);
    expect(started).toHaveLength(1);
    expect(started[0]?.terminated).toBe(true);
    expect(log).not.toHaveBeenCalled();
  });

  it('answers a file nested 20,000 deep with the depth message, and ends that worker too', async () => {
    const { read, started } = readerOverStandIns();
    expect(await read(encoded(nested(20_000)))).toEqual({ ok: false, error: errorMessages.opmlTooDeep(opmlLimits.maxDepth) });
    // A fresh worker for the next file: the first one was ended.
    expect(await read(encoded(list))).toMatchObject({ ok: true });
    expect(started.map((worker) => worker.terminated)).toEqual([true, true]);
  });

  it('ends a worker that has not answered in time, says so in words, and logs it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A worker stuck in its parse: it never answers.
    const { read, started, log } = readerOverStandIns(() => undefined, 20_000);
    const reading = read(encoded(nested(20_000)));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(started[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await reading).toEqual({ ok: false, error: errorMessages.opmlTookTooLong(20) });
    expect(started[0]?.terminated).toBe(true);
    expect(log).toHaveBeenCalledWith('An OPML file was not read (timeout: no word for 20000 ms)');
  });

  it('says the file could not be read when its worker dies, and logs the cause', async () => {
    const { read, started, log } = readerOverStandIns(() => undefined);
    const reading = read(encoded(list));
    started[0]?.fail('SyntaxError: Unexpected token');
    const result = await reading;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.id).toBe('error.opmlUnreadable');
    expect(started[0]?.terminated).toBe(true);
    expect(log.mock.calls[0]?.[0]).toContain('SyntaxError: Unexpected token');
  });
});
