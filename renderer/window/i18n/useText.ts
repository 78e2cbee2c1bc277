// The one way components get words: `text(id, values)` for a catalog message, and `userText` for a
// message that arrived as data (an error from a worker or the main process).
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../../shared/i18n/messages.en';
import type { MessageValue, UserMessage } from '../../../shared/i18n/userMessage';

export const useText = () => {
  const intl = useIntl();
  const text = useCallback((id: MessageId, values?: Readonly<Record<string, MessageValue>>) => intl.formatMessage({ id }, values), [intl]);
  const userText = useCallback((message: UserMessage) => intl.formatMessage({ id: message.id }, message.values), [intl]);
  return { intl, text, userText };
};
