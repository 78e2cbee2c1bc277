// A worker's own failures reach the log: an uncaught error and an unhandled rejection in a worker
// are posted, with their cause, on the channel the window forwards to the shell's log.
import { afterEach, describe, expect, it } from 'vitest';
import { logChannelName, type WorkerLogBatch } from '../../../renderer/log/logChannel';
import { installWorkerErrorLog, workerLog } from '../../../renderer/log/workerLog';

const opened: BroadcastChannel[] = [];
afterEach(() => {
  for (const channel of opened.splice(0)) channel.close();
});

/** What the window would hear on the log channel. */
const listen = () => {
  const heard: WorkerLogBatch[] = [];
  const channel = new BroadcastChannel(logChannelName);
  opened.push(channel);
  channel.addEventListener('message', (event: MessageEvent) => heard.push(event.data as WorkerLogBatch));
  return heard;
};

describe('installWorkerErrorLog', () => {
  it('logs a worker\u2019s uncaught error and unhandled rejection with their causes', async () => {
    const heard = listen();
    const scope = new EventTarget();
    installWorkerErrorLog('sync', scope as never);
    scope.dispatchEvent(Object.assign(new Event('error'), { error: new TypeError('feed is undefined'), message: 'Uncaught TypeError' }));
    scope.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new RangeError('No value at index 7') }));
    await workerLog.flush();
    await expect.poll(() => heard.flatMap((batch) => batch.entries)).toEqual([
      expect.objectContaining({ level: 'error', scope: 'sync', message: expect.stringContaining('Uncaught error in the sync worker: TypeError: feed is undefined') as string }),
      expect.objectContaining({ level: 'error', scope: 'sync', message: expect.stringContaining('Unhandled rejection in the sync worker: RangeError: No value at index 7') as string }),
    ]);
  });
});
