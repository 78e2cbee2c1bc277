import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { createMainWindow, windowStateFile } = await import('../../electron/mainWindow');

let userDataFolder: string;
const open = (isDevelopment = false) => createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', userDataFolder, isDevelopment }) as unknown as FakeBrowserWindow;

beforeEach(() => {
  FakeBrowserWindow.created = [];
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
      v8CacheOptions: 'bypassHeatCheck',
    });
  });

  it('allows DevTools only in development', () => {
    expect(open(true).options.webPreferences).toMatchObject({ devTools: true });
  });

  it('loads the renderer from the app:// origin, not file://', () => {
    expect(open().loadedUrl).toBe('app://field-news/index.html');
  });

  it('remembers its size and place when closed, and opens there next time', () => {
    open().emit('close');
    expect(JSON.parse(readFileSync(windowStateFile(userDataFolder), 'utf8'))).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    expect(open().options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
});
