// Makes react-intl check every message id against the English catalog at compile time.
import type { MessageId } from '../../../shared/i18n/messages.en';

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
