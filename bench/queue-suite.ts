/**
 * `npm run bench -- queue [ingest] [drain] [drain-fleet] [two-machines] [scale]`: the queue and the lanes,
 * one JSON line per scenario, targets printed beside the figures (never asserted). The last three are in
 * queue-fleet.ts.
 *
 * ingest — 100,000 NDJSON tasks (2 % of them repeated ids) through `QueueReader` (chunked reads, line
 * scanning, UTF-8 check, JSON.parse, hostile-key walk, normalisation, dedupe by id), against a bare
 * `readFile` + `split('\n')` + `JSON.parse` per line over the same file, in the same process. Two more
 * contenders say where the time goes: `floor` — the bare loop plus what any deduplicating reader must do
 * (a Map of ids, a task object kept per line) and nothing else; `keelWithClaims` — the reader, then
 * `ClaimStore.unclaimed` against a store that knows 1,000 claims and 10,000 compacted ids. The contenders
 * take turns, nine rounds (the first two discarded), in a rotating order; `ratio` compares medians,
 * `ratioBest` the fastest rounds (the figure least disturbed by other work on the machine).
 *
 * drain — four `keel lane --persistent` processes (as the daemon runs them: the built keel, the real engine
 * on a temp git repository) wait on an empty queue and each drain one warm-up task first (as the solo figure
 * below has a warm-up run); then 200 one-sentence tasks are appended at once (some 13 s of draining: the
 * start, when the lanes wake, and the end, when they run out of work one by one, are a small part of it,
 * as they are of a real backlog), and the clock runs from that
 * write to the last outcome recorded in the claim-state file. The simulator runs in its own process
 * (scripted model, one endpoint, `maxParallel` 4, 50 ms latency; `run.validate: []`).
 *
 * What "capacity" means for whole runs: the most this fleet can drain, on this machine — a roofline, the
 * lowest of three bounds:
 * - fleet: endpoints × maxParallel / (model calls per run × latency) — the slots kept busy with nothing
 *   but model calls (3 calls per run here: planner, one coder call, reviewer);
 * - lanes: lanes / soloRunSeconds — a lane runs one task at a time, and a run also does local work no
 *   fleet can take off it (git worktree, commits, checkpoints): `soloRunSeconds` is the wall time of one
 *   run started directly with `startRun` (no queue, no lane) on the idle fleet, measured just before;
 * - cpu: cores / soloRunCpuSeconds — that local work is CPU (this process and its git children).
 * `ratio` = the lanes' tasks/s ÷ the roofline: what the queue, the claims, the polling and the lanes cost
 * against a perfectly fed bottleneck. (A roofline is optimistic near its knee, where four lanes sit: when
 * all four happen to wait on the model at once, the CPU idles.) Also printed: the CPU the lane processes
 * spent per task (beside the solo run's, that is the lanes' own cost), how busy the whole machine was
 * meanwhile, the raw fleet view — model requests/s served ÷ (endpoints × maxParallel / latency) — and the
 * load average: on a small box the run engine's own CPU, not the fleet, is what binds, and other work on
 * the machine (the simulator included) shows in every figure.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateConfigValue } from '../src/config/load.ts';
import { createSampleRepo } from '../src/cli/demo/sample-project.ts';
import { ClaimStore } from '../src/queue/claim-store.ts';
import { idHash } from '../src/queue/claim-state.ts';
import { QueueReader } from '../src/queue/queue-reader.ts';
import { startRun } from '../src/run/start-run.ts';
import { readJsonFile } from '../src/base/atomic-file.ts';
import { emit, round } from './lib/measure.ts';
import { spawnSimulator, stopChild } from './lib/sim-process.ts';
import { drainFleet, scale, twoMachines } from './queue-fleet.ts';

const INGEST_TASKS = 100_000;
const DRAIN_TASKS = 200;
/** Timed solo runs (their median is the lanes' bound), after one warm-up. */
const SOLO_RUNS = 11;
const LANES = 4;
const MAX_PARALLEL = 4;
const LATENCY_MS = 50;
const CALLS_PER_RUN = 3;
/** The lanes run as the daemon runs them: the built keel (`dist/cli`, what the `keel` bin is). */
const BUILT_CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

export async function run(args: string[]): Promise<void> {
  const only = new Set(args);
  const wanted = (name: string): boolean => only.size === 0 || only.has(name);
  const base = await mkdtemp(join(tmpdir(), 'keel-bench-queue-'));
  try {
    if (wanted('ingest')) await ingest(join(base, 'ingest'));
    if (wanted('drain')) await drain(join(base, 'drain'));
    // Where the fleet binds (500 ms requests), the cross-machine caps, and the lanes' cost at scale.
    if (wanted('drain-fleet')) await drainFleet(join(base, 'drain-fleet'));
    if (wanted('two-machines')) await twoMachines(join(base, 'two-machines'));
    if (wanted('scale')) await scale(join(base, 'scale'));
  } finally {
    if (process.env.KEEL_BENCH_KEEP) console.error(`kept ${base}`);
    else await rm(base, { recursive: true, force: true });
  }
}

async function ingest(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'queue.ndjson');
  const lanes = ['local-a', 'local-b', 'hosted'];
  let text = '';
  for (let i = 0; i < INGEST_TASKS; i++) {
    const id = i % 50 === 49 ? `task-${i - 7}` : `task-${i}`;
    const task: Record<string, unknown> = {
      id,
      text: `Add a helper for case ${i} in src/helpers/h${i % 97}.js.`,
    };
    if (i % 4 === 0) task.owner = lanes[i % 3];
    if (i % 5 === 0) task.priority = i % 11;
    text += `${JSON.stringify(task)}\n`;
  }
  await writeFile(path, text);
  const bytes = Buffer.byteLength(text);
  const store = new ClaimStore({ path: join(dir, 'state.json') });
  await store.update((data) => {
    for (let i = 0; i < 10_000; i++) data.compacted.add(idHash(`old-${i}`));
    for (let i = 0; i < 1_000; i++) {
      const id = `task-${i * 3}`;
      data.entries.set(id, {
        id,
        state: 'done',
        attempts: 1,
        recycles: 0,
        task: { text: 'x', priority: 0, source: 'file', ref: 'q:1' },
      });
    }
  });
  await store.refresh();

  const bare = async (): Promise<number> => {
    const content = await readFile(path, 'utf8');
    let parsed = 0;
    for (const line of content.split('\n')) {
      if (line === '') continue;
      JSON.parse(line);
      parsed++;
    }
    return parsed;
  };
  const floor = async (): Promise<number> => {
    const content = await readFile(path, 'utf8');
    const seen = new Map<string, string>();
    const kept: object[] = [];
    let lineNo = 0;
    for (const line of content.split('\n')) {
      lineNo++;
      if (line === '') continue;
      const item = JSON.parse(line) as { id?: unknown; text?: unknown; priority?: number };
      if (typeof item.id !== 'string' || seen.has(item.id)) continue;
      const ref = `q:${lineNo}`;
      seen.set(item.id, ref);
      kept.push({ id: item.id, text: item.text, priority: item.priority ?? 0, source: 'file', ref });
    }
    return kept.length;
  };
  const keel = async (): Promise<number> => (await new QueueReader({ path, lanes }).read()).tasks.length;
  const keelWithClaims = async (): Promise<number> =>
    store.unclaimed((await new QueueReader({ path, lanes }).read()).tasks).length;
  const contenders = { bare, floor, keel, keelWithClaims };
  type Name = keyof typeof contenders;
  const names = Object.keys(contenders) as Name[];
  const timings: Record<Name, number[]> = { bare: [], floor: [], keel: [], keelWithClaims: [] };
  const counts: Partial<Record<Name, number>> = {};
  for (let round = 0; round < 9; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      // What the previous contender kept is garbage now: collected here, not on the next one's clock.
      gc();
      const t0 = performance.now();
      counts[name] = await contenders[name]();
      if (round >= 2) timings[name].push(performance.now() - t0);
    }
  }
  const rate = (name: Name, pick: (values: number[]) => number): number =>
    INGEST_TASKS / (pick(timings[name]) / 1000);
  const figures = (name: Name) => ({
    perSecond: Math.round(rate(name, median)),
    medianMs: round(median(timings[name])),
    bestMs: round(Math.min(...timings[name])),
  });
  emit({
    scenario: 'ingest',
    lines: INGEST_TASKS,
    bytes,
    duplicateLines: INGEST_TASKS / 50,
    tasks: counts.keel,
    unclaimedTasks: counts.keelWithClaims,
    bareJsonParse: figures('bare'),
    floor: figures('floor'),
    keel: figures('keel'),
    keelWithClaims: figures('keelWithClaims'),
    ratio: round(rate('keel', median) / rate('bare', median)),
    ratioBest: round(rate('keel', min) / rate('bare', min)),
    floorRatio: round(rate('floor', median) / rate('bare', median)),
    withClaimsRatio: round(rate('keelWithClaims', median) / rate('bare', median)),
    loadAverage: round(loadavg()[0]!, 2),
    target: 'ratio >= 0.5',
  });
}

async function drain(dir: string): Promise<void> {
  const repo = join(dir, 'repo');
  await mkdir(repo, { recursive: true });
  await createSampleRepo(repo);
  const stateDir = join(dir, 'state');
  const sim = await spawnSimulator([`a=0:ok:${LATENCY_MS}`]);
  const lanes: ChildProcess[] = [];
  try {
    const configInput = {
      version: 1,
      endpoints: [
        { id: 'a', url: sim.urls.a!, kind: 'local', maxParallel: MAX_PARALLEL, contextWindow: 32_768 },
      ],
      roles: { planner: ['a/sim-model'], coder: ['a/sim-model'], reviewer: ['a/sim-model'] },
      policy: { maxWaitMs: 30_000 },
      run: { validate: [], heartbeatMs: 1_000 },
    };
    const config = validateConfigValue(configInput);
    const configPath = join(dir, 'keel.json');
    await writeFile(configPath, JSON.stringify(configInput));

    // The solo run: the engine alone, no lane, on the idle fleet (one warm-up first).
    const solo = { wall: [] as number[], cpu: [] as number[] };
    for (let i = 0; i < SOLO_RUNS + 1; i++) {
      const cpu0 = cpuSeconds();
      const t0 = performance.now();
      const { state } = await startRun({
        config,
        repo,
        stateDir: join(dir, 'solo-state'),
        task: `Add a solo helper in src/solo${i}.js.`,
        runId: `solo-${i}`,
        env: {},
        progress: () => undefined,
        processEvents: new EventEmitter(),
      });
      if (state.status !== 'completed') throw new Error(`solo run ${i}: ${state.status}`);
      if (i === 0) continue;
      solo.wall.push((performance.now() - t0) / 1000);
      if (cpu0 !== undefined) solo.cpu.push(cpuSeconds()! - cpu0);
    }
    const soloSeconds = median(solo.wall);
    const soloCpuSeconds = solo.cpu.length > 0 ? median(solo.cpu) : undefined;

    // The lanes: `keel lane --persistent` processes, as the daemon runs them, waiting on an empty queue;
    // the clock starts when the tasks are written and stops at the last outcome recorded.
    const queueFile = join(dir, 'queue.ndjson');
    const stateFile = join(dir, 'queue-state.json');
    await writeFile(queueFile, '');
    const names = Array.from({ length: LANES }, (_, i) => `lane-${i}`);
    for (const name of names)
      lanes.push(spawnLane(name, { repo, configPath, stateDir, queueFile, stateFile }));
    await waitFor(
      async () => (await Promise.all(names.map((n) => laneIdle(stateDir, n)))).every(Boolean),
      'the lanes to start',
    );
    // Warm-up, as the solo figure had one: a task per lane, so that the timed tasks meet warm processes.
    const store = new ClaimStore({ path: stateFile });
    await appendFile(queueFile, names.map((_, i) => `${JSON.stringify(warmTask(i))}\n`).join(''));
    await waitFor(async () => {
      await store.refresh();
      const entries = store.entries();
      return entries.length === LANES && entries.every((e) => e.state !== 'claimed');
    }, 'the warm-up tasks');
    await sim.reset();
    const cpuBefore = lanes.map((lane) => processCpuSeconds(lane.pid));
    const machineBefore = machineCpu();
    const t0 = Date.now();
    await appendFile(
      queueFile,
      Array.from(
        { length: DRAIN_TASKS },
        (_, i) => `${JSON.stringify({ id: `d${i}`, text: `Add a helper in src/d${i}.js.` })}\n`,
      ).join(''),
    );
    // Polled slowly: the clock stops at the last outcome's own time (`finishedAt`), not at this poll, and
    // every poll (a read and a parse of the claim state) is CPU taken from the lanes being measured.
    await waitFor(
      async () => {
        await store.refresh();
        const entries = store.entries().filter((e) => !e.id.startsWith('warm-'));
        return entries.length === DRAIN_TASKS && entries.every((e) => e.state !== 'claimed');
      },
      'the queue to drain',
      { everyMs: 250 },
    );
    const cpuAfter = lanes.map((lane) => processCpuSeconds(lane.pid));
    const machineAfter = machineCpu();
    const machineBusy =
      machineBefore && machineAfter
        ? (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)
        : undefined;
    let laneCpu: number | undefined = 0;
    cpuAfter.forEach((after, i) => {
      const before = cpuBefore[i];
      laneCpu =
        laneCpu === undefined || after === undefined || before === undefined
          ? undefined
          : laneCpu + after - before;
    });
    if (laneCpu !== undefined) laneCpu /= DRAIN_TASKS;
    const entries = store.entries().filter((e) => !e.id.startsWith('warm-'));
    const seconds = (Math.max(...entries.map((e) => e.finishedAt ?? 0)) - t0) / 1000;
    const stats = await sim.stats();
    const done = entries.filter((e) => e.state === 'done').length;
    const chatRequests = stats.a?.chatRequests ?? 0;
    const slots = 1 * MAX_PARALLEL;
    const modelSecondsPerRun = (CALLS_PER_RUN * LATENCY_MS) / 1000;
    const bounds = {
      fleet: slots / modelSecondsPerRun,
      lanes: LANES / soloSeconds,
      ...(soloCpuSeconds !== undefined ? { cpu: availableParallelism() / soloCpuSeconds } : {}),
    };
    const [bound, capacity] = Object.entries(bounds).sort((a, b) => a[1] - b[1])[0]!;
    const tasksPerSecond = DRAIN_TASKS / seconds;
    emit({
      scenario: 'drain',
      lanes: LANES,
      endpoints: 1,
      maxParallel: MAX_PARALLEL,
      latencyMs: LATENCY_MS,
      tasks: DRAIN_TASKS,
      done,
      byLane: Object.fromEntries(names.map((n) => [n, entries.filter((e) => e.lane === n).length])),
      seconds: round(seconds),
      tasksPerSecond: round(tasksPerSecond),
      capacity: {
        tasksPerSecond: round(capacity),
        bound,
        bounds: Object.fromEntries(Object.entries(bounds).map(([k, v]) => [k, round(v)])),
        soloRunSeconds: round(soloSeconds),
        ...(soloCpuSeconds !== undefined ? { soloRunCpuSeconds: round(soloCpuSeconds) } : {}),
        modelSecondsPerRun,
      },
      ...(laneCpu !== undefined ? { laneCpuSecondsPerTask: round(laneCpu) } : {}),
      ratio: round(tasksPerSecond / capacity),
      fleet: {
        modelRequests: chatRequests,
        requestsPerSecond: round(chatRequests / seconds),
        capacityRequestsPerSecond: slots / (LATENCY_MS / 1000),
        utilisation: round(chatRequests / seconds / (slots / (LATENCY_MS / 1000))),
        maxInflight: stats.a?.maxInflight,
      },
      cpus: availableParallelism(),
      ...(machineBusy !== undefined ? { machineCpuBusy: round(machineBusy) } : {}),
      loadAverage: round(loadavg()[0]!, 2),
      target: 'ratio >= 0.85',
    });
  } finally {
    await Promise.all(lanes.map(stopChild));
    await sim.stop();
  }
}

interface LaneSetup {
  repo: string;
  configPath: string;
  stateDir: string;
  queueFile: string;
  stateFile: string;
}

function spawnLane(name: string, setup: LaneSetup): ChildProcess {
  const args = [
    ...['lane', '--lane', name, '--persistent', '--poll-ms', '50'],
    ...['--queue-file', setup.queueFile, '--queue-state-file', setup.stateFile],
    ...['--repo', setup.repo, '--config', setup.configPath, '--state-dir', setup.stateDir],
  ];
  return spawn(process.execPath, [BUILT_CLI, ...args], { stdio: 'ignore' });
}

function warmTask(i: number): { id: string; text: string } {
  return { id: `warm-${i}`, text: `Add a warm-up helper in src/warm${i}.js.` };
}

async function laneIdle(stateDir: string, lane: string): Promise<boolean> {
  const beat = await readJsonFile(join(stateDir, 'lanes', lane, '.heartbeat'));
  return beat.ok && (beat.value as { status?: string }).status === 'idle';
}

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  { everyMs = 20, timeoutMs = 300_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The collector, for a clean heap before each timed round (the flag is set at run time, before use). */
function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function min(values: number[]): number {
  return Math.min(...values);
}

/** The whole machine's CPU time so far, busy and in all (`/proc/stat`, clock ticks); Linux only. */
function machineCpu(): { busy: number; total: number } | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      ticks.map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds from `/proc/<pid>/stat` (clock ticks of 1/100 s): the process's own (utime, stime) and its
 * reaped children's (cutime, cstime) — a lane and its git commands. Undefined where there is no /proc.
 */
function procCpu(pid: number | 'self' | undefined): { own: number; children: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 15)
      .map(Number);
    return { own: (ticks[0]! + ticks[1]!) / 100, children: (ticks[2]! + ticks[3]!) / 100 };
  } catch {
    return undefined;
  }
}

function processCpuSeconds(pid: number | undefined): number | undefined {
  const cpu = procCpu(pid);
  return cpu && cpu.own + cpu.children;
}

/** This process (to the microsecond) and the git commands it has run. */
function cpuSeconds(): number | undefined {
  const children = procCpu('self')?.children;
  const own = process.cpuUsage();
  return children === undefined ? undefined : (own.user + own.system) / 1e6 + children;
}
