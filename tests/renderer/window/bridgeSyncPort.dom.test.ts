// The window's side of the sync worker's port: the preload posts it to the page's own window; the
// bridge takes it only from there, and gives up (null: the worker then downloads itself) when none comes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncPortWindowMessage, type FieldNewsBridge } from '../../../shared/bridge';
import { openSyncPort } from '../../../renderer/window/bridge';

const withShell = (requestSyncPort: () => void) => {
  (window as { fieldNews?: Partial<FieldNewsBridge> }).fieldNews = { requestSyncPort };
};
afterEach(() => {
  delete (window as { fieldNews?: unknown }).fieldNews;
});

const portMessage = (source: MessageEventSource | null, port: MessagePort) =>
  new MessageEvent('message', { data: { type: syncPortWindowMessage }, source, ports: [port] });

describe('openSyncPort', () => {
  it('answers null at once in web mode, where there is no shell to ask', async () => {
    expect(await openSyncPort(10)).toBeNull();
  });

  it('takes the port the preload posts to this window, and only that one', async () => {
    const { port1, port2 } = new MessageChannel();
    const stranger = new MessageChannel();
    const requestSyncPort = vi.fn(() => {
      // Another frame (or any page script) posting the same words is not the preload.
      window.dispatchEvent(portMessage(null, stranger.port1));
      window.dispatchEvent(portMessage(window, port1));
    });
    withShell(requestSyncPort);
    expect(await openSyncPort(1_000)).toBe(port1);
    expect(requestSyncPort).toHaveBeenCalledTimes(1);
    port1.close();
    port2.close();
    stranger.port1.close();
    stranger.port2.close();
  });

  it('gives up with null when no port comes in time', async () => {
    withShell(() => undefined);
    expect(await openSyncPort(30)).toBeNull();
  });
});
