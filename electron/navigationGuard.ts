// Keeps every window on the app: navigation away, new windows, webviews and permission requests
// are refused. Web links go to the system browser; anything else (file:, javascript:, …) goes nowhere.
import { shell, type Session, type WebContents } from 'electron';
import { appHost, appScheme } from '../shared/appIdentity';
import { checkExternalLink } from '../shared/externalLink';
import { mainLog } from './mainLog';

/** Whether an address is the app's own page. Compared by scheme and host: Node's URL gives no origin for app://. */
export const isAppAddress = (address: string): boolean => {
  if (!URL.canParse(address)) return false;
  const url = new URL(address);
  return url.protocol === `${appScheme}:` && url.host === appHost;
};

/** Where an address leads, for the log: its scheme and host, never its path or query. */
const originOf = (address: string): string => (URL.canParse(address) ? `${new URL(address).protocol}//${new URL(address).host}` : 'an unreadable address');

/** Opens a web link in the system browser; returns false for anything that is not http(s). */
export const openInSystemBrowser = (address: string): boolean => {
  const link = checkExternalLink(address);
  if (!link.ok) return false;
  shell.openExternal(link.value).catch((thrown: unknown) => mainLog.warn('links', 'The system browser did not open a link', thrown));
  return true;
};

export const guardNavigation = (contents: WebContents): void => {
  contents.on('will-navigate', (event) => {
    if (isAppAddress(event.url)) return;
    event.preventDefault();
    if (!openInSystemBrowser(event.url)) mainLog.warn('navigation', `Refused navigation to ${originOf(event.url)}`);
  });
  contents.on('will-redirect', (event) => {
    if (isAppAddress(event.url)) return;
    event.preventDefault();
    mainLog.warn('navigation', `Refused a redirect to ${originOf(event.url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    mainLog.warn('navigation', 'Refused a webview');
  });
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
