/**
 * The guard cycle against in-memory effects and a hand-moved clock: seed 001's success criteria (an idle
 * lane with healthy endpoints and queued work is started; stale pauses are cleared and fresh ones
 * respected; consecutive-idle counters go back to zero once work flows) and the safety policies around
 * them (deny/allow lists, the health floor, highest work first, the per-cycle bound, no double starts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  eventsOf,
  HOUR,
  laneOf,
  makeWorld,
  MINUTE,
  type World,
  type WorldOptions,
} from './guard-fixtures.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function setup(options: WorldOptions): Promise<World> {
  world = await makeWorld(options);
  return world;
}

/** Cycles one interval apart, as `keel guard loop` would run them. */
async function cycles(w: World, count: number) {
  const reports = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) w.clock.advance(MINUTE);
    reports.push(await w.cycle());
  }
  return reports;
}

describe('starting idle lanes', () => {
  it('starts a lane that is idle while its endpoints are healthy and work is queued (seed 001, criterion 1)', async () => {
    const w = await setup({ lanes: [{ name: 'local-a' }] });
    w.queued.set('local-a', 4);
    const report = await w.cycle();
    expect(w.started).toEqual(['local-a']);
    expect(report.started).toEqual(['local-a']);
    expect(laneOf(report, 'local-a')).toMatchObject({
      status: 'idle',
      action: 'started',
      queued: 4,
      idleCycles: 1,
      health: { share: 1, floorMet: true },
    });
    expect(eventsOf(w, 'guard_lane_started')).toEqual([
      expect.objectContaining({ lane: 'local-a', queued: 4 }),
    ]);
  });

  it('leaves alone lanes with nothing queued, lanes already running and lanes whose endpoints are down', async () => {
    const w = await setup({
      lanes: [{ name: 'drained' }, { name: 'running' }, { name: 'down', endpoints: ['lan-b'] }],
    });
    w.queued.set('running', 5);
    w.queued.set('down', 5);
    w.activity.set('running', 'active');
    w.health.set('lan-b', false);
    const report = await w.cycle();
    expect(w.started).toEqual([]);
    expect(report.lanes.map((lane) => [lane.lane, lane.status, lane.action])).toEqual([
      ['drained', 'drained', 'none'],
      ['running', 'active', 'none'],
      ['down', 'unhealthy', 'none'],
    ]);
    expect(report.fleet).toMatchObject({ idle: false, idleLanes: [], active: 1 });
  });

  it('holds the health floor: the share of healthy endpoints must reach guard.healthFloor', async () => {
    const w = await setup({
      lanes: [{ name: 'half', endpoints: ['lan-a', 'lan-b'] }],
      endpoints: ['lan-a', 'lan-b'],
      guard: { healthFloor: 0.75 },
    });
    w.queued.set('half', 3);
    w.health.set('lan-b', false);
    const report = await w.cycle();
    expect(w.started).toEqual([]);
    expect(laneOf(report, 'half')).toMatchObject({
      status: 'unhealthy',
      health: { share: 0.5, floorMet: false, endpoints: { 'lan-a': 'healthy', 'lan-b': 'unhealthy' } },
    });
    // The endpoint comes back: the floor is met at the next probe.
    w.health.set('lan-b', true);
    w.clock.advance(MINUTE);
    await w.cycle();
    expect(w.started).toEqual(['half']);
  });

  it('starts a lane exactly at the floor (healthy share = healthFloor)', async () => {
    const w = await setup({
      lanes: [{ name: 'half', endpoints: ['lan-a', 'lan-b'] }],
      guard: { healthFloor: 0.5 },
    });
    w.queued.set('half', 1);
    w.health.set('lan-a', false);
    await w.cycle();
    expect(w.started).toEqual(['half']);
  });

  it('counts an endpoint unknown to keel.yml against the floor, and leaves unreachable ones out', async () => {
    const w = await setup({
      lanes: [
        { name: 'typo', endpoints: ['lan-a', 'no-such-endpoint'] },
        { name: 'lan-only', endpoints: ['lan-b'] },
      ],
      guard: { healthFloor: 0.6 },
    });
    w.queued.set('typo', 2);
    w.queued.set('lan-only', 2);
    w.health.set('lan-b', 'unreachable');
    const report = await w.cycle();
    expect(laneOf(report, 'typo')).toMatchObject({
      status: 'unhealthy',
      health: { share: 0.5, endpoints: { 'no-such-endpoint': 'unconfigured' } },
    });
    // Nothing this runner can judge: the lane's own runner sees its endpoints.
    expect(laneOf(report, 'lan-only')).toMatchObject({
      status: 'idle',
      action: 'started',
      health: { share: null, floorMet: true, endpoints: { 'lan-b': 'unreachable' } },
    });
    expect(report.endpoints.find((e) => e.id === 'lan-b')?.health).toBe('unreachable');
  });

  it('honours the deny list and the allow list', async () => {
    const w = await setup({
      lanes: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      guard: { allow: ['a', 'b'], deny: ['b'], maxStartsPerCycle: 10 },
    });
    for (const lane of ['a', 'b', 'c']) w.queued.set(lane, 1);
    const report = await w.cycle();
    expect(w.started).toEqual(['a']);
    expect(laneOf(report, 'b')).toMatchObject({ status: 'idle', action: 'denied' });
    expect(laneOf(report, 'c')).toMatchObject({ status: 'idle', action: 'not_allowed' });
  });

  it('starts the lanes with the most queued work first, at most maxStartsPerCycle per cycle', async () => {
    const w = await setup({
      lanes: [{ name: 'small' }, { name: 'big' }, { name: 'medium' }, { name: 'tie' }],
      guard: { maxStartsPerCycle: 2 },
    });
    w.queued.set('small', 1);
    w.queued.set('big', 9);
    w.queued.set('medium', 5);
    w.queued.set('tie', 5);
    w.startsTakeEffect = true;
    const report = await w.cycle();
    expect(w.started).toEqual(['big', 'medium']);
    expect(laneOf(report, 'tie').action).toBe('limit');
    expect(laneOf(report, 'small').action).toBe('limit');
    w.clock.advance(MINUTE);
    await w.cycle();
    expect(w.started).toEqual(['big', 'medium', 'tie', 'small']);
  });

  it('never starts a lane twice: an active lane is left alone, and a start gets startGraceMs to show up', async () => {
    const w = await setup({
      lanes: [{ name: 'slow' }, { name: 'busy' }],
      guard: { startGraceMs: 5 * MINUTE },
    });
    w.queued.set('slow', 2);
    w.queued.set('busy', 2);
    w.activity.set('busy', 'active');
    await w.cycle();
    expect(w.started).toEqual(['slow']);
    // The spawned lane has not written its heartbeat yet.
    for (let i = 0; i < 4; i++) {
      w.clock.advance(MINUTE);
      const report = await w.cycle();
      expect(laneOf(report, 'slow')).toMatchObject({ status: 'starting', action: 'none' });
    }
    expect(w.started).toEqual(['slow']);
    // Past the grace it never showed up: it is idle again and started again.
    w.clock.advance(MINUTE);
    await w.cycle();
    expect(w.started).toEqual(['slow', 'slow']);
    expect(w.started).not.toContain('busy');
  });

  it('does not start a lane whose start is already on its way or stuck', async () => {
    const w = await setup({ lanes: [{ name: 'queued' }, { name: 'stuck' }] });
    w.queued.set('queued', 1);
    w.queued.set('stuck', 1);
    w.activity.set('queued', 'starting');
    w.activity.set('stuck', 'stalled');
    const report = await w.cycle();
    expect(w.started).toEqual([]);
    expect(laneOf(report, 'queued').status).toBe('starting');
    expect(laneOf(report, 'stuck')).toMatchObject({ status: 'idle', action: 'stalled', idleCycles: 1 });
  });

  it('records a failed start and an unreadable queue without failing the cycle', async () => {
    const w = await setup({ lanes: [{ name: 'broken' }, { name: 'unreadable' }, { name: 'fine' }] });
    w.queued.set('broken', 3);
    w.queued.set('unreadable', new Error('claim state damaged'));
    w.queued.set('fine', 1);
    w.failStart.add('broken');
    const report = await w.cycle();
    expect(w.started).toEqual(['fine']);
    expect(laneOf(report, 'broken')).toMatchObject({ action: 'start_failed', errors: ['spawn failed'] });
    expect(laneOf(report, 'unreadable')).toMatchObject({
      status: 'unknown',
      queued: null,
      errors: ['queue: claim state damaged'],
    });
    expect(eventsOf(w, 'guard_lane_start_failed')).toHaveLength(1);
  });
});

describe('pause flags', () => {
  it('clears a stale pause, with who and when on record, and starts the lane (seed 001, criterion 2)', async () => {
    const w = await setup({ lanes: [{ name: 'forgotten' }], guard: { stalePauseMs: 6 * HOUR } });
    w.queued.set('forgotten', 2);
    const flag = { at: w.clock.now() - 7 * HOUR, by: 'alice', reason: 'debugging the model' };
    w.pauses.set('forgotten', flag);
    const report = await w.cycle();
    expect(w.cleared).toEqual([
      {
        lane: 'forgotten',
        flag,
        note: expect.objectContaining({
          at: w.clock.now(),
          by: 'test-guard',
          reason: expect.stringContaining('7 h ago') as string,
        }) as object,
      },
    ]);
    expect(w.started).toEqual(['forgotten']);
    expect(report.pausesCleared).toEqual([expect.objectContaining({ lane: 'forgotten', flag })]);
    expect(laneOf(report, 'forgotten')).toMatchObject({ action: 'started', pauseCleared: true });
    expect(eventsOf(w, 'guard_pause_cleared')).toHaveLength(1);
  });

  it('respects a fresh pause: the lane is neither started nor unpaused', async () => {
    const w = await setup({ lanes: [{ name: 'held' }], guard: { stalePauseMs: 6 * HOUR } });
    w.queued.set('held', 2);
    w.pauses.set('held', { at: w.clock.now() - 5 * HOUR, by: 'bob', reason: 'model upgrade' });
    const report = await w.cycle();
    expect(w.cleared).toEqual([]);
    expect(w.started).toEqual([]);
    expect(laneOf(report, 'held')).toMatchObject({
      status: 'idle',
      action: 'paused',
      pause: { by: 'bob', stale: false },
    });
    // The same pause grows stale while the lane still starves: then it goes.
    w.clock.advance(HOUR + MINUTE);
    await w.cycle();
    expect(w.cleared.map((c) => c.lane)).toEqual(['held']);
    expect(w.started).toEqual(['held']);
  });

  it('leaves stale pauses of lanes it would not start anyway (denied, nothing queued)', async () => {
    const w = await setup({ lanes: [{ name: 'denied' }, { name: 'empty' }], guard: { deny: ['denied'] } });
    w.queued.set('denied', 2);
    const old = { at: w.clock.now() - 30 * HOUR, by: 'carol', reason: '' };
    w.pauses.set('denied', old);
    w.pauses.set('empty', old);
    await w.cycle();
    expect(w.cleared).toEqual([]);
  });
});

describe('paused lane processes and recycled backlog', () => {
  it('clears the stale pause of a live lane that sits paused, and starts nothing beside it', async () => {
    const w = await setup({ lanes: [{ name: 'stale' }, { name: 'fresh' }] });
    for (const lane of ['stale', 'fresh']) {
      w.queued.set(lane, 2);
      w.activity.set(lane, 'paused');
    }
    w.pauses.set('stale', { at: w.clock.now() - 8 * HOUR, by: 'frank', reason: '' });
    w.pauses.set('fresh', { at: w.clock.now() - HOUR, by: 'frank', reason: '' });
    let report = await w.cycle();
    expect(w.started).toEqual([]);
    expect(w.cleared.map((c) => c.lane)).toEqual(['stale']);
    expect(laneOf(report, 'stale')).toMatchObject({ status: 'idle', action: 'unpaused', pauseCleared: true });
    expect(laneOf(report, 'fresh')).toMatchObject({ status: 'idle', action: 'paused' });
    // Its flag gone, the process picks work up by itself: on its way, not idle.
    w.clock.advance(MINUTE);
    report = await w.cycle();
    expect(laneOf(report, 'stale')).toMatchObject({ status: 'starting', idleCycles: 1 });
    expect(w.started).toEqual([]);
  });

  it('recycles the finished backlog of a drained lane when guard.recycle is enabled, then starts it', async () => {
    const w = await setup({
      lanes: [{ name: 'drained' }, { name: 'running' }, { name: 'denied' }],
      guard: { recycle: { enabled: true }, deny: ['denied'] },
    });
    for (const lane of ['drained', 'running', 'denied']) w.backlog.set(lane, 3);
    w.activity.set('running', 'active');
    const report = await w.cycle();
    expect(w.recycledLanes).toEqual(['drained']);
    expect(laneOf(report, 'drained')).toMatchObject({
      recycled: 3,
      queued: 3,
      status: 'idle',
      action: 'started',
    });
    expect(eventsOf(w, 'guard_backlog_recycled')).toEqual([
      { type: 'guard_backlog_recycled', lane: 'drained', reopened: 3, queued: 3 },
    ]);
  });

  it('recycles nothing unless guard.recycle is enabled', async () => {
    const w = await setup({ lanes: [{ name: 'drained' }] });
    w.backlog.set('drained', 3);
    const report = await w.cycle();
    expect(w.recycledLanes).toEqual([]);
    expect(laneOf(report, 'drained')).toMatchObject({ status: 'drained', action: 'none' });
  });
});

describe('resuming interrupted runs', () => {
  it('dispatches one resume per interruption for runs nothing is running, never two across cycles', async () => {
    const w = await setup({ lanes: [{ name: 'a' }], guard: { maxResumesPerCycle: 5 } });
    w.runs = [
      { runId: 'run-1', status: 'interrupted', updatedAt: 1_000, active: false },
      { runId: 'run-2', status: 'interrupted', updatedAt: 2_000, active: false },
      { runId: 'run-3', status: 'interrupted', updatedAt: 3_000, active: true },
    ];
    let report = await w.cycle();
    expect(w.resumed).toEqual(['run-1', 'run-2']);
    expect(report.resumes.map((r) => [r.runId, r.action])).toEqual([
      ['run-1', 'dispatched'],
      ['run-2', 'dispatched'],
      ['run-3', 'active'],
    ]);
    // The resumed processes are slow to show up: still interrupted, unchanged. No second dispatch.
    for (let i = 0; i < 3; i++) {
      w.clock.advance(MINUTE);
      report = await w.cycle();
    }
    expect(w.resumed).toEqual(['run-1', 'run-2']);
    expect(report.resumes.map((r) => r.action)).toEqual([
      'already_dispatched',
      'already_dispatched',
      'active',
    ]);
    // run-1 ran, checkpointed and was interrupted again: a new interruption earns a new resume.
    w.runs[0] = { runId: 'run-1', status: 'interrupted', updatedAt: 9_000, active: false };
    w.clock.advance(MINUTE);
    await w.cycle();
    expect(w.resumed).toEqual(['run-1', 'run-2', 'run-1']);
  });

  it('dispatches again after resumeRetryMs when a resume never took, and at most maxResumesPerCycle at once', async () => {
    const w = await setup({ lanes: [{ name: 'a' }], guard: { maxResumesPerCycle: 1, resumeRetryMs: HOUR } });
    w.runs = [
      { runId: 'old', status: 'interrupted', updatedAt: 1_000, active: false },
      { runId: 'new', status: 'interrupted', updatedAt: 2_000, active: false },
    ];
    const first = await w.cycle();
    expect(w.resumed).toEqual(['old']);
    expect(first.resumes.find((r) => r.runId === 'new')?.action).toBe('limit');
    w.clock.advance(MINUTE);
    await w.cycle();
    expect(w.resumed).toEqual(['old', 'new']);
    w.clock.advance(HOUR);
    await w.cycle();
    expect(w.resumed).toEqual(['old', 'new', 'old']);
  });
});

describe('persistent_idle_condition', () => {
  it('is raised after idleCyclesBeforeAlert consecutive idle cycles, not before, and only once per streak', async () => {
    const w = await setup({ lanes: [{ name: 'starved' }], guard: { idleCyclesBeforeAlert: 3 } });
    w.queued.set('starved', 6);
    w.pauses.set('starved', { at: w.clock.now(), by: 'dave', reason: 'maintenance' });
    const seen: number[] = [];
    for (let i = 1; i <= 5; i++) {
      if (i > 1) w.clock.advance(MINUTE);
      const report = await w.cycle();
      seen.push(eventsOf(w, 'persistent_idle_condition').length);
      expect(laneOf(report, 'starved').idleCycles).toBe(i);
      expect(report.fleet.idleCycles).toBe(i);
    }
    expect(seen).toEqual([0, 0, 1, 1, 1]);
    expect(eventsOf(w, 'persistent_idle_condition')[0]).toMatchObject({
      lane: 'starved',
      idleCycles: 3,
      idleSince: w.clock.now() - 4 * MINUTE,
      queued: 6,
      why: expect.stringContaining('paused by dave') as string,
    });
    expect(w.raised).toHaveLength(1);
  });

  it('keeps trying to deliver an alert the sink refused, without raising the event again', async () => {
    const w = await setup({
      lanes: [{ name: 'starved' }],
      guard: { idleCyclesBeforeAlert: 1, deny: ['starved'] },
    });
    w.queued.set('starved', 1);
    w.failAlert = true;
    let report = await w.cycle();
    expect(report.alerts).toEqual([
      expect.objectContaining({ lane: 'starved', delivered: false, error: 'GitHub is down' }),
    ]);
    w.failAlert = false;
    w.clock.advance(MINUTE);
    report = await w.cycle();
    expect(report.alerts).toEqual([expect.objectContaining({ lane: 'starved', delivered: true })]);
    w.clock.advance(MINUTE);
    report = await w.cycle();
    expect(report.alerts).toEqual([]);
    expect(w.raised).toHaveLength(1);
    expect(eventsOf(w, 'persistent_idle_condition')).toHaveLength(1);
  });

  it('counts a lane whose starts never take, and resolves the alert once work flows (seed 001, criterion 4)', async () => {
    const w = await setup({
      lanes: [{ name: 'flaky' }],
      guard: { idleCyclesBeforeAlert: 2, startGraceMs: 2 * MINUTE },
    });
    w.queued.set('flaky', 3);
    // idle → started → starting (held) → idle again → alert.
    const statuses: [string, number][] = [];
    for (let i = 0; i < 4; i++) {
      if (i > 0) w.clock.advance(MINUTE);
      const lane = laneOf(await w.cycle(), 'flaky');
      statuses.push([lane.status, lane.idleCycles]);
    }
    expect(statuses).toEqual([
      ['idle', 1],
      ['starting', 1],
      ['idle', 2],
      ['starting', 2],
    ]);
    expect(eventsOf(w, 'persistent_idle_condition')).toHaveLength(1);
    // The lane finally comes up: the counter drops to zero and the alert is resolved.
    w.activity.set('flaky', 'active');
    w.clock.advance(MINUTE);
    const report = await w.cycle();
    expect(laneOf(report, 'flaky')).toMatchObject({ status: 'active', idleCycles: 0 });
    expect(eventsOf(w, 'persistent_idle_resolved')).toEqual([
      expect.objectContaining({ lane: 'flaky', idleCycles: 2 }),
    ]);
    expect(w.resolvedAlerts).toEqual(['flaky']);
  });

  it('lets consecutive-idle counters trend to zero while endpoints are healthy and lanes come up', async () => {
    const w = await setup({
      lanes: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      guard: { maxStartsPerCycle: 1 },
    });
    for (const lane of ['a', 'b', 'c']) w.queued.set(lane, 2);
    w.startsTakeEffect = true;
    const reports = await cycles(w, 5);
    expect(reports.map((r) => r.lanes.map((lane) => lane.idleCycles))).toEqual([
      [1, 1, 1],
      [0, 2, 2],
      [0, 0, 3],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(reports.map((r) => r.fleet.idleCycles)).toEqual([1, 0, 0, 0, 0]);
    // Lane c waited for its slot three cycles: that is what the alert is for, once.
    expect(eventsOf(w, 'persistent_idle_condition').map((e) => e.lane)).toEqual(['c']);
    expect(eventsOf(w, 'persistent_idle_resolved').map((e) => e.lane)).toEqual(['c']);
  });
});
