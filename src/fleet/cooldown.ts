/**
 * Per-endpoint cooldown: after a failure the endpoint is skipped until `until`. Pure functions over plain
 * data with wall-clock times, so the book can be saved with a checkpoint and restored by the next run.
 *
 * Two rules the users rely on:
 * - a new failure never shortens an existing cooldown (`until` only moves forward);
 * - the exponent grows per *incident*, not per request: failures of requests that were already in flight
 *   when the cooldown began belong to the same incident and do not escalate it (16 concurrent requests
 *   failing together must not park an endpoint for 2^15 seconds).
 */
import type { Policy } from '../config/schema.ts';

export interface CooldownEntry {
  /** Wall-clock ms until which the endpoint is skipped. */
  until: number;
  /** Failures since the last success, counted once per incident; drives the exponent. */
  strikes: number;
}

export type CooldownPolicy = Policy['cooldown'];

/** The cooldown after `strikes` escalations: base × 2^(strikes−1), capped at max. */
export function cooldownDuration(strikes: number, policy: CooldownPolicy): number {
  const exponent = Math.max(0, strikes - 1);
  // 2^31 is far beyond any sensible max; clamp the exponent so the multiplication stays finite.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 31));
}

export function recordFailure(
  entry: CooldownEntry | undefined,
  now: number,
  policy: CooldownPolicy,
  retryAfterMs?: number,
): CooldownEntry {
  const cooling = entry !== undefined && entry.until > now;
  const strikes = cooling ? entry.strikes : (entry?.strikes ?? 0) + 1;
  // Retry-After is honoured, but a hostile or confused server cannot park an endpoint beyond maxMs.
  const wait = Math.max(cooldownDuration(strikes, policy), Math.min(retryAfterMs ?? 0, policy.maxMs));
  return { until: Math.max(entry?.until ?? 0, now + wait), strikes };
}

/** A success ends the incident: the next failure starts again from `baseMs`. */
export function recordSuccess(entry: CooldownEntry | undefined): CooldownEntry | undefined {
  if (entry === undefined) return undefined;
  return { until: entry.until, strikes: 0 };
}

export function remainingCooldown(entry: CooldownEntry | undefined, now: number): number {
  return entry === undefined ? 0 : Math.max(0, entry.until - now);
}
