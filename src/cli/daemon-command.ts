/**
 * `keel daemon --lanes FILE`: on a self-hosted box, runs every lane of the lanes file (and with `--guard`
 * the idle guard) as supervised child processes — restarted with backoff when they die or their heartbeat
 * goes stale; a lane that is not persistent and exits 0 is finished until the guard asks for it again —
 * until SIGTERM/SIGINT, then stops them all and exits 0.
 *
 * One daemon per state directory (`<stateDir>/daemon/daemon.pid`); a second one refuses to start, and a
 * lock left by a dead daemon is taken over. Everything it knows is under `<stateDir>/daemon/`:
 * `status.json`, `events.ndjson`, `logs/<child>.log`.
 */
import { resolve } from 'node:path';
import type { Clock } from '../base/clock.ts';
import { collectSecrets, redact } from '../base/secrets.ts';
import { loadConfig } from '../config/load.ts';
import type { KeelConfig } from '../config/schema.ts';
import {
  daemonChildren,
  DEFAULT_HEARTBEAT_MAX_AGE_MS,
  acquireDaemonLock,
  DEFAULT_STOP_GRACE_MS,
  Watchdog,
  type BackoffPolicy,
  type WatchdogEvent,
  type WatchdogStatus,
} from '../daemon/index.ts';
import { LanesFileError, loadLanesFile } from '../lanes/index.ts';
import { EventLog } from '../telemetry/event-log.ts';
import { UsageError, type CliIO, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { projectDir } from './project-dir.ts';
import { stateLayout } from '../base/state-layout.ts';

const USAGE = `usage: keel daemon --lanes FILE [--config FILE] [--guard] [--json]

  --lanes FILE               the lanes file: one supervised \`keel lane\` per lane
  --config FILE              keel configuration, passed on to every lane and the guard
  --guard                    also supervise \`keel guard loop --lanes FILE\`
  --json                     print every watchdog event and the final status as JSON lines
  --heartbeat-max-age MS     restart a child whose heartbeat has not changed for this long
                             (default ${DEFAULT_HEARTBEAT_MAX_AGE_MS}; 0 turns heartbeat checks off)
  --stop-grace MS            SIGTERM → SIGKILL when stopping a child (default ${DEFAULT_STOP_GRACE_MS})
  --entry FILE               the script children run as \`node FILE lane …\` (default: this keel)

Children restart after 1, 2, 4 … 60 s (reset after 60 s of health). A lane that is not persistent and
exits 0 (drained its queue) is finished, not failed: it starts again when the guard asks for it
(<stateDir>/lanes/<lane>/start.request). State, events and child logs are in <stateDir>/daemon/. SIGTERM or
SIGINT stops every child and exits 0.
`;

const OPTIONS = {
  lanes: { type: 'string' },
  config: { type: 'string' },
  guard: { type: 'boolean' },
  json: { type: 'boolean' },
  'heartbeat-max-age': { type: 'string' },
  'stop-grace': { type: 'string' },
  entry: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface DaemonArgs {
  lanes: string;
  config?: string;
  guard: boolean;
  json: boolean;
  heartbeatMaxAgeMs: number;
  stopGraceMs: number;
  entry?: string;
}

/** What tests inject; the command itself uses none of it. */
export interface DaemonDeps {
  clock?: Clock;
  onEvent?: (event: WatchdogEvent) => void;
  backoff?: Partial<BackoffPolicy>;
  heartbeatCheckMs?: number;
}

export function parseDaemonArgs(argv: string[]): DaemonArgs | 'help' {
  const { values } = parseCommandArgs({
    args: argv,
    options: OPTIONS,
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  if (values.lanes === undefined) throw new UsageError('--lanes FILE is required');
  return {
    lanes: values.lanes,
    ...(values.config !== undefined ? { config: values.config } : {}),
    guard: values.guard ?? false,
    json: values.json ?? false,
    heartbeatMaxAgeMs: milliseconds(
      values['heartbeat-max-age'],
      '--heartbeat-max-age',
      DEFAULT_HEARTBEAT_MAX_AGE_MS,
    ),
    stopGraceMs: milliseconds(values['stop-grace'], '--stop-grace', DEFAULT_STOP_GRACE_MS),
    ...(values.entry !== undefined ? { entry: values.entry } : {}),
  };
}

function milliseconds(text: string | undefined, what: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(value >= 0 && value <= 86_400_000))
    throw new UsageError(`${what}: expected milliseconds from 0 to 86400000`);
  return value;
}

/**
 * The configuration the lanes will use, only to know which keys to redact from the daemon's own log. A
 * missing or broken one is the lanes' to report (each child loads it and says why): here it means no keys.
 */
async function configForSecrets(path: string | undefined, io: CliIO): Promise<KeelConfig | undefined> {
  try {
    return await loadConfig(path !== undefined ? resolve(io.cwd, path) : undefined, { cwd: projectDir(io) });
  } catch {
    return undefined;
  }
}

export const daemonCommand: Command = (argv, io) => runDaemon(argv, io);

export async function runDaemon(argv: string[], io: CliIO, deps: DaemonDeps = {}): Promise<number> {
  const args = parseDaemonArgs(argv);
  if (args === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const lanesPath = resolve(io.cwd, args.lanes);
  let lanes;
  try {
    lanes = await loadLanesFile(lanesPath);
  } catch (error) {
    if (!(error instanceof LanesFileError)) throw error;
    io.stderr(`keel daemon: ${error.message}\n`);
    return 2;
  }
  const entry = args.entry !== undefined ? resolve(io.cwd, args.entry) : process.argv[1];
  if (entry === undefined)
    throw new Error('keel daemon: cannot tell which script runs keel (process.argv[1])');

  const paths = stateLayout(lanes.stateDir).daemon;
  const locked = await acquireDaemonLock(paths.lock, deps.clock);
  if (!locked.ok) {
    const by =
      locked.reason === 'held'
        ? `pid ${locked.holder.pid} on ${locked.holder.host}, since ${new Date(locked.holder.at).toISOString()}`
        : 'another daemon starting at this moment';
    io.stderr(`keel daemon: ${lanes.stateDir} already has a daemon (${by}); lock ${paths.lock}\n`);
    return 1;
  }

  const secrets = collectSecrets(await configForSecrets(args.config, io), io.env);
  const events = new EventLog({
    path: paths.events,
    redact: (text) => redact(text, secrets),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const print = (record: { type: string }, human: string): void =>
    io.stdout(args.json ? `${JSON.stringify(record)}\n` : `keel daemon: ${human}\n`);

  try {
    if (locked.tookOver) {
      await events.append({ type: 'daemon_lock_takeover', lock: paths.lock, ...locked.tookOver });
    }
    const children = daemonChildren({
      lanes,
      lanesPath,
      ...(args.config !== undefined ? { configPath: resolve(io.cwd, args.config) } : {}),
      guard: args.guard,
      nodePath: process.execPath,
      entry,
      cwd: projectDir(io),
      env: { ...io.env },
      heartbeatMaxAgeMs: args.heartbeatMaxAgeMs,
    });
    const watchdog = new Watchdog({
      children,
      statusFile: paths.status,
      logDir: paths.logs,
      events,
      onEvent: (event) => {
        deps.onEvent?.(event);
        print(event, describe(event));
      },
      stopGraceMs: args.stopGraceMs,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      ...(deps.heartbeatCheckMs !== undefined ? { heartbeatCheckMs: deps.heartbeatCheckMs } : {}),
    });
    const started = {
      type: 'daemon_started',
      pid: process.pid,
      stateDir: lanes.stateDir,
      status: paths.status,
      children: children.map((child) => child.name),
    };
    await events.append(started);
    print(
      started,
      `pid ${process.pid} supervising ${started.children.join(', ')}; status in ${paths.status}`,
    );

    const final: WatchdogStatus = await watchdog.run(io.signal);

    const stopped = { type: 'daemon_stopped', pid: process.pid, reason: reasonOf(io.signal) };
    await events.append(stopped);
    await events.flush();
    print(
      { ...final, type: 'daemon_status' },
      `stopped (${stopped.reason}); ${final.children.length} children stopped`,
    );
    return 0;
  } finally {
    await locked.lock.release();
  }
}

function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason);
}

function describe(event: WatchdogEvent): string {
  switch (event.type) {
    case 'child_started':
      return `${event.child} started (pid ${event.pid}${event.restarts > 0 ? `, restart ${event.restarts}` : ''})`;
    case 'child_exited': {
      const how = event.error ?? (event.signal !== null ? `signal ${event.signal}` : `code ${event.code}`);
      return `${event.child} ended (${event.reason}: ${how}) after ${event.uptimeMs} ms`;
    }
    case 'child_heartbeat_stale':
      return `${event.child} (pid ${event.pid}) has a stale heartbeat (max age ${event.maxAgeMs} ms): stopping it`;
    case 'child_killed':
      return `${event.child} (pid ${event.pid}) ignored SIGTERM for ${event.graceMs} ms: killed`;
    case 'child_restart_scheduled':
      return `${event.child} restarts in ${event.delayMs} ms (failure ${event.failures})`;
    case 'child_finished':
      return event.startRequestFile === null
        ? `${event.child} finished (exit 0): not restarted`
        : `${event.child} finished (exit 0: drained): not restarted until the guard asks (${event.startRequestFile})`;
    case 'child_start_requested':
      return `${event.child} start requested (${event.startRequestFile}): starting it`;
    case 'status_write_failed':
      return `could not write the status file: ${event.error}`;
  }
}
