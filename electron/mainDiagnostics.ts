// What the main process knows for a support request: versions, the OS, the data folder and the
// end of the log. The bridge hands it to the renderer; the About box copies it as text.
import { app } from 'electron';
import { arch, release } from 'node:os';
import { appName } from '../shared/appIdentity';
import { diagnosticsLogLines, type MainDiagnostics } from '../shared/bridge';
import { lastLogLines } from './mainLog';

export const readMainDiagnostics = async (): Promise<MainDiagnostics> => ({
  version: app.getVersion(),
  shell: 'electron',
  electronVersion: process.versions.electron ?? null,
  chromeVersion: process.versions.chrome ?? null,
  os: { platform: process.platform, release: release(), arch: arch() },
  dataFolder: app.getPath('userData'),
  logLines: await lastLogLines(diagnosticsLogLines),
});

/** The diagnostics as plain text for the clipboard, ready to paste into an email to support. */
export const mainDiagnosticsText = (diagnostics: MainDiagnostics): string =>
  [
    `${appName} ${diagnostics.version} (${diagnostics.shell})`,
    `Electron ${diagnostics.electronVersion ?? 'none'}, Chromium ${diagnostics.chromeVersion ?? 'unknown'}`,
    `OS: ${diagnostics.os.platform} ${diagnostics.os.release ?? ''} ${diagnostics.os.arch ?? ''}`.trimEnd(),
    `Data folder: ${diagnostics.dataFolder ?? 'unknown'}`,
    '',
    `Last ${diagnostics.logLines.length} log lines:`,
    ...diagnostics.logLines,
  ].join('\n');
