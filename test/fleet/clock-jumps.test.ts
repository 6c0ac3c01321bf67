/**
 * Clocks that jump (issue 15 §3), with the injected clock: a fleet state saved by a process whose clock ran an
 * hour ahead of the one restoring it. Its 8 s cooldown, read as an hour long, would skip a healthy endpoint
 * for that hour; a restored end further ahead than `cooldown.maxMs` is a clock jump, dropped with an event.
 * Cooldowns within the bound — Retry-After's included — are kept whole: a cooldown never shortens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/base/clock.ts';
import { dropClockJumps } from '../../src/fleet/clock-jumps.ts';
import type { FleetState } from '../../src/fleet/fleet-state.ts';
import { createRouter, type Router } from '../../src/fleet/router.ts';
import type { RouterEvent } from '../../src/fleet/router-types.ts';
import { endpoint, testConfig } from '../helpers/config.ts';
import { FakeClient } from '../helpers/fake-client.ts';
import { ok } from '../helpers/outcomes.ts';

const HOUR = 3_600_000;
const WRITER_NOW = 1_800_000_000_000;
/** The reader's clock: an hour behind the writer's. */
const READER_NOW = WRITER_NOW - HOUR;
const POLICY = { cooldown: { baseMs: 1_000, maxMs: 300_000 } };

const config = testConfig({
  endpoints: [endpoint('a'), endpoint('b')],
  roles: { coder: [['a/m'], ['b/m']] },
  policy: { maxWaitMs: 50 },
});

function saved(cooldownUntil: number, openedAt?: number): FleetState {
  return {
    version: 1,
    savedAt: WRITER_NOW,
    breakers: openedAt === undefined ? {} : { 'a/m': { state: 'open', failures: [], openedAt } },
    cooldowns: { a: { until: cooldownUntil, strikes: 1 } },
  };
}

const fixedClock = (now: number): Clock => ({ now: () => now, sleep: () => Promise.resolve() });

let router: Router | undefined;
afterEach(async () => {
  await router?.close();
  router = undefined;
});

function restore(state: FleetState, now: number) {
  const events: RouterEvent[] = [];
  const client = new FakeClient(() => ok('hi'));
  router = createRouter(config, {
    client,
    env: {},
    clock: fixedClock(now),
    state,
    onEvent: (e) => events.push(e),
    scanOnFirstUse: false,
  });
  return { router, events, client };
}

describe('restored cooldowns and a clock that jumped', () => {
  it('an 8 s cooldown saved an hour ahead: dropped with a clock_jump event, the endpoint answers at once', async () => {
    const { router, events } = restore(saved(WRITER_NOW + 8_000), READER_NOW);
    expect(events).toContainEqual({
      type: 'clock_jump',
      what: 'cooldown',
      target: 'a',
      savedAt: WRITER_NOW + 8_000,
      aheadMs: HOUR + 8_000,
    });
    const done = await router.complete('coder', { messages: [{ role: 'user', content: 'x' }] });
    expect(done.endpointId).toBe('a');
  });

  it('a cooldown within cooldown.maxMs is kept whole (it never shortens): the next tier answers', async () => {
    const { router, events } = restore(saved(READER_NOW + 8_000), READER_NOW);
    expect(events.filter((e) => e.type === 'clock_jump')).toEqual([]);
    const done = await router.complete('coder', { messages: [{ role: 'user', content: 'x' }] });
    expect(done.endpointId).toBe('b');
  });

  it('the same state carried in a checkpoint is restored the same way (the router is given it as is)', () => {
    // `state.json`'s `fleet` is a FleetState: `startRun` passes it to `createRouter` exactly like the file's.
    const { events } = restore(saved(WRITER_NOW + 8_000), READER_NOW);
    expect(events.map((e) => e.type)).toContain('clock_jump');
    expect(router!.exportState().cooldowns.a).toEqual({ until: READER_NOW, strikes: 1 });
  });
});

describe('dropClockJumps', () => {
  it('keeps ends up to maxMs ahead, drops those beyond (keeping the strikes), and opens future-opened breakers now', () => {
    const state: FleetState = {
      version: 1,
      savedAt: 0,
      breakers: {
        'a/m': { state: 'open', failures: [], openedAt: READER_NOW + HOUR },
        'b/m': { state: 'open', failures: [], openedAt: READER_NOW - 1_000 },
      },
      cooldowns: {
        a: { until: READER_NOW + 300_000, strikes: 4 },
        b: { until: READER_NOW + 300_001, strikes: 2 },
      },
    };
    const { state: fixed, jumps } = dropClockJumps(state, READER_NOW, POLICY);
    expect(fixed.cooldowns).toEqual({
      a: { until: READER_NOW + 300_000, strikes: 4 },
      b: { until: READER_NOW, strikes: 2 },
    });
    expect(fixed.breakers['a/m']?.openedAt).toBe(READER_NOW);
    expect(fixed.breakers['b/m']?.openedAt).toBe(READER_NOW - 1_000);
    expect(jumps.map((j) => `${j.what}:${j.target}:${j.aheadMs}`)).toEqual([
      'cooldown:b:300001',
      `breaker:a/m:${HOUR}`,
    ]);
  });

  it('no jump: the very same object back', () => {
    const state = saved(READER_NOW + 1_000);
    expect(dropClockJumps(state, READER_NOW, POLICY).state).toBe(state);
  });
});
