/**
 * `keel run`: a task through planner → coder → reviewer, checkpointed after every step;
 * `keel run --resume [RUN_ID]` continues the latest (or the named) unfinished run where it stopped.
 */
import { resolve } from 'node:path';
import { saveConfigCache } from '../config/config-cache.ts';
import { loadConfigFile } from '../config/load.ts';
import { startRun, type StartRunResult } from '../run/start-run.ts';
import { latestUnfinishedRun } from '../run/state-store.ts';
import { exitCode } from '../run/exit-code.ts';
import { codeSteps, successRateOf } from '../run/summary.ts';
import type { CliIO, Command } from './io.ts';
import { projectDir } from './project-dir.ts';
import { parseRunArgs, RUN_USAGE } from './run-args.ts';
import { DEFAULT_STATE_DIR } from '../base/state-layout.ts';

export { RUN_USAGE } from './run-args.ts';

export const runCommand: Command = async (argv, io) => {
  const options = parseRunArgs(argv, io.env);
  if (options.help) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  const repo = options.repo !== undefined ? resolve(io.cwd, options.repo) : projectDir(io);
  const { config, source } = await loadConfigFile(
    options.config !== undefined ? resolve(io.cwd, options.config) : undefined,
    { cwd: repo },
  );
  const stateDir = resolve(io.cwd, options.stateDir ?? resolve(repo, DEFAULT_STATE_DIR));
  // For the next resume's early request (src/cli/early-resume.ts); a cache, so never fatal.
  await saveConfigCache(stateDir, source, config);
  const progress = (line: string): void => (options.json ? io.stderr : io.stdout)(`${line}\n`);
  if (options.resumeFirst) {
    // RESUME=true with a task: an unfinished run comes first; the task waits for a run with nothing to resume.
    const unfinished = await latestUnfinishedRun(stateDir);
    if (unfinished) {
      progress(`RESUME=true: resuming ${unfinished.runId} (the task waits for the next run)`);
      delete options.task;
      options.resume = true;
    }
  }
  const exitCodeOnInterrupt = options.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt;
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
    ...(options.takeOver ? { takeOver: true } : {}),
    exitCodeOnInterrupt,
    ...(io.exit ? { forceExit: io.exit } : {}),
  });
  if (result.superseded) {
    // It printed why; its view of the run is stale, so no report of it, and not a success.
    if (options.json)
      io.stdout(`${JSON.stringify({ runId: result.state.runId, superseded: result.superseded.message })}\n`);
    return 1;
  }
  report(result, io, options.json);
  // Saved means saved: a run whose last state is not on disk did not finish, whatever it got to.
  if (result.unsaved !== undefined) return 1;
  return exitCode(result.state, exitCodeOnInterrupt);
};

function report({ state, runDir, unsaved }: StartRunResult, io: CliIO, json: boolean): void {
  const code = codeSteps(state);
  // What the run got to is not what its state.json says: it is reported as not saved, never as finished.
  const status = unsaved !== undefined ? 'unsaved' : state.status;
  const outcome = {
    runId: state.runId,
    status,
    ...(unsaved !== undefined ? { reached: state.status, unsaved } : {}),
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
  io.stdout(`\nrun ${state.runId} — status: ${status}\n`);
  if (unsaved !== undefined) {
    io.stdout(
      `  the run got to ${state.status}, but its state could NOT be saved (${unsaved}); state.json still says less — resume with: keel run --resume ${state.runId}\n`,
    );
  }
  io.stdout(`  work branch ${state.repo.workBranch}: ${outcome.commits.length} commit(s)\n`);
  for (const c of outcome.commits) io.stdout(`    ${c.commit?.slice(0, 8)}  ${c.step}\n`);
  for (const f of outcome.failed) io.stdout(`  failed ${f.step}: ${f.error ?? ''}\n`);
  for (const [key, effect] of Object.entries(state.effects)) io.stdout(`  ${key}: ${effect.ref}\n`);
  io.stdout(`status: ${status}\n`);
}
