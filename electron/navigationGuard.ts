// Keeps every window on the app: navigation away, new windows, webviews and permission requests
// are refused. Web links go to the system browser; anything else (file:, javascript:, …) goes nowhere.
import { shell, type Session, type WebContents } from 'electron';
import { appHost, appScheme } from '../shared/appIdentity';
import { checkExternalLink } from '../shared/externalLink';

/** Whether an address is the app's own page. Compared by scheme and host: Node's URL gives no origin for app://. */
export const isAppAddress = (address: string): boolean => {
  try {
    const url = new URL(address);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
};

/** Opens a web link in the system browser; returns false for anything that is not http(s). */
export const openInSystemBrowser = (address: string): boolean => {
  const link = checkExternalLink(address);
  if (!link.ok) return false;
  void shell.openExternal(link.value);
  return true;
};

export const guardNavigation = (contents: WebContents): void => {
  contents.on('will-navigate', (event) => {
    if (isAppAddress(event.url)) return;
    event.preventDefault();
    openInSystemBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppAddress(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
};

/** The app needs no camera, location, notifications or any other permission. */
export const refusePermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};
