/**
 * When the watchdog may restart a child: pure arithmetic, so that tests can check it without processes and
 * the watchdog can be driven by a fake clock.
 *
 * Every end of a child counts as a failure, whatever its exit code: a supervised persistent lane or guard
 * is meant to run forever, so even a clean exit is a restart. The one exception never reaches this module:
 * the exit 0 of a child that runs to an end (a lane that is not persistent and drained its queue) is
 * `finished`, not a failure (see `ChildSpec.finishes`).
 * The n-th consecutive failure waits `initialMs × 2^(n−1)`, capped at `maxMs`: 1 s, 2 s,
 * 4 s … 60 s. A crash loop therefore settles at one start a minute instead of spinning.
 *
 * The count starts over when the incarnation that just ended had been healthy for `resetAfterMs` (60 s by
 * default, one full maximum backoff): a lane that ran for an hour and then died is restarted after 1 s, not
 * after the 60 s its crash loop last week earned it. "Healthy" is the time the child was known to be alive:
 * up to its last observed heartbeat when it is watched by one (a child that hung at once and was killed for
 * its stale heartbeat was never healthy), its whole uptime otherwise.
 */

export interface BackoffPolicy {
  /** Delay before the first restart after a healthy run. */
  initialMs: number;
  /** The cap of the doubling. */
  maxMs: number;
  /** Healthy time after which the failure count starts over. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 60_000, resetAfterMs: 60_000 };

/** The delay before the restart that follows the `failures`-th consecutive failure (failures ≥ 1). */
export function restartDelay(failures: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, Math.floor(failures) - 1);
  // 2^exponent overflows to Infinity long after the cap is reached; min() keeps it finite.
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(exponent, 52));
}

/** The consecutive-failure count after an incarnation that was healthy for `healthyMs` ended. */
export function failuresAfterExit(previous: number, healthyMs: number, policy: BackoffPolicy): number {
  return healthyMs >= policy.resetAfterMs ? 1 : previous + 1;
}
