/**
 * What a guard cycle leaves on disk — the cycle report, the guard state, the NDJSON history — and how it
 * copes with whatever an earlier (or foreign) process left there: garbage is reported and replaced, the
 * valid parts of a damaged state are kept. Also the probe and scan rhythm carried in that state, and the
 * lock that keeps two cycles from running at once.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GUARD_HISTORY_FILE, GUARD_REPORT_FILE, GUARD_STATE_FILE } from '../../src/base/state-layout.ts';
import { readGuardState } from '../../src/guard/guard-state.ts';
import { eventsOf, laneOf, makeWorld, MINUTE, type World } from './guard-fixtures.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const guardFile = (w: World, name: string): string => join(w.dir, 'guard', name);
const readJson = async (path: string): Promise<unknown> =>
  JSON.parse(await readFile(path, 'utf8')) as unknown;
const historyOf = async (w: World): Promise<{ type: string; at: number }[]> =>
  (await readFile(guardFile(w, GUARD_HISTORY_FILE), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; at: number });

describe('guard files', () => {
  it('writes the cycle report, the guard state with its counters, and appends to the history', async () => {
    world = await makeWorld({ lanes: [{ name: 'a' }, { name: 'b' }] });
    const w = world;
    w.queued.set('a', 2);
    w.pauses.set('b', { at: w.clock.now(), by: 'erin', reason: 'hold' });
    w.queued.set('b', 1);
    await w.cycle();
    w.clock.advance(MINUTE);
    const report = await w.cycle();

    expect(await readJson(guardFile(w, GUARD_REPORT_FILE))).toEqual(report);
    const state = readGuardState(await readJson(guardFile(w, GUARD_STATE_FILE)));
    expect(state.problem).toBeUndefined();
    expect(state.state).toMatchObject({
      cycle: 2,
      lastProbeAt: w.clock.now(),
      fleet: { idleCycles: 2 },
      // a was started in the first cycle and is on its way: its counter is held, not reset.
      lanes: { a: { idleCycles: 1, lastStartAt: w.clock.now() - MINUTE }, b: { idleCycles: 2 } },
    });
    expect(state.state.health.probes.map((p) => p.endpointId).sort()).toEqual(['lan-a', 'lan-b']);

    const history = await historyOf(w);
    expect(history.map((line) => line.type)).toEqual(['guard_lane_started', 'guard_cycle', 'guard_cycle']);
    expect(history[2]).toMatchObject({
      at: w.clock.now(),
      cycle: 2,
      idleLanes: ['b'],
      lanes: { a: { status: 'starting' }, b: { status: 'idle', action: 'paused', idleCycles: 2 } },
    });
  });

  it.each([
    ['not JSON', '{"version": 1, "lanes": {', /not JSON/],
    ['another version', JSON.stringify({ version: 7, lanes: {} }), /version/],
    ['not an object', '[1, 2, 3]', /previous guard state ignored/],
  ])(
    'survives a previous state that is %s: reported, replaced, the cycle runs',
    async (_what, text, problem) => {
      world = await makeWorld({ lanes: [{ name: 'a' }] });
      const w = world;
      await mkdir(join(w.dir, 'guard'), { recursive: true });
      await writeFile(guardFile(w, GUARD_STATE_FILE), text);
      w.queued.set('a', 1);
      const report = await w.cycle();
      expect(report.stateProblem).toMatch(problem);
      expect(eventsOf(w, 'guard_state_reset')).toHaveLength(1);
      expect(w.started).toEqual(['a']);
      expect(readGuardState(await readJson(guardFile(w, GUARD_STATE_FILE))).problem).toBeUndefined();
      // The next cycle reads its own file without complaint.
      w.clock.advance(MINUTE);
      expect((await w.cycle()).stateProblem).toBeUndefined();
    },
  );

  it('keeps the valid entries of a damaged state and drops the rest, hostile keys included', async () => {
    world = await makeWorld({ lanes: [{ name: 'a' }, { name: 'b' }, { name: 'constructor' }] });
    const w = world;
    const since = w.clock.now() - 10 * MINUTE;
    await mkdir(join(w.dir, 'guard'), { recursive: true });
    await writeFile(
      guardFile(w, GUARD_STATE_FILE),
      `{"version": 1, "cycle": "many", "lastProbeAt": -5, "health": {"version": 1, "probes": [{"endpointId": 3}]},
        "fleet": null, "unreachable": "lan-a",
        "lanes": {"a": {"idleCycles": 2, "idleSince": ${since}}, "b": {"idleCycles": "x"},
                  "__proto__": {"idleCycles": 99}, "constructor": {"idleCycles": -1}},
        "resumes": {"run-1": {"dispatchedAt": 1, "updatedAt": 1}, "run-2": "garbage"}}`,
    );
    w.queued.set('a', 1);
    w.queued.set('b', 1);
    w.queued.set('constructor', 1);
    w.pauses.set('a', { at: w.clock.now(), by: 'x', reason: '' });
    w.pauses.set('b', { at: w.clock.now(), by: 'x', reason: '' });
    w.pauses.set('constructor', { at: w.clock.now(), by: 'x', reason: '' });
    const report = await w.cycle();
    expect(report.stateProblem).toBeUndefined();
    expect(report.cycle).toBe(1);
    expect(report.probed).toBe(true);
    expect(laneOf(report, 'a')).toMatchObject({ idleCycles: 3, idleSince: since });
    expect(laneOf(report, 'b').idleCycles).toBe(1);
    expect(laneOf(report, 'constructor').idleCycles).toBe(1);
    expect(({} as Record<string, unknown>).idleCycles).toBeUndefined();
  });
});

describe('probe and scan rhythm', () => {
  it('probes every probeIntervalMs and scans every capabilityIntervalMs, across separate `once` runs', async () => {
    world = await makeWorld({
      lanes: [{ name: 'a' }],
      guard: { probeIntervalMs: MINUTE, capabilityIntervalMs: 5 * MINUTE },
    });
    const w = world;
    w.queued.set('a', 1);
    w.activity.set('a', 'active');
    const rhythm: [boolean, boolean][] = [];
    for (let i = 0; i < 12; i++) {
      if (i > 0) w.clock.advance(MINUTE / 2);
      const report = await w.cycle();
      rhythm.push([report.probed, report.scanned]);
    }
    const probedAt = rhythm.flatMap(([probed], i) => (probed ? [i] : []));
    const scannedAt = rhythm.flatMap(([, scanned], i) => (scanned ? [i] : []));
    expect(probedAt).toEqual([0, 2, 4, 6, 8, 10]);
    expect(scannedAt).toEqual([0, 10]);
    expect(w.probes).toBe(6 * 2);
    expect(w.scans).toBe(2 * 2);
  });

  it('judges health on the stored probe between probes', async () => {
    world = await makeWorld({
      lanes: [{ name: 'a', endpoints: ['lan-a'] }],
      guard: { probeIntervalMs: 10 * MINUTE },
    });
    const w = world;
    w.health.set('lan-a', false);
    w.queued.set('a', 1);
    expect(laneOf(await w.cycle(), 'a').status).toBe('unhealthy');
    // Healthy now, but the next probe is not due: the guard still goes by the last one.
    w.health.set('lan-a', true);
    w.clock.advance(MINUTE);
    const report = await w.cycle();
    expect(report.probed).toBe(false);
    expect(laneOf(report, 'a').status).toBe('unhealthy');
    expect(report.endpoints).toEqual([
      expect.objectContaining({ id: 'lan-a', health: 'unhealthy', flavor: 'vllm' }),
    ]);
  });
});

describe('one cycle at a time', () => {
  it('answers busy while another cycle holds the lock, and runs again once it is released', async () => {
    world = await makeWorld({ lanes: [{ name: 'a' }] });
    const w = world;
    w.queued.set('a', 1);
    let release!: () => void;
    w.hold = new Promise((resolve) => (release = resolve));
    const first = w.run();
    // Let the first cycle take the lock and reach the queue read.
    while (w.probes === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = await w.run();
    expect(second).toMatchObject({ kind: 'busy', holder: { pid: process.pid } });
    release();
    expect((await first).kind).toBe('ran');
    expect(w.started).toEqual(['a']);
    w.clock.advance(MINUTE);
    expect((await w.run()).kind).toBe('ran');
  });
});
