/**
 * The guard's effects on a self-hosted box (`keel guard once|loop`):
 *
 * - activity: the lane's heartbeat (`<stateDir>/lanes/<lane>/.heartbeat`, the file the daemon's watchdog
 *   watches too): fresh and its pid alive is active. A stale heartbeat is inactive whatever its pid says —
 *   pids are reused, and a hung lane is the watchdog's to kill, not a reason never to start one.
 * - a live lane process whose heartbeat says `paused` (it obeys its pause flag) is `paused`, not active:
 *   the guard may clear a stale flag, and the lane resumes by itself.
 * - starting a lane: when no daemon holds the state directory, `keel lane --lanes FILE --lane NAME` is
 *   spawned detached (it outlives a `once`), its output appended to `<stateDir>/lanes/<lane>/lane.log`,
 *   and `KEEL_HEARTBEAT_FILE` pointing at the lane's heartbeat. When a
 *   live daemon holds it (`<stateDir>/daemon/daemon.pid`), the lanes are the daemon's: spawning one
 *   beside it would run the lane twice, so the guard writes `<stateDir>/lanes/<lane>/start.request`
 *   (`{ at, by, reason }`) instead: the daemon starts a lane that finished (not persistent, drained, exit
 *   0) when it appears; a lane the daemon is backing off after a failure restarts when its backoff ends.
 * - recycling: `recycleCycle` on the lane's claim state with the lanes file's `guard.recycle` bounds.
 * - interrupted runs: `listRuns(<stateDir>)` — interrupted, or `running` with a stale heartbeat (the process
 *   died without checkpointing its end) — that no process holds: a run whose lease holder is alive and
 *   beating (`readRunOwner`) is being worked on, even when its last snapshot still says interrupted.
 *   A resume is `keel run --resume <id> --state-dir <stateDir>` spawned detached, logged to
 *   `<stateDir>/guard/resume-<id>.log`.
 */
import { spawn } from 'node:child_process';
import { mkdir, open, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { systemClock, type Clock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { FetchLike } from '../fleet/probe.ts';
import { ClaimStore } from '../queue/claim-store.ts';
import { recycleCycle } from '../queue/recycle.ts';
import { readJsonFile, writeFileAtomic } from '../base/atomic-file.ts';
import { isProcessAlive } from '../base/file-lock.ts';
import { HEARTBEAT_FILE, START_REQUEST_FILE, stateLayout } from '../base/state-layout.ts';
import { isHeartbeatStale, readHeartbeat } from '../base/heartbeat.ts';
import { readRunOwner } from '../run/run-lease.ts';
import { listRuns } from '../run/state-store.ts';
import { guardProbes } from './guard-probes.ts';
import { type GuardEffects, type LaneActivity, type QueueDepth } from './guard.ts';
import type { LaneConfig, LanesFile } from '../lanes/index.ts';
import { laneDirOf, filePauseFlags } from '../lanes/index.ts';

export { START_REQUEST_FILE };
export const LANE_LOG_FILE = 'lane.log';

export interface LaunchSpec {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Output (stdout and stderr) is appended here. */
  logFile: string;
}

/** Starts a process that outlives the guard; resolves once it has been spawned. */
export type Launcher = (spec: LaunchSpec) => Promise<{ pid: number }>;

export interface LocalGuardOptions {
  lanesFile: LanesFile;
  /** Absolute: spawned lanes read their settings from it. */
  lanesPath: string;
  config: KeelConfig;
  /** Absolute; passed on to lanes and resumes as `--config`. */
  configPath?: string;
  queueDepth: QueueDepth;
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal?: AbortSignal;
  clock?: Clock;
  fetch?: FetchLike;
  launch?: Launcher;
  /** keel's CLI entry the spawned processes run as `node <entry> …` (default: this process's script). */
  entry?: string;
  nodePath?: string;
  /** Written into start requests. */
  actor?: string;
}

export function localGuardEffects(options: LocalGuardOptions): GuardEffects {
  const { lanesFile, config, env, cwd } = options;
  const clock = options.clock ?? systemClock;
  const launch = options.launch ?? launchDetached;
  const keel = (args: string[]): { command: string; args: string[] } => ({
    command: options.nodePath ?? process.execPath,
    args: [options.entry ?? process.argv[1] ?? 'keel', ...args],
  });
  const configArgs = options.configPath !== undefined ? ['--config', options.configPath] : [];
  const staleMs = lanesFile.guard.heartbeatStaleMs;
  const stateDir = lanesFile.stateDir;

  return {
    ...guardProbes({
      config,
      env,
      clock,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
    queueDepth: options.queueDepth,
    pauseFlags: filePauseFlags(),
    laneActive: async (lane) => laneActivity(laneDirOf(stateDir, lane.name), clock.now(), staleMs),
    async startLane(lane, reason) {
      const dir = laneDirOf(stateDir, lane.name);
      if (await daemonAlive(stateDir)) {
        const request = { at: clock.now(), by: options.actor ?? 'keel-guard', reason };
        await writeFileAtomic(join(dir, START_REQUEST_FILE), `${JSON.stringify(request)}\n`);
        return;
      }
      await launch({
        ...keel(laneArgs(lane, options.lanesPath, configArgs, lanesFile.guard.recycle.enabled)),
        cwd,
        env: { ...env, KEEL_HEARTBEAT_FILE: join(dir, HEARTBEAT_FILE) },
        logFile: join(dir, LANE_LOG_FILE),
      });
    },
    async interruptedRuns() {
      const now = clock.now();
      const runs = await listRuns(stateDir);
      const unfinished = runs.filter((run) => run.status === 'interrupted' || run.status === 'running');
      const judged = await Promise.all(
        unfinished.map(async (run) => {
          // The run's lease and heartbeat: a live holder is working on it, whatever the last snapshot says.
          const owner = await readRunOwner(run.runDir, now, staleMs);
          return {
            runId: run.runId,
            status: run.status,
            updatedAt: run.updatedAt,
            active: owner.state === 'running',
          };
        }),
      );
      // A run some process holds is being worked on (an `interrupted` snapshot being resumed, too); one
      // nobody holds, or whose holder went silent, waits for a resume.
      return judged.filter((run) => !run.active);
    },
    async recycle(lane) {
      const store = new ClaimStore({ path: lane.queueStateFile, clock });
      const applied = await recycleCycle(store, lanesFile.guard.recycle, clock);
      if (applied === 'lock-busy') throw new Error(`claim state ${lane.queueStateFile} is busy`);
      return applied.reopened.length;
    },
    async dispatchResume(run) {
      await launch({
        ...keel(['run', '--resume', run.runId, '--state-dir', stateDir, ...configArgs]),
        cwd,
        env,
        logFile: join(stateLayout(stateDir).guard.dir, `resume-${run.runId}.log`),
      });
    },
  };
}

/**
 * `keel lane --lanes FILE --lane NAME`: the lane takes its queue, claim state, pause flag and state
 * directory from the lanes file, so it writes its heartbeat and obeys its pause flag where the guard looks.
 */
function laneArgs(lane: LaneConfig, lanesPath: string, configArgs: string[], recycle: boolean): string[] {
  return [
    'lane',
    '--lanes',
    lanesPath,
    '--lane',
    lane.name,
    ...(lane.persistent ? ['--persistent'] : []),
    ...(recycle ? ['--recycle'] : []),
    ...configArgs,
    ...lane.args,
  ];
}

async function heartbeatActivity(dir: string, now: number, staleMs: number): Promise<LaneActivity> {
  const beat = await readHeartbeat(dir);
  if (beat === undefined) return { state: 'inactive', detail: 'no heartbeat' };
  const age = `${Math.round(Math.max(0, now - beat.at) / 1000)} s`;
  if (isHeartbeatStale(beat, now, staleMs))
    return { state: 'inactive', detail: `heartbeat ${age} old (pid ${beat.pid})` };
  if (!isProcessAlive(beat.pid)) return { state: 'inactive', detail: `pid ${beat.pid} has exited` };
  return { state: 'active', detail: `pid ${beat.pid}, heartbeat ${age} old` };
}

/** A lane's heartbeat also says what it is doing (`lane-status.ts`): a live lane may sit paused. */
async function laneActivity(dir: string, now: number, staleMs: number): Promise<LaneActivity> {
  const activity = await heartbeatActivity(dir, now, staleMs);
  if (activity.state !== 'active') return activity;
  const read = await readJsonFile(join(dir, HEARTBEAT_FILE));
  const status = read.ok ? (read.value as { status?: unknown } | null)?.status : undefined;
  return status === 'paused'
    ? { state: 'paused', detail: `${activity.detail}, paused by its flag` }
    : activity;
}

/**
 * Whether a live daemon holds `<stateDir>/daemon/daemon.pid` on this host. A holder on another host (a
 * shared file system) cannot be judged and counts as alive, as the daemon's own lock treats it.
 */
async function daemonAlive(stateDir: string): Promise<boolean> {
  let holder: { pid?: unknown; host?: unknown };
  try {
    holder = JSON.parse(await readFile(stateLayout(stateDir).daemon.lock, 'utf8')) as typeof holder;
  } catch {
    return false;
  }
  if (holder === null || typeof holder !== 'object' || typeof holder.pid !== 'number') return false;
  return holder.host !== hostname() || isProcessAlive(holder.pid);
}

/** Spawns detached (its own process group, so a signal to the guard's group does not reach it). */
export async function launchDetached(spec: LaunchSpec): Promise<{ pid: number }> {
  await mkdir(dirname(spec.logFile), { recursive: true });
  const log = await open(spec.logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve(child.pid!));
    });
    child.unref();
    return { pid };
  } finally {
    // The child has its own copy of the descriptor.
    await log.close();
  }
}
