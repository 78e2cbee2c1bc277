// The preload as the sandboxed page sees it: one method per message of the contract, each on its own
// channel, never ipcRenderer or the IPC event itself; and the sync worker's port, which cannot cross
// the contextBridge, handed to the page as a message to its own window.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeChannels, bridgeEvents, syncPortWindowMessage, type FieldNewsBridge } from '../../shared/bridge';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, (event: { ports: unknown[] }, ...args: unknown[]) => void>();
const ipcRenderer = {
  invoke: vi.fn((channel: string) => Promise.resolve({ ok: true, value: channel })),
  send: vi.fn(),
  on: vi.fn((channel: string, listener: (event: { ports: unknown[] }) => void) => listeners.set(channel, listener)),
  removeListener: vi.fn((channel: string) => listeners.delete(channel)),
};
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) }, ipcRenderer }));

const posted: { message: unknown; targetOrigin: string; transfer: unknown[] | undefined }[] = [];
beforeAll(async () => {
  vi.stubGlobal('window', {
    location: { origin: 'app://field-news' },
    postMessage: (message: unknown, targetOrigin: string, transfer?: unknown[]) => posted.push({ message, targetOrigin, transfer }),
  });
  await import('../../electron/preload');
});
afterAll(() => vi.unstubAllGlobals());

const bridge = () => exposed.get('fieldNews') as FieldNewsBridge;

describe('the preload', () => {
  it('exposes only the bridge, as window.fieldNews', () => {
    expect([...exposed.keys()]).toEqual(['fieldNews']);
    expect(Object.values(bridge()).every((member) => typeof member === 'function')).toBe(true);
    expect(Object.values(bridge())).not.toContain(ipcRenderer.invoke);
  });

  it('sends each call on its own channel, with its argument and nothing else', async () => {
    await bridge().getAppInfo();
    await bridge().openExternalLink('https://www.iom.int/');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(bridgeChannels.getAppInfo);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(bridgeChannels.openExternalLink, 'https://www.iom.int/');
    bridge().requestSyncPort();
    expect(ipcRenderer.send).toHaveBeenCalledWith(bridgeChannels.requestSyncPort);
  });

  it('hands the sync port to the page\u2019s own window, without the IPC event', () => {
    const port = { name: 'a MessagePort' };
    listeners.get(bridgeEvents.syncPort)?.({ ports: [port] }, 'ignored');
    expect(posted).toEqual([{ message: { type: syncPortWindowMessage }, targetOrigin: 'app://field-news', transfer: [port] }]);
  });

  it('gives a resume listener that can stop listening, and passes no event to it', () => {
    const heard: unknown[][] = [];
    const stop = bridge().onSystemResume((...args: unknown[]) => heard.push(args));
    listeners.get(bridgeEvents.systemResumed)?.({ ports: [] }, 'secret');
    expect(heard).toEqual([[]]);
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(bridgeEvents.systemResumed, expect.any(Function));
  });
});
