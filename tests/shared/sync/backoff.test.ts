// Back-off: grows with each failure, jittered, never past an hour, and starts over on success.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffAfterFailure,
  backoffAfterSuccess,
  backoffCeiling,
  backoffDelay,
  initialBackoff,
  mayAttemptNow,
} from '../../../shared/sync/backoff';

const hour = 60 * 60_000;
/** The expected ceiling, written out from the rule (one minute, doubling, at most an hour), not computed by the code under test. */
const expectedCeiling = (failures: number) => Math.min(hour, 60_000 * 2 ** (failures - 1));
const randomUnit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoff', () => {
  it('doubles the ceiling from one minute and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((failures) => backoffCeiling(failures))).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, hour, hour, hour,
    ]);
  });

  it('always waits between half the ceiling and the ceiling, and never more than an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), randomUnit, (failures, unit) => {
        const delay = backoffDelay(failures, () => unit);
        const ceiling = expectedCeiling(failures);
        return delay >= ceiling / 2 && delay <= ceiling && delay <= hour && delay > 0;
      }),
    );
  });

  it('stays within bounds even when the random source misbehaves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double(), (failures, draw) => {
        const delay = backoffDelay(failures, () => draw);
        return delay >= expectedCeiling(failures) / 2 && delay <= hour;
      }),
    );
  });

  it('spreads retries: different draws give different waits', () => {
    expect(backoffDelay(3, () => 0)).toBe(120_000);
    expect(backoffDelay(3, () => 0.5)).toBe(180_000);
  });

  it('schedules the next attempt after a failure and starts over after a success', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 45 }), randomUnit, (failures, now, unit) => {
        let state = initialBackoff;
        for (let index = 0; index < failures; index += 1) state = backoffAfterFailure(state, now, () => unit);
        expect(state.failures).toBe(failures);
        expect(mayAttemptNow(state, now)).toBe(false);
        // Equal jitter, written out: half the ceiling plus the draw's share of the other half.
        const ceiling = expectedCeiling(failures);
        expect(state.nextAttemptAt).toBe(now + Math.round(ceiling / 2 + unit * (ceiling / 2)));
        expect(mayAttemptNow(state, now + hour)).toBe(true);
        expect(backoffAfterSuccess()).toEqual({ failures: 0, nextAttemptAt: null });
        expect(mayAttemptNow(backoffAfterSuccess(), now)).toBe(true);
      }),
    );
  });
});
