// The application menu: the usual roles for every OS, labelled in the interface language (rebuilt
// when it changes); Reload and DevTools only in development.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { mainText } from './interfaceLanguage';

export interface AppMenuActions {
  showAbout: () => void;
}

export const appMenuTemplate = (isDevelopment: boolean, isMac: boolean, actions: AppMenuActions): MenuItemConstructorOptions[] => [
  ...(isMac ? [{ role: 'appMenu' } as const] : []),
  {
    label: mainText('menu.file'),
    submenu: [isMac ? { role: 'close', label: mainText('menu.close') } : { role: 'quit', label: mainText('menu.quit') }],
  },
  {
    label: mainText('menu.edit'),
    submenu: [
      { role: 'undo', label: mainText('menu.undo') },
      { role: 'redo', label: mainText('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: mainText('menu.cut') },
      { role: 'copy', label: mainText('menu.copy') },
      { role: 'paste', label: mainText('menu.paste') },
      { role: 'selectAll', label: mainText('menu.selectAll') },
    ],
  },
  {
    label: mainText('menu.view'),
    submenu: [
      ...(isDevelopment
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom', label: mainText('menu.resetZoom') },
      { role: 'zoomIn', label: mainText('menu.zoomIn') },
      { role: 'zoomOut', label: mainText('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: mainText('menu.fullScreen') },
    ],
  },
  { role: 'windowMenu', label: mainText('menu.window') },
  { role: 'help', label: mainText('menu.help'), submenu: [{ label: mainText('menu.about'), click: actions.showAbout }] },
];

export const installAppMenu = (isDevelopment: boolean, actions: AppMenuActions): void => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(isDevelopment, process.platform === 'darwin', actions)));
};
