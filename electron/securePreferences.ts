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
  // The window's scripts are the app's own: their compiled code is kept from the first start, not
  // only once a script has run twice within 72 hours (a laptop opened every few days would never
  // reach that). With app://'s codeCache privilege (appProtocol.ts).
  v8CacheOptions: 'bypassHeatCheck',
});
