import { describe, expect, it } from 'vitest';
import {
  cooldownDuration,
  recordFailure,
  recordSuccess,
  remainingCooldown,
} from '../../src/fleet/cooldown.ts';

const policy = { baseMs: 1_000, maxMs: 30_000 };

describe('per-endpoint cooldown', () => {
  it('doubles per strike from baseMs and caps at maxMs', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((s) => cooldownDuration(s, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(cooldownDuration(10_000, policy)).toBe(30_000);
  });

  it('escalates once per incident: failures while already cooling do not add strikes', () => {
    let entry = recordFailure(undefined, 0, policy);
    expect(entry).toEqual({ until: 1_000, strikes: 1 });
    // Fifteen more requests that were in flight fail during the same incident.
    // Each may push the end out a little (it did just fail), but the step stays at baseMs.
    for (let i = 0; i < 15; i++) entry = recordFailure(entry, 10 + i, policy);
    expect(entry).toEqual({ until: 24 + 1_000, strikes: 1 });
    // The endpoint is tried again after the cooldown and fails again: now it escalates.
    entry = recordFailure(entry, 1_500, policy);
    expect(entry).toEqual({ until: 3_500, strikes: 2 });
  });

  it('never shortens an existing cooldown', () => {
    const long = { until: 50_000, strikes: 1 };
    const after = recordFailure(long, 100, policy);
    expect(after.until).toBe(50_000);
  });

  it('honours Retry-After beyond the exponential step, but never beyond maxMs', () => {
    expect(recordFailure(undefined, 0, policy, 7_000).until).toBe(7_000);
    expect(recordFailure(undefined, 0, policy, 86_400_000).until).toBe(30_000);
    expect(recordFailure(undefined, 0, policy, 10).until).toBe(1_000);
  });

  it('starts again from baseMs after a success', () => {
    let entry = recordFailure(undefined, 0, policy);
    entry = recordFailure(entry, 2_000, policy);
    entry = recordFailure(entry, 10_000, policy);
    expect(entry.strikes).toBe(3);
    const reset = recordSuccess(entry);
    expect(reset?.strikes).toBe(0);
    expect(recordFailure(reset, 20_000, policy)).toEqual({ until: 21_000, strikes: 1 });
  });

  it('reports what remains', () => {
    expect(remainingCooldown(undefined, 5)).toBe(0);
    expect(remainingCooldown({ until: 100, strikes: 1 }, 40)).toBe(60);
    expect(remainingCooldown({ until: 100, strikes: 1 }, 400)).toBe(0);
  });
});
