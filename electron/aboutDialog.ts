// The About dialog (Help → About Field News): the version, what the app runs on, the licences of
// what it ships, and the folder holding the stored news, so staff know what to back up; and a
// button that copies what support needs (versions, OS, data folder, the log's end) to the clipboard.
import { app, clipboard, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { assertNever } from '../shared/assertNever';
import { mainDiagnosticsText, readMainDiagnostics } from './mainDiagnostics';
import { mainLog } from './mainLog';

export interface AboutFacts {
  version: string;
  electronVersion: string;
  chromiumVersion: string;
  userDataFolder: string;
}

/** What the installed app contains, with the licence each part is used under. */
export const shippedLicences: readonly { readonly part: string; readonly licence: string }[] = [
  { part: 'Field News', licence: 'MIT' },
  { part: 'Electron', licence: 'MIT (Chromium: BSD-3-Clause and others, see LICENSES.chromium.html)' },
  { part: 'React, React DOM', licence: 'MIT' },
  { part: 'Dexie, dexie-react-hooks', licence: 'Apache-2.0' },
  { part: 'Fuse.js', licence: 'Apache-2.0' },
  { part: 'DOMPurify', licence: 'MPL-2.0 or Apache-2.0' },
  { part: 'Zod', licence: 'MIT' },
  { part: 'Place names: GeoNames (geonames.org)', licence: 'CC BY 4.0' },
];

export function aboutText(facts: AboutFacts): string {
  return [
    `Version ${facts.version}`,
    `Electron ${facts.electronVersion}, Chromium ${facts.chromiumVersion}`,
    '',
    'Licences:',
    ...shippedLicences.map(({ part, licence }) => `• ${part}: ${licence}`),
    '',
    'Your news is stored in:',
    facts.userDataFolder,
    'Back up this folder (with Field News closed) to keep your news; uninstalling or upgrading leaves it in place.',
  ].join('\n');
}

export function currentAboutFacts(): AboutFacts {
  return {
    version: app.getVersion(),
    electronVersion: process.versions.electron,
    chromiumVersion: process.versions.chrome,
    userDataFolder: app.getPath('userData'),
  };
}

const buttons = ['OK', 'Copy Diagnostics', 'Open Data Folder'] as const;

/** Shows the About dialog, attached to `parent` when there is a window; resolves when it closes. */
export async function presentAboutDialog(parent: BrowserWindow | null): Promise<void> {
  const facts = currentAboutFacts();
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'About Field News',
    message: `Field News ${facts.version}`,
    detail: aboutText(facts),
    buttons: [...buttons],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  const button = buttons[response] ?? 'OK';
  switch (button) {
    case 'OK':
      return;
    case 'Copy Diagnostics':
      await clipboard.writeText(mainDiagnosticsText(await readMainDiagnostics()));
      return;
    case 'Open Data Folder': {
      // openPath answers with an error text rather than throwing.
      const failure = await shell.openPath(facts.userDataFolder);
      if (failure !== '') mainLog.warn('about', `The data folder did not open: ${failure}`);
      return;
    }
    default:
      assertNever(button);
  }
}

/** For the Help menu: shows the About dialog without making the menu wait for it. */
export function showAboutDialog(parent: BrowserWindow | null): void {
  presentAboutDialog(parent).catch((error: unknown) => {
    mainLog.error('about', 'The About dialog failed', error);
  });
}
