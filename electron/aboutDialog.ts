// The About dialog (Help → About Field News): the version, what the app runs on, the licences of
// what it ships, and the folder holding the stored news, so staff know what to back up; and a
// button that copies what support needs (versions, OS, data folder, the log's end) to the clipboard.
import { app, clipboard, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { assertNever } from '../shared/assertNever';
import { mainText } from './interfaceLanguage';
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
];

export function aboutText(facts: AboutFacts): string {
  return [
    mainText('about.version', { version: facts.version }),
    mainText('about.runtime', { electron: facts.electronVersion, chromium: facts.chromiumVersion }),
    '',
    mainText('about.licencesHeading'),
    ...shippedLicences.map(({ part, licence }) => mainText('about.licenceLine', { part, licence })),
    mainText('about.licenceLine', { part: mainText('about.partPlaceNames'), licence: 'CC BY 4.0' }),
    '',
    mainText('about.storedIn'),
    facts.userDataFolder,
    mainText('about.backupHint'),
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

const buttons = ['about.ok', 'about.copyDiagnostics', 'about.openDataFolder'] as const;

/** Shows the About dialog, attached to `parent` when there is a window; resolves when it closes. */
export async function presentAboutDialog(parent: BrowserWindow | null): Promise<void> {
  const facts = currentAboutFacts();
  const options: MessageBoxOptions = {
    type: 'info',
    title: mainText('about.title'),
    message: `Field News ${facts.version}`,
    detail: aboutText(facts),
    buttons: buttons.map((id) => mainText(id)),
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  const button = buttons[response] ?? 'about.ok';
  switch (button) {
    case 'about.ok':
      return;
    case 'about.copyDiagnostics':
      await clipboard.writeText(mainDiagnosticsText(await readMainDiagnostics()));
      return;
    case 'about.openDataFolder': {
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
