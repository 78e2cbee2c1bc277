// Language (System / English / Español) and theme (System / Light / Dark), stored as settings and
// applied at once; and the doors to the keyboard shortcuts and the About information.
import { FormattedMessage, useIntl } from 'react-intl';
import { parseLanguageSetting, parseThemeSetting } from '../../shared/i18n/interfaceLanguage';
import { newsRepository } from '../database';
import { languageSettingKey, themeSettingKey, useInterfaceSettings } from '../i18n/useInterfaceSettings';

interface InterfaceSettingsProps {
  onShowShortcuts: () => void;
  onShowAbout: () => void;
}

export function InterfaceSettings({ onShowShortcuts, onShowAbout }: InterfaceSettingsProps) {
  const intl = useIntl();
  const { languageSetting, themeSetting } = useInterfaceSettings();
  return (
    <details className="interface-settings">
      <summary>
        <FormattedMessage id="settings.summary" />
      </summary>
      <label>
        <FormattedMessage id="settings.language" />
        <select
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
      </label>
      <label>
        <FormattedMessage id="settings.theme" />
        <select value={themeSetting} onChange={(event) => void newsRepository.writeSetting(themeSettingKey, parseThemeSetting(event.target.value))}>
          <option value="system">{intl.formatMessage({ id: 'settings.themeSystem' })}</option>
          <option value="light">{intl.formatMessage({ id: 'settings.themeLight' })}</option>
          <option value="dark">{intl.formatMessage({ id: 'settings.themeDark' })}</option>
        </select>
      </label>
      <button type="button" onClick={onShowShortcuts} aria-keyshortcuts="?">
        <FormattedMessage id="settings.shortcuts" />
      </button>
      <button type="button" onClick={onShowAbout}>
        <FormattedMessage id="settings.about" />
      </button>
    </details>
  );
}
