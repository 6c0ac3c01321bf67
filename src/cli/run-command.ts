/**
 * `keel run`: a task through planner → coder → reviewer, checkpointed after every step;
 * `keel run --resume [RUN_ID]` continues the latest (or the named) unfinished run where it stopped.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { startRun, type StartRunResult } from '../run/start-run.ts';
import type { RunState } from '../run/state.ts';
import { successRateOf } from '../run/summary.ts';
import { UsageError, type CliIO, type Command } from './io.ts';

export const RUN_USAGE = `usage: keel run --task TEXT [options]
       keel run --resume [RUN_ID] [options]

  --task TEXT                  what to do
  --resume [RUN_ID]            continue the named run, or the latest unfinished one
  --run-id ID                  name a new run (an existing run of that name is resumed)
  --repo DIR                   the repository to work on (default: the current directory)
  --config FILE                configuration file (default: .github/keel.yml or keel.yml in the repository)
  --state-dir DIR              checkpoints, records and work trees (default: <repo>/.keel)
  --time-budget-minutes N      stop cleanly, checkpointed, before N minutes have passed
  --exit-code-on-interrupt N   exit code of an interrupted run (default: run.exitCodeOnInterrupt, 0)
  --json                       print the outcome as JSON on stdout (progress goes to stderr)
`;

export const runCommand: Command = async (argv, io) => {
  const options = parseRunArgs(argv);
  if (options.help) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  const repo = resolve(io.cwd, options.repo ?? '.');
  const config = await loadConfig(options.config ? resolve(io.cwd, options.config) : undefined, {
    cwd: repo,
  });
  const stateDir = resolve(io.cwd, options.stateDir ?? resolve(repo, '.keel'));
  const progress = (line: string): void => (options.json ? io.stderr : io.stdout)(`${line}\n`);
  const result = await startRun({
    config,
    repo,
    stateDir,
    env: io.env,
    progress,
    // The CLI's own SIGINT/SIGTERM handler: a signal during start-up, before the run's, is not lost.
    signal: io.signal,
    ...(options.task !== undefined ? { task: options.task } : {}),
    ...(options.resume !== undefined ? { resume: options.resume } : {}),
    ...(options.runId !== undefined ? { runId: options.runId } : {}),
    ...(options.timeBudgetMinutes !== undefined ? { timeBudgetMinutes: options.timeBudgetMinutes } : {}),
  });
  const exitCodeOnInterrupt = options.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt;
  report(result, io, options.json);
  return exitCode(result.state, exitCodeOnInterrupt);
};

export function exitCode(state: RunState, onInterrupt: number): number {
  if (state.status === 'interrupted') return onInterrupt;
  if (state.status === 'failed' || state.status === 'running') return 1;
  return 0;
}

function report({ state, runDir }: StartRunResult, io: CliIO, json: boolean): void {
  const code = Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
  const outcome = {
    runId: state.runId,
    status: state.status,
    workBranch: state.repo.workBranch,
    commits: code.filter((s) => s.commit).map((s) => ({ step: s.id, commit: s.commit })),
    failed: code.filter((s) => s.status === 'failed').map((s) => ({ step: s.id, error: s.error })),
    partialSuccessRate: successRateOf(state),
    degraded: state.status === 'degraded',
    effects: state.effects,
    interruption: state.interruption,
    runDir,
  };
  if (json) {
    io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    return;
  }
  io.stdout(`\nrun ${state.runId} — status: ${state.status}\n`);
  io.stdout(`  work branch ${state.repo.workBranch}: ${outcome.commits.length} commit(s)\n`);
  for (const c of outcome.commits) io.stdout(`    ${c.commit?.slice(0, 8)}  ${c.step}\n`);
  for (const f of outcome.failed) io.stdout(`  failed ${f.step}: ${f.error ?? ''}\n`);
  for (const [key, effect] of Object.entries(state.effects)) io.stdout(`  ${key}: ${effect.ref}\n`);
  io.stdout(`status: ${state.status}\n`);
}

interface RunOptions {
  task?: string;
  resume?: string | true;
  runId?: string;
  repo?: string;
  config?: string;
  stateDir?: string;
  timeBudgetMinutes?: number;
  exitCodeOnInterrupt?: number;
  json: boolean;
  help: boolean;
}

function parseRunArgs(argv: string[]): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        task: { type: 'string' },
        resume: { type: 'boolean', default: false },
        'run-id': { type: 'string' },
        repo: { type: 'string' },
        config: { type: 'string' },
        'state-dir': { type: 'string' },
        'time-budget-minutes': { type: 'string' },
        'exit-code-on-interrupt': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${RUN_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { json: false, help: true };
  if (positionals.length > (values.resume ? 1 : 0)) {
    throw new UsageError(`unexpected argument "${positionals.at(-1)}"\n\n${RUN_USAGE}`);
  }
  if (!values.resume && values.task === undefined)
    throw new UsageError(`--task or --resume is required\n\n${RUN_USAGE}`);
  if (values.resume && values.task !== undefined)
    throw new UsageError(`--task and --resume exclude each other`);
  return {
    ...(values.task !== undefined ? { task: values.task } : {}),
    ...(values.resume ? { resume: positionals[0] ?? true } : {}),
    ...(values['run-id'] !== undefined ? { runId: values['run-id'] } : {}),
    ...(values.repo !== undefined ? { repo: values.repo } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
    ...numberOption('time-budget-minutes', values['time-budget-minutes'], 'timeBudgetMinutes', 0.01),
    ...numberOption('exit-code-on-interrupt', values['exit-code-on-interrupt'], 'exitCodeOnInterrupt', 0),
    json: values.json,
    help: false,
  };
}

function numberOption<K extends string>(
  flag: string,
  raw: string | undefined,
  key: K,
  min: number,
): Partial<Record<K, number>> {
  if (raw === undefined) return {};
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new UsageError(`--${flag} expects a number ≥ ${min}, got "${raw}"`);
  return { [key]: value } as Partial<Record<K, number>>;
}
