// The language and theme the window shows, read live from the stored settings: changing either
// takes effect at once in every open window, and "System" follows the system's languages and theme.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import {
  parseLanguageSetting,
  parseThemeSetting,
  resolveInterfaceLanguage,
  type InterfaceLanguage,
  type LanguageSetting,
  type ThemeSetting,
} from '../../../shared/i18n/interfaceLanguage';
import { bridge } from '../bridge';
import { newsRepository } from '../database';
import { log } from '../log';

export const languageSettingKey = 'language';
export const themeSettingKey = 'theme';

export interface InterfaceSettings {
  languageSetting: LanguageSetting;
  language: InterfaceLanguage;
  themeSetting: ThemeSetting;
}

/** Until the bridge answers, the page's own languages stand in (the same list in web mode). */
const useSystemLanguages = (): readonly string[] => {
  const [languages, setLanguages] = useState<readonly string[]>(() => navigator.languages);
  useEffect(() => {
    let current = true;
    void bridge.getSystemLanguages().then((answer) => {
      if (!current) return;
      if (answer.ok) setLanguages(answer.value);
      else log.warn('i18n', 'The system languages could not be read; using the page languages');
    });
    return () => {
      current = false;
    };
  }, []);
  return languages;
};

export const useInterfaceSettings = (): InterfaceSettings => {
  const storedLanguage = useLiveQuery(() => newsRepository.readSetting(languageSettingKey));
  const storedTheme = useLiveQuery(() => newsRepository.readSetting(themeSettingKey));
  const systemLanguages = useSystemLanguages();
  const languageSetting = parseLanguageSetting(storedLanguage);
  const themeSetting = parseThemeSetting(storedTheme);
  const language = resolveInterfaceLanguage(languageSetting, systemLanguages);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    // "system" leaves the attribute off, so the prefers-color-scheme rules decide.
    if (themeSetting === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = themeSetting;
  }, [themeSetting]);
  useEffect(() => {
    void bridge.setInterfaceLanguage(languageSetting).then((answer) => {
      if (!answer.ok) log.warn('i18n', 'The main process did not take the language setting');
    });
  }, [languageSetting]);

  return { languageSetting, language, themeSetting };
};
