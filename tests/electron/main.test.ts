// The main process as it starts: one instance, secure defaults for every web contents, the
// app:// protocol, the bridge, one window, and a sync nudge when the laptop wakes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeChannels, bridgeEvents } from '../../shared/bridge';
import { appEvents, FakeBrowserWindow, FakeWebContents, fakeElectron, ipcHandlers, ipcListeners, navigationEvent, permissionHandlers, powerMonitor, protocolHandlers } from './fakeElectron';

// One stand-in for every fresh start of the main module: the factory hands back the same instance.
const fake = await vi.hoisted(async () => import('./fakeElectron'));
vi.mock('electron', () => fake.fakeElectron);

const start = async () => {
  vi.resetModules();
  await import('../../electron/main');
  // Let whenReady's continuation run.
  await new Promise((resolve) => setTimeout(resolve, 0));
};

let appData: string;

beforeEach(() => {
  // The log goes to <appData>/Field News/logs: a fresh folder per test, never the machine's home.
  appData = mkdtempSync(path.join(tmpdir(), 'field-news-main-'));
  fakeElectron.app.paths.set('appData', appData);
  appEvents.removeAllListeners();
  powerMonitor.removeAllListeners();
  ipcHandlers.clear();
  ipcListeners.clear();
  protocolHandlers.clear();
  FakeBrowserWindow.created = [];
  fakeElectron.app.quit.mockClear();
  fakeElectron.app.requestSingleInstanceLock.mockReturnValue(true);
  fakeElectron.shell.openExternal.mockClear();
});

describe('the main process', () => {
  it('quits at once when another Field News already runs', async () => {
    fakeElectron.app.requestSingleInstanceLock.mockReturnValue(false);
    await start();
    expect(fakeElectron.app.quit).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('when ready, serves app://, answers the bridge and opens one secure window on the app', async () => {
    await start();
    expect(protocolHandlers.has('app')).toBe(true);
    expect([...ipcHandlers.keys(), ...ipcListeners.keys()].sort()).toEqual(Object.values(bridgeChannels).sort());
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const window = FakeBrowserWindow.created[0]!;
    expect(window.loadedUrl).toBe('app://field-news/index.html');
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(fakeElectron.app.name).toBe('Field News');
  });

  it('refuses every permission a page asks for', async () => {
    await start();
    const answer = vi.fn();
    permissionHandlers.request?.({}, 'geolocation', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(permissionHandlers.check?.({}, 'media')).toBe(false);
  });

  it('focuses the first window when Field News is launched again', async () => {
    await start();
    const window = FakeBrowserWindow.created[0]!;
    window.minimized = true;
    appEvents.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('guards every web contents that is created, not only the main window', async () => {
    await start();
    const contents = new FakeWebContents();
    appEvents.emit('web-contents-created', {}, contents);
    const away = navigationEvent('https://elsewhere.example/');
    contents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('guards the main window once: a refused web link opens in the system browser exactly once, right after a click', async () => {
    await start();
    const contents = FakeBrowserWindow.created[0]!.webContents;
    // A script's navigation, with no click or key before it, opens nothing.
    const scripted = navigationEvent('https://www.iom.int/');
    contents.emit('will-navigate', scripted);
    expect(scripted.prevented).toBe(true);
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
    contents.emit('input-event', {}, { type: 'mouseUp' });
    const web = navigationEvent('https://www.iom.int/');
    contents.emit('will-navigate', web);
    expect(web.prevented).toBe(true);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://www.iom.int/');
    expect(contents.listenerCount('will-navigate')).toBe(1);

    const file = navigationEvent('file:///etc/passwd');
    contents.emit('will-navigate', file);
    expect(file.prevented).toBe(true);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);

    const inside = navigationEvent('app://field-news/index.html');
    contents.emit('will-navigate', inside);
    expect(inside.prevented).toBe(false);
  });

  it('denies every new window from the main window; only web links reach the system browser', async () => {
    await start();
    const contents = FakeBrowserWindow.created[0]!.webContents;
    contents.emit('input-event', {}, { type: 'keyDown' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://field-news/index.html' })).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses webviews in the main window', async () => {
    await start();
    const attach = navigationEvent('about:blank');
    FakeBrowserWindow.created[0]!.webContents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });

  it('keeps its log in the data folder: the start, a refused navigation and a crashed page', async () => {
    await start();
    const contents = FakeBrowserWindow.created[0]!.webContents;
    contents.emit('will-navigate', navigationEvent('file:///etc/passwd'));
    appEvents.emit('render-process-gone', {}, contents, { reason: 'oom', exitCode: 137 });
    const log = readFileSync(path.join(appData, 'Field News', 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/\[info\] \(app\) Field News 1\.2\.3 starting/);
    expect(log).toMatch(/\[warn\] \(navigation\) Refused navigation to file:\/\//);
    expect(log).toMatch(/\[error\] \(app\) The page stopped: oom \(exit code 137\)/);
    expect(log).not.toContain('passwd');
  });

  it('tells the page to sync when the laptop wakes from sleep', async () => {
    await start();
    powerMonitor.emit('resume');
    expect(FakeBrowserWindow.created[0]?.webContents.send).toHaveBeenCalledWith(bridgeEvents.systemResumed);
  });
});
