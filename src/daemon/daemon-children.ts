/**
 * What `keel daemon` supervises, built from the lanes file: per lane one
 * `keel lane --lane <name> --lanes FILE --queue-file … --queue-state-file … [--persistent] [--config FILE]
 * <lane.args>`, and with `--guard` one `keel guard loop --lanes FILE [--config FILE]`. Each runs as
 * `node <entry> …`: the same keel as the daemon (`process.argv[1]`), or whatever `--entry` names (tests
 * point it at stand-in scripts, since lanes and the guard have their own tests).
 *
 * A lane that is not persistent runs to an end (`ChildSpec.finishes`): its exit 0 (drained) leaves it
 * finished until the guard's `<stateDir>/lanes/<lane>/start.request` appears.
 *
 * Heartbeats: each child is told its file in `KEEL_HEARTBEAT_FILE` (set by the watchdog) and must rewrite
 * it with `{ pid, at }` well within the max age — `runHeartbeat({ runDir: dirname(file) })` does. The files
 * live at `<stateDir>/lanes/<lane>/.heartbeat` (beside the lane's default pause flag) and
 * `<stateDir>/guard/.heartbeat`.
 */
import { stateLayout } from '../base/state-layout.ts';
import type { LanesFile } from '../lanes/index.ts';
import type { ChildSpec } from './watchdog.ts';

/** Restart a child whose heartbeat has not changed for 2 minutes. */
export const DEFAULT_HEARTBEAT_MAX_AGE_MS = 120_000;

export interface DaemonChildrenOptions {
  lanes: LanesFile;
  /** Absolute: the guard reads it too. */
  lanesPath: string;
  /** Absolute; passed on to every child as `--config`. */
  configPath?: string;
  guard: boolean;
  /** The node binary (`process.execPath`). */
  nodePath: string;
  /** The script the children run: keel's CLI entry. */
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** 0 turns heartbeat checks off. */
  heartbeatMaxAgeMs: number;
}

export function laneChildName(lane: string): string {
  return `lane-${lane}`;
}

export const GUARD_CHILD_NAME = 'guard';

export function daemonChildren(options: DaemonChildrenOptions): ChildSpec[] {
  const { lanes, nodePath, entry, cwd, env, heartbeatMaxAgeMs } = options;
  const config = options.configPath !== undefined ? ['--config', options.configPath] : [];
  const heartbeat = (file: string, maxAgeMs: number): Pick<ChildSpec, 'heartbeat'> =>
    heartbeatMaxAgeMs > 0 ? { heartbeat: { file, maxAgeMs } } : {};

  const children: ChildSpec[] = lanes.lanes.map((lane) => ({
    name: laneChildName(lane.name),
    command: nodePath,
    args: [
      entry,
      'lane',
      '--lane',
      lane.name,
      // The lane reads its state dir, pause flag and the owner allow-list (every lane name) from it, so it
      // and the guard agree on where `<stateDir>/lanes/<name>/` is.
      '--lanes',
      options.lanesPath,
      '--queue-file',
      lane.queueFile,
      '--queue-state-file',
      lane.queueStateFile,
      ...(lane.persistent ? ['--persistent'] : []),
      ...config,
      ...lane.args,
    ],
    cwd,
    env,
    ...heartbeat(stateLayout(lanes.stateDir).lane(lane.name).heartbeat, heartbeatMaxAgeMs),
    // A lane that is not persistent exits 0 once its queue is drained: its work is done, not a crash to
    // back off from. It then waits, finished, for the guard's start request (the guard writes one when the
    // lane's queue holds work again); a persistent lane waits for new lines itself, so any end of it is a
    // failure.
    ...(lane.persistent
      ? {}
      : { finishes: { startRequestFile: stateLayout(lanes.stateDir).lane(lane.name).startRequest } }),
  }));

  if (options.guard) {
    children.push({
      name: GUARD_CHILD_NAME,
      command: nodePath,
      args: [entry, 'guard', 'loop', '--lanes', options.lanesPath, ...config],
      cwd,
      env,
      // A guard that beats once per cycle must not be judged on a shorter clock than its own.
      ...heartbeat(
        stateLayout(lanes.stateDir).guard.heartbeat,
        Math.max(heartbeatMaxAgeMs, 3 * lanes.guard.cycleIntervalMs),
      ),
    });
  }
  return children;
}
