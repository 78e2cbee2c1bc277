// When to try a failing feed again: exponential back-off with jitter, capped at an hour, so a
// dead server costs little and many laptops coming online together do not retry in step.

export interface BackoffPolicy {
  /** Wait after the first failure, before jitter. */
  firstDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export const defaultBackoffPolicy: BackoffPolicy = { firstDelayMs: 60_000, maxDelayMs: 60 * 60_000, factor: 2 };

/** Plain data, so it can be stored with the feed. */
export interface BackoffState {
  failures: number;
  /** Epoch milliseconds before which the feed is not polled; null when it may be polled now. */
  nextAttemptAt: number | null;
}

export const initialBackoff: BackoffState = { failures: 0, nextAttemptAt: null };

/** The un-jittered ceiling for the n-th consecutive failure (n ≥ 1). */
export const backoffCeiling = (failures: number, policy: BackoffPolicy = defaultBackoffPolicy): number => {
  const exponent = Number.isNaN(failures) ? 0 : Math.max(0, Math.floor(failures) - 1);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** exponent);
};

/**
 * The wait after the n-th consecutive failure: "equal jitter", between half the ceiling and the
 * ceiling, so the delay still grows while retries spread out. `random` returns a number in [0, 1).
 */
export const backoffDelay = (failures: number, random: () => number, policy: BackoffPolicy = defaultBackoffPolicy): number => {
  const ceiling = backoffCeiling(failures, policy);
  const draw = random();
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0.5;
  return Math.round(ceiling / 2 + unit * (ceiling / 2));
};

export const backoffAfterFailure = (
  state: BackoffState,
  nowMs: number,
  random: () => number,
  policy: BackoffPolicy = defaultBackoffPolicy,
): BackoffState => {
  const failures = state.failures + 1;
  return { failures, nextAttemptAt: nowMs + backoffDelay(failures, random, policy) };
};

/** Success, or the user pressing "Sync now", starts over. */
export const backoffAfterSuccess = (): BackoffState => initialBackoff;

export const mayAttemptNow = (state: BackoffState, nowMs: number): boolean => state.nextAttemptAt === null || nowMs >= state.nextAttemptAt;
