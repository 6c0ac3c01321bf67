/**
 * Where everything lives under a state directory (`.keel` by default, at the repository's root). The one
 * owner of these names: every module that reads or writes the state directory asks this one, so a run, a
 * lane, the guard, the daemon, the Action and `keel status` can never disagree about a path.
 *
 * ```
 * <stateDir>/
 *   runs/<runId>/            state.json, manifest.json, metrics.json, events.ndjson, .heartbeat,
 *                            recovery.md, lease.json, effects/{issues,comments,pulls}/
 *   worktrees/<runId>/       the run's git worktree (its work branch checked out)
 *   fleet-state.json         breakers, cooldowns and probes, carried from one command to the next
 *   config-cache.json        the configuration as the last run validated it (the early resume reads it)
 *   slots/                   one lease file per model request in flight (shared `maxParallel`)
 *   lanes/<lane>/            a lane's claims, heartbeat, status, pause flag and events
 *   guard/                   the idle guard's state, last cycle, history and heartbeat
 *   daemon/                  the daemon's lock, status, events and child logs
 * ```
 */
import { join } from 'node:path';

export const DEFAULT_STATE_DIR = '.keel';

// File names inside a run directory.
export const STATE_FILE = 'state.json';
export const MANIFEST_FILE = 'manifest.json';
export const METRICS_FILE = 'metrics.json';
export const EVENTS_FILE = 'events.ndjson';
export const HEARTBEAT_FILE = '.heartbeat';
export const RECOVERY_FILE = 'recovery.md';
export const LEASE_FILE = 'lease.json';
export const EFFECTS_DIR = 'effects';

// Names directly under the state directory.
export const RUNS_DIR = 'runs';
export const WORKTREES_DIR = 'worktrees';
export const FLEET_STATE_FILE = 'fleet-state.json';
export const CONFIG_CACHE_FILE = 'config-cache.json';
export const SLOTS_DIR = 'slots';
export const LANES_DIR = 'lanes';
export const GUARD_DIR = 'guard';
export const DAEMON_DIR = 'daemon';

// Inside `guard/`.
export const GUARD_STATE_FILE = 'state.json';
export const GUARD_REPORT_FILE = 'last-cycle.json';
export const GUARD_HISTORY_FILE = 'history.ndjson';

// Inside `lanes/<lane>/`.
export const PAUSE_FLAG_FILE = 'paused.flag';
/** The guard's request that a daemon start the lane (`{ at, by, reason }`). */
export const START_REQUEST_FILE = 'start.request';

export interface RunLayout {
  dir: string;
  state: string;
  manifest: string;
  metrics: string;
  events: string;
  heartbeat: string;
  recovery: string;
  lease: string;
  effects: string;
}

export function runLayout(runDir: string): RunLayout {
  return {
    dir: runDir,
    state: join(runDir, STATE_FILE),
    manifest: join(runDir, MANIFEST_FILE),
    metrics: join(runDir, METRICS_FILE),
    events: join(runDir, EVENTS_FILE),
    heartbeat: join(runDir, HEARTBEAT_FILE),
    recovery: join(runDir, RECOVERY_FILE),
    lease: join(runDir, LEASE_FILE),
    effects: join(runDir, EFFECTS_DIR),
  };
}

export interface LaneLayout {
  dir: string;
  heartbeat: string;
  pauseFlag: string;
  events: string;
  /** Written by the guard when a daemon holds the lanes; a daemon starts a finished lane when it appears. */
  startRequest: string;
}

export interface GuardLayout {
  dir: string;
  state: string;
  lastCycle: string;
  history: string;
  heartbeat: string;
}

export interface DaemonLayout {
  dir: string;
  /** The watchdog's snapshot: per child pid, state, restarts, last exit, next restart. */
  status: string;
  /** Every start, exit, stale heartbeat and restart (NDJSON, rotated). */
  events: string;
  /** The pid lock: one daemon per state directory. */
  lock: string;
  /** `<child>.log`, rotated by size. */
  logs: string;
}

export interface StateLayout {
  root: string;
  runs: string;
  run(runId: string): RunLayout;
  worktree(runId: string): string;
  fleetState: string;
  configCache: string;
  slots: string;
  lanes: string;
  lane(name: string): LaneLayout;
  guard: GuardLayout;
  daemon: DaemonLayout;
}

export function stateLayout(stateDir: string): StateLayout {
  const runs = join(stateDir, RUNS_DIR);
  const lanes = join(stateDir, LANES_DIR);
  const guard = join(stateDir, GUARD_DIR);
  const daemon = join(stateDir, DAEMON_DIR);
  return {
    root: stateDir,
    runs,
    run: (runId) => runLayout(join(runs, runId)),
    worktree: (runId) => join(stateDir, WORKTREES_DIR, runId),
    fleetState: join(stateDir, FLEET_STATE_FILE),
    configCache: join(stateDir, CONFIG_CACHE_FILE),
    slots: join(stateDir, SLOTS_DIR),
    lanes,
    lane: (name) => {
      const dir = join(lanes, name);
      return {
        dir,
        heartbeat: join(dir, HEARTBEAT_FILE),
        pauseFlag: join(dir, PAUSE_FLAG_FILE),
        events: join(dir, EVENTS_FILE),
        startRequest: join(dir, START_REQUEST_FILE),
      };
    },
    guard: {
      dir: guard,
      state: join(guard, GUARD_STATE_FILE),
      lastCycle: join(guard, GUARD_REPORT_FILE),
      history: join(guard, GUARD_HISTORY_FILE),
      heartbeat: join(guard, HEARTBEAT_FILE),
    },
    daemon: {
      dir: daemon,
      status: join(daemon, 'status.json'),
      events: join(daemon, EVENTS_FILE),
      lock: join(daemon, 'daemon.pid'),
      logs: join(daemon, 'logs'),
    },
  };
}
