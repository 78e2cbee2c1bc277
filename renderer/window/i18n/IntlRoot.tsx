// Wraps the app in the interface language: FormatJS's provider with the catalog of the language the
// settings choose (react-intl parses ICU messages at run time, without eval, so the CSP holds).
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { intlLocale, messagesFor } from '../../../shared/i18n/interfaceLanguage';
import { useInterfaceSettings } from './useInterfaceSettings';

export function IntlRoot({ children }: { children: ReactNode }) {
  const { language } = useInterfaceSettings();
  return (
    <IntlProvider locale={intlLocale(language)} defaultLocale="en" messages={messagesFor(language)}>
      {children}
    </IntlProvider>
  );
}
