import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeedAddress } from '../../shared/feedAddress';
import { formatUserMessage } from '../../shared/i18n/formatMessages';

describe('checkFeedAddress', () => {
  it('accepts web addresses, trimmed', () => {
    expect(checkFeedAddress('  https://news.example.org/feed.json ')).toEqual({ ok: true, value: 'https://news.example.org/feed.json' });
    expect(checkFeedAddress('http://127.0.0.1:8787/feed.json')).toMatchObject({ ok: true });
  });

  it.each([
    ['', /Type or paste/],
    ['news.example.org/feed.json', /missing its start/],
    ['ftp://files.example.org/feed.json', /not from "ftp"/],
    ['file:///home/officer/feed.json', /not from "file"/],
    ['javascript:alert(1)', /not from "javascript"/],
    ['https://exa mple.org/feed', /not a well-formed/],
    [`https://example.org/${'a'.repeat(5000)}`, /not a well-formed/],
  ])('refuses %j with a message saying what to fix', (typed, message) => {
    const result = checkFeedAddress(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatUserMessage('en', result.error)).toMatch(message);
  });

  it('says what to fix in Spanish too, with the same facts', () => {
    const result = checkFeedAddress('ftp://files.example.org/feed.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toEqual({ id: 'error.feedAddressScheme', values: { scheme: 'ftp' } });
      expect(formatUserMessage('es', result.error)).toBe('Field News lee fuentes de direcciones web (https o http), no de direcciones «ftp».');
    }
  });

  it('answers any text without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        expect(typeof checkFeedAddress(typed).ok).toBe('boolean');
      }),
    );
  });
});
