// Which language the interface speaks: the user's setting (System / English / Español), and for
// "System" the system's preferred languages, where any Spanish (es, es-MX, es-419…) means Spanish.
import { z } from 'zod';
import { enMessages, type MessageCatalog } from './messages.en';
import { esMessages } from './messages.es';

export const interfaceLanguages = ['en', 'es'] as const;
export type InterfaceLanguage = (typeof interfaceLanguages)[number];

export const languageSettingSchema = z.enum(['system', 'en', 'es']);
export type LanguageSetting = z.infer<typeof languageSettingSchema>;

export const themeSettingSchema = z.enum(['system', 'light', 'dark']);
export type ThemeSetting = z.infer<typeof themeSettingSchema>;

/** The stored setting, or "system" when nothing (or something unknown) is stored. */
export const parseLanguageSetting = (stored: unknown): LanguageSetting => {
  const parsed = languageSettingSchema.safeParse(stored);
  return parsed.success ? parsed.data : 'system';
};

export const parseThemeSetting = (stored: unknown): ThemeSetting => {
  const parsed = themeSettingSchema.safeParse(stored);
  return parsed.success ? parsed.data : 'system';
};

/** The system's first language decides: Spanish for any es tag, English for everything else. */
export const systemInterfaceLanguage = (preferred: readonly string[]): InterfaceLanguage =>
  /^es(?:-|_|$)/i.test(preferred[0] ?? '') ? 'es' : 'en';

export const resolveInterfaceLanguage = (setting: LanguageSetting, preferred: readonly string[]): InterfaceLanguage =>
  setting === 'system' ? systemInterfaceLanguage(preferred) : setting;

const catalogs: Record<InterfaceLanguage, MessageCatalog> = { en: enMessages, es: esMessages };

export const messagesFor = (language: InterfaceLanguage): MessageCatalog => catalogs[language];

/** The locale Intl formats with: Mexican Spanish for dates and numbers, as the region writes them. */
export const intlLocale = (language: InterfaceLanguage): string => (language === 'es' ? 'es-MX' : 'en-US');
