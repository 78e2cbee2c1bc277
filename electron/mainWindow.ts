// Creates the one Field News window: secure preferences, the remembered size and place, and the
// renderer loaded from app://. Its navigation guard comes from main.ts's 'web-contents-created'
// listener, which Electron fires for this window's contents too: a second guard here would open
// every refused link twice.
import { BrowserWindow, screen } from 'electron';
import path from 'node:path';
import { appName, appOrigin } from '../shared/appIdentity';
import { securePreferences } from './securePreferences';
import { defaultWindowSize, readWindowState, writeWindowState } from './windowState';

export interface MainWindowOptions {
  preloadPath: string;
  userDataFolder: string;
  isDevelopment: boolean;
}

export const windowStateFile = (userDataFolder: string) => path.join(userDataFolder, 'window-state.json');

export const createMainWindow = ({ preloadPath, userDataFolder, isDevelopment }: MainWindowOptions): BrowserWindow => {
  const stateFile = windowStateFile(userDataFolder);
  const saved = readWindowState(
    stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    title: appName,
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : defaultWindowSize),
    minWidth: 400,
    minHeight: 300,
    show: false,
    backgroundColor: '#fbfbf8',
    webPreferences: securePreferences(preloadPath, isDevelopment),
  });
  if (saved?.maximized) window.maximize();

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeWindowState(stateFile, { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
};
