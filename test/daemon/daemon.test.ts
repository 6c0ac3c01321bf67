/**
 * `keel daemon` end to end. The lanes and the guard are stand-in scripts (`--entry`), since `keel lane` and
 * `keel guard` have tests of their own: what is checked here is the command lines the daemon builds, the
 * supervision, the pid lock and a clean stop on SIGTERM — in-process through the CLI's AbortSignal, and
 * once as a real `node src/cli.ts daemon` process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runDaemon } from '../../src/cli/daemon-command.ts';
import type { Clock } from '../../src/base/clock.ts';
import { stateLayout } from '../../src/base/state-layout.ts';
import type { WatchdogStatus } from '../../src/daemon/watchdog.ts';
import { readEvents } from '../../src/telemetry/event-log.ts';
import { isAlive } from '../exec/helpers.ts';
import { captureIO } from '../helpers/cli-io.ts';
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

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

let sandbox: Sandbox | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // Whatever a failed test left: every stand-in that ever recorded itself.
  if (sandbox) await killAll((await readRecords(sandbox.record)).map((r) => r.pid));
  await sandbox?.cleanup();
  sandbox = undefined;
});

const LANES_YAML = `version: 1
stateDir: state
lanes:
  - name: a
    queueFile: queues/a.ndjson
    queueStateFile: queues/a.state.json
    args: ['--max-tasks', '5']
  - name: b
    queueFile: queues/b.ndjson
    queueStateFile: queues/b.state.json
    persistent: false
guard:
  cycleIntervalMs: 1000
`;

async function setup(): Promise<{ box: Sandbox; lanes: string; stateDir: string; env: NodeJS.ProcessEnv }> {
  const box = (sandbox = await makeSandbox());
  const lanes = join(box.dir, 'lanes.yml');
  await writeFile(lanes, LANES_YAML);
  const env = { ...process.env, CHILD_RECORD: box.record, CHILD_CONTROL: box.control };
  return { box, lanes, stateDir: join(box.dir, 'state'), env };
}

/** Starts `runDaemon` in-process; the returned stop aborts it like SIGTERM does through the CLI. */
function startInProcess(argv: string[], env: NodeJS.ProcessEnv, cwd: string, clock?: Clock) {
  const controller = new AbortController();
  const recorder = new EventRecorder();
  const captured = captureIO(env, cwd, controller.signal);
  const done = runDaemon(argv, captured.io, { onEvent: recorder.push, ...(clock ? { clock } : {}) });
  const stop = async (): Promise<number> => {
    controller.abort(new Error('received SIGTERM'));
    return done;
  };
  cleanups.push(async () => {
    await stop().catch(() => 1);
    await killAll(recorder.pids());
  });
  return { recorder, captured, done, stop };
}

async function waitForChildren(record: string, count: number) {
  return eventually(async () => {
    const records = await readRecords(record);
    return records.length >= count ? records : undefined;
  });
}

describe('keel daemon (in-process)', () => {
  it('runs one supervised lane per lane and the guard, with the command lines they need', async () => {
    const { box, lanes, stateDir, env } = await setup();
    const { recorder, captured, stop } = startInProcess(
      ['--lanes', 'lanes.yml', '--config', 'keel.yml', '--guard', '--entry', box.script, '--json'],
      env,
      box.dir,
    );
    const records = await waitForChildren(box.record, 3);
    const byCommand = new Map(records.map((r) => [r.argv.slice(0, 3).join(' '), r]));
    const config = join(box.dir, 'keel.yml');
    expect(byCommand.get('lane --lane a')!.argv).toEqual([
      'lane',
      '--lane',
      'a',
      '--lanes',
      lanes,
      '--queue-file',
      join(box.dir, 'queues', 'a.ndjson'),
      '--queue-state-file',
      join(box.dir, 'queues', 'a.state.json'),
      '--persistent',
      '--config',
      config,
      '--max-tasks',
      '5',
    ]);
    // Not persistent: no --persistent (it exits once drained, and is then finished, see below).
    expect(byCommand.get('lane --lane b')!.argv).not.toContain('--persistent');
    expect(byCommand.get('guard loop --lanes')!.argv).toEqual([
      'guard',
      'loop',
      '--lanes',
      lanes,
      '--config',
      config,
    ]);
    expect(byCommand.get('lane --lane a')!.heartbeatFile).toBe(join(stateDir, 'lanes', 'a', '.heartbeat'));
    expect(byCommand.get('guard loop --lanes')!.heartbeatFile).toBe(join(stateDir, 'guard', '.heartbeat'));

    const paths = stateLayout(stateDir).daemon;
    const status = await eventually(async () => {
      const read = JSON.parse(
        await readFile(paths.status, 'utf8').catch(() => '{}'),
      ) as Partial<WatchdogStatus>;
      return read.children?.every((c) => c.state === 'running') ? read : undefined;
    });
    expect(status.children!.map((c) => c.name)).toEqual(['lane-a', 'lane-b', 'guard']);
    expect(new Set(status.children!.map((c) => c.pid))).toEqual(new Set(records.map((r) => r.pid)));

    expect(await stop()).toBe(0);
    for (const record of records) expect(isAlive(record.pid)).toBe(false);
    const final = JSON.parse(await readFile(paths.status, 'utf8')) as WatchdogStatus;
    expect(final.state).toBe('stopped');
    expect(final.children.every((c) => c.state === 'stopped' && c.lastExit?.reason === 'shutdown')).toBe(
      true,
    );
    expect(existsSync(paths.lock)).toBe(false);

    const { events } = await readEvents(paths.events);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('daemon_started');
    expect(types.filter((t) => t === 'child_started')).toHaveLength(3);
    expect(types.filter((t) => t === 'child_exited')).toHaveLength(3);
    expect(types.at(-1)).toBe('daemon_stopped');
    expect(events.at(-1)).toMatchObject({ reason: 'received SIGTERM' });

    const lines = captured
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines[0]).toMatchObject({ type: 'daemon_started', children: ['lane-a', 'lane-b', 'guard'] });
    expect(lines.at(-1)).toMatchObject({ type: 'daemon_status', state: 'stopped' });
    expect(recorder.count('child_started')).toBe(3);
  });

  it('restarts a lane killed from outside after its backoff', async () => {
    const { box, env } = await setup();
    const clock = new ManualClock();
    const { recorder, stop } = startInProcess(
      ['--lanes', 'lanes.yml', '--entry', box.script],
      env,
      box.dir,
      clock,
    );
    const first = await recorder.waitFor('child_started', (e) => e.child === 'lane-a');
    process.kill(first.pid, 'SIGKILL');
    expect(await recorder.waitFor('child_restart_scheduled', (e) => e.child === 'lane-a')).toMatchObject({
      delayMs: 1_000,
    });
    clock.advance(999);
    await settle();
    expect(recorder.events.filter((e) => e.type === 'child_started' && e.child === 'lane-a')).toHaveLength(1);
    clock.advance(1);
    const second = await recorder.waitFor('child_started', (e) => e.child === 'lane-a' && e.restarts === 1);
    expect(isAlive(second.pid)).toBe(true);
    expect(await stop()).toBe(0);
    expect(isAlive(second.pid)).toBe(false);
  });

  it("counts a lane that is not persistent draining (exit 0) as finished, a persistent lane's exit 0 as a failure", async () => {
    const { box, stateDir, env } = await setup();
    const clock = new ManualClock();
    // Both stand-in lanes exit 0 at once, as a drained lane does; the guard beats on.
    const { recorder, captured, stop } = startInProcess(
      ['--lanes', 'lanes.yml', '--guard', '--entry', box.script],
      { ...env, CHILD_MODE: 'exit:0', CHILD_MODE_MATCH: 'lane --lane' },
      box.dir,
      clock,
    );
    const request = stateLayout(stateDir).lane('b').startRequest;
    expect(await recorder.waitFor('child_finished', (e) => e.child === 'lane-b')).toMatchObject({
      startRequestFile: request,
    });
    expect(await recorder.waitFor('child_exited', (e) => e.child === 'lane-b')).toMatchObject({
      reason: 'finished',
      code: 0,
    });
    // lane a is persistent: its exit 0 is today's failure, restarted after the backoff.
    expect(await recorder.waitFor('child_restart_scheduled', (e) => e.child === 'lane-a')).toMatchObject({
      delayMs: 1_000,
      failures: 1,
    });
    expect(recorder.events.some((e) => e.type === 'child_restart_scheduled' && e.child === 'lane-b')).toBe(
      false,
    );
    const paths = stateLayout(stateDir).daemon;
    const status = await eventually(async () => {
      const read = JSON.parse(
        await readFile(paths.status, 'utf8').catch(() => '{}'),
      ) as Partial<WatchdogStatus>;
      const b = read.children?.find((c) => c.name === 'lane-b');
      return b?.state === 'finished' ? read : undefined;
    });
    expect(status.children!.find((c) => c.name === 'lane-b')).toMatchObject({
      state: 'finished',
      failures: 0,
      nextRestartAt: null,
      lastExit: { code: 0, reason: 'finished' },
    });
    expect(captured.stdout()).toContain(
      `lane-b finished (exit 0: drained): not restarted until the guard asks (${request})`,
    );

    // What the guard writes when a daemon holds the lanes and lane b's queue has work again.
    await writeFile(request, '{"at":1,"by":"keel-guard","reason":"queued work"}\n');
    const again = await advanceUntil(
      clock,
      5_000,
      recorder.waitFor('child_started', (e) => e.child === 'lane-b' && e.restarts === 1),
    );
    expect(again.pid).toBeGreaterThan(0);
    expect(captured.stdout()).toContain('lane-b start requested');
    expect(await stop()).toBe(0);
  });

  it('takes over the lock of a daemon that died, and refuses while one is alive', async () => {
    const { box, stateDir, env } = await setup();
    const paths = stateLayout(stateDir).daemon;
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await mkdir(paths.dir, { recursive: true });
    await writeFile(paths.lock, JSON.stringify({ pid: dead, host: hostname(), at: 1, token: 'dead' }));

    const first = startInProcess(['--lanes', 'lanes.yml', '--entry', box.script], env, box.dir);
    await first.recorder.waitFor('child_started', (e) => e.child === 'lane-b');
    const holder = JSON.parse(await readFile(paths.lock, 'utf8')) as { pid: number; token: string };
    expect(holder.pid).toBe(process.pid);
    expect(holder.token).not.toBe('dead');

    const second = captureIO(env, box.dir);
    expect(await runDaemon(['--lanes', 'lanes.yml', '--entry', box.script], second.io)).toBe(1);
    expect(second.stderr()).toMatch(/already has a daemon \(pid \d+ on /);

    expect(await first.stop()).toBe(0);
    const { events } = await readEvents(paths.events);
    expect(events.find((e) => e.type === 'daemon_lock_takeover')).toMatchObject({
      reason: 'dead',
      holder: { pid: dead },
    });
  });

  it('rejects a bad lanes file and bad options without starting anything', async () => {
    const { box, env } = await setup();
    await writeFile(join(box.dir, 'bad.yml'), 'version: 2\nlanes: []\n');
    const bad = captureIO(env, box.dir);
    expect(await runDaemon(['--lanes', 'bad.yml', '--entry', box.script], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/bad\.yml/);
    await expect(runDaemon([], captureIO(env, box.dir).io)).rejects.toThrow(/--lanes FILE is required/);
    await expect(
      runDaemon(['--lanes', 'x', '--stop-grace', 'soon'], captureIO(env, box.dir).io),
    ).rejects.toThrow(/--stop-grace/);
    expect(await readRecords(box.record)).toEqual([]);
  });
});

describe('keel daemon (a real process)', () => {
  it('stops every child and exits 0 on SIGTERM, leaving no process behind', async () => {
    const { box, lanes, stateDir, env } = await setup();
    const daemon: ChildProcess = spawn(
      process.execPath,
      [CLI, 'daemon', '--lanes', lanes, '--guard', '--entry', box.script, '--json', '--stop-grace', '5000'],
      { cwd: box.dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => daemon.once('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (daemon.pid !== undefined) await killAll([daemon.pid]);
    });
    let stdout = '';
    daemon.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let stderr = '';
    daemon.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const records = await waitForChildren(box.record, 3);
    for (const record of records) expect(isAlive(record.pid)).toBe(true);

    // A second daemon on the same state dir (here in-process) is refused while this one lives.
    const second = captureIO(env, box.dir);
    expect(await runDaemon(['--lanes', lanes, '--entry', box.script], second.io)).toBe(1);
    expect(second.stderr()).toContain(`pid ${daemon.pid} on`);

    daemon.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const record of records) expect(isAlive(record.pid)).toBe(false);
    expect(stderr).toBe('');
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines.filter((l) => l.type === 'child_started')).toHaveLength(3);
    expect(lines.at(-1)).toMatchObject({ type: 'daemon_status', state: 'stopped' });
    const final = JSON.parse(await readFile(stateLayout(stateDir).daemon.status, 'utf8')) as WatchdogStatus;
    expect(final.pid).toBe(daemon.pid);
    expect(final.children.map((c) => [c.name, c.state])).toEqual([
      ['lane-a', 'stopped'],
      ['lane-b', 'stopped'],
      ['guard', 'stopped'],
    ]);
    expect(existsSync(stateLayout(stateDir).daemon.lock)).toBe(false);
  });
});
