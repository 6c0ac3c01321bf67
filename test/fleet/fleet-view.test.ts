/**
 * The fleet's mutable knowledge changes only through FleetView's methods, and each keeps its rule: a
 * cooldown never shortens (a shorter Retry-After, a success inside it), a disabled target stays disabled
 * with its first reason, a refusal only widens, and a loading hold ends only by a look.
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/base/clock.ts';
import { FleetView, LOADING_POLL_MS } from '../../src/fleet/fleet-view.ts';
import type { HealthView } from '../../src/fleet/router-types.ts';
import { testConfig } from '../helpers/config.ts';

function manualClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: () => Promise.resolve(),
    advance: (ms) => {
      now += ms;
    },
  };
}

const health: HealthView = {
  health: () => 'unknown',
  contextWindow: () => undefined,
  latestScan: () => undefined,
  snapshot: () => ({}),
  restore: () => undefined,
};

function fleet(clock: Clock, saved?: ConstructorParameters<typeof FleetView>[5]): FleetView {
  const config = testConfig({
    endpoints: [
      { id: 'a', url: 'http://127.0.0.1:9/v1', kind: 'local' },
      { id: 'b', url: 'http://127.0.0.1:10/v1', kind: 'local' },
    ],
    roles: { coder: ['a/m', 'b/m'] },
    policy: { cooldown: { baseMs: 1_000, maxMs: 60_000 } },
  });
  return new FleetView(config, clock, health, 'self-hosted', () => undefined, saved);
}

describe('FleetView', () => {
  it('never shortens a cooldown: a shorter Retry-After or a success inside it leaves its end alone', () => {
    const clock = manualClock();
    const view = fleet(clock);
    const first = view.noteFailure('a', 30_000);
    expect(first.until).toBe(clock.now() + 30_000);
    clock.advance(1_000);
    expect(view.noteFailure('a', 2_000).until).toBe(first.until);
    view.noteSuccess('a');
    expect(view.cooldownOf('a')).toEqual({ until: first.until, strikes: 0 });
    clock.advance(30_000);
    view.noteSuccess('a');
    expect(view.cooldownOf('a')).toBeUndefined();
  });

  it('saves running cooldowns and those with strikes; restores them for configured endpoints only', () => {
    const clock = manualClock();
    const now = clock.now();
    const view = fleet(clock, {
      version: 1,
      savedAt: now,
      breakers: {},
      cooldowns: { a: { until: now + 5_000, strikes: 2 }, gone: { until: now + 5_000, strikes: 1 } },
      health: {},
      learned: {},
    } as unknown as ConstructorParameters<typeof FleetView>[5]);
    expect(view.cooldownOf('a')).toEqual({ until: now + 5_000, strikes: 2 });
    expect(view.cooldownOf('gone')).toBeUndefined();
    view.noteFailure('b', undefined);
    view.noteSuccess('b');
    clock.advance(10_000);
    // a: ended, but its strikes remain the base of the next failure; b: ended with no strikes.
    expect(view.cooldownsToSave(clock.now())).toEqual({ a: { until: now + 5_000, strikes: 2 } });
  });

  it('disables a target once, keeping the first reason', () => {
    const view = fleet(manualClock());
    expect(view.disable('a', '401 from the endpoint')).toBe(true);
    expect(view.disable('a', 'out of quota')).toBe(false);
    expect(view.disabledReason('a')).toBe('401 from the endpoint');
    expect(view.disabledReason('b/m')).toBeUndefined();
  });

  it('holds a loading endpoint until a look ends it; the look is due every LOADING_POLL_MS', () => {
    const clock = manualClock();
    const view = fleet(clock);
    view.noteLoading('a');
    expect(view.isLoading('a')).toBe(true);
    expect([...view.loadingChecksDue(['a', 'b'], clock.now())]).toEqual([]);
    clock.advance(LOADING_POLL_MS);
    expect([...view.loadingChecksDue(['a', 'b'], clock.now())]).toEqual(['a']);
    view.noteLoading('a');
    expect([...view.loadingChecksDue(['a'], clock.now())]).toEqual([]);
    view.loadingEnded('a');
    expect(view.isLoading('a')).toBe(false);
  });
});
