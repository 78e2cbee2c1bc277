// The application menu: the usual roles for every OS; Reload and DevTools only in development.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  showAbout: () => void;
}

export const appMenuTemplate = (isDevelopment: boolean, isMac: boolean, actions: AppMenuActions): MenuItemConstructorOptions[] => [
  ...(isMac ? [{ role: 'appMenu' } as const] : []),
  { role: 'fileMenu' },
  { role: 'editMenu' },
  {
    label: 'View',
    submenu: [
      ...(isDevelopment
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  },
  { role: 'windowMenu' },
  { role: 'help', submenu: [{ label: 'About Field News', click: actions.showAbout }] },
];

export const installAppMenu = (isDevelopment: boolean, actions: AppMenuActions): void => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(isDevelopment, process.platform === 'darwin', actions)));
};
