/**
 * `npm run bench -- queue [drain-fleet] [two-machines] [scale]`: where the fleet, not keel's CPU, binds.
 *
 * drain-fleet — two `keel lane --persistent` processes (a lanes file, `concurrency` left at its default,
 * `auto`) on one endpoint with `maxParallel` 4 at 500 ms per request, 80 one-sentence tasks appended at
 * once (after a warm-up task per lane). `fleet.utilisation` = requests served ÷ what 4 slots at 500 ms
 * could serve in the same wall time (from the append to the last outcome); `fleet.maxInflight` is the
 * simulator's own count. Target ≥ 0.90, and max in flight ≤ maxParallel.
 *
 * two-machines — two groups of two lanes, each group with its own repository, queue, claim state and state
 * directory (standing in for two machines: they share no lease file), 40 tasks each, on one vLLM-flavoured
 * endpoint (`maxParallel` 4, 500 ms): first with `load: server` (the server's /metrics; target max in flight
 * ≤ maxParallel + 2 groups, utilisation ≥ 0.85), then with `coordination: { redis }` (a redis-server started
 * here; target ≤ maxParallel). Skipped with the reason when no redis-server is installed.
 *
 * scale — the lanes' own cost per task as the queue grows: lanes in this process with an engine that does
 * nothing, 1, 4 and 16 of them, draining the first 500 tasks of a queue of 1,000 and of 10,000 tasks.
 * `slopeMsPerTaskPer1000Queued` is how much a task's drain time grows per 1,000 more queued tasks
 * (target: about 0 — the overhead must not grow with the queue's length).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { createSampleRepo } from '../src/cli/demo/sample-project.ts';
import { fixedConcurrency } from '../src/lanes/lane-concurrency.ts';
import { LaneRunner } from '../src/lanes/lane-runner.ts';
import { ClaimStore } from '../src/queue/claim-store.ts';
import { EventLog } from '../src/telemetry/event-log.ts';
import { readJsonFile } from '../src/base/atomic-file.ts';
import { emit, round } from './lib/measure.ts';
import { spawnSimulator, stopChild, type SimProcess } from './lib/sim-process.ts';
import { redisServerBinary, startRedisServer } from '../test/helpers/redis-server.ts';

const BUILT_CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const MAX_PARALLEL = 4;
const LATENCY_MS = 500;

export async function drainFleet(dir: string): Promise<void> {
  const sim = await spawnSimulator([`a=0:ok:${LATENCY_MS}`]);
  const processes: ChildProcess[] = [];
  try {
    const group = await setupGroup(join(dir, 'g'), sim.urls.a!, ['lane-0', 'lane-1'], {});
    processes.push(...group.lanes.map((lane) => spawnLane(group, lane)));
    await warmUp([group]);
    await sim.reset();
    const t0 = Date.now();
    await appendTasks(group, 80);
    const seconds = await drained([group], 80, t0);
    const stats = (await sim.stats()).a!;
    emit({
      scenario: 'drain-fleet',
      lanes: 2,
      concurrency: 'auto',
      maxParallel: MAX_PARALLEL,
      latencyMs: LATENCY_MS,
      tasks: 80,
      done: await doneCount(group),
      seconds: round(seconds),
      tasksPerSecond: round(80 / seconds),
      concurrencyReached: await reachedConcurrency(group),
      fleet: fleetFigures(stats.chatRequests, stats.maxInflight, seconds),
      cpus: availableParallelism(),
      loadAverage: round(loadavg()[0]!, 2),
      target: 'fleet.utilisation >= 0.90, fleet.maxInflight <= 4',
    });
  } finally {
    await Promise.all(processes.map(stopChild));
    await sim.stop();
  }
}

export async function twoMachines(dir: string): Promise<void> {
  const sim = await spawnSimulator([`a=0:ok:${LATENCY_MS}`]);
  try {
    await twoMachineRun(join(dir, 'server'), sim, 'server', { load: 'server' });
    if (!redisServerBinary()) {
      emit({
        scenario: 'two-machines-redis',
        skipped: 'no redis-server binary (apt-get install redis-server)',
      });
      return;
    }
    const redis = await startRedisServer();
    try {
      await twoMachineRun(join(dir, 'redis'), sim, 'redis', {
        load: 'local',
        coordination: { redis: redis.url },
      });
    } finally {
      await redis.stop();
    }
  } finally {
    await sim.stop();
  }
}

async function twoMachineRun(
  dir: string,
  sim: SimProcess,
  how: 'server' | 'redis',
  extra: { load: 'server' | 'local'; coordination?: { redis: string } },
): Promise<void> {
  const processes: ChildProcess[] = [];
  try {
    const groups = [
      await setupGroup(join(dir, 'm1'), sim.urls.a!, ['a-0', 'a-1'], extra),
      await setupGroup(join(dir, 'm2'), sim.urls.a!, ['b-0', 'b-1'], extra),
    ];
    for (const group of groups) processes.push(...group.lanes.map((lane) => spawnLane(group, lane)));
    await warmUp(groups);
    await sim.reset();
    const t0 = Date.now();
    await Promise.all(groups.map((group) => appendTasks(group, 40)));
    const seconds = await drained(groups, 40, t0);
    const stats = (await sim.stats()).a!;
    emit({
      scenario: `two-machines-${how}`,
      groups: 2,
      lanesPerGroup: 2,
      ...(how === 'server' ? { load: 'server' } : { coordination: 'redis', load: 'local' }),
      maxParallel: MAX_PARALLEL,
      latencyMs: LATENCY_MS,
      tasks: 80,
      seconds: round(seconds),
      fleet: fleetFigures(stats.chatRequests, stats.maxInflight, seconds),
      loadAverage: round(loadavg()[0]!, 2),
      target:
        how === 'server'
          ? 'fleet.maxInflight <= 4 + 2 (groups), fleet.utilisation >= 0.85'
          : 'fleet.maxInflight <= 4',
    });
  } finally {
    await Promise.all(processes.map(stopChild));
  }
}

interface Group {
  dir: string;
  repo: string;
  stateDir: string;
  queueFile: string;
  stateFile: string;
  configPath: string;
  lanesFile: string;
  lanes: string[];
}

async function setupGroup(
  dir: string,
  url: string,
  lanes: string[],
  extra: Record<string, unknown>,
): Promise<Group> {
  const repo = join(dir, 'repo');
  await mkdir(repo, { recursive: true });
  await createSampleRepo(repo);
  const { load, ...top } = extra as { load?: string };
  const group: Group = {
    dir,
    repo,
    stateDir: join(dir, 'state'),
    queueFile: join(dir, 'queue.ndjson'),
    stateFile: join(dir, 'queue-state.json'),
    configPath: join(dir, 'keel.json'),
    lanesFile: join(dir, 'keel-lanes.yml'),
    lanes,
  };
  await writeFile(
    group.configPath,
    JSON.stringify({
      version: 1,
      endpoints: [
        {
          id: 'a',
          url,
          kind: 'local',
          maxParallel: MAX_PARALLEL,
          contextWindow: 32_768,
          flavor: 'vllm',
          ...(load ? { load } : {}),
        },
      ],
      roles: { planner: ['a/sim-model'], coder: ['a/sim-model'], reviewer: ['a/sim-model'] },
      policy: { maxWaitMs: 120_000, probe: { loadIntervalMs: 100 } },
      run: { validate: [], heartbeatMs: 1_000 },
      ...top,
    }),
  );
  await writeFile(group.queueFile, '');
  await writeFile(
    group.lanesFile,
    stringify({
      version: 1,
      stateDir: group.stateDir,
      lanes: lanes.map((name) => ({
        name,
        queueFile: group.queueFile,
        queueStateFile: group.stateFile,
        endpoints: ['a'],
      })),
    }),
  );
  return group;
}

function spawnLane(group: Group, lane: string): ChildProcess {
  const args = [
    ...['lane', '--lanes', group.lanesFile, '--lane', lane, '--persistent', '--poll-ms', '50'],
    ...['--repo', group.repo, '--config', group.configPath],
  ];
  return spawn(process.execPath, [BUILT_CLI, ...args], { stdio: 'ignore' });
}

async function warmUp(groups: Group[]): Promise<void> {
  await waitFor(async () => {
    for (const group of groups)
      for (const lane of group.lanes) {
        const beat = await readJsonFile(join(group.stateDir, 'lanes', lane, '.heartbeat'));
        if (!beat.ok || (beat.value as { status?: string }).status !== 'idle') return false;
      }
    return true;
  }, 'the lanes to start');
  for (const group of groups) {
    const lines = group.lanes.map(
      (_, i) => `${JSON.stringify({ id: `warm-${i}`, text: `Add a warm-up helper in src/warm${i}.js.` })}\n`,
    );
    await appendFile(group.queueFile, lines.join(''));
  }
  await waitFor(async () => {
    for (const group of groups) {
      const store = new ClaimStore({ path: group.stateFile });
      await store.refresh();
      const entries = store.entries();
      if (entries.length < group.lanes.length || entries.some((e) => e.state === 'claimed')) return false;
    }
    return true;
  }, 'the warm-up tasks');
}

async function appendTasks(group: Group, n: number): Promise<void> {
  const name = group.dir.split('/').at(-1)!;
  const lines = Array.from(
    { length: n },
    (_, i) => `${JSON.stringify({ id: `${name}-${i}`, text: `Add a helper in src/${name}${i}.js.` })}\n`,
  );
  await appendFile(group.queueFile, lines.join(''));
}

/** Seconds from `t0` to the last outcome, once every group has `n` finished (non warm-up) tasks. */
async function drained(groups: Group[], n: number, t0: number): Promise<number> {
  let last = 0;
  await waitFor(
    async () => {
      for (const group of groups) {
        const store = new ClaimStore({ path: group.stateFile });
        await store.refresh();
        const entries = store.entries().filter((e) => !e.id.startsWith('warm-'));
        if (entries.length < n || entries.some((e) => e.state === 'claimed')) return false;
        last = Math.max(last, ...entries.map((e) => e.finishedAt ?? 0));
      }
      return true;
    },
    'the queues to drain',
    { everyMs: 250, timeoutMs: 900_000 },
  );
  return (last - t0) / 1000;
}

async function doneCount(group: Group): Promise<number> {
  const store = new ClaimStore({ path: group.stateFile });
  await store.refresh();
  return store.entries().filter((e) => !e.id.startsWith('warm-') && e.state === 'done').length;
}

/** The highest concurrency each lane's events say it reached. */
async function reachedConcurrency(group: Group): Promise<Record<string, number>> {
  const reached: Record<string, number> = {};
  for (const lane of group.lanes) {
    const { readEvents } = await import('../src/telemetry/event-log.ts');
    const events = (await readEvents(join(group.stateDir, 'lanes', lane, 'events.ndjson'))).events;
    reached[lane] = Math.max(
      1,
      ...events.filter((e) => e.type === 'lane_concurrency').map((e) => e.to as number),
    );
  }
  return reached;
}

function fleetFigures(requests: number, maxInflight: number, seconds: number) {
  const capacity = MAX_PARALLEL / (LATENCY_MS / 1000);
  return {
    modelRequests: requests,
    requestsPerSecond: round(requests / seconds),
    capacityRequestsPerSecond: capacity,
    utilisation: round(requests / seconds / capacity),
    maxInflight,
  };
}

export async function scale(dir: string): Promise<void> {
  const results: Record<string, unknown>[] = [];
  for (const lanes of [1, 4, 16]) {
    // Taking turns, three rounds each, medians: the machine's other work shows in single runs.
    const runs: Record<number, number[]> = { 1_000: [], 10_000: [] };
    for (let round = 0; round < 3; round++) {
      for (const queued of round % 2 === 0 ? [1_000, 10_000] : [10_000, 1_000]) {
        const at = join(dir, `l${lanes}-q${queued}-r${round}`);
        runs[queued]!.push(await drainInProcess(at, lanes, queued, 500));
      }
    }
    const perTask = { 1_000: median(runs[1_000]!), 10_000: median(runs[10_000]!) };
    const slope = (perTask[10_000] - perTask[1_000]) / 9;
    results.push({
      lanes,
      msPerTaskQueue1000: round(perTask[1_000]),
      msPerTaskQueue10000: round(perTask[10_000]),
      slopeMsPerTaskPer1000Queued: round(slope, 3),
      ratio10000to1000: round(perTask[10_000] / perTask[1_000]),
    });
  }
  emit({
    scenario: 'scale',
    drained: 500,
    rounds: 3,
    engine: 'none (the lanes, claims, intake and heartbeats only)',
    results,
    loadAverage: round(loadavg()[0]!, 2),
    target: 'slopeMsPerTaskPer1000Queued about 0 (ratio10000to1000 about 1)',
  });
}

/** Ms of wall time per task for `lanes` in-process lanes draining `drain` tasks of a queue of `queued`. */
async function drainInProcess(dir: string, lanes: number, queued: number, drain: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  const queueFile = join(dir, 'queue.ndjson');
  const stateFile = join(dir, 'state.json');
  const lines = Array.from(
    { length: queued },
    (_, i) => `${JSON.stringify({ id: `t${i}`, text: `task ${i}` })}\n`,
  );
  await writeFile(queueFile, lines.join(''));
  const names = Array.from({ length: lanes }, (_, i) => `l${i}`);
  let finished = 0;
  const stop = new AbortController();
  const t0 = performance.now();
  let t1 = 0;
  const runners = names.map(
    (lane) =>
      new LaneRunner({
        lane,
        lanes: names,
        queueFile,
        store: new ClaimStore({ path: stateFile, lockBackoffMs: 2, lockAttempts: 14 }),
        engine: async (_task, ctx) => {
          finished++;
          if (finished === drain) {
            t1 = performance.now();
            stop.abort();
          }
          return { status: 'completed', runId: ctx.runId };
        },
        events: new EventLog({ path: join(dir, 'lanes', lane, 'events.ndjson'), redact: (t) => t }),
        heartbeatFile: join(dir, 'lanes', lane, '.heartbeat'),
        pauseFlag: join(dir, 'lanes', lane, 'paused.flag'),
        pollMs: 20,
        persistent: true,
        signal: stop.signal,
        concurrency: fixedConcurrency(1),
      }),
  );
  // Every lane to its end before anything is reported (a lane still writing would race the clean-up).
  const ended = await Promise.allSettled(runners.map((runner) => runner.run()));
  const failed = ended.find((outcome) => outcome.status === 'rejected');
  if (failed)
    throw new Error(`scale: a lane failed (${lanes} lanes, queue ${queued}): ${String(failed.reason)}`);
  if (t1 === 0) throw new Error(`scale: the lanes ended after ${finished} of ${drain} tasks`);
  return (t1 - t0) / drain;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  { everyMs = 50, timeoutMs = 300_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
