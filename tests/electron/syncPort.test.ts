// The sync worker's own port to the main process: given only to the app's top frame, serving feed
// downloads over real HTTP and the free disk space with the bridge's validation and answers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { bridgeChannels, bridgeEvents, type SyncShellCalls } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import { createThreadChannel } from '../../shared/threads/threadChannel';
import { allowInsideNetwork, fakeElectron, ipcEventFrom, ipcListeners, type FakeMessagePortMain } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { registerSyncPort, serveSyncShell } = await import('../../electron/syncPort');
const { startMainLog } = await import('../../electron/mainLog');

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({ file: 'renderer/public/feeds/iom-regional-news-2021.json' });
});
afterAll(() => server.close());
beforeEach(() => {
  startMainLog({ folder: mkdtempSync(path.join(tmpdir(), 'field-news-sync-port-')), toConsole: false });
  ipcListeners.clear();
  fakeElectron.net.request.mockClear();
  // statfs needs a folder that exists: the data folder's file system is the one measured. The test
  // server is on 127.0.0.1: a feed there is one the person allowed inside the network.
  allowInsideNetwork(server.url);
});

/** Asks for a port as the preload does, from a frame at `url`; returns the port the page was sent, if any. */
const requestPort = (url: string, options: { subframe?: boolean } = {}) => {
  registerSyncPort();
  const event = ipcEventFrom(url, options);
  ipcListeners.get(bridgeChannels.requestSyncPort)?.(event);
  const sent = event.sender.postMessage.mock.calls[0] as [string, null, FakeMessagePortMain[]] | undefined;
  return { sent, event };
};

/** The worker's end of a port the main process serves: a thread channel over the Node port beneath. */
const workerEnd = (port: FakeMessagePortMain) => {
  const channel = createThreadChannel<SyncShellCalls>(port.port);
  port.port.start();
  return channel;
};

describe('the sync port', () => {
  it('gives the app page a port that downloads feeds over HTTP and reads the free disk space', async () => {
    const { sent } = requestPort('app://field-news/index.html');
    expect(sent?.[0]).toBe(bridgeEvents.syncPort);
    const port = sent?.[2][0];
    if (port === undefined) throw new Error('no port was sent');
    const worker = workerEnd(port);
    const page = await worker.call('fetchFeedDocument', { url: server.url, feedUrl: server.url, validators: null });
    expect(page).toMatchObject({ ok: true, value: { ok: true, value: { kind: 'fetched' } } });
    expect(server.requests.at(-1)?.headers['user-agent']).toMatch(/^FieldNews\/1\.2\.3/);
    expect(await worker.call('getFreeDiskSpace', null)).toMatchObject({ ok: true, value: { ok: true, value: { totalBytes: expect.any(Number) as number } } });
    port.port.close();
  });

  it.each([
    ['a web page', 'https://evil.example/index.html', {}],
    ['a frame inside the app', 'app://field-news/index.html', { subframe: true }],
  ])('gives %s no port', (_what, url, options) => {
    const { sent } = requestPort(url, options);
    expect(sent).toBeUndefined();
  });

  it('refuses a download that is not a web address before any request, as the bridge does', async () => {
    const { sent } = requestPort('app://field-news/index.html');
    const port = sent?.[2][0];
    if (port === undefined) throw new Error('no port was sent');
    const worker = workerEnd(port);
    expect(await worker.call('fetchFeedDocument', { url: 'file:///etc/passwd', feedUrl: 'file:///etc/passwd', validators: null })).toMatchObject({
      ok: true,
      value: { ok: false, reason: 'bad-address' },
    });
    expect(fakeElectron.net.request).not.toHaveBeenCalled();
    port.port.close();
  });

  it('answers with a failure value, not silence, when a download or the disk check throws', async () => {
    const { port1, port2 } = new fakeElectron.MessageChannelMain();
    serveSyncShell(port1, {
      download: () => Promise.reject(new Error('net module gone')),
      freeSpace: () => Promise.reject(new Error('statfs: ENOENT')),
      callReader: () => Promise.reject(new Error('no secrets file')),
    });
    const worker = workerEnd(port2);
    expect(await worker.call('fetchFeedDocument', { url: server.url, feedUrl: server.url, validators: null })).toMatchObject({
      ok: true,
      value: { ok: false, reason: 'no-connection', error: errorMessages.bridgeUnknownFailure },
    });
    expect(await worker.call('getFreeDiskSpace', null)).toEqual({ ok: true, value: { ok: false, error: errorMessages.freeSpaceUnknown } });
    expect(await worker.call('callReader', { accountId: 'a@http://127.0.0.1', call: { kind: 'unread-counts' } })).toMatchObject({
      ok: true,
      value: { ok: false, error: { reason: 'no-connection', error: errorMessages.bridgeUnknownFailure } },
    });
    port1.close();
    port2.close();
  });
});
