/**
 * Saved fleet state meets a clock that jumped. Cooldown ends and breaker openings are wall-clock times, saved
 * by one process (or runner) and read by the next; when the reader's clock is behind the writer's — another
 * runner, NTP stepping back, a VM restored from a snapshot — an 8 s cooldown saved "until 12:00:08" reads as
 * an hour long at 11:00, and a healthy endpoint is skipped for that hour.
 *
 * A cooldown is never longer than `policy.cooldown.maxMs` (Retry-After included: `cooldown.ts` caps it), so
 * a restored end further ahead than that is not a cooldown, it is a clock jump: its end is dropped (the
 * endpoint is usable at once, still one request at a time until one succeeds, as after any cooldown) and an
 * event says so. A breaker opened "in the future" is opened now (its remaining time is capped at
 * `resetTimeoutMs` already). Pure: the router applies it to what it restores, from a file or from a
 * checkpoint's `state.json` alike.
 */
import type { Policy } from '../config/schema.ts';
import type { FleetState } from './fleet-state.ts';

export interface ClockJump {
  what: 'cooldown' | 'breaker';
  /** The endpoint id (cooldowns) or `endpoint/model` (breakers). */
  target: string;
  /** The saved time, and how far ahead of now it was. */
  savedAt: number;
  aheadMs: number;
}

export function dropClockJumps(
  saved: FleetState,
  now: number,
  policy: Pick<Policy, 'cooldown'>,
): { state: FleetState; jumps: ClockJump[] } {
  const jumps: ClockJump[] = [];
  const cooldowns: FleetState['cooldowns'] = {};
  for (const [target, entry] of Object.entries(saved.cooldowns)) {
    const ahead = entry.until - now;
    if (ahead > policy.cooldown.maxMs) {
      jumps.push({ what: 'cooldown', target, savedAt: entry.until, aheadMs: ahead });
      // The strikes stay: the next failure escalates as it would have, and slow start still applies.
      cooldowns[target] = { until: now, strikes: entry.strikes };
    } else {
      cooldowns[target] = entry;
    }
  }
  const breakers: FleetState['breakers'] = {};
  for (const [target, snapshot] of Object.entries(saved.breakers)) {
    if (snapshot.openedAt !== undefined && snapshot.openedAt > now) {
      jumps.push({ what: 'breaker', target, savedAt: snapshot.openedAt, aheadMs: snapshot.openedAt - now });
      breakers[target] = { ...snapshot, openedAt: now };
    } else {
      breakers[target] = snapshot;
    }
  }
  return jumps.length === 0 ? { state: saved, jumps } : { state: { ...saved, cooldowns, breakers }, jumps };
}
