/**
 * `keel guard once|loop`: the idle guard on a self-hosted box. `once` runs one cycle (cron, a
 * systemd timer, a debugging session) and `loop` runs cycles every `guard.cycleIntervalMs` until
 * SIGTERM/SIGINT (under `keel daemon --guard`). What a cycle does is in `guard/guard.ts`; how it starts
 * lanes and resumes runs here is in `guard/guard-local.ts`.
 *
 * Exit 0 after a cycle ran (idle lanes are the guard's business, not a failure of the command) or when
 * another cycle held the lock (it was doing the job); a lanes file or config that cannot be loaded fails.
 */
import { access } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Clock } from '../base/clock.ts';
import { loadConfig } from '../config/load.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { FetchLike } from '../fleet/probe.ts';
import { errorMessage } from '../base/errors.ts';
import { formatAge } from '../base/age.ts';
import {
  runGuardCycle,
  type GuardCycleOutcome,
  type GuardCycleReport,
  type QueueDepth,
  localGuardEffects,
  type Launcher,
  runGuardLoop,
  guardQueueDepth,
} from '../guard/index.ts';
import { checkLaneEndpoints, loadLanesFile } from '../lanes/index.ts';
import { UsageError, type CliIO, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { projectDir } from './project-dir.ts';

export const GUARD_USAGE = `usage: keel guard once [options]
       keel guard loop [options]

  once            run one guard cycle and exit
  loop            run a cycle every guard.cycleIntervalMs until SIGTERM/SIGINT
  --lanes FILE    the lanes file (default: .github/keel-lanes.yml or keel-lanes.yml)
  --config FILE   keel configuration (default: .github/keel.yml or keel.yml)
  --json          print each cycle report as JSON (one line per cycle with loop)

Each cycle probes the lanes' endpoints, starts idle lanes that have queued work and healthy endpoints,
clears stale pause flags, resumes interrupted runs, and writes <stateDir>/guard/last-cycle.json,
state.json and history.ndjson.
`;

export const LANES_SEARCH_PATHS = [
  '.github/keel-lanes.yml',
  '.github/keel-lanes.yaml',
  'keel-lanes.yml',
  'keel-lanes.yaml',
];

export interface GuardCommandDeps {
  clock?: Clock;
  fetch?: FetchLike;
  /** Unclaimed work per lane; default: the queue and claim-state files. */
  queueDepth?: QueueDepth;
  launch?: Launcher;
  /** keel's CLI entry for spawned lanes and resumes (default: this process's script). */
  entry?: string;
}

interface GuardArgs {
  mode: 'once' | 'loop';
  lanes?: string;
  config?: string;
  json: boolean;
}

export function createGuardCommand(deps: GuardCommandDeps = {}): Command {
  return async (argv, io) => {
    const args = parseGuardArgs(argv);
    if (args === 'help') {
      io.stdout(GUARD_USAGE);
      return 0;
    }
    const home = projectDir(io);
    const lanesPath = await findLanesFile(args.lanes, io.cwd, home);
    const lanesFile = await loadLanesFile(lanesPath);
    const configPath = args.config !== undefined ? resolve(io.cwd, args.config) : undefined;
    const config: KeelConfig = await loadConfig(configPath, { cwd: home });
    checkLaneEndpoints(
      lanesPath,
      lanesFile,
      config.endpoints.map((e) => e.id),
    );
    const actor = `keel guard (pid ${process.pid} on ${hostname()})`;
    const effects = localGuardEffects({
      lanesFile,
      lanesPath,
      config,
      ...(configPath !== undefined ? { configPath } : {}),
      queueDepth: deps.queueDepth ?? guardQueueDepth(lanesFile),
      env: io.env,
      cwd: home,
      signal: io.signal,
      actor,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.launch ? { launch: deps.launch } : {}),
      ...(deps.entry !== undefined ? { entry: deps.entry } : {}),
    });
    const options = {
      lanesFile,
      config,
      effects,
      actor,
      ...(deps.clock ? { clock: deps.clock } : {}),
    };
    const print = (outcome: GuardCycleOutcome): void => printOutcome(io, outcome, args.json, args.mode);
    if (args.mode === 'once') {
      print(await runGuardCycle(options));
      return 0;
    }
    await runGuardLoop({
      ...options,
      signal: io.signal,
      ...(io.env.KEEL_HEARTBEAT_FILE ? { heartbeatFile: io.env.KEEL_HEARTBEAT_FILE } : {}),
      onCycle: print,
      onError: (error) => io.stderr(`keel guard: cycle failed: ${errorMessage(error)}\n`),
    });
    return 0;
  };
}

export const guardCommand: Command = createGuardCommand();

function parseGuardArgs(argv: string[]): GuardArgs | 'help' {
  const parsed = parseCommandArgs(
    {
      args: argv,
      options: {
        lanes: { type: 'string' },
        config: { type: 'string', short: 'c' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    },
    GUARD_USAGE,
  );
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [mode, ...extra] = positionals;
  if (mode !== 'once' && mode !== 'loop') throw new UsageError(`expected once or loop\n\n${GUARD_USAGE}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"\n\n${GUARD_USAGE}`);
  return {
    mode,
    json: values.json,
    ...(values.lanes !== undefined ? { lanes: values.lanes } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

async function findLanesFile(given: string | undefined, cwd: string, home: string): Promise<string> {
  if (given !== undefined) return resolve(cwd, given);
  for (const candidate of LANES_SEARCH_PATHS) {
    const path = resolve(home, candidate);
    try {
      await access(path);
      return path;
    } catch {
      // next
    }
  }
  throw new UsageError(
    `no lanes file found (looked for ${LANES_SEARCH_PATHS.join(', ')}); pass --lanes FILE`,
  );
}

function printOutcome(io: CliIO, outcome: GuardCycleOutcome, json: boolean, mode: GuardArgs['mode']): void {
  if (outcome.kind === 'busy') {
    const by = outcome.holder ? ` (pid ${outcome.holder.pid} on ${outcome.holder.host})` : '';
    if (json)
      io.stdout(
        `${JSON.stringify({ busy: true, lock: outcome.lock, ...(outcome.holder ? { holder: outcome.holder } : {}) })}\n`,
      );
    io.stderr(`keel guard: another guard cycle is running${by}; nothing to do\n`);
    return;
  }
  if (json) io.stdout(`${JSON.stringify(outcome.report, null, mode === 'once' ? 2 : undefined)}\n`);
  else io.stdout(renderReport(outcome.report));
}

/** The cycle for a terminal: a table of lanes and a line per thing the guard did. */
export function renderReport(report: GuardCycleReport): string {
  const header = ['lane', 'status', 'queued', 'action', 'idle cycles', 'health', 'activity'];
  const rows = report.lanes.map((lane) => {
    const verdicts = Object.values(lane.health.endpoints);
    const healthy = verdicts.filter((v) => v === 'healthy').length;
    return [
      lane.lane,
      lane.status,
      lane.queued === null ? '?' : String(lane.queued),
      lane.action === 'none' ? '-' : lane.action,
      String(lane.idleCycles),
      verdicts.length === 0
        ? '-'
        : `${healthy}/${verdicts.length}${lane.health.floorMet ? '' : ' (below floor)'}`,
      lane.activity?.detail ?? 'unknown',
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const notes: string[] = [];
  if (report.stateProblem !== undefined) notes.push(`note: ${report.stateProblem}`);
  for (const cleared of report.pausesCleared) {
    notes.push(
      `cleared the stale pause of ${cleared.lane} (set by ${cleared.flag.by} ${formatAge(cleared.cleared.at - cleared.flag.at)} ago: ${cleared.flag.reason || 'no reason given'})`,
    );
  }
  if (report.started.length > 0) notes.push(`started: ${report.started.join(', ')}`);
  for (const run of report.resumes.filter((r) => r.action === 'dispatched' || r.action === 'failed')) {
    notes.push(
      run.action === 'dispatched'
        ? `resumed run ${run.runId}`
        : `could not resume ${run.runId}: ${run.error ?? ''}`,
    );
  }
  if (report.resumeError !== undefined) notes.push(`interrupted runs not listed: ${report.resumeError}`);
  for (const alert of report.alerts) {
    notes.push(`persistent_idle_condition: ${alert.lane} idle for ${alert.idleCycles} cycle(s)`);
  }
  for (const lane of report.lanes) for (const error of lane.errors) notes.push(`${lane.lane}: ${error}`);
  const probes = [
    report.probed ? 'probed' : 'probe not due',
    report.scanned ? 'scanned' : 'scan not due',
  ].join(', ');
  const fleet = report.fleet.idle ? `fleet idle for ${report.fleet.idleCycles} cycle(s)` : 'fleet not idle';
  return [
    `guard cycle ${report.cycle} (${probes}; ${fleet})`,
    line(header),
    ...rows.map(line),
    ...notes,
    '',
  ].join('\n');
}
