// Web mode's side of the log methods: the bridge checks entries as the main process does, hands
// them to the store the renderer registers, and answers with values, never a throw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { logLimits, type LogEntry } from '../../../shared/logEntry';
import { englishText } from '../../../shared/i18n/formatMessages';

const entry: LogEntry = { level: 'info', scope: 'sync', message: 'page 1 stored', at: '2026-11-27T18:00:00.000Z' };
const loadWebBridge = async () => {
  vi.stubGlobal('window', {});
  vi.stubGlobal('navigator', { platform: 'TestOS' });
  return import('../../../renderer/window/bridge');
};

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('the web bridge log', () => {
  it('answers that the log is not open before a store is registered', async () => {
    const { bridge } = await loadWebBridge();
    expect(await bridge.writeLog([entry])).toEqual({ ok: false, error: errorMessages.logStoreMissing });
    expect(await bridge.getDiagnostics()).toEqual({ ok: false, error: errorMessages.logStoreMissing });
  });

  it('hands checked entries to the registered store and reads its last 200 lines into the diagnostics', async () => {
    const { bridge, setWebLogStore } = await loadWebBridge();
    const written: (readonly LogEntry[])[] = [];
    const lastLines = vi.fn((count: number) => Promise.resolve([`last ${count}`]));
    setWebLogStore({ write: (entries) => (written.push(entries), Promise.resolve()), lastLines });
    expect(await bridge.writeLog([{ ...entry, message: 'a\nb' }])).toEqual({ ok: true, value: null });
    expect(written).toEqual([[{ ...entry, message: 'a\\nb' }]]);
    expect(await bridge.getDiagnostics()).toEqual({
      ok: true,
      value: { version: '0.0.0-test', shell: 'web', electronVersion: null, chromeVersion: null, os: { platform: 'TestOS', release: null, arch: null }, dataFolder: null, logLines: ['last 200'] },
    });
  });

  it('refuses what the main process refuses, and turns a failing store into a value', async () => {
    const { bridge, setWebLogStore } = await loadWebBridge();
    const write = vi.fn(() => Promise.reject(new Error('QuotaExceededError')));
    setWebLogStore({ write, lastLines: () => Promise.reject(new Error('closed')) });
    const flood = Array.from({ length: logLimits.entriesPerCall + 1 }, () => entry);
    expect(await bridge.writeLog(flood)).toEqual({ ok: false, error: errorMessages.logEntriesRefused });
    expect(write).not.toHaveBeenCalled();
    expect(await bridge.writeLog([entry])).toEqual({ ok: false, error: errorMessages.storageUnavailable });
    expect(await bridge.getDiagnostics()).toMatchObject({ ok: true, value: { logLines: [`(${englishText(errorMessages.storageUnavailable)})`] } });
  });
});

describe('the web bridge free space', () => {
  const withStorage = async (storage: unknown) => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('navigator', { platform: 'TestOS', storage });
    return (await import('../../../renderer/window/bridge')).bridge;
  };

  it("is the quota this site has left, since a browser does not report the disk itself", async () => {
    const bridge = await withStorage({ estimate: () => Promise.resolve({ quota: 1_000_000, usage: 250_000 }) });
    expect(await bridge.getFreeDiskSpace()).toEqual({ ok: true, value: { freeBytes: 750_000, totalBytes: 1_000_000 } });
  });

  it('is never negative, and a failure value when the browser cannot say', async () => {
    expect(await (await withStorage({ estimate: () => Promise.resolve({ quota: 100, usage: 300 }) })).getFreeDiskSpace()).toMatchObject({ ok: true, value: { freeBytes: 0 } });
    for (const storage of [undefined, {}, { estimate: () => Promise.resolve({}) }, { estimate: () => Promise.reject(new Error('denied')) }]) {
      vi.resetModules();
      expect(await (await withStorage(storage)).getFreeDiskSpace()).toEqual({ ok: false, error: errorMessages.freeSpaceUnknown });
    }
  });
});
