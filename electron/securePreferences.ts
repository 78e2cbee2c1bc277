// The web preferences of every Field News window: the renderer is an isolated, sandboxed web page
// with no Node, and only the preload's narrow bridge.
import type { WebPreferences } from 'electron';

export const securePreferences = (preloadPath: string, isDevelopment: boolean): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  devTools: isDevelopment,
});
