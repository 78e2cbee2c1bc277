// Keeps every window on the app: navigation away, new windows, webviews and permission requests
// are refused. Web links go to the system browser, and only right after a click or a key press in
// the page: a script cannot open browser tabs by itself. Anything else (file:, javascript:, …) goes nowhere.
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

/** How long after a click or key press a link may still open: enough for a slow page, too short for a script to wait for one. */
export const linkGestureWindowMs = 5_000;

const gestureInputs = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap', 'touchEnd', 'pointerUp']);
const lastGestureAt = new WeakMap<WebContents, number>();

/** Remembers when the person last clicked, tapped or pressed a key in `contents`. */
export const watchGestures = (contents: WebContents): void => {
  contents.on('input-event', (_event, input) => {
    if (gestureInputs.has(input.type)) lastGestureAt.set(contents, Date.now());
  });
};

/** Whether the person clicked, tapped or pressed a key in `contents` within the last `linkGestureWindowMs`. */
export const followsGesture = (contents: WebContents, now = Date.now()): boolean => {
  const at = lastGestureAt.get(contents);
  return at !== undefined && now - at <= linkGestureWindowMs;
};

/** Opens a web link in the system browser, right after a gesture in `contents`; false for anything else. */
export const openInSystemBrowser = (address: string, contents: WebContents): boolean => {
  const link = checkExternalLink(address);
  if (!link.ok) return false;
  if (!followsGesture(contents)) {
    mainLog.warn('links', `Did not open ${originOf(address)}: no click or key press came before it`);
    return false;
  }
  shell.openExternal(link.value).catch((thrown: unknown) => mainLog.warn('links', 'The system browser did not open a link', thrown));
  return true;
};

export const guardNavigation = (contents: WebContents): void => {
  watchGestures(contents);
  contents.on('will-navigate', (event) => {
    if (isAppAddress(event.url)) return;
    event.preventDefault();
    if (!openInSystemBrowser(event.url, contents)) mainLog.warn('navigation', `Refused navigation to ${originOf(event.url)}`);
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
    openInSystemBrowser(url, contents);
    return { action: 'deny' };
  });
};

/** The app needs no camera, location, notifications or any other permission. */
export const refusePermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};
