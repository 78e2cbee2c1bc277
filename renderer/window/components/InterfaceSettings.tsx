// Language (System / English / Español) and theme (System / Light / Dark), stored as settings and
// applied at once; and the doors to the keyboard shortcuts and the About information.
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { parseLanguageSetting, parseThemeSetting } from '../../../shared/i18n/interfaceLanguage';
import { newsRepository } from '../database';
import { languageSettingKey, themeSettingKey, useInterfaceSettings } from '../i18n/useInterfaceSettings';

interface InterfaceSettingsProps {
  onShowShortcuts: () => void;
  onShowAbout: () => void;
}

export function InterfaceSettings({ onShowShortcuts, onShowAbout }: InterfaceSettingsProps) {
  const intl = useIntl();
  const { languageSetting, themeSetting } = useInterfaceSettings();
  const languageId = useId();
  const themeId = useId();
  return (
    <details className="interface-settings">
      <summary>
        <FormattedMessage id="settings.summary" />
      </summary>
      <div className="setting">
        <label htmlFor={languageId}>
          <FormattedMessage id="settings.language" />
        </label>
        <select
          id={languageId}
          value={languageSetting}
          onChange={(event) => void newsRepository.writeSetting(languageSettingKey, parseLanguageSetting(event.target.value))}
        >
          <option value="system">{intl.formatMessage({ id: 'settings.languageSystem' })}</option>
          <option value="en" lang="en">
            {intl.formatMessage({ id: 'settings.languageEnglish' })}
          </option>
          <option value="es" lang="es">
            {intl.formatMessage({ id: 'settings.languageSpanish' })}
          </option>
        </select>
      </div>
      <div className="setting">
        <label htmlFor={themeId}>
          <FormattedMessage id="settings.theme" />
        </label>
        <select id={themeId} value={themeSetting} onChange={(event) => void newsRepository.writeSetting(themeSettingKey, parseThemeSetting(event.target.value))}>
          <option value="system">{intl.formatMessage({ id: 'settings.themeSystem' })}</option>
          <option value="light">{intl.formatMessage({ id: 'settings.themeLight' })}</option>
          <option value="dark">{intl.formatMessage({ id: 'settings.themeDark' })}</option>
        </select>
      </div>
      <button type="button" onClick={onShowShortcuts} aria-keyshortcuts="?">
        <FormattedMessage id="settings.shortcuts" />
      </button>
      <button type="button" onClick={onShowAbout}>
        <FormattedMessage id="settings.about" />
      </button>
    </details>
  );
}
