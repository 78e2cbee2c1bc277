// Which of a backup's settings may reach this computer: only an allow-list of choices about how the
// app looks and reads. A choice that removes stored news or pictures is never taken from a file
// (the settings screen estimates and confirms it first), nor a setting that belongs to one computer.
import type { BackupSetting } from './backupFormat';

const anyValue = (): boolean => true;
/** The sync interval as the feed list's field accepts it: whole minutes from 5 to a day. */
const syncMinutes = (value: string): boolean => /^\d{1,4}$/.test(value) && Number(value) >= 5 && Number(value) <= 1_440;

/**
 * The settings a backup may add where this computer has none, each with the check its value must
 * pass (the readers of the other ones fall back to their default on any text). Keys as their
 * modules name them: renderer/window/i18n/useInterfaceSettings.ts, shared/pictures/pictureSettings.ts,
 * renderer/window/components/FeedList.tsx, ReaderWorkspace.tsx, search/useNewsSearch.ts.
 */
const importableSettings: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['language', anyValue],
  ['theme', anyValue],
  ['syncIntervalMinutes', syncMinutes],
  ['pictures.mode', anyValue],
  ['paneWidths', anyValue],
  ['placeFilter', anyValue],
]);

/**
 * Choices that remove stored news or saved pictures when they change: "Keep news" (retention) and
 * the pictures' budget. A backup leaves them as they are here, and the import summary says so.
 */
export const settingsKeptHere: readonly string[] = ['retention', 'pictures.budgetMegabytes'];

export const importableSettingKeys: readonly string[] = [...importableSettings.keys()];

export interface BackupSettingsSorted {
  /** The settings the import may add (where this computer has none). */
  importable: BackupSetting[];
  /** How many of the file's settings are choices kept here (settingsKeptHere). */
  keptHere: number;
}

/** Sorts a backup's settings: the importable ones, and a count of the ones kept here; any other is ignored. */
export const sortBackupSettings = (settings: readonly BackupSetting[]): BackupSettingsSorted => ({
  importable: settings.filter((setting) => importableSettings.get(setting.key)?.(setting.value) === true),
  keptHere: settings.filter((setting) => settingsKeptHere.includes(setting.key)).length,
});
