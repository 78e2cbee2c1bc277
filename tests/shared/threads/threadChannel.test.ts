// The one way threads talk: calls answered once and in any order, errors as values, a time limit
// that any word renews, a stopped side that settles every call, events, and bytes moved not copied.
// Over a real MessageChannel (structured clone, transfer, asynchronous delivery).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreadChannel, moving, readChannelMessage, type CallMap, type ChannelEndpoint } from '../../../shared/threads/threadChannel';

type Calls = {
  echo(text: string): string;
  slow(ms: number): number;
  fail(reason: string): never;
  length(bytes: Uint8Array): number;
  fill(size: number): Uint8Array;
  never(nothing: null): null;
};
type Events = { tick: { count: number } };

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

/** Two ends of a real channel: `served` answers Calls, `caller` calls them. */
const pair = (onHandlerError = vi.fn()) => {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const received: Uint8Array[] = [];
  const served = createThreadChannel<CallMap, Calls, CallMap, Events>(port2, {
    serve: {
      echo: (text) => text,
      slow: (ms) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)),
      fail: (reason) => {
        throw new RangeError(reason);
      },
      length: (bytes) => {
        received.push(bytes);
        return bytes.byteLength;
      },
      fill: (size) => {
        const bytes = new Uint8Array(size).fill(7);
        return moving(bytes, [bytes.buffer]);
      },
      never: () => new Promise<null>(() => undefined),
    },
    onHandlerError,
  });
  const caller = createThreadChannel<Calls, CallMap, Events>(port1);
  return { caller, served, received, onHandlerError };
};

describe('the thread channel', () => {
  it('answers each call once, with its own answer, whatever order the answers come back in', async () => {
    const { caller } = pair();
    const answers = await Promise.all([caller.call('slow', 40), caller.call('echo', 'Tapachula'), caller.call('slow', 5)]);
    expect(answers).toEqual([
      { ok: true, value: 40 },
      { ok: true, value: 'Tapachula' },
      { ok: true, value: 5 },
    ]);
    expect(caller.waiting).toBe(0);
  });

  it('turns a handler that throws into a failure value naming the error, and tells the serving side', async () => {
    const { caller, onHandlerError } = pair();
    expect(await caller.call('fail', 'page 3 refused')).toEqual({ ok: false, error: { reason: 'threw', detail: 'RangeError: page 3 refused' } });
    expect(onHandlerError).toHaveBeenCalledWith('fail', expect.any(RangeError));
  });

  it('refuses a call the other side does not serve, in words', async () => {
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    createThreadChannel(port2 as unknown as ChannelEndpoint, { serve: {} });
    const caller = createThreadChannel<Calls>(port1);
    expect(await caller.call('echo', 'x')).toEqual({ ok: false, error: { reason: 'refused', detail: 'no call named echo' } });
  });

  it('gives up on a call after the quiet limit, and keeps a call alive while the other side keeps talking', async () => {
    const { caller, served } = pair();
    const startedAt = Date.now();
    expect(await caller.call('never', null, { quietLimitMs: 100 })).toMatchObject({ ok: false, error: { reason: 'timeout' } });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(95);
    // 300 ms of work, with a word every 40 ms: a limit of 100 ms never runs out.
    const ticker = setInterval(() => served.emit('tick', { count: 1 }), 40);
    const answer = await caller.call('slow', 300, { quietLimitMs: 100 });
    clearInterval(ticker);
    expect(answer).toEqual({ ok: true, value: 300 });
  });

  it('settles every waiting call, and every later one, when it is stopped (the other side died)', async () => {
    const { caller } = pair();
    const waiting = [caller.call('never', null), caller.call('slow', 1_000)];
    caller.stop('the worker stopped: ReferenceError');
    expect(await Promise.all(waiting)).toEqual([
      { ok: false, error: { reason: 'stopped', detail: 'the worker stopped: ReferenceError' } },
      { ok: false, error: { reason: 'stopped', detail: 'the worker stopped: ReferenceError' } },
    ]);
    expect(await caller.call('echo', 'late')).toMatchObject({ ok: false, error: { reason: 'stopped' } });
  });

  it('moves bytes both ways instead of copying them: the sender\u2019s buffer is detached', async () => {
    const { caller, received } = pair();
    const bytes = new Uint8Array(1024 * 1024).fill(1);
    expect(await caller.call('length', bytes, { transfer: [bytes.buffer] })).toEqual({ ok: true, value: 1024 * 1024 });
    expect(bytes.byteLength).toBe(0);
    expect(received[0]?.byteLength).toBe(1024 * 1024);
    const filled = await caller.call('fill', 16);
    expect(filled.ok && [...filled.value]).toEqual(new Array(16).fill(7));
  });

  it('settles a call whose argument cannot be cloned, in words, instead of throwing', async () => {
    const { caller } = pair();
    expect(await caller.call('echo', (() => 'a function') as unknown as string)).toMatchObject({ ok: false, error: { reason: 'refused' } });
    expect(caller.waiting).toBe(0);
  });

  it('delivers events to their listeners until they unsubscribe, and ignores messages that are not its own', async () => {
    const { caller, served } = pair();
    const counts: number[] = [];
    const stop = caller.on('tick', ({ count }) => counts.push(count));
    served.emit('tick', { count: 1 });
    served.emit('tick', { count: 2 });
    await vi.waitFor(() => expect(counts).toEqual([1, 2]));
    stop();
    served.emit('tick', { count: 3 });
    expect(await caller.call('echo', 'after')).toEqual({ ok: true, value: 'after' });
    expect(counts).toEqual([1, 2]);
    expect(readChannelMessage({ type: 'field-news-log', entries: [] })).toBeNull();
    expect(readChannelMessage('text')).toBeNull();
  });
});
