import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importableSettingKeys, settingsKeptHere, sortBackupSettings } from '../../../shared/backup/backupSettings';
import { pictureBudgetSettingKey, pictureModeSettingKey } from '../../../shared/pictures/pictureSettings';
import { retentionSettingKey } from '../../../renderer/db/retention';
import { databaseIdSettingKey } from '../../../renderer/db/databaseLoss';

describe('the settings a backup may bring', () => {
  it('takes how the app looks and reads, never a choice that removes news or pictures', () => {
    const file = [
      { key: 'language', value: 'es' },
      { key: 'syncIntervalMinutes', value: '45' },
      { key: pictureModeSettingKey, value: 'all' },
      { key: retentionSettingKey, value: 'threeMonths' },
      { key: pictureBudgetSettingKey, value: '10' },
    ];
    expect(sortBackupSettings(file)).toEqual({ importable: file.slice(0, 3), keptHere: 2 });
    expect(settingsKeptHere).toEqual([retentionSettingKey, pictureBudgetSettingKey]);
  });

  it('ignores what belongs to one computer, keys it does not know, and a sync interval the settings screen would refuse', () => {
    const file = [
      { key: databaseIdSettingKey, value: 'another-laptop' },
      { key: 'sampleImported', value: 'no' },
      { key: '__proto__', value: 'x' },
      { key: 'constructor', value: 'x' },
      { key: 'syncIntervalMinutes', value: '1' },
      { key: 'syncIntervalMinutes', value: '30.5' },
    ];
    expect(sortBackupSettings(file)).toEqual({ importable: [], keptHere: 0 });
  });

  it('never lets a kept choice through, whatever else the file holds', () => {
    const keys = fc.constantFrom(...importableSettingKeys, ...settingsKeptHere, 'markReadDelayMs', '__proto__');
    fc.assert(
      fc.property(fc.array(fc.record({ key: keys, value: fc.string() })), (settings) => {
        const { importable, keptHere } = sortBackupSettings(settings);
        expect(importable.every((setting) => importableSettingKeys.includes(setting.key))).toBe(true);
        expect(importable.some((setting) => settingsKeptHere.includes(setting.key))).toBe(false);
        expect(keptHere).toBe(settings.filter((setting) => settingsKeptHere.includes(setting.key)).length);
      }),
    );
  });
});
