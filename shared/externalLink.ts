// Which links may leave the app for the system browser: web pages only, never file:, javascript: or others.
import { errorMessages } from './errorMessages';
import { fail, succeed, type Result } from './result';
import type { UserMessage } from './i18n/userMessage';

export const checkExternalLink = (candidate: unknown): Result<string, UserMessage> => {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 8192) {
    return fail(errorMessages.externalLinkNotText);
  }
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return fail(errorMessages.externalLinkMalformed);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return fail(errorMessages.externalLinkScheme(parsed.protocol.replace(/:$/, '')));
  }
  return succeed(parsed.toString());
};
