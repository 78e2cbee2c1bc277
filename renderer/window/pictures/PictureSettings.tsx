// The settings of saved pictures: Save pictures (all / the first of each item / none), the space they
// may take, and the space they take now.
import { useLiveQuery } from 'dexie-react-hooks';
import { parsePictureBudget, parsePictureMode, pictureBudgetSettingKey, pictureModeSettingKey, pictureModes, type PictureMode } from '../../../shared/pictures/pictureSettings';
import type { MessageId } from '../../../shared/i18n/messages.en';
import { newsRepository } from '../database';
import { useText } from '../i18n/useText';
import { pictureRepository } from './pictureService';

const modeWords: Record<PictureMode, MessageId> = { all: 'pictures.modeAll', first: 'pictures.modeFirst', none: 'pictures.modeNone' };

export function PictureSettings() {
  const { text } = useText();
  const mode = useLiveQuery(async () => parsePictureMode(await newsRepository.readSetting(pictureModeSettingKey)));
  const budget = useLiveQuery(async () => parsePictureBudget(await newsRepository.readSetting(pictureBudgetSettingKey)));
  const usage = useLiveQuery(() => pictureRepository.pictureUsage());
  return (
    <fieldset className="picture-settings">
      <legend>{text('pictures.settingsSummary')}</legend>
      <label>
        {text('pictures.mode')}
        <select
          value={mode ?? 'first'}
          onChange={(event) => void newsRepository.writeSetting(pictureModeSettingKey, parsePictureMode(event.target.value))}
        >
          {pictureModes.map((choice) => (
            <option key={choice} value={choice}>
              {text(modeWords[choice])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text('pictures.budget')}
        <input
          type="number"
          min={10}
          step={50}
          // Written when the field is left, so a number half typed ("1" on the way to 1000) is never the budget.
          key={budget}
          defaultValue={budget}
          onBlur={(event) => void newsRepository.writeSetting(pictureBudgetSettingKey, String(parsePictureBudget(event.target.value)))}
        />
      </label>
      {usage !== undefined && <p>{text('pictures.usage', { count: usage.count, megabytes: Math.round((usage.bytes / (1024 * 1024)) * 10) / 10 })}</p>}
      <p className="settings-note">{text('pictures.meteredNote')}</p>
      <p className="settings-note">{text('pictures.privacyNote')}</p>
    </fieldset>
  );
}
