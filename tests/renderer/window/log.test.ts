// The window's log as the app wires it, in both shells: web mode (the bridge's log store is the
// IndexedDB ring buffer) and Electron (a preload bridge whose writeLog is faked here).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldNewsBridge } from '../../../shared/bridge';
import type { LogEntry } from '../../../shared/logEntry';
import { succeed } from '../../../shared/result';
import { logChannelName } from '../../../renderer/log/logChannel';
import { createWorkerLog } from '../../../renderer/log/workerLog';

const listeners = new Map<string, (event: unknown) => void>();
const stubWindow = (fieldNews?: Partial<FieldNewsBridge>) => {
  listeners.clear();
  const target = { addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener) };
  vi.stubGlobal('window', { ...target, fieldNews });
  vi.stubGlobal('document', { ...target, visibilityState: 'visible' });
  vi.stubGlobal('navigator', { platform: 'TestOS' });
};

const until = async (condition: () => Promise<boolean> | boolean) => {
  for (let tries = 0; tries < 200 && !(await condition()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 5));
};

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('the window log in web mode', () => {
  it('keeps lines of the window and its workers in IndexedDB, and the diagnostics show them', async () => {
    stubWindow();
    const { log, startRendererLog } = await import('../../../renderer/window/log');
    const { bridge } = await import('../../../renderer/window/bridge');
    startRendererLog();
    log.warn('sync', 'IOM Regional News: the server answered 503');
    await log.flush();
    const workerLog = createWorkerLog(new BroadcastChannel(logChannelName));
    workerLog.info('search', 'indexed 10 items');
    await workerLog.flush();
    const lines = async () => {
      const diagnostics = await bridge.getDiagnostics();
      return diagnostics.ok ? diagnostics.value.logLines : [];
    };
    await until(async () => (await lines()).some((line) => line.includes('(search)')));
    const shown = await lines();
    expect(shown[0]).toMatch(/\[info\] \(app\) Window started \(0\.0\.0-test\)$/);
    expect(shown[1]).toMatch(/\[warn\] \(sync\) IOM Regional News: the server answered 503$/);
    expect(shown[2]).toMatch(/\[info\] \(search\) indexed 10 items$/);

    listeners.get('unhandledrejection')?.({ reason: new TypeError('x is undefined') });
    await log.flush();
    expect((await lines()).at(-1)).toMatch(/\[error\] \(ui\) Unhandled rejection: TypeError: x is undefined/);
  });
});

describe('the window log in the desktop app', () => {
  it('hands its lines to the preload bridge in batches', async () => {
    const written: LogEntry[][] = [];
    stubWindow({ writeLog: (entries: LogEntry[]) => (written.push(entries), Promise.resolve(succeed(null))) });
    const { log, startRendererLog } = await import('../../../renderer/window/log');
    startRendererLog();
    log.info('backup', 'exported 10,000 items');
    listeners.get('pagehide')?.({});
    await until(() => written.length > 0);
    expect(written).toHaveLength(1);
    expect(written[0]!.map((entry) => [entry.scope, entry.message])).toEqual([
      ['app', 'Window started (0.0.0-test)'],
      ['backup', 'exported 10,000 items'],
    ]);
  });
});
