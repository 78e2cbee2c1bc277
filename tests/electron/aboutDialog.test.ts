// The About dialog tells staff the version, the licences (GeoNames CC BY 4.0 included) and
// where their news is stored, and can open that folder for a backup.
import type { BrowserWindow } from 'electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: {
    getVersion: vi.fn(() => '1.4.2'),
    getPath: vi.fn((name: string) => (name === 'userData' ? '/home/ana/.config/Field News' : `/unexpected/${name}`)),
  },
  dialog: { showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })) },
  shell: { openPath: vi.fn((_path: string) => Promise.resolve('')) },
  clipboard: { writeText: vi.fn((_text: string) => Promise.resolve()) },
}));
vi.mock('electron', () => electron);

const { aboutText, presentAboutDialog, showAboutDialog } = await import('../../electron/aboutDialog');
const { mainLog, startMainLog } = await import('../../electron/mainLog');

function shownOptions(): { message?: string; detail?: string; buttons?: string[] } {
  const options: unknown = electron.dialog.showMessageBox.mock.lastCall?.at(-1);
  if (typeof options !== 'object' || options === null) throw new Error('no dialog was shown');
  return options;
}

describe('the About dialog', () => {
  // Electron's process.versions has electron and chrome; Node's, where the tests run, does not.
  beforeAll(() => {
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
    Object.defineProperty(process.versions, 'chrome', { value: '142.0.7444.52', configurable: true });
  });

  afterAll(() => {
    Reflect.deleteProperty(process.versions, 'electron');
    Reflect.deleteProperty(process.versions, 'chrome');
  });

  beforeEach(() => {
    vi.clearAllMocks();
  });

  it('shows the version, the Electron and Chromium versions, the licences and the data folder', async () => {
    await presentAboutDialog(null);
    const { message, detail } = shownOptions();
    expect(message).toBe('Field News 1.4.2');
    expect(detail).toContain('Version 1.4.2');
    expect(detail).toContain('Electron 45.5.0, Chromium 142.0.7444.52');
    expect(detail).toContain('Field News: MIT');
    expect(detail).toMatch(/GeoNames.*: CC BY 4\.0/);
    for (const library of ['React', 'Dexie', 'Fuse.js', 'DOMPurify', 'Zod']) expect(detail).toContain(library);
    expect(detail).toContain('/home/ana/.config/Field News');
    expect(electron.app.getPath).toHaveBeenCalledWith('userData');
  });

  it('is attached to the main window when there is one', async () => {
    const window = { id: 1 } as unknown as BrowserWindow;
    await presentAboutDialog(window);
    expect(electron.dialog.showMessageBox.mock.lastCall?.[0]).toBe(window);
  });

  it('opens the data folder when asked, and only then', async () => {
    await presentAboutDialog(null);
    expect(electron.shell.openPath).not.toHaveBeenCalled();
    const openIndex = shownOptions().buttons?.indexOf('Open Data Folder') ?? -1;
    expect(openIndex).toBeGreaterThan(0);
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: openIndex, checkboxChecked: false });
    await presentAboutDialog(null);
    expect(electron.shell.openPath).toHaveBeenCalledWith('/home/ana/.config/Field News');
  });

  it('copies the versions, the OS, the data folder and the end of the log when asked, and only then', async () => {
    startMainLog({ folder: mkdtempSync(path.join(tmpdir(), 'field-news-about-')), toConsole: false });
    mainLog.warn('sync', 'https://example.org/feed.json answered 503');
    await presentAboutDialog(null);
    expect(electron.clipboard.writeText).not.toHaveBeenCalled();
    const copyIndex = shownOptions().buttons?.indexOf('Copy Diagnostics') ?? -1;
    expect(copyIndex).toBeGreaterThan(0);
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: copyIndex, checkboxChecked: false });
    await presentAboutDialog(null);
    expect(electron.clipboard.writeText).toHaveBeenCalledOnce();
    const text = String(electron.clipboard.writeText.mock.lastCall?.[0]);
    expect(text).toContain('Field News 1.4.2 (electron)');
    expect(text).toContain('Electron 45.5.0, Chromium 142.0.7444.52');
    expect(text).toContain(`OS: ${process.platform}`);
    expect(text).toContain('Data folder: /home/ana/.config/Field News');
    expect(text).toMatch(/\[warn\] \(sync\) https:\/\/example\.org\/feed\.json answered 503$/);
    expect(electron.shell.openPath).not.toHaveBeenCalled();
  });

  it('can be opened from the menu without the menu waiting for it', async () => {
    showAboutDialog(null);
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
  });

  it('builds its text from the facts it is given', () => {
    const text = aboutText({ version: '9.0.0', electronVersion: '45.5.0', chromiumVersion: '142.0', userDataFolder: 'C:\\Users\\ana\\AppData\\Roaming\\Field News' });
    expect(text).toContain('Version 9.0.0');
    expect(text).toContain('Electron 45.5.0, Chromium 142.0');
    expect(text).toContain('C:\\Users\\ana\\AppData\\Roaming\\Field News');
  });
});
