// The main process's interface language (menu, About box, dialogs): the page's Language setting,
// told over the bridge, and for "System" the system's preferred languages, as in the page.
import { formatUserMessage } from '../shared/i18n/formatMessages';
import { resolveInterfaceLanguage, type InterfaceLanguage, type LanguageSetting } from '../shared/i18n/interfaceLanguage';
import type { MessageId } from '../shared/i18n/messages.en';
import type { MessageValue } from '../shared/i18n/userMessage';

let setting: LanguageSetting = 'system';
let systemLanguages: readonly string[] = [];

export const mainInterfaceLanguage = (): InterfaceLanguage => resolveInterfaceLanguage(setting, systemLanguages);

/** Whether the language changed, so the caller rebuilds the menu only when it must. */
export const setMainLanguage = (next: { setting?: LanguageSetting; systemLanguages?: readonly string[] }): boolean => {
  const before = mainInterfaceLanguage();
  setting = next.setting ?? setting;
  systemLanguages = next.systemLanguages ?? systemLanguages;
  return mainInterfaceLanguage() !== before;
};

export const mainText = (id: MessageId, values?: Readonly<Record<string, MessageValue>>): string =>
  formatUserMessage(mainInterfaceLanguage(), values === undefined ? { id } : { id, values });
