/**
 * `keel lane`: a worker that drains a task queue through the run engine (`--task-queue-file` /
 * `--task-queue-state-file`, the names lane runners already use). Many lanes may share one queue and one claim-state
 * file; each task is claimed once. `--persistent` keeps the lane waiting for new lines when the queue is
 * drained: work keeps flowing while nobody dispatches anything. `--concurrency N|auto` runs several tasks at
 * once. SIGINT/SIGTERM stop it cleanly — every run in progress checkpoints, stays claimed, and is resumed by
 * the next start of the lane.
 *
 * Exit 0 when drained, stopped by a signal, paused (not persistent) or at --max-tasks; 1 when a run was
 * interrupted by something else than our signal or when tasks kept failing to start.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { collectSecrets, redact as redactSecrets } from '../base/secrets.ts';
import { readActionContext, createOctokit } from '../github/api/index.ts';
import {
  engineLane,
  laneDirOf,
  LaneRunner,
  type LaneResult,
  type TaskSource,
  laneConcurrency,
  MAX_CONCURRENCY,
  type ConcurrencySetting,
  type LaneConcurrency,
  createQueueWatch,
  checkLaneEndpoints,
  loadLanesFile,
  type LaneConfig,
  type LanesFile,
} from '../lanes/index.ts';
import { systemClock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import { ClaimStore, maxClaimedFrom } from '../queue/claim-store.ts';
import { issueTasks } from '../github/tasks/index.ts';
import { HEARTBEAT_FILE, DEFAULT_STATE_DIR, EVENTS_FILE, PAUSE_FLAG_FILE } from '../base/state-layout.ts';
import { EventLog } from '../telemetry/event-log.ts';
import { UsageError, type CliIO, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { laneOnGitHub } from './lane-github.ts';
import { projectDir } from './project-dir.ts';

export const LANE_USAGE = `usage: keel lane --queue-file F --queue-state-file S [options]

  --queue-file F           the queue: a JSON array, { "tasks": [...] }, or NDJSON (one task per line)
  --queue-state-file S     the claim-state file (shared by every lane draining the queue)
  --lane NAME              this lane's name (default: default); it takes its own tasks and unowned ones
  --lanes FILE             the lanes file: the lane names a task's owner may be, and this lane's defaults
  --persistent             wait for new work when the queue is drained instead of exiting
  --repo DIR               the repository the runs work on (default: the current directory)
  --config FILE            configuration file (default: .github/keel.yml or keel.yml in the repository)
  --state-dir DIR          runs, and lanes/<name>/ (heartbeat, events, pause flag) (default: <repo>/.keel,
                           or the lanes file's stateDir)
  --pause-flag FILE        claim nothing while this file exists (default: <state-dir>/lanes/<name>/paused.flag)
  --poll-ms N              how often to look for new work and beat the heartbeat (default 2000)
  --max-tasks N            stop after N tasks
  --concurrency N|auto     tasks in flight at once, each its own run and worktree (default: the lanes file's
                           concurrency, else 1); auto: as many as keep the lane's slots busy
  --issues                 also take open issues labelled keel (GITHUB_TOKEN, GITHUB_REPOSITORY)
  --recycle                reopen finished tasks while idle (the lanes file's guard.recycle bounds)
  --json                   print the lane's result as JSON on stdout
  --effects github|local   github: publish like the Action (issues, pull requests, the pushed work branch,
                           checkpoints on the state branch) and claim tasks through GitHub (one ref per task,
                           refs/keel/claims/…), so lanes on several runners share them. Default: github
                           inside GitHub Actions when GITHUB_TOKEN is set, else local (records under .keel/)
  --state-branch B         the state branch of --effects github (default keel/state)

Environment: KEEL_TASK_QUEUE_MAX_CLAIMED bounds the claim records kept (default 10000);
KEEL_TASK_QUEUE_PERSISTENT_MODE=0 turns --persistent off; KEEL_HEARTBEAT_FILE (set by keel daemon) moves
the heartbeat.
`;

const ISSUE_POLL_MS = 60_000;

interface LaneArgs {
  queueFile?: string;
  queueStateFile?: string;
  lane: string;
  lanes?: string;
  persistent: boolean;
  repo?: string;
  config?: string;
  stateDir?: string;
  pauseFlag?: string;
  pollMs?: number;
  maxTasks?: number;
  concurrency?: ConcurrencySetting;
  issues: boolean;
  recycle: boolean;
  json: boolean;
  effects?: 'github' | 'local';
  stateBranch: string;
}

export const laneCommand: Command = async (argv, io) => {
  const args = parseLaneArgs(argv);
  if (args === 'help') {
    io.stdout(LANE_USAGE);
    return 0;
  }
  const lanesFile = args.lanes !== undefined ? await loadLanesFile(resolve(io.cwd, args.lanes)) : undefined;
  const laneConfig = lanesFile?.lanes.find((lane) => lane.name === args.lane);
  if (lanesFile && !laneConfig) throw new UsageError(`--lane ${args.lane}: no such lane in ${args.lanes}`);
  const queueFile = required(args.queueFile ?? laneConfig?.queueFile, '--queue-file', io);
  const queueStateFile = required(
    args.queueStateFile ?? laneConfig?.queueStateFile,
    '--queue-state-file',
    io,
  );
  const repo = args.repo !== undefined ? resolve(io.cwd, args.repo) : projectDir(io);
  const stateDir = resolve(io.cwd, args.stateDir ?? lanesFile?.stateDir ?? join(repo, DEFAULT_STATE_DIR));
  const laneDir = laneDirOf(lanesFile?.stateDir ?? stateDir, args.lane);
  const config = await loadConfig(args.config !== undefined ? resolve(io.cwd, args.config) : undefined, {
    cwd: repo,
  });
  if (lanesFile)
    checkLaneEndpoints(
      args.lanes!,
      lanesFile,
      config.endpoints.map((e) => e.id),
    );
  const persistent = args.persistent && io.env.KEEL_TASK_QUEUE_PERSISTENT_MODE !== '0';
  const secrets = collectSecrets(config, io.env);
  const progress = (line: string): void => (args.json ? io.stderr : io.stdout)(`${line}\n`);
  const queue = new QueueReport(args.lane, progress, (text) => redactSecrets(text, secrets));
  const events = new EventLog({
    path: join(laneDir, EVENTS_FILE),
    redact: (text) => redactSecrets(text, secrets),
    observe: (event) => queue.observe(event),
  });
  const store = new ClaimStore({
    path: queueStateFile,
    maxClaimed: maxClaimedFrom(io.env),
    log: (event) => void events.append(event),
  });
  const lanes = lanesFile ? lanesFile.lanes.map((lane) => lane.name) : [args.lane];
  const concurrency = concurrencyOf(args, lanesFile, laneConfig, config, io, progress);
  const onGitHub =
    (args.effects ?? defaultEffects(io.env)) === 'github'
      ? await laneOnGitHub({
          env: io.env,
          repo,
          stateDir,
          config,
          queueFile,
          stateBranch: args.stateBranch,
          log: progress,
        })
      : undefined;
  const watch = persistent ? createQueueWatch(queueFile) : undefined;
  const runner = new LaneRunner({
    lane: args.lane,
    lanes,
    queueFile,
    store,
    engine: engineLane({
      config,
      repo,
      stateDir,
      env: io.env,
      progress,
      ...(onGitHub ? { publish: onGitHub.publish } : {}),
    }),
    ...(onGitHub ? { shared: onGitHub.shared } : {}),
    events,
    heartbeatFile: io.env.KEEL_HEARTBEAT_FILE || join(laneDir, HEARTBEAT_FILE),
    pauseFlag: pauseFlagOf(args, laneConfig, laneDir, io),
    persistent,
    concurrency,
    signal: io.signal,
    progress,
    ...(args.pollMs !== undefined ? { pollMs: args.pollMs } : {}),
    ...(args.maxTasks !== undefined ? { maxTasks: args.maxTasks } : {}),
    ...(args.issues ? { sources: [await issueSource(io, lanes)] } : {}),
    ...(args.recycle ? { recycle: recycleSettings(lanesFile) } : {}),
    ...(watch ? { wake: (signal: AbortSignal) => watch.wake(signal) } : {}),
  });
  const many = concurrency.setting === 1 ? '' : `, concurrency ${concurrency.setting}`;
  progress(
    `[lane ${args.lane}] draining ${queueFile}${persistent ? ' (persistent)' : ''}${many}` +
      (onGitHub ? '; publishing on GitHub, claims shared through refs/keel/claims/' : ''),
  );
  // Drained and gone: a queue file that is not there is a mistake (a path, a file never committed), not
  // an empty queue. A persistent lane waits for it; a lane fed by issues needs none.
  if (!persistent && !args.issues && !existsSync(queueFile)) {
    io.stderr(`keel lane: the queue file ${queueFile} does not exist\n`);
    return 1;
  }
  let result: LaneResult;
  try {
    result = await runner.run();
  } finally {
    watch?.close();
  }
  if (args.json) io.stdout(`${JSON.stringify({ lane: args.lane, ...result })}\n`);
  else
    progress(
      `[lane ${args.lane}] stopped: ${result.stop}${result.detail ? ` (${result.detail})` : ''}; ` +
        `${result.processed} task(s): ${result.outcomes.done} done, ${result.outcomes.blocked} blocked, ${result.outcomes.failed} failed`,
    );
  if (result.stop === 'errors' || result.stop === 'interrupted') return 1;
  // Read lines, but not one of them was a task it could run: the queue is wrong, and saying `drained` with
  // exit 0 would hide it.
  if (result.stop === 'drained' && result.processed === 0 && queue.count > 0) {
    io.stderr(`keel lane: ${queue.summary()}\n`);
    return 1;
  }
  return 0;
};

/** A queue's problems on the console: how many, and the first few reasons (all of them are in events.ndjson). */
class QueueReport {
  count = 0;
  readonly #shown: string[] = [];

  readonly #lane: string;
  readonly #progress: (line: string) => void;
  readonly #redact: (text: string) => string;

  constructor(lane: string, progress: (line: string) => void, redact: (text: string) => string) {
    this.#lane = lane;
    this.#progress = progress;
    this.#redact = redact;
  }

  observe(event: { type: string; ref?: unknown; reason?: unknown }): void {
    if (event.type !== 'queue_problem') return;
    this.count += 1;
    if (this.#shown.length >= SHOWN_PROBLEMS) return;
    const line = this.#redact(`${String(event.ref)}: ${String(event.reason)}`).slice(0, 300);
    this.#shown.push(line);
    this.#progress(`[lane ${this.#lane}] queue problem: ${line}`);
  }

  summary(): string {
    return `no task could be read from the queue: ${this.count} problem(s), e.g. ${this.#shown.join('; ')}`;
  }
}

const SHOWN_PROBLEMS = 3;

/** In GitHub Actions with a token, a lane publishes on GitHub (its work must outlive the job). */
function defaultEffects(env: Record<string, string | undefined>): 'github' | 'local' {
  return env.GITHUB_ACTIONS === 'true' && Boolean(env.GITHUB_TOKEN || env.GH_TOKEN) ? 'github' : 'local';
}

function required(value: string | undefined, flag: string, io: CliIO): string {
  if (value === undefined) throw new UsageError(`${flag} is required (or --lanes FILE with --lane NAME)`);
  return resolve(io.cwd, value);
}

function pauseFlagOf(args: LaneArgs, lane: LaneConfig | undefined, laneDir: string, io: CliIO): string {
  if (args.pauseFlag !== undefined) return resolve(io.cwd, args.pauseFlag);
  return lane?.pauseFlag ?? join(laneDir, PAUSE_FLAG_FILE);
}

/**
 * `--concurrency`, else the lanes file's (default `auto`), else one. More than one run per process keeps
 * `maxParallel` exact only through the shared slot leases: with them off (`KEEL_SHARED_SLOTS=0`, and no
 * `coordination.redis`) every run would hold the whole cap, so an explicit N > 1 is refused and `auto`
 * stays at one.
 */
function concurrencyOf(
  args: LaneArgs,
  lanesFile: LanesFile | undefined,
  lane: LaneConfig | undefined,
  config: KeelConfig,
  io: CliIO,
  progress: (line: string) => void,
): LaneConcurrency {
  let setting: ConcurrencySetting = args.concurrency ?? lane?.concurrency ?? 1;
  if (setting !== 1 && io.env.KEEL_SHARED_SLOTS === '0' && config.coordination === undefined) {
    if (args.concurrency !== undefined)
      throw new UsageError(
        `--concurrency ${setting} needs shared slots (KEEL_SHARED_SLOTS=0 turns them off: each run would hold every endpoint's whole maxParallel)`,
      );
    progress(`[lane ${args.lane}] concurrency 1: KEEL_SHARED_SLOTS=0 turns off the slot leases it relies on`);
    setting = 1;
  }
  const lanes = lanesFile?.lanes ?? [];
  return laneConcurrency(setting, {
    config,
    lane: lane ?? { name: args.lane, endpoints: [] },
    lanes: lanes.length > 0 ? lanes : [{ name: args.lane, endpoints: [] }],
    clock: systemClock,
  });
}

function recycleSettings(lanesFile: LanesFile | undefined) {
  const recycle = lanesFile?.guard.recycle;
  return {
    afterMs: recycle?.afterMs ?? 24 * 3_600_000,
    maxPerCycle: recycle?.maxPerCycle ?? 5,
    maxPerTask: recycle?.maxPerTask ?? 3,
  };
}

async function issueSource(io: CliIO, lanes: string[]): Promise<TaskSource> {
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new UsageError('--issues needs GITHUB_TOKEN (or GH_TOKEN) in the environment');
  const ctx = await readActionContext(io.env);
  const client = createOctokit({ token, baseUrl: ctx.apiUrl });
  return { name: 'issues', everyMs: ISSUE_POLL_MS, read: () => issueTasks(client, ctx, lanes) };
}

function parseLaneArgs(argv: string[]): LaneArgs | 'help' {
  const { values } = parseCommandArgs(
    {
      args: argv,
      options: {
        'queue-file': { type: 'string' },
        'queue-state-file': { type: 'string' },
        lane: { type: 'string' },
        lanes: { type: 'string' },
        persistent: { type: 'boolean', default: false },
        repo: { type: 'string' },
        config: { type: 'string' },
        'state-dir': { type: 'string' },
        'pause-flag': { type: 'string' },
        'poll-ms': { type: 'string' },
        'max-tasks': { type: 'string' },
        concurrency: { type: 'string' },
        issues: { type: 'boolean', default: false },
        recycle: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        effects: { type: 'string' },
        'state-branch': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    LANE_USAGE,
  );
  if (values.help) return 'help';
  const lane = values.lane ?? 'default';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(lane))
    throw new UsageError(`--lane ${JSON.stringify(lane)}: expected letters, digits, ".", "_" or "-"`);
  const effects = values.effects;
  if (effects !== undefined && effects !== 'github' && effects !== 'local')
    throw new UsageError(`--effects ${JSON.stringify(effects)}: expected github or local`);
  const stateBranch = values['state-branch'] ?? 'keel/state';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(stateBranch) || stateBranch.includes('..'))
    throw new UsageError(`--state-branch ${JSON.stringify(stateBranch)} is not a branch name`);
  return {
    lane,
    stateBranch,
    ...(effects !== undefined ? { effects } : {}),
    persistent: values.persistent,
    issues: values.issues,
    recycle: values.recycle,
    json: values.json,
    ...(values['queue-file'] !== undefined ? { queueFile: values['queue-file'] } : {}),
    ...(values['queue-state-file'] !== undefined ? { queueStateFile: values['queue-state-file'] } : {}),
    ...(values.lanes !== undefined ? { lanes: values.lanes } : {}),
    ...(values.repo !== undefined ? { repo: values.repo } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
    ...(values['pause-flag'] !== undefined ? { pauseFlag: values['pause-flag'] } : {}),
    ...(values['poll-ms'] !== undefined ? { pollMs: integer(values['poll-ms'], '--poll-ms', 10) } : {}),
    ...(values['max-tasks'] !== undefined
      ? { maxTasks: integer(values['max-tasks'], '--max-tasks', 1) }
      : {}),
    ...(values.concurrency !== undefined ? { concurrency: concurrencyArg(values.concurrency) } : {}),
  };
}

function concurrencyArg(raw: string): ConcurrencySetting {
  if (raw === 'auto') return 'auto';
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_CONCURRENCY)
    throw new UsageError(
      `--concurrency expects a whole number from 1 to ${MAX_CONCURRENCY} or "auto", got "${raw}"`,
    );
  return value;
}

function integer(raw: string, flag: string, min: number): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min)
    throw new UsageError(`${flag} expects an integer ≥ ${min}, got "${raw}"`);
  return value;
}
