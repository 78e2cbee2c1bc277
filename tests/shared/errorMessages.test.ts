import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/errorMessages';
import { englishText, formatStoredMessage, formatUserMessage, intlFor } from '../../shared/i18n/formatMessages';
import type { UserMessage } from '../../shared/i18n/userMessage';

const isUserMessage = (value: unknown): value is UserMessage => typeof value === 'object' && value !== null && 'id' in value;

/** Every converted entry, called with sample parameters where it takes some. */
const converted = (): [string, UserMessage][] =>
  Object.entries(errorMessages).flatMap(([name, entry]): [string, UserMessage][] => {
    const message: unknown = typeof entry === 'function' ? (entry as (...args: unknown[]) => unknown)('sample', 'sample', 3, 4) : entry;
    return isUserMessage(message) ? [[name, message]] : [];
  });

describe('errorMessages as catalog messages', () => {
  it('renders every converted entry in English and in Spanish, and the two differ', () => {
    expect(converted().length).toBeGreaterThan(40);
    for (const [name, message] of converted()) {
      const english = formatUserMessage('en', message);
      const spanish = formatUserMessage('es', message);
      expect(english, name).not.toBe('');
      expect(spanish, name).not.toBe(english);
    }
  });

  it('says an HTTP status with its meaning in each language, and any other status plainly', () => {
    expect(englishText(errorMessages.fetchHttpStatus(503))).toBe('The server answered 503 (the server is busy or down for maintenance).');
    expect(formatUserMessage('es', errorMessages.fetchHttpStatus(404))).toBe('El servidor respondió 404 (no hay ninguna fuente en esta dirección).');
    expect(englishText(errorMessages.fetchHttpStatus(418))).toBe('The server answered 418.');
  });

  it('names a refused address once when the host is the address, both when not', () => {
    expect(englishText(errorMessages.fetchAddressRefused('10.0.0.1', '10.0.0.1'))).toContain('own network (10.0.0.1),');
    expect(formatUserMessage('es', errorMessages.fetchAddressRefused('intranet.example', '10.0.0.1'))).toContain('(intranet.example, en 10.0.0.1)');
  });

  it('shows a sentence stored by an earlier version as it was stored', () => {
    expect(formatStoredMessage(intlFor('es'), 'The server answered 503.')).toBe('The server answered 503.');
    expect(formatStoredMessage(intlFor('es'), errorMessages.fetchCutOff)).toBe(
      'La conexión se cortó mientras llegaban las noticias, así que solo llegó una parte. No se cambió nada.',
    );
  });
});
