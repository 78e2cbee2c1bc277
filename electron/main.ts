// Main process entry: one instance, one window, the app:// protocol, the bridge and the menu.
import { app, BrowserWindow, powerMonitor, session } from 'electron';
import { appName } from '../shared/appIdentity';
import { bridgeEvents } from '../shared/bridge';
import path from 'node:path';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { fixAppIdentity } from './appIdentity';
import { installAppMenu } from './appMenu';
import { setMainLanguage } from './interfaceLanguage';
import { registerBridgeHandlers } from './bridgeHandlers';
import { registerSyncPort } from './syncPort';
import { mainLog, startMainLog } from './mainLog';
import { createMainWindow } from './mainWindow';
import { guardNavigation, refusePermissions } from './navigationGuard';
import { showAboutDialog } from './aboutDialog';

const userDataFolder = fixAppIdentity();
const isDevelopment = !app.isPackaged;
startMainLog({ folder: path.join(userDataFolder, 'logs'), toConsole: isDevelopment });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  mainLog.info('app', `${appName} ${app.getVersion()} starting on ${process.platform} ${process.arch}`);
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      userDataFolder,
      isDevelopment,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  // A crashed or killed page is the first thing support needs to know about.
  app.on('render-process-gone', (_event, _contents, details) => mainLog.error('app', `The page stopped: ${details.reason} (exit code ${details.exitCode})`));
  app.on('child-process-gone', (_event, details) => mainLog.error('app', `A ${details.type} process stopped: ${details.reason} (exit code ${details.exitCode})`));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    refusePermissions(session.defaultSession);
    serveAppProtocol(path.join(__dirname, '..', 'renderer'));
    const menuActions = { showAbout: () => showAboutDialog(mainWindow) };
    setMainLanguage({ systemLanguages: app.getPreferredSystemLanguages() });
    registerBridgeHandlers({
      // The page tells its Language setting as it starts and when it changes: the menu follows.
      onInterfaceLanguage: (setting) => {
        if (setMainLanguage({ setting })) installAppMenu(isDevelopment, menuActions);
      },
    });
    registerSyncPort();
    installAppMenu(isDevelopment, menuActions);
    openMainWindow();
    // Waking from sleep is when a field laptop often finds a network again: tell the page to sync.
    powerMonitor.on('resume', () => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(bridgeEvents.systemResumed);
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}
