// Formatting outside React (the main process's menu and About box, tests): FormatJS's core, which
// parses ICU messages at run time without eval, so it runs under the app's content security policy.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { intlLocale, messagesFor, type InterfaceLanguage } from './interfaceLanguage';
import type { StoredMessage, UserMessage } from './userMessage';

const cache = createIntlCache();
const intlByLanguage = new Map<InterfaceLanguage, IntlShape<string>>();

export const intlFor = (language: InterfaceLanguage): IntlShape<string> => {
  const known = intlByLanguage.get(language);
  if (known) return known;
  const intl = createIntl({ locale: intlLocale(language), defaultLocale: 'en', messages: messagesFor(language) }, cache);
  intlByLanguage.set(language, intl);
  return intl;
};

export const formatUserMessage = (language: InterfaceLanguage, message: UserMessage): string =>
  intlFor(language).formatMessage({ id: message.id }, message.values);

/** A message in the interface language; a stored English sentence (rows from before ids) as it is. */
export const formatStoredMessage = (intl: Pick<IntlShape<string>, 'formatMessage'>, message: StoredMessage): string =>
  typeof message === 'string' ? message : intl.formatMessage({ id: message.id }, message.values);

/** The English words of a message, for the diagnostics log that support reads. */
export const englishText = (message: StoredMessage): string => formatStoredMessage(intlFor('en'), message);
