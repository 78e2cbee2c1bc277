// The main side of the bridge: one handler per message. Each checks that the message comes from
// the app's own page, validates its arguments at run time, and answers with a Result value.
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { appName } from '../shared/appIdentity';
import { bridgeChannels, type AppInfo } from '../shared/bridge';
import { errorMessages } from '../shared/errorMessages';
import { checkExternalLink } from '../shared/externalLink';
import { fail, succeed, type Result } from '../shared/result';
import { downloadFeedDocument } from './feedDownloads';
import { isAppAddress, openInSystemBrowser } from './navigationGuard';

/** Only the top frame of a Field News page may talk to the main process. */
export const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppAddress(frame.url);
};

const guarded =
  <Args extends unknown[], R extends Result<unknown>>(handler: (...args: Args) => R | Promise<R>) =>
  async (event: IpcMainInvokeEvent, ...args: Args): Promise<R | Result<never>> => {
    if (!isTrustedSender(event)) return fail(errorMessages.bridgeUnexpectedSender);
    try {
      return await handler(...args);
    } catch {
      return fail(errorMessages.bridgeUnknownFailure);
    }
  };

export const readAppInfo = (): AppInfo => ({
  name: appName,
  version: app.getVersion(),
  shell: 'electron',
  platform: process.platform,
  electronVersion: process.versions.electron ?? null,
  chromeVersion: process.versions.chrome ?? null,
  dataFolder: app.getPath('userData'),
});

export const registerBridgeHandlers = (): void => {
  ipcMain.handle(
    bridgeChannels.getAppInfo,
    guarded(() => succeed(readAppInfo())),
  );
  ipcMain.handle(
    bridgeChannels.openExternalLink,
    guarded((url: unknown) => {
      const link = checkExternalLink(url);
      if (!link.ok) return link;
      openInSystemBrowser(link.value);
      return succeed(null);
    }),
  );
  ipcMain.handle(
    bridgeChannels.fetchFeedDocument,
    guarded((request: unknown) => downloadFeedDocument(request)),
  );
};
