/**
 * `keel guard once|loop` in-process, against the fleet simulator, a real lanes file, real queue files and
 * claim state, heartbeat and pause-flag files: what the local effects read and what they start (the
 * launcher is a recorder; nothing is spawned).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../src/base/clock.ts';
import { runCli } from '../../src/cli/index.ts';
import { createGuardCommand } from '../../src/cli/guard-command.ts';
import type { GuardCycleReport } from '../../src/guard/guard.ts';
import { ClaimStore } from '../../src/queue/claim-store.ts';
import type { LaunchSpec } from '../../src/guard/guard-local.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { HOUR, laneOf, MINUTE, START } from './guard-fixtures.ts';

let sim: FleetSimulator;
let dir: string;
let launches: LaunchSpec[];

beforeAll(async () => {
  sim = await startSimulator({
    endpoints: [
      { name: 'up', mode: 'ok' },
      { name: 'down', mode: 'refuse' },
    ],
  });
});
afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-guard-cli-'));
  launches = [];
  const url = (name: string): string => sim.endpoints.find((e) => e.name === name)!.url;
  await writeFile(
    join(dir, 'keel.yml'),
    [
      'version: 1',
      'endpoints:',
      `  - { id: up, url: "${url('up')}", kind: local }`,
      `  - { id: down, url: "${url('down')}", kind: local }`,
      'roles:',
      '  coder: [up/sim-model, down/sim-model]',
      'policy: { probe: { timeoutMs: 2000 } }',
      '',
    ].join('\n'),
  );
  const lane = (name: string, endpoints: string) =>
    `  - { name: ${name}, queueFile: queues/${name}.ndjson, queueStateFile: queues/${name}.state.json, endpoints: [${endpoints}] }`;
  await writeFile(
    join(dir, 'keel-lanes.yml'),
    [
      'version: 1',
      'stateDir: state',
      'lanes:',
      lane('alpha', 'up'),
      lane('beta', 'down'),
      lane('gamma', 'up'),
      lane('delta', 'up'),
      lane('epsilon', 'up'),
      'guard: { maxStartsPerCycle: 5, stalePauseMs: 21600000, recycle: { enabled: true, afterMs: 3600000 } }',
      '',
    ].join('\n'),
  );
  const tasks = (count: number, extra = '') =>
    Array.from({ length: count }, (_, i) => `{"id":"t${i}","text":"task ${i}"${extra}}\n`).join('');
  await mkdir(join(dir, 'queues'));
  // alpha: three of its own, and one for another lane that it must not count.
  await writeFile(
    join(dir, 'queues/alpha.ndjson'),
    tasks(3) + '{"id":"x","text":"not mine","owner":"beta"}\n',
  );
  await writeFile(join(dir, 'queues/beta.ndjson'), tasks(2));
  await writeFile(join(dir, 'queues/gamma.ndjson'), '');
  await writeFile(join(dir, 'queues/delta.ndjson'), tasks(5));
  await writeFile(join(dir, 'queues/epsilon.ndjson'), tasks(4));
  // delta: paused seven hours ago and forgotten.
  await mkdir(join(dir, 'state/lanes/delta'), { recursive: true });
  await writeFile(
    join(dir, 'state/lanes/delta/paused.flag'),
    JSON.stringify({ at: new Date(START - 7 * HOUR).toISOString(), by: 'grace', reason: 'swap GPUs' }),
  );
  // epsilon: running right now (this process stands in for it).
  await mkdir(join(dir, 'state/lanes/epsilon'), { recursive: true });
  await writeFile(
    join(dir, 'state/lanes/epsilon/.heartbeat'),
    JSON.stringify({ pid: process.pid, at: START - 10_000, lane: 'epsilon', status: 'running' }),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixedClock: Clock = { now: () => START, sleep: () => Promise.reject(new Error('no sleeping here')) };

function guard(clock: Clock = fixedClock) {
  return createGuardCommand({
    clock,
    entry: '/opt/keel/cli.js',
    launch: async (spec) => {
      launches.push(spec);
      return { pid: 4242 };
    },
  });
}

const args = (mode: string, ...more: string[]) => [
  mode,
  '--lanes',
  join(dir, 'keel-lanes.yml'),
  '--config',
  join(dir, 'keel.yml'),
  ...more,
];

describe('keel guard once', () => {
  it('starts idle lanes with queued work and healthy endpoints, highest work first, and clears a stale pause', async () => {
    const capture = captureIO({}, dir);
    expect(await guard()(args('once', '--json'), capture.io)).toBe(0);
    const report = JSON.parse(capture.stdout()) as GuardCycleReport;

    expect(report.started).toEqual(['delta', 'alpha']);
    expect(laneOf(report, 'alpha')).toMatchObject({ status: 'idle', queued: 3, action: 'started' });
    expect(laneOf(report, 'beta')).toMatchObject({ status: 'unhealthy', queued: 2, action: 'none' });
    expect(laneOf(report, 'gamma')).toMatchObject({ status: 'drained', queued: 0 });
    expect(laneOf(report, 'delta')).toMatchObject({ status: 'idle', queued: 5, pauseCleared: true });
    expect(laneOf(report, 'epsilon')).toMatchObject({ status: 'active', queued: 4 });
    expect(report.endpoints.map((e) => [e.id, e.health])).toEqual([
      ['up', 'healthy'],
      ['down', 'unhealthy'],
    ]);

    expect(launches.map((spec) => spec.args)).toEqual([
      [
        '/opt/keel/cli.js',
        'lane',
        '--lanes',
        join(dir, 'keel-lanes.yml'),
        '--lane',
        'delta',
        '--persistent',
        '--recycle',
        '--config',
        join(dir, 'keel.yml'),
      ],
      expect.arrayContaining(['--lane', 'alpha']),
    ]);
    expect(launches[0]).toMatchObject({
      cwd: dir,
      logFile: join(dir, 'state/lanes/delta/lane.log'),
      env: expect.objectContaining({
        KEEL_HEARTBEAT_FILE: join(dir, 'state/lanes/delta/.heartbeat'),
      }) as object,
    });

    // The pause is gone, and who cleared it, when and why is kept beside it.
    expect(existsSync(join(dir, 'state/lanes/delta/paused.flag'))).toBe(false);
    const cleared = JSON.parse(
      await readFile(join(dir, 'state/lanes/delta/paused.flag.cleared'), 'utf8'),
    ) as {
      by: string;
      cleared: { at: number; by: string; reason: string };
    };
    expect(cleared).toMatchObject({
      by: 'grace',
      cleared: { at: START, by: expect.stringMatching(/^keel guard \(pid \d+ on /) as string },
    });

    for (const file of ['last-cycle.json', 'state.json', 'history.ndjson']) {
      expect(existsSync(join(dir, 'state/guard', file))).toBe(true);
    }
  });

  it('prints a table without --json', async () => {
    const capture = captureIO({}, dir);
    expect(await guard()(args('once'), capture.io)).toBe(0);
    const text = capture.stdout();
    expect(text).toMatch(/^guard cycle 1 \(probed, scanned; fleet not idle\)$/m);
    expect(text).toMatch(/^lane\s+status\s+queued\s+action\s+idle cycles\s+health\s+activity$/m);
    expect(text).toMatch(/^beta\s+unhealthy\s+2\s+-\s+0\s+0\/1 \(below floor\)/m);
    expect(text).toContain('cleared the stale pause of delta (set by grace 7 h ago: swap GPUs)');
    expect(text).toContain('started: delta, alpha');
  });

  it('asks a running daemon to start the lane instead of spawning one beside it', async () => {
    await mkdir(join(dir, 'state/daemon'), { recursive: true });
    await writeFile(
      join(dir, 'state/daemon/daemon.pid'),
      JSON.stringify({ pid: process.pid, host: hostname(), at: START, token: 'x' }),
    );
    const capture = captureIO({}, dir);
    expect(await guard()(args('once', '--json'), capture.io)).toBe(0);
    expect(launches).toEqual([]);
    const request = JSON.parse(
      await readFile(join(dir, 'state/lanes/alpha/start.request'), 'utf8'),
    ) as object;
    expect(request).toMatchObject({
      at: START,
      reason: expect.stringContaining('3 queued task(s)') as string,
    });
  });

  it('resumes an interrupted run that nothing is running, with the state dir and config', async () => {
    const runDir = join(dir, 'state/runs/run-7');
    await mkdir(runDir, { recursive: true });
    const manifest = {
      version: 1,
      runId: 'run-7',
      status: 'interrupted',
      task: 'something',
      steps: { pending: 1, running: 0, done: 2, failed: 0, skipped: 0 },
      createdAt: START - HOUR,
      updatedAt: START - MINUTE,
      resumes: 0,
      resume: 'keel run --resume run-7',
    };
    await writeFile(join(runDir, 'manifest.json'), JSON.stringify(manifest));
    const capture = captureIO({}, dir);
    expect(await guard()(args('once', '--json'), capture.io)).toBe(0);
    const resume = launches.find((spec) => spec.args.includes('run'));
    expect(resume?.args).toEqual([
      '/opt/keel/cli.js',
      'run',
      '--resume',
      'run-7',
      '--state-dir',
      join(dir, 'state'),
      '--config',
      join(dir, 'keel.yml'),
    ]);
    // Once is enough: the next cycle sees it dispatched.
    launches = [];
    await guard()(args('once', '--json'), captureIO({}, dir).io);
    expect(launches.filter((spec) => spec.args.includes('run'))).toEqual([]);
  });

  it('does not resume an interrupted run whose lease holder is alive and beating (a resume under way)', async () => {
    const runDir = join(dir, 'state/runs/run-8');
    await mkdir(runDir, { recursive: true });
    const manifest = {
      version: 1,
      runId: 'run-8',
      status: 'interrupted',
      task: 'something',
      steps: { pending: 1, running: 0, done: 2, failed: 0, skipped: 0 },
      createdAt: START - HOUR,
      updatedAt: START - MINUTE,
      resumes: 1,
      resume: 'keel run --resume run-8',
    };
    await writeFile(join(runDir, 'manifest.json'), JSON.stringify(manifest));
    const lease = {
      runId: 'run-8',
      pid: process.pid,
      host: hostname(),
      startedAt: START - 5_000,
      generation: 2,
      token: 'run-8-token-0000',
    };
    // Alive (the test runner's parent) and beating a second ago.
    await writeFile(join(runDir, 'lease.json'), JSON.stringify({ ...lease, pid: process.ppid }));
    await writeFile(
      join(runDir, '.heartbeat'),
      JSON.stringify({ pid: process.ppid, at: START - 1_000, generation: 2 }),
    );
    await guard()(args('once', '--json'), captureIO({}, dir).io);
    expect(launches.filter((spec) => spec.args.includes('run-8'))).toEqual([]);
    // Gone silent past the bound: it waits for a resume again.
    await writeFile(
      join(runDir, '.heartbeat'),
      JSON.stringify({ pid: process.ppid, at: START - 10 * MINUTE, generation: 2 }),
    );
    await writeFile(
      join(runDir, 'lease.json'),
      JSON.stringify({ ...lease, pid: process.ppid, startedAt: START - HOUR }),
    );
    await guard()(args('once', '--json'), captureIO({}, dir).io);
    expect(launches.filter((spec) => spec.args.includes('run-8'))).toHaveLength(1);
  });

  it('unpauses a live lane process that sits on a stale pause, without starting another beside it', async () => {
    await writeFile(
      join(dir, 'state/lanes/epsilon/.heartbeat'),
      JSON.stringify({ pid: process.pid, at: START - 10_000, lane: 'epsilon', status: 'paused' }),
    );
    await writeFile(
      join(dir, 'state/lanes/epsilon/paused.flag'),
      JSON.stringify({ at: START - 30 * HOUR, by: 'ivan', reason: '' }),
    );
    const capture = captureIO({}, dir);
    expect(await guard()(args('once', '--json'), capture.io)).toBe(0);
    const report = JSON.parse(capture.stdout()) as GuardCycleReport;
    expect(laneOf(report, 'epsilon')).toMatchObject({
      status: 'idle',
      action: 'unpaused',
      pauseCleared: true,
    });
    expect(existsSync(join(dir, 'state/lanes/epsilon/paused.flag'))).toBe(false);
    expect(launches.flatMap((spec) => spec.args)).not.toContain('epsilon');
  });

  it('recycles the finished backlog of a drained lane, then starts it', async () => {
    const longAgo: Clock = {
      now: () => START - 2 * 24 * HOUR,
      sleep: (ms, signal) => fixedClock.sleep(ms, signal),
    };
    const store = new ClaimStore({ path: join(dir, 'queues/gamma.state.json'), clock: longAgo });
    for (const id of ['g1', 'g2']) {
      const task = {
        id,
        text: `task ${id}`,
        priority: 0,
        source: 'file' as const,
        ref: `gamma.ndjson:${id}`,
      };
      expect((await store.claim(id, 'gamma', { task })).kind).toBe('claimed');
      expect((await store.finish(id, 'blocked', 'no model')).kind).toBe('finished');
    }
    const capture = captureIO({}, dir);
    expect(await guard()(args('once', '--json'), capture.io)).toBe(0);
    const report = JSON.parse(capture.stdout()) as GuardCycleReport;
    expect(laneOf(report, 'gamma')).toMatchObject({
      recycled: 2,
      queued: 2,
      status: 'idle',
      action: 'started',
    });
    await store.refresh();
    expect(
      store
        .reopened()
        .map((task) => task.id)
        .sort(),
    ).toEqual(['g1', 'g2']);
  });

  it('refuses a missing mode, and a missing lanes file, with usage', async () => {
    const capture = captureIO({}, dir);
    expect(await runCli(['guard'], capture.io)).toBe(2);
    expect(capture.stderr()).toContain('expected once or loop');
    const other = captureIO({}, join(dir, 'queues'));
    expect(await runCli(['guard', 'once'], other.io)).toBe(2);
    expect(other.stderr()).toContain('no lanes file found');
  });
});

describe('keel guard loop', () => {
  it('runs a cycle per interval with a heartbeat before each, until the signal aborts', async () => {
    const controller = new AbortController();
    let now = START;
    let sleeps = 0;
    // The loop's own waits (a whole interval) pass at once; probe timeouts stay real timers.
    const clock: Clock = {
      now: () => now,
      sleep: async (ms, signal) => {
        if (ms !== MINUTE) return systemClock.sleep(ms, signal);
        now += ms;
        if (++sleeps === 2) controller.abort(new Error('received SIGTERM'));
      },
    };
    const capture = captureIO({}, dir, controller.signal);
    expect(await guard(clock)(args('loop', '--json'), capture.io)).toBe(0);
    const lines = capture
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GuardCycleReport);
    expect(lines.map((report) => report.cycle)).toEqual([1, 2]);
    // The second cycle: the lanes started in the first are on their way, not started again.
    expect(lines[1]!.started).toEqual([]);
    expect(laneOf(lines[1]!, 'alpha').status).toBe('starting');
    const beat = JSON.parse(await readFile(join(dir, 'state/guard/.heartbeat'), 'utf8')) as { at: number };
    expect(beat.at).toBe(START + 60_000);
    const history = (await readFile(join(dir, 'state/guard/history.ndjson'), 'utf8')).trim().split('\n');
    expect(history.filter((line) => line.includes('"guard_cycle"'))).toHaveLength(2);
  });
});
