/**
 * The watchdog over real child processes, with time in the test's hands: backoffs, heartbeat checks and
 * grace periods all sleep on a `ManualClock`, so "restarted within its backoff" is asserted in clock steps
 * rather than in wall-clock time.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Watchdog,
  type ChildSpec,
  type WatchdogOptions,
  type WatchdogStatus,
} from '../../src/daemon/watchdog.ts';
import { isAlive, waitForExit } from '../exec/helpers.ts';
import {
  advanceUntil,
  EventRecorder,
  ManualClock,
  eventually,
  killAll,
  makeSandbox,
  readRecords,
  settle,
  type Sandbox,
} from './watchdog-fixtures.ts';

const STOP_GRACE_MS = 5_000;
const CHECK_MS = 500;

interface Running {
  watchdog: Watchdog;
  clock: ManualClock;
  recorder: EventRecorder;
  controller: AbortController;
  done: Promise<WatchdogStatus>;
}

let sandbox: Sandbox | undefined;
let running: Running | undefined;

afterEach(async () => {
  if (running) {
    // Stop first (no more restarts), then make sure every child is gone whatever state the test left.
    running.controller.abort();
    await killAll(running.recorder.pids());
    await running.done.catch(() => undefined);
    running = undefined;
  }
  await sandbox?.cleanup();
  sandbox = undefined;
});

async function start(
  children: (box: Sandbox) => ChildSpec[],
  extra: Partial<WatchdogOptions> = {},
): Promise<Running & { box: Sandbox }> {
  const box = (sandbox = await makeSandbox());
  const clock = new ManualClock();
  const recorder = new EventRecorder();
  const controller = new AbortController();
  const watchdog = new Watchdog({
    children: children(box),
    statusFile: join(box.dir, 'daemon', 'status.json'),
    logDir: join(box.dir, 'daemon', 'logs'),
    clock,
    onEvent: recorder.push,
    stopGraceMs: STOP_GRACE_MS,
    heartbeatCheckMs: CHECK_MS,
    ...extra,
  });
  const done = watchdog.run(controller.signal);
  running = { watchdog, clock, recorder, controller, done };
  return { ...running, box };
}

function child(box: Sandbox, name: string, mode = 'beat', heartbeat?: ChildSpec['heartbeat']): ChildSpec {
  return {
    name,
    command: process.execPath,
    args: [box.script, name],
    env: { ...process.env, CHILD_MODE: mode, CHILD_CONTROL: box.control, CHILD_RECORD: box.record },
    ...(heartbeat ? { heartbeat } : {}),
  };
}

const childStatus = (watchdog: Watchdog, name: string) =>
  watchdog.status().children.find((c) => c.name === name)!;

/** Advances the clock one heartbeat check at a time until the `count`-th stale verdict; returns the steps. */
async function advanceUntilStale(
  clock: ManualClock,
  recorder: EventRecorder,
  count: number,
): Promise<number> {
  const stale = recorder.nth('child_heartbeat_stale', count - 1);
  let verdict = false;
  void stale.then(() => (verdict = true));
  for (let advances = 0; advances < 100; advances++) {
    await Promise.race([clock.waitForSleep(CHECK_MS), stale]);
    if (verdict) return advances;
    clock.advance(CHECK_MS);
  }
  throw new Error('no stale verdict after 100 checks');
}

describe('watchdog: restarts', () => {
  it('brings a killed child back after exactly its backoff, not before', async () => {
    const { watchdog, clock, recorder } = await start((box) => [
      child(box, 'lane-a', 'beat', { file: join(box.dir, 'hb', 'a'), maxAgeMs: 60_000 }),
    ]);
    const first = await recorder.waitFor('child_started');
    expect(isAlive(first.pid)).toBe(true);

    process.kill(first.pid, 'SIGKILL');
    const exited = await recorder.waitFor('child_exited');
    expect(exited).toMatchObject({ pid: first.pid, reason: 'exited', signal: 'SIGKILL', code: null });
    const scheduled = await recorder.waitFor('child_restart_scheduled');
    expect(scheduled).toMatchObject({ delayMs: 1_000, failures: 1, at: clock.now() + 1_000 });
    expect(childStatus(watchdog, 'lane-a')).toMatchObject({
      state: 'backoff',
      pid: null,
      nextRestartAt: clock.now() + 1_000,
      lastExit: { pid: first.pid, signal: 'SIGKILL', reason: 'exited' },
    });

    clock.advance(999);
    await settle();
    expect(recorder.count('child_started')).toBe(1);

    clock.advance(1);
    const second = await recorder.waitFor('child_started', (e) => e.restarts === 1);
    expect(second.pid).not.toBe(first.pid);
    expect(isAlive(second.pid)).toBe(true);
    expect(childStatus(watchdog, 'lane-a')).toMatchObject({ state: 'running', pid: second.pid, restarts: 1 });
  });

  it('backs a crash loop off exponentially up to the cap, and never starts before the backoff is over', async () => {
    const { watchdog, clock, recorder } = await start((box) => [child(box, 'crasher', 'crash')]);
    const delays: number[] = [];
    for (let crash = 1; crash <= 9; crash++) {
      const scheduled = await recorder.waitFor('child_restart_scheduled', (e) => e.failures === crash);
      delays.push(scheduled.delayMs);
      expect(recorder.count('child_started')).toBe(crash);
      expect(childStatus(watchdog, 'crasher').lastExit).toMatchObject({ code: 3, reason: 'exited' });
      // One tick short of the backoff nothing may start, however fast the child died.
      clock.advance(scheduled.delayMs - 1);
      await settle();
      expect(recorder.count('child_started')).toBe(crash);
      clock.advance(1);
      await recorder.waitFor('child_started', (e) => e.restarts === crash);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('starts the count over after a child stayed up for the reset period (60 s)', async () => {
    const { clock, recorder } = await start((box) => [child(box, 'lane-b')]);
    const killAndDelay = async (restarts: number, upMs: number): Promise<number> => {
      const started = await recorder.waitFor('child_started', (e) => e.restarts === restarts);
      clock.advance(upMs);
      process.kill(started.pid, 'SIGKILL');
      const scheduled = await recorder.nth('child_restart_scheduled', restarts);
      clock.advance(scheduled.delayMs);
      return scheduled.delayMs;
    };
    expect(await killAndDelay(0, 0)).toBe(1_000);
    expect(await killAndDelay(1, 10)).toBe(2_000);
    expect(await killAndDelay(2, 59_999)).toBe(4_000); // one ms short of healthy: still counting
    expect(await killAndDelay(3, 60_000)).toBe(1_000); // up for 60 s: back to the first step
    expect(await killAndDelay(4, 0)).toBe(2_000);
  });

  it('treats a spawn failure as an exit and backs off the same way', async () => {
    const { watchdog, clock, recorder } = await start(() => [
      { name: 'missing', command: '/nonexistent/keel-binary', args: [] },
    ]);
    const first = await recorder.waitFor('child_exited');
    expect(first).toMatchObject({ reason: 'spawn_failed', pid: null });
    expect(first.error).toMatch(/ENOENT/);
    expect((await recorder.waitFor('child_restart_scheduled')).delayMs).toBe(1_000);
    clock.advance(1_000);
    const second = await recorder.waitFor('child_restart_scheduled', (e) => e.failures === 2);
    expect(second.delayMs).toBe(2_000);
    expect(recorder.count('child_started')).toBe(0);
    expect(childStatus(watchdog, 'missing')).toMatchObject({ state: 'backoff', restarts: 1 });
  });
});

describe('watchdog: children that run to an end (a lane that is not persistent)', () => {
  const REQUEST_CHECK_MS = 2_000;
  const finishing = (box: Sandbox, name: string, mode: string): ChildSpec => ({
    ...child(box, name, mode),
    finishes: { startRequestFile: join(box.dir, `${name}.start.request`) },
  });

  it('records an exit 0 as finished: no failure, no restart, until its start request appears', async () => {
    const { watchdog, clock, recorder, box } = await start((b) => [finishing(b, 'lane-b', 'exit:0')], {
      startRequestCheckMs: REQUEST_CHECK_MS,
    });
    const request = join(box.dir, 'lane-b.start.request');
    const first = await recorder.waitFor('child_started');
    expect(await recorder.waitFor('child_exited')).toMatchObject({
      pid: first.pid,
      reason: 'finished',
      code: 0,
    });
    expect(await recorder.waitFor('child_finished')).toEqual({
      type: 'child_finished',
      child: 'lane-b',
      startRequestFile: request,
    });
    expect(childStatus(watchdog, 'lane-b')).toMatchObject({
      state: 'finished',
      pid: null,
      failures: 0,
      nextRestartAt: null,
      lastExit: { pid: first.pid, code: 0, reason: 'finished' },
    });
    // Thirty looks (a minute) on, nothing has restarted it, and no restart was ever scheduled.
    for (let i = 0; i < 30; i++) {
      await clock.waitForSleep(REQUEST_CHECK_MS);
      clock.advance(REQUEST_CHECK_MS);
    }
    await settle();
    expect(recorder.count('child_started')).toBe(1);
    expect(recorder.count('child_restart_scheduled')).toBe(0);
    expect(childStatus(watchdog, 'lane-b').state).toBe('finished');

    // The guard asks: at the next look it starts, and the request is used up by that start.
    await writeFile(request, '{"at":1,"by":"keel-guard","reason":"queued work"}\n');
    const second = await advanceUntil(
      clock,
      REQUEST_CHECK_MS,
      recorder.waitFor('child_started', (e) => e.restarts === 1),
    );
    expect(await recorder.waitFor('child_start_requested')).toMatchObject({
      child: 'lane-b',
      startRequestFile: request,
    });
    expect(second.pid).not.toBe(first.pid);
    expect(existsSync(request)).toBe(false);
    await recorder.nth('child_finished', 1);
    expect(childStatus(watchdog, 'lane-b')).toMatchObject({ state: 'finished', restarts: 1, failures: 0 });
    expect(recorder.count('child_restart_scheduled')).toBe(0);
  });

  it('still backs off its non-zero exit, like any failure', async () => {
    const { watchdog, clock, recorder } = await start((b) => [finishing(b, 'lane-b', 'exit:2')]);
    expect(await recorder.waitFor('child_exited')).toMatchObject({ reason: 'exited', code: 2 });
    expect(await recorder.waitFor('child_restart_scheduled')).toMatchObject({ delayMs: 1_000, failures: 1 });
    expect(childStatus(watchdog, 'lane-b')).toMatchObject({ state: 'backoff', failures: 1 });
    clock.advance(1_000);
    expect(await recorder.nth('child_restart_scheduled', 1)).toMatchObject({ delayMs: 2_000, failures: 2 });
    expect(recorder.count('child_finished')).toBe(0);
  });

  it('keeps a child that does not run to an end (a persistent lane) restarting after an exit 0', async () => {
    const { watchdog, recorder } = await start((b) => [child(b, 'lane-a', 'exit:0')]);
    expect(await recorder.waitFor('child_exited')).toMatchObject({ reason: 'exited', code: 0 });
    expect(await recorder.waitFor('child_restart_scheduled')).toMatchObject({ delayMs: 1_000, failures: 1 });
    expect(childStatus(watchdog, 'lane-a').state).toBe('backoff');
    expect(recorder.count('child_finished')).toBe(0);
  });

  it('stays finished in the final status when the watchdog stops', async () => {
    const { controller, done, recorder } = await start((b) => [
      { ...child(b, 'lane-b', 'exit:0'), finishes: {} },
    ]);
    expect(await recorder.waitFor('child_finished')).toMatchObject({ startRequestFile: null });
    controller.abort();
    const final = await done;
    expect(final.children[0]).toMatchObject({ state: 'finished', lastExit: { reason: 'finished' } });
  });
});

describe('watchdog: heartbeats', () => {
  it('stops a child whose heartbeat went stale and restarts it after its backoff', async () => {
    const heartbeatOf = (box: Sandbox): string => join(box.dir, 'lanes', 'h', '.heartbeat');
    const { watchdog, clock, recorder, box } = await start((box) => [
      child(box, 'lane-h', 'beat', { file: heartbeatOf(box), maxAgeMs: 2_000 }),
    ]);
    const heartbeat = heartbeatOf(box);
    const first = await recorder.waitFor('child_started');
    await eventually(() => (existsSync(heartbeat) ? true : undefined));
    // One check while it beats: the watchdog has seen it alive.
    await clock.waitForSleep(CHECK_MS);
    clock.advance(CHECK_MS);
    await clock.waitForSleep(CHECK_MS);
    expect(childStatus(watchdog, 'lane-h').lastHeartbeatSeenAt).toBe(clock.now());

    // Hung: alive, but no more beats (it acknowledges once it has stopped).
    await writeFile(join(box.control, `${first.pid}.stop`), '');
    await eventually(() => (existsSync(join(box.control, `${first.pid}.stopped`)) ? true : undefined));
    const advances = await advanceUntilStale(clock, recorder, 1);
    // The max age in checks, plus one for a last beat written just before it stopped.
    expect(advances).toBeLessThanOrEqual(2_000 / CHECK_MS + 2);
    expect(await recorder.waitFor('child_heartbeat_stale')).toMatchObject({
      pid: first.pid,
      maxAgeMs: 2_000,
    });
    expect(await recorder.waitFor('child_exited')).toMatchObject({
      pid: first.pid,
      reason: 'stale_heartbeat',
      signal: 'SIGTERM',
    });
    expect(isAlive(first.pid)).toBe(false);

    const scheduled = await recorder.waitFor('child_restart_scheduled');
    expect(scheduled.delayMs).toBe(1_000);
    clock.advance(1_000);
    const second = await recorder.waitFor('child_started', (e) => e.restarts === 1);
    expect(isAlive(second.pid)).toBe(true);
    // The new incarnation beats again into the same file (it was removed before the start).
    await eventually(async () => {
      const text = await readFile(heartbeat, 'utf8').catch(() => '');
      return text.includes(`"pid":${second.pid}`) ? true : undefined;
    });
    expect(childStatus(watchdog, 'lane-h')).toMatchObject({
      state: 'running',
      restarts: 1,
      lastExit: { reason: 'stale_heartbeat' },
    });
  });

  it('gives a child that never beats its start-up grace, then keeps backing it off', async () => {
    const { clock, recorder } = await start((box) => [
      {
        ...child(box, 'silent', 'beat', {
          file: join(box.dir, 'silent.hb'),
          maxAgeMs: 1_000,
          startGraceMs: 3_000,
        }),
        // Runs, but never writes a heartbeat.
        args: ['-e', 'setInterval(() => {}, 1000)'],
      },
    ]);
    await recorder.waitFor('child_started');
    expect((await advanceUntilStale(clock, recorder, 1)) * CHECK_MS).toBe(3_000);
    expect(await recorder.waitFor('child_exited')).toMatchObject({ reason: 'stale_heartbeat' });
    expect((await recorder.waitFor('child_restart_scheduled')).delayMs).toBe(1_000);
    clock.advance(1_000);
    await recorder.waitFor('child_started', (e) => e.restarts === 1);
    expect((await advanceUntilStale(clock, recorder, 2)) * CHECK_MS).toBe(3_000);
    // Never healthy, so the count goes on: the second stale exit waits 2 s.
    const again = await recorder.waitFor('child_restart_scheduled', (e) => e.failures === 2);
    expect(again.delayMs).toBe(2_000);
  });
});

describe('watchdog: shutdown', () => {
  it('stops every child, writes the final status and leaves no process behind', async () => {
    const { clock, recorder, controller, box } = await start((box) => [
      child(box, 'one', 'beat', { file: join(box.dir, 'hb1'), maxAgeMs: 60_000 }),
      child(box, 'two'),
      child(box, 'three', 'crash'),
    ]);
    await recorder.waitFor('child_started', (e) => e.child === 'one');
    await recorder.waitFor('child_started', (e) => e.child === 'two');
    await recorder.waitFor('child_restart_scheduled', (e) => e.child === 'three');
    const pids = recorder.pids();
    // Both long-lived ones are up and have printed (they record themselves last).
    await eventually(async () => ((await readRecords(box.record)).length >= 2 ? true : undefined));

    controller.abort();
    const final = await running!.done;
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(final.state).toBe('stopped');
    expect(final.children.map((c) => [c.name, c.state, c.pid])).toEqual([
      ['one', 'stopped', null],
      ['two', 'stopped', null],
      ['three', 'stopped', null],
    ]);
    expect(final.children[0]!.lastExit).toMatchObject({ reason: 'shutdown', signal: 'SIGTERM' });
    expect(final.children[2]!.lastExit).toMatchObject({ reason: 'exited', code: 3 });
    const onDisk = JSON.parse(
      await readFile(join(box.dir, 'daemon', 'status.json'), 'utf8'),
    ) as WatchdogStatus;
    expect(onDisk).toEqual(final);
    expect(clock.pending()).toEqual([]); // no sleep left behind

    // Output went to the child's log, with the watchdog's own start and end lines.
    const log = await readFile(join(box.dir, 'daemon', 'logs', 'two.log'), 'utf8');
    expect(log).toMatch(/started pid \d+ \(restart 0\)/);
    expect(log).toMatch(/child \d+ up: two/);
    expect(log).toMatch(/child \d+ on stderr/);
    expect(log).toMatch(/ended \(shutdown\): signal SIGTERM/);
  });

  it('stops every child before it fails when its own supervision breaks', async () => {
    const recorder = new EventRecorder();
    const { controller } = await start((box) => [child(box, 'steady'), child(box, 'crasher', 'crash')], {
      onEvent: (event) => {
        recorder.push(event);
        if (event.type === 'child_restart_scheduled') throw new Error('observer bug');
      },
    });
    const steady = await recorder.waitFor('child_started', (e) => e.child === 'steady');
    await expect(running!.done).rejects.toThrow('observer bug');
    expect(isAlive(steady.pid)).toBe(false);
    expect(controller.signal.aborted).toBe(false); // nobody asked for the stop: the failure did
    expect(running!.watchdog.status().children.every((c) => c.state === 'stopped')).toBe(true);
  });

  it('kills a child that ignores SIGTERM once the grace is over', async () => {
    const { clock, recorder, controller, box } = await start((box) => [
      child(box, 'stubborn', 'ignore-term'),
    ]);
    const started = await recorder.waitFor('child_started');
    // It records itself only after installing its SIGTERM handler.
    await eventually(async () =>
      (await readRecords(box.record)).some((r) => r.pid === started.pid) ? true : undefined,
    );

    controller.abort();
    await clock.waitForSleep(STOP_GRACE_MS);
    await settle();
    expect(isAlive(started.pid)).toBe(true);
    clock.advance(STOP_GRACE_MS);
    const final = await running!.done;
    expect(await recorder.waitFor('child_killed')).toMatchObject({
      pid: started.pid,
      graceMs: STOP_GRACE_MS,
    });
    expect(final.children[0]!.lastExit).toMatchObject({ reason: 'shutdown', signal: 'SIGKILL' });
    expect(await waitForExit(started.pid)).toBe(true);
  });
});
