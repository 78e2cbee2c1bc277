// The main side of the bridge: one handler per message. Each checks that the message comes from
// the app's own page, validates its arguments at run time, and answers with a Result value, also
// when the handler throws (the throw is logged), so no bridge call is left without an answer.
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type MessageBoxOptions, type WebContents } from 'electron';
import { appName } from '../shared/appIdentity';
import { bridgeChannels, type AppInfo, type BridgeChannel, type FeedAdmission, type FreeDiskSpace, type MainDiagnostics } from '../shared/bridge';
import { errorMessages } from '../shared/errorMessages';
import { checkExternalLink } from '../shared/externalLink';
import { languageSettingSchema, type LanguageSetting } from '../shared/i18n/interfaceLanguage';
import { checkLogEntries } from '../shared/logEntry';
import { fail, succeed, type Result } from '../shared/result';
import { feedFetchFailure, type FeedFetchFailure } from '../shared/sync/fetchFeedDocument';
import { downloadFeedDocument } from './feedDownloads';
import { readFreeDiskSpace } from './freeDiskSpace';
import { readMainDiagnostics } from './mainDiagnostics';
import { mainLog, writeLogEntries } from './mainLog';
import { downloadPicture, pictureRequestRefused } from './pictureDownloads';
import { followsGesture, isAppAddress, openInSystemBrowser } from './navigationGuard';
import { admitFeed, type InsideNetworkQuestion } from './admitFeed';
import { resolveWithSystem } from './addressGuard';
import { appFeedsInsideNetwork } from './downloadNetwork';
import { mainText } from './interfaceLanguage';
import type { UserMessage } from '../shared/i18n/userMessage';
import type { ConnectedAccount } from '../shared/aggregator/readerSession';
import { connectAggregator, forgetAggregator } from './aggregatorAccounts';
import { appAccountSecrets, appAggregatorDesk } from './appAggregator';

/** Only the top frame of a Field News page may talk to the main process. */
export const isTrustedSender = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppAddress(frame.url);
};

/**
 * Registers `handler` on `channel` behind the sender check and a catch-all. `failure` builds the
 * channel's own failure value, so a renderer reading e.g. a download's `reason` always finds one.
 */
const handle = <R extends { ok: boolean }>(
  channel: BridgeChannel,
  failure: (error: UserMessage) => R,
  handler: (args: unknown[], sender: WebContents) => R | Promise<R>,
): void => {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<R> => {
    if (!isTrustedSender(event)) {
      mainLog.warn('bridge', `Refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return failure(errorMessages.bridgeUnexpectedSender);
    }
    try {
      return await handler(args, event.sender);
    } catch (thrown) {
      mainLog.error('bridge', `${channel} failed`, thrown);
      return failure(errorMessages.bridgeUnknownFailure);
    }
  });
};

const resultFailure = <T>(error: UserMessage): Result<T, UserMessage> => fail(error);
const downloadFailure = (error: UserMessage): FeedFetchFailure => feedFetchFailure('no-connection', error);

export const readAppInfo = (): AppInfo => ({
  name: appName,
  version: app.getVersion(),
  shell: 'electron',
  platform: process.platform,
  electronVersion: process.versions.electron ?? null,
  chromeVersion: process.versions.chrome ?? null,
  dataFolder: app.getPath('userData'),
});

/** The question about a feed inside the network, as a dialog of the page's window (modal to it). */
const askInsideNetwork =
  (sender: WebContents) =>
  async ({ url, host, address }: InsideNetworkQuestion): Promise<boolean> => {
    const options: MessageBoxOptions = {
      type: 'warning',
      buttons: [mainText('insideNetwork.allow'), mainText('insideNetwork.cancel')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      message: mainText('insideNetwork.question', { host }),
      detail: mainText('insideNetwork.detail', { url, address }),
    };
    const window = BrowserWindow.fromWebContents(sender);
    const { response } = window === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(window, options);
    return response === 0;
  };

/** What the main process does when the page's language setting changes (rebuild the menu). */
export interface BridgeHandlerHooks {
  onInterfaceLanguage: (setting: LanguageSetting) => void;
}

export const registerBridgeHandlers = (hooks: BridgeHandlerHooks = { onInterfaceLanguage: () => undefined }): void => {
  handle(bridgeChannels.getAppInfo, resultFailure<AppInfo>, () => succeed(readAppInfo()));
  handle(bridgeChannels.openExternalLink, resultFailure<null>, ([url], sender) => {
    const link = checkExternalLink(url);
    if (!link.ok) return link;
    if (!followsGesture(sender)) return fail(errorMessages.linkNeedsGesture);
    openInSystemBrowser(link.value, sender);
    return succeed(null);
  });
  handle(bridgeChannels.fetchFeedDocument, downloadFailure, ([request]) => downloadFeedDocument(request));
  handle(bridgeChannels.fetchPicture, pictureRequestRefused, ([request]) => downloadPicture(request));
  handle(bridgeChannels.admitFeed, resultFailure<FeedAdmission>, ([url], sender) =>
    admitFeed(url, { resolveHost: resolveWithSystem, feedsInsideNetwork: appFeedsInsideNetwork(), confirm: askInsideNetwork(sender) }),
  );
  // The server's host is admitted as a feed's: inside the network only when the person allows it here.
  handle(bridgeChannels.connectAggregator, resultFailure<ConnectedAccount>, ([signIn], sender) =>
    connectAggregator(
      signIn,
      appAggregatorDesk((serverAddress) => admitFeed(serverAddress, { resolveHost: resolveWithSystem, feedsInsideNetwork: appFeedsInsideNetwork(), confirm: askInsideNetwork(sender) })),
    ),
  );
  handle(bridgeChannels.forgetAggregator, resultFailure<null>, ([accountId]) => forgetAggregator(accountId, { secrets: appAccountSecrets() }));
  handle(bridgeChannels.writeLog, resultFailure<null>, ([entries]) => {
    const checked = checkLogEntries(entries);
    if (!checked.ok) return checked;
    writeLogEntries(checked.value);
    return succeed(null);
  });
  handle(bridgeChannels.getDiagnostics, resultFailure<MainDiagnostics>, async () => succeed(await readMainDiagnostics()));
  handle(bridgeChannels.getSystemLanguages, resultFailure<string[]>, () => succeed(app.getPreferredSystemLanguages()));
  handle(bridgeChannels.setInterfaceLanguage, resultFailure<null>, ([setting]) => {
    const parsed = languageSettingSchema.safeParse(setting);
    if (!parsed.success) return fail(errorMessages.bridgeUnknownFailure);
    hooks.onInterfaceLanguage(parsed.data);
    return succeed(null);
  });
  // The data folder's file system: the one Chromium writes IndexedDB to.
  handle(bridgeChannels.getFreeDiskSpace, resultFailure<FreeDiskSpace>, async () => succeed(await readFreeDiskSpace(app.getPath('userData'))));
};
