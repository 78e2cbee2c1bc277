// Log entries are outside data when they reach the shell: whatever a page sends, what is stored
// is a list of one-line entries of bounded size, or a refusal, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/errorMessages';
import { checkLogEntries, logLevels, logLimits, oneLogLine } from '../../shared/logEntry';
import { englishText } from '../../shared/i18n/formatMessages';

const at = '2026-11-27T18:00:00.000Z';

describe('checkLogEntries', () => {
  it('stores any message on one line, cut to the limit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...logLevels), fc.string({ unit: 'binary', maxLength: 5_000 }), (level, message) => {
        const checked = checkLogEntries([{ level, scope: 'sync', message, at }]);
        if (!checked.ok) throw new Error(englishText(checked.error));
        const stored = checked.value[0]!.message;
        // eslint-disable-next-line no-control-regex -- the property is that none of these survive.
        expect(stored).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
        expect(stored.length).toBeLessThanOrEqual(logLimits.messageCharacters + '… (cut)'.length);
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses anything that is not a bounded list of entries, without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const checked = checkLogEntries(value);
        if (!checked.ok) expect(checked.error).toBe(errorMessages.logEntriesRefused);
        else expect(Array.isArray(value)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    expect(checkLogEntries(Array.from({ length: logLimits.entriesPerCall + 1 }, () => ({ level: 'info', scope: 'ui', message: 'x', at })))).toMatchObject({ ok: false });
    expect(checkLogEntries(Array.from({ length: logLimits.entriesPerCall }, () => ({ level: 'info', scope: 'ui', message: 'x', at })))).toMatchObject({ ok: true });
  });

  it('writes line breaks and other control characters as visible escapes', () => {
    expect(oneLogLine('a\nb\r\u0000c\td')).toBe('a\\nb\\u{d}\\u{0}c d');
  });
});
