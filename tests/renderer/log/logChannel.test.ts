import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/logEntry';
import { logChannelName, startLogForwarder } from '../../../renderer/log/logChannel';
import { createWorkerLog } from '../../../renderer/log/workerLog';

// Node has the same BroadcastChannel as browsers: these tests post across real channels.
const opened: BroadcastChannel[] = [];
const channel = (name = logChannelName) => {
  const made = new BroadcastChannel(name);
  opened.push(made);
  return made;
};
const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  opened.splice(0).forEach((each) => each.close());
});

const until = async (condition: () => boolean) => {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** A lock only one holder has at a time, the next waiting in line (as navigator.locks does). */
const lockQueue = () => {
  let tail = Promise.resolve();
  return (hold: () => Promise<void>) => {
    tail = tail.then(hold);
  };
};

const forwarder = (name: string, holdLock: (hold: () => Promise<void>) => void) => {
  const received: LogEntry[] = [];
  stops.push(startLogForwarder({ channel: channel(name), sink: { write: (entries) => (received.push(...entries), Promise.resolve()) }, holdLock }));
  return received;
};

describe('worker log lines', () => {
  it('reach the window that holds the forwarding lock, once, even with two windows open', async () => {
    const name = `${logChannelName}-two-windows`;
    const lock = lockQueue();
    const first = forwarder(name, lock);
    const second = forwarder(name, lock);
    const workerLog = createWorkerLog(channel(name), { clock: () => new Date('2026-11-28T10:00:00.000Z') });
    workerLog.warn('sync', 'page 2 refused: 503');
    workerLog.info('search', 'indexed 10 items');
    await workerLog.flush();
    await until(() => first.length === 2);
    expect(first).toEqual([
      { level: 'warn', scope: 'sync', message: 'page 2 refused: 503', at: '2026-11-28T10:00:00.000Z' },
      { level: 'info', scope: 'search', message: 'indexed 10 items', at: '2026-11-28T10:00:00.000Z' },
    ]);
    expect(second).toEqual([]);
  });

  it('pass to the next window when the first one closes', async () => {
    const name = `${logChannelName}-handover`;
    const lock = lockQueue();
    const first = forwarder(name, lock);
    const second = forwarder(name, lock);
    stops.shift()!();
    const workerLog = createWorkerLog(channel(name));
    workerLog.info('sync', 'after the first window closed');
    await workerLog.flush();
    await until(() => second.length === 1);
    expect(second.map((entry) => entry.message)).toEqual(['after the first window closed']);
    expect(first).toEqual([]);
  });

  it('are checked like any outside data: anything else on the channel is ignored', async () => {
    const name = `${logChannelName}-hostile`;
    const received = forwarder(name, lockQueue());
    const poster = channel(name);
    poster.postMessage('hello');
    poster.postMessage({ type: 'field-news-log', entries: [{ level: 'fatal', scope: 'x', message: 'y', at: 'now' }] });
    poster.postMessage({ type: 'field-news-log', entries: [{ level: 'info', scope: 'ok', message: 'fine\n[error] forged', at: '2026-11-28T10:00:00.000Z' }] });
    await until(() => received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([{ level: 'info', scope: 'ok', message: 'fine\\n[error] forged', at: '2026-11-28T10:00:00.000Z' }]);
  });
});
