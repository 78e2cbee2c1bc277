import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron, navigationEvent } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { createMainWindow, windowStateFile } = await import('../../electron/mainWindow');

let userDataFolder: string;
const open = (isDevelopment = false) => createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', userDataFolder, isDevelopment }) as unknown as FakeBrowserWindow;

beforeEach(() => {
  FakeBrowserWindow.created = [];
  fakeElectron.shell.openExternal.mockClear();
  userDataFolder = mkdtempSync(path.join(tmpdir(), 'field-news-window-'));
});

describe('the main window', () => {
  it('is created with the secure web preferences', () => {
    const window = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('allows DevTools only in development', () => {
    expect(open(true).options.webPreferences).toMatchObject({ devTools: true });
  });

  it('loads the renderer from the app:// origin, not file://', () => {
    expect(open().loadedUrl).toBe('app://field-news/index.html');
  });

  it('refuses navigation away from the app and sends web links to the system browser', () => {
    const contents = open().webContents;
    const web = navigationEvent('https://www.iom.int/');
    contents.emit('will-navigate', web);
    expect(web.prevented).toBe(true);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://www.iom.int/');

    const file = navigationEvent('file:///etc/passwd');
    contents.emit('will-navigate', file);
    expect(file.prevented).toBe(true);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);

    const inside = navigationEvent('app://field-news/index.html');
    contents.emit('will-navigate', inside);
    expect(inside.prevented).toBe(false);
  });

  it('denies every new window; only web links reach the system browser', () => {
    const contents = open().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://field-news/index.html' })).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses webviews', () => {
    const attach = navigationEvent('about:blank');
    open().webContents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });

  it('remembers its size and place when closed, and opens there next time', () => {
    open().emit('close');
    expect(JSON.parse(readFileSync(windowStateFile(userDataFolder), 'utf8'))).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    expect(open().options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
});
