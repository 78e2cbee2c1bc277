// The typed contract between the renderer and the main process: one method per message.
// Imported with `import type` by the preload, the main handlers and the renderer.
import type { Result } from './result';

export const bridgeChannels = {
  getAppInfo: 'field-news:get-app-info',
  openExternalLink: 'field-news:open-external-link',
} as const;

export type BridgeChannel = (typeof bridgeChannels)[keyof typeof bridgeChannels];

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'web' in a browser. */
  shell: 'electron' | 'web';
  platform: string;
  electronVersion: string | null;
  chromeVersion: string | null;
  /** Where the news is stored on this computer, when the shell knows it. */
  dataFolder: string | null;
}

export interface FieldNewsBridge {
  getAppInfo(): Promise<Result<AppInfo>>;
  /** Opens an http(s) link in the system browser; anything else is refused. */
  openExternalLink(url: string): Promise<Result<null>>;
}
