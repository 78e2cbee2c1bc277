// The one place that watches a worker die: started on first use, ended on an uncaught error or an
// unreadable message, its calls settled, the owner told why, and a fresh worker for the next call.
import { describe, expect, it, vi } from 'vitest';
import { createThreadChannel, type CallMap } from '../../../shared/threads/threadChannel';
import { createWorkerThread } from '../../../renderer/threads/workerThread';
import { workerStandIn, type WorkerStandIn } from '../../fixtures/workerStandIn';

type Calls = { echo(text: string): string; hang(nothing: null): null };

const echoWorkers = (answering: (workerNumber: number) => boolean = () => true) => {
  const started: WorkerStandIn[] = [];
  const start = () => {
    const answers = answering(started.length + 1);
    const worker = workerStandIn((scope) => {
      if (answers) createThreadChannel<CallMap, Calls>(scope, { serve: { echo: (text) => `${text} (worker ${started.length})`, hang: () => new Promise<null>(() => undefined) } });
    });
    started.push(worker);
    return worker;
  };
  return { start, started };
};

describe('a worker thread', () => {
  it('starts no worker until the first call', async () => {
    const workers = echoWorkers();
    const thread = createWorkerThread<Calls>({ start: workers.start, onStopped: vi.fn() });
    expect(workers.started).toHaveLength(0);
    expect(thread.running).toBe(false);
    expect(await thread.channel().call('echo', 'Petén')).toEqual({ ok: true, value: 'Petén (worker 1)' });
    expect(await thread.channel().call('echo', 'Chiapas')).toEqual({ ok: true, value: 'Chiapas (worker 1)' });
    expect(workers.started).toHaveLength(1);
  });

  it('ends a worker that throws, settles its calls with the cause, and starts a fresh one for the next call', async () => {
    const workers = echoWorkers();
    const onStopped = vi.fn();
    const thread = createWorkerThread<Calls>({ start: workers.start, onStopped });
    const waiting = thread.channel().call('hang', null);
    workers.started[0]?.fail('TypeError: cannot read properties of undefined');
    expect(await waiting).toEqual({ ok: false, error: { reason: 'stopped', detail: 'TypeError: cannot read properties of undefined' } });
    expect(workers.started[0]?.terminated).toBe(true);
    expect(onStopped).toHaveBeenCalledWith('TypeError: cannot read properties of undefined');
    expect(await thread.channel().call('echo', 'again')).toEqual({ ok: true, value: 'again (worker 2)' });
  });

  it('ends a worker on request, and an error from an ended worker changes nothing', async () => {
    const workers = echoWorkers();
    const onStopped = vi.fn();
    const thread = createWorkerThread<Calls>({ start: workers.start, onStopped });
    const waiting = thread.channel().call('hang', null);
    thread.end('no answer for 180 s');
    expect(await waiting).toMatchObject({ ok: false, error: { reason: 'stopped', detail: 'no answer for 180 s' } });
    workers.started[0]?.fail('late');
    expect(onStopped).toHaveBeenCalledTimes(1);
    expect(thread.running).toBe(false);
  });

  it('tells the browser the error was handled, so it is not reported twice', () => {
    const workers = echoWorkers();
    const thread = createWorkerThread<Calls>({ start: workers.start, onStopped: vi.fn() });
    thread.channel();
    expect(workers.started[0]?.fail('boom').defaultPrevented).toBe(true);
  });
});
