// Checks a feed address typed by a person: a well-formed http or https address, or a message saying what to fix.
import { errorMessages } from './errorMessages';
import type { UserMessage } from './i18n/userMessage';
import { fail, succeed, type Result } from './result';
import { longestWebAddress } from './webAddress';

export const checkFeedAddress = (typed: string): Result<string, UserMessage> => {
  const text = typed.trim();
  if (text.length === 0) return fail(errorMessages.feedAddressEmpty);
  if (text.length > longestWebAddress) return fail(errorMessages.feedAddressMalformed);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return fail(errorMessages.feedAddressNoScheme(text));
  if (!URL.canParse(text)) return fail(errorMessages.feedAddressMalformed);
  const address = new URL(text);
  if (address.protocol !== 'http:' && address.protocol !== 'https:') {
    return fail(errorMessages.feedAddressScheme(address.protocol.replace(/:$/, '')));
  }
  if (address.hostname.length === 0) return fail(errorMessages.feedAddressMalformed);
  return succeed(address.href);
};
