// The preload: exposes the typed bridge to the page, one method per message. It never exposes
// ipcRenderer itself, a generic send, or the IPC event. Bundled into one file: it runs sandboxed.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeChannels, type AppInfo, type FieldNewsBridge } from '../shared/bridge';
import type { Result } from '../shared/result';

const fieldNews: FieldNewsBridge = {
  getAppInfo: (): Promise<Result<AppInfo>> => ipcRenderer.invoke(bridgeChannels.getAppInfo) as Promise<Result<AppInfo>>,
  openExternalLink: (url: string): Promise<Result<null>> =>
    ipcRenderer.invoke(bridgeChannels.openExternalLink, url) as Promise<Result<null>>,
};

contextBridge.exposeInMainWorld('fieldNews', fieldNews);
