/**
 * Crash trials, shared by `test/run/crash-resume.test.ts` (a handful) and the chaos drill (≥ 50): an
 * uninterrupted reference run of {@link CRASH_TASK}; then, per trial, a fresh repository in which `keel run`
 * is SIGKILLed at a random instant (seeded) and resumed — and killed again at random, for some trials — until
 * the run is finished. What must hold afterwards is listed by {@link trialProblems}.
 */
import type { RunState } from '../../../src/run/state.ts';
import type { FleetSimulator } from '../../../src/sim/fleet-simulator.ts';
import {
  branchCommits,
  branchContents,
  branchFiles,
  createRunFixture,
  CRASH_TASK,
  duplicateProblems,
  FINAL_STATUSES,
  fixtureArgs,
  readEffects,
  readState,
  runKeel,
  seededRandom,
  type KeelExit,
  type RunFixture,
} from './run-fixture.ts';

export const RUN_ID = 'crash-run';

export interface Reference {
  /** path → blob sha on the work branch. */
  files: Record<string, string>;
  /** path → content, for the message when a trial's file differs. */
  contents: Record<string, string>;
  commits: number;
  status: string;
  /** The coder batches, as `attempt:succeeded/total:decision`. */
  batches: string[];
  /** Subtasks that failed (one manual-implementation issue each). */
  failedSubtasks: number;
  /** Wall time of the uninterrupted `keel run`, process start-up included: where kills are spread. */
  durationMs: number;
}

/** The uninterrupted run every trial is compared with. */
export async function referenceRun(sim: FleetSimulator): Promise<Reference> {
  const fx = await createRunFixture(sim);
  try {
    const exit = await runKeel(['--task', CRASH_TASK, '--run-id', RUN_ID, ...fixtureArgs(fx)]);
    if (exit.code !== 0)
      throw new Error(`the reference run exited ${exit.code}\n${exit.stdout}\n${exit.stderr}`);
    const state = await readState(fx, RUN_ID);
    if (!state) throw new Error('the reference run left no state');
    const problems = await duplicateProblems(fx, state);
    if (problems.length > 0) throw new Error(`the reference run itself: ${problems.join('; ')}`);
    return {
      files: branchFiles(fx, state.repo.workBranch),
      contents: branchContents(fx, state.repo.workBranch),
      commits: branchCommits(fx, state.repo.workBranch).length,
      status: state.status,
      batches: batchesOf(state),
      failedSubtasks: Object.values(state.steps).filter(
        (s) => s.id.startsWith('code:') && s.status === 'failed',
      ).length,
      durationMs: exit.durationMs,
    };
  } finally {
    await fx.cleanup();
  }
}

export interface TrialOptions {
  sim: FleetSimulator;
  reference: Reference;
  seed: number;
  /** Kills after the first one (each resume is killed with probability `killChance` until this many). */
  extraKills: number;
  killChance: number;
  /**
   * Share of the kills that are a SIGINT followed by a SIGKILL 0–500 ms later (GitHub's cancel, compressed):
   * shutdown writes the recovery record, and is sometimes cut short while doing it. Default 0.
   */
  interruptChance?: number;
  /** Where in the reference run the first kill lands, as fractions of its duration; default the whole run. */
  firstKill?: [number, number];
  /** Give up (a failure) after this many processes. */
  maxProcesses?: number;
}

export interface TrialResult {
  seed: number;
  /** One line per process: how it was started, when it was killed, how it ended. */
  log: string[];
  /** Empty when the trial passed. */
  problems: string[];
  /** Processes that a signal reached (SIGKILL, or SIGINT possibly followed by SIGKILL). */
  kills: number;
  /** Of those, the ones that got a SIGINT first. */
  interrupts: number;
  /** Recovery records at the end (0 or 1; a SIGINT that got far enough opens one). */
  recoveryRecords: number;
  processes: number;
}

/** One crash trial in a fresh repository; never throws for a product failure, it reports it in `problems`. */
export async function crashTrial(options: TrialOptions): Promise<TrialResult> {
  const { reference, seed } = options;
  const random = seededRandom(seed);
  const fx = await createRunFixture(options.sim);
  const log: string[] = [];
  const problems: string[] = [];
  let kills = 0;
  let interrupts = 0;
  let processes = 0;
  let recoveryRecords = 0;
  try {
    for (;;) {
      const state = await readState(fx, RUN_ID);
      if (state && FINAL_STATUSES.has(state.status)) break;
      if (processes >= (options.maxProcesses ?? 25)) {
        problems.push(`not finished after ${processes} processes (status ${state?.status ?? 'no state'})`);
        break;
      }
      // No checkpoint yet (killed before the first one): the same command again, not a resume.
      const args = state
        ? ['--resume', RUN_ID, ...fixtureArgs(fx)]
        : ['--task', CRASH_TASK, '--run-id', RUN_ID, ...fixtureArgs(fx)];
      const kill = processes === 0 || (kills < 1 + options.extraKills && random() < options.killChance);
      // Spread over the whole reference run, start-up included (the first kill inside it, later ones a little
      // past it: a resume has less left to do).
      const [from, to] = processes === 0 ? (options.firstKill ?? [0, 0.95]) : [0, 1.05];
      const killAfterMs = kill
        ? Math.floor(reference.durationMs * (from + random() * (to - from)))
        : undefined;
      const interrupt = kill && random() < (options.interruptChance ?? 0);
      const escalateAfterMs = Math.floor(random() * 500);
      processes++;
      const exit = await runKeel(args, {
        ...(killAfterMs !== undefined ? { killAfterMs } : {}),
        ...(interrupt ? { killSignal: 'SIGINT' as const, escalateAfterMs } : {}),
      });
      if (exit.killedAtMs !== undefined) {
        kills++;
        if (interrupt) interrupts++;
      }
      const planned =
        killAfterMs === undefined
          ? undefined
          : interrupt
            ? `SIGINT at ${killAfterMs} ms, SIGKILL ${escalateAfterMs} ms later`
            : `SIGKILL at ${killAfterMs} ms`;
      log.push(describeExit(processes, state?.status, planned, exit));
      if (exit.signal === null && exit.code !== 0) {
        problems.push(
          `process ${processes} exited ${exit.code} without being killed:\n${exit.stdout}\n${exit.stderr}`,
        );
        break;
      }
    }
    if (problems.length === 0) problems.push(...(await trialProblems(fx, reference)));
    recoveryRecords = (await readEffects(fx, RUN_ID)).recovery.length;
  } catch (error) {
    problems.push(`trial error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    // A failing trial's directory stays for inspection.
    if (problems.length === 0) await fx.cleanup();
    else log.push(`kept for inspection: ${fx.dir}`);
  }
  return { seed, log, problems, kills, interrupts, recoveryRecords, processes };
}

function describeExit(
  n: number,
  before: string | undefined,
  planned: string | undefined,
  exit: KeelExit,
): string {
  const how = exit.signal ? `killed by ${exit.signal}` : `exit ${exit.code}`;
  const last = exit.stdout.trimEnd().split('\n').at(-1) ?? '';
  return `#${n} (state before: ${before ?? 'none'}${planned ? `, planned: ${planned}` : ''}) → ${how} after ${Math.round(exit.durationMs)} ms; last line: ${last}`;
}

function batchesOf(state: RunState): string[] {
  return state.batches.map((b) => `${b.attempt}:${b.succeeded}/${b.total}:${b.decision}`);
}

/** What must hold once the trial's run is finished; one line per violation. */
export async function trialProblems(fx: RunFixture, reference: Reference): Promise<string[]> {
  const problems: string[] = [];
  const state = await readState(fx, RUN_ID);
  if (!state) return ['no state at the end'];
  if (state.status !== reference.status)
    problems.push(`status ${state.status}, the reference ${reference.status}`);
  const files = branchFiles(fx, state.repo.workBranch);
  let contents: Record<string, string> | undefined;
  for (const path of new Set([...Object.keys(files), ...Object.keys(reference.files)])) {
    if (files[path] !== reference.files[path]) {
      contents ??= branchContents(fx, state.repo.workBranch);
      const excerpt = (text: string | undefined): string => JSON.stringify(text?.slice(0, 400) ?? null);
      problems.push(
        `${path} here: ${excerpt(contents[path])}\n${path} in the reference: ${excerpt(reference.contents[path])}`,
      );
      problems.push(
        `${path}: ${files[path] ?? 'missing'} on the work branch, ${reference.files[path] ?? 'absent'} in the reference`,
      );
    }
  }
  const batches = batchesOf(state);
  if (batches.join() !== reference.batches.join()) {
    problems.push(`batches ${batches.join(', ')}, the reference ${reference.batches.join(', ')}`);
  }
  const commits = branchCommits(fx, state.repo.workBranch);
  if (commits.length !== reference.commits) {
    problems.push(
      `${commits.length} commits on the work branch, ${reference.commits} in the reference:\n  ${commits.join('\n  ')}`,
    );
  }
  problems.push(...(await duplicateProblems(fx, state)));
  const effects = await readEffects(fx, RUN_ID);
  if (effects.manual.length !== reference.failedSubtasks) {
    problems.push(
      `${effects.manual.length} manual-implementation issues, expected ${reference.failedSubtasks}`,
    );
  }
  if (effects.pulls.length !== 1) problems.push(`${effects.pulls.length} pull requests, expected 1`);
  if (effects.comments.length !== 1)
    problems.push(`${effects.comments.length} tracking comments, expected 1`);
  if (effects.recovery.length > 1) problems.push(`${effects.recovery.length} recovery records`);
  for (const record of effects.recovery) {
    if (record.state !== 'closed') problems.push(`the recovery record ${record.number} is still open`);
  }
  const unknown = effects.issues.length - effects.manual.length - effects.recovery.length;
  if (unknown !== 0)
    problems.push(`${unknown} issue record(s) that are neither a manual issue nor the recovery record`);
  return problems;
}
