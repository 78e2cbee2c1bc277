// The preload: exposes the typed bridge to the page, one method per message. It never exposes
// ipcRenderer itself, a generic send, or the IPC event. Bundled into one file: it runs sandboxed.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeChannels, bridgeEvents, syncPortWindowMessage, type AppInfo, type FeedAdmission, type FieldNewsBridge, type FreeDiskSpace, type MainDiagnostics } from '../shared/bridge';
import type { LanguageSetting } from '../shared/i18n/interfaceLanguage';
import type { PictureFetchResult } from '../shared/pictures/fetchPicture';
import type { Result } from '../shared/result';
import type { FeedFetchResult } from '../shared/sync/fetchFeedDocument';
import type { UserMessage } from '../shared/i18n/userMessage';
import type { ConnectedAccount } from '../shared/aggregator/readerSession';

/** The page's window as the sandboxed preload sees it (its tsconfig has no DOM): only what is used here. */
declare const window: { postMessage(message: unknown, targetOrigin: string, transfer?: unknown[]): void; location: { origin: string } };

const fieldNews: FieldNewsBridge = {
  getAppInfo: () => ipcRenderer.invoke(bridgeChannels.getAppInfo) as Promise<Result<AppInfo, UserMessage>>,
  openExternalLink: (url) => ipcRenderer.invoke(bridgeChannels.openExternalLink, url) as Promise<Result<null, UserMessage>>,
  fetchFeedDocument: (request) => ipcRenderer.invoke(bridgeChannels.fetchFeedDocument, request) as Promise<FeedFetchResult>,
  fetchPicture: (request) => ipcRenderer.invoke(bridgeChannels.fetchPicture, request) as Promise<PictureFetchResult>,
  admitFeed: (url) => ipcRenderer.invoke(bridgeChannels.admitFeed, url) as Promise<Result<FeedAdmission, UserMessage>>,
  writeLog: (entries) => ipcRenderer.invoke(bridgeChannels.writeLog, entries) as Promise<Result<null, UserMessage>>,
  getDiagnostics: () => ipcRenderer.invoke(bridgeChannels.getDiagnostics) as Promise<Result<MainDiagnostics, UserMessage>>,
  getSystemLanguages: () => ipcRenderer.invoke(bridgeChannels.getSystemLanguages) as Promise<Result<string[], UserMessage>>,
  setInterfaceLanguage: (setting: LanguageSetting) => ipcRenderer.invoke(bridgeChannels.setInterfaceLanguage, setting) as Promise<Result<null, UserMessage>>,
  getFreeDiskSpace: () => ipcRenderer.invoke(bridgeChannels.getFreeDiskSpace) as Promise<Result<FreeDiskSpace, UserMessage>>,
  connectAggregator: (signIn) => ipcRenderer.invoke(bridgeChannels.connectAggregator, signIn) as Promise<Result<ConnectedAccount, UserMessage>>,
  forgetAggregator: (accountId) => ipcRenderer.invoke(bridgeChannels.forgetAggregator, accountId) as Promise<Result<null, UserMessage>>,
  onSystemResume: (listener) => {
    const relay = () => listener();
    ipcRenderer.on(bridgeEvents.systemResumed, relay);
    return () => {
      ipcRenderer.removeListener(bridgeEvents.systemResumed, relay);
    };
  },
  requestSyncPort: () => ipcRenderer.send(bridgeChannels.requestSyncPort),
};

// A MessagePort cannot cross the contextBridge: the page gets it as a message to its own window,
// which only renderer/window/bridge.ts reads. The IPC event itself never reaches the page.
ipcRenderer.on(bridgeEvents.syncPort, (event) => window.postMessage({ type: syncPortWindowMessage }, window.location.origin, event.ports));

contextBridge.exposeInMainWorld('fieldNews', fieldNews);
