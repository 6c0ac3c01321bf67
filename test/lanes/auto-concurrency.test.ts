/**
 * `concurrency: auto`: grows while the lane's slots go unused and the CPU has room, shrinks when its runs
 * queue for slots or the CPU is saturated; the share counts the lanes that use an endpoint. Also the
 * process-event fan-out the lane's runs share.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { validateConfigValue } from '../../src/config/load.ts';
import type { RouterEvent } from '../../src/fleet/router-types.ts';
import {
  AutoConcurrency,
  fixedConcurrency,
  laneConcurrency,
  slotShare,
} from '../../src/lanes/lane-concurrency.ts';
import { fanOutProcessEvents } from '../../src/lanes/shared-process-events.ts';
import { manualClock } from '../queue/helpers.ts';

const attempt = (latencyMs: number): RouterEvent => ({
  type: 'attempt',
  role: 'coder',
  attempt: { key: 'a/m', endpointId: 'a', model: 'm', tier: 1, outcome: 'ok', latencyMs },
});
const waited = (ms: number): RouterEvent => ({ type: 'wait', role: 'coder', reason: 'saturated', ms });

function auto(options: { share: number; max: number; cpu?: () => number }) {
  const clock = manualClock();
  const controller = new AutoConcurrency({
    clock,
    share: options.share,
    max: options.max,
    stepMs: 1_000,
    cpuBusy: options.cpu ?? (() => 0.1),
  });
  /** One window of 1 s in which the lane's requests were in flight `inflight` and waited `waiting` on average. */
  const window = (running: number, inflight: number, waiting: number) => {
    controller.observe(attempt(inflight * 1_000));
    if (waiting > 0) controller.observe(waited(waiting * 1_000));
    clock.advance(1_000);
    return controller.review(running);
  };
  return { controller, clock, window };
}

describe('auto concurrency', () => {
  it('starts at one and doubles up to its share while the slots are unused, then grows one at a time', () => {
    const { controller, window } = auto({ share: 4, max: 8 });
    expect(controller.limit()).toBe(1);
    expect(window(1, 0.6, 0)).toMatchObject({ from: 1, to: 2 });
    expect(window(2, 1.2, 0)).toMatchObject({ from: 2, to: 4 });
    const grown = window(4, 2.5, 0);
    expect(grown).toMatchObject({ from: 4, to: 5 });
    expect(grown?.why).toMatch(/^slots to spare \(in flight 2.5, waiting 0, share 4, cpu 0.1\)$/);
    expect(controller.limit()).toBe(5);
  });

  it('does not grow before a step has passed, nor while the limit is not what holds the lane back', () => {
    const { controller, clock, window } = auto({ share: 4, max: 8 });
    clock.advance(500);
    expect(controller.review(1)).toBeUndefined();
    expect(controller.nextReviewIn()).toBe(500);
    clock.advance(500);
    expect(controller.review(0)).toBeUndefined(); // nothing to run: more room would not help
    expect(window(0, 0, 0)).toBeUndefined();
    expect(controller.limit()).toBe(1);
  });

  it("shrinks by one when a whole share of the lane's requests waits for a slot, and holds in between", () => {
    const { controller, window } = auto({ share: 2, max: 8 });
    window(1, 0.8, 0);
    window(2, 1.6, 0);
    window(3, 2.2, 0.5); // above its share, under half a share waiting: the slots take more, it grows
    const before = controller.limit();
    expect(before).toBe(4);
    expect(window(before, 2.1, 1.2)).toBeUndefined(); // some waiting (half a share to a share): holds
    expect(window(before, 2.1, 1.9)).toBeUndefined();
    const shrunk = window(before, 2.0, 2.4);
    expect(shrunk).toMatchObject({ from: before, to: before - 1 });
    expect(shrunk?.why).toMatch(/^runs queue for slots/);
    // No doubling after a sign of waiting: one at a time.
    const after = controller.limit();
    expect(window(after, 1.0, 0)).toMatchObject({ from: after, to: after + 1 });
  });

  it('does not grow while the CPU is busy, and shrinks when it is saturated; never below one or above max', () => {
    let cpu = 0.8;
    const { controller, window } = auto({ share: 4, max: 3, cpu: () => cpu });
    expect(window(1, 0, 0)).toBeUndefined();
    cpu = 0.1;
    window(1, 0, 0);
    window(2, 0, 0);
    expect(controller.limit()).toBe(3);
    expect(window(3, 0, 0)).toBeUndefined(); // at max
    cpu = 0.97;
    const saturated = window(3, 0, 0);
    expect(saturated).toMatchObject({ to: 2 });
    expect(saturated?.why).toMatch(/^the CPU is saturated/);
    window(2, 0, 0);
    expect(controller.limit()).toBe(1);
    expect(window(1, 0, 5)).toBeUndefined();
    expect(controller.limit()).toBe(1);
  });

  it('shares an endpoint among the lanes that use it; the bound is twice the slots', () => {
    expect(slotShare([{ id: 'a', maxParallel: 4 }], () => 2)).toEqual({ share: 2, max: 8 });
    expect(
      slotShare(
        [
          { id: 'a', maxParallel: 4 },
          { id: 'b', maxParallel: 2 },
        ],
        (id) => (id === 'a' ? 4 : 1),
      ),
    ).toEqual({ share: 3, max: 12 });
    const config = validateConfigValue({
      version: 1,
      endpoints: [
        { id: 'gpu', url: 'http://127.0.0.1:1/v1', kind: 'local', maxParallel: 4 },
        { id: 'cloud', url: 'https://api.example.com/v1', kind: 'hosted', maxParallel: 8 },
        { id: 'unused', url: 'http://127.0.0.1:2/v1', kind: 'local', maxParallel: 64 },
      ],
      roles: { coder: [['gpu/m'], ['cloud/m']], planner: ['gpu/m'] },
    });
    const lanes = [
      { name: 'local', endpoints: ['gpu'] },
      { name: 'any', endpoints: [] },
    ];
    const clock = manualClock();
    // `local` shares gpu with `any` (which uses every endpoint of the roles): 4 / 2.
    const local = laneConcurrency('auto', { config, lane: lanes[0]!, lanes, clock });
    expect(local.setting).toBe('auto');
    expect(local.limit()).toBe(1);
    // `any`: half of gpu, all of cloud; bound 2 × (4 + 8); the endpoint no role uses does not count.
    expect(local).toMatchObject({ share: 2, max: 8 });
    const anyLane = laneConcurrency('auto', { config, lane: lanes[1]!, lanes, clock });
    expect(anyLane).toMatchObject({ share: 10, max: 24 });
    expect(laneConcurrency(3, { config, lane: lanes[0]!, lanes, clock })).toMatchObject({ setting: 3 });
    expect(fixedConcurrency(500).limit()).toBe(64);
  });
});

describe('fanOutProcessEvents', () => {
  it('listens to the process once, only while a run listens, and forwards to every run', () => {
    const source = new EventEmitter();
    const events = fanOutProcessEvents(source);
    const heard: string[] = [];
    const listeners = Array.from({ length: 20 }, (_, i) => () => heard.push(`run${i}`));
    for (const listener of listeners) events.on('SIGTERM', listener);
    expect(source.listenerCount('SIGTERM')).toBe(1);
    source.emit('SIGTERM');
    expect(heard).toHaveLength(20);
    for (const listener of listeners) events.off('SIGTERM', listener);
    // Nobody listens: neither does the fan-out (an uncaught exception between runs ends the process as ever).
    expect(source.listenerCount('SIGTERM')).toBe(0);
    events.on('uncaughtException', () => heard.push('error'));
    expect(source.listenerCount('uncaughtException')).toBe(1);
    source.emit('uncaughtException', new Error('x'));
    expect(heard.at(-1)).toBe('error');
  });
});
