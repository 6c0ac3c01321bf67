/**
 * The run-lease drills of issue 15, shared by `test/run/run-lease.drills.test.ts` (a few trials each) and the
 * chaos suite (`test/chaos/run-lease.chaos.ts`, twenty each): two `keel run` processes that both think they
 * own one run.
 *
 * - `aliveTrial`: `keel run --resume` started while the first process still works on the run;
 * - `togetherTrial`: the first process SIGKILLed at a random instant, then two resumes started at once;
 * - `suspendedTrial`: the first process suspended (SIGSTOP) at a random instant for longer than the lease's
 *   stale bound, a resume started meanwhile (it takes the run over), and the first one woken (SIGCONT) at a
 *   random instant of the resume — it must stop without writing anything.
 *
 * Each trial then resumes until the run is finished and must end exactly like the uninterrupted reference
 * run (`trialProblems`: the same files, no step committed twice, no commit lost, one issue per failed subtask,
 * one pull request, one tracking comment). What each racing process was allowed to do is checked on top.
 */
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FleetSimulator } from '../../../src/sim/fleet-simulator.ts';
import { RUN_ID, trialProblems, type Reference } from './crash-trials.ts';
import {
  createRunFixture,
  CRASH_TASK,
  FINAL_STATUSES,
  fixtureArgs,
  readState,
  runKeel,
  seededRandom,
  type KeelExit,
  type KeelRunOptions,
  type RunFixture,
} from './run-fixture.ts';

/** The lease's stale bound in the drills: three heartbeats of 200 ms. A suspension lasts longer. */
export const DRILL_LEASE_STALE_MS = 600;
const SUSPEND_MS = DRILL_LEASE_STALE_MS + 500;

export interface LeaseTrialResult {
  seed: number;
  problems: string[];
  log: string[];
}

const REFUSED = /is being worked on by pid \d+ on \S+, heartbeat \d+ (s|min) ago/;
const LOST =
  /lost its lease — pid \d+ on \S+ holds it now \(generation \d+\); it stopped without writing anything more/;
const FINISHED = /already finished/;
const TAKEN_OVER = /taking it over from pid \d+/;

/** The arguments that start the run, or resume it once there is a checkpoint. */
async function startOrResume(fx: RunFixture): Promise<string[]> {
  const state = await readState(fx, RUN_ID);
  return state
    ? ['--resume', RUN_ID, ...fixtureArgs(fx)]
    : ['--task', CRASH_TASK, '--run-id', RUN_ID, ...fixtureArgs(fx)];
}

function describe(name: string, exit: KeelExit): string {
  const how = exit.signal ? `killed by ${exit.signal}` : `exit ${exit.code}`;
  const lines = `${exit.stdout}\n${exit.stderr}`.trim().split('\n');
  return `${name}: ${how} after ${Math.round(exit.durationMs)} ms; last line: ${lines.at(-1) ?? ''}`;
}

function output(exit: KeelExit): string {
  return `${exit.stdout}\n${exit.stderr}`;
}

/** Resumes until finished (at most `max` processes), then compares with the reference. */
async function finishAndCompare(
  fx: RunFixture,
  reference: Reference,
  log: string[],
  problems: string[],
  max = 6,
): Promise<void> {
  for (let i = 0; ; i++) {
    const state = await readState(fx, RUN_ID);
    if (state && FINAL_STATUSES.has(state.status)) break;
    if (i >= max) {
      problems.push(`not finished after ${max} more processes (status ${state?.status ?? 'no state'})`);
      return;
    }
    const exit = await runKeel(await startOrResume(fx));
    log.push(describe(`finish #${i + 1}`, exit));
    if (exit.code !== 0) {
      problems.push(`a lone resume exited ${exit.code}:\n${output(exit)}`);
      return;
    }
  }
  problems.push(...(await trialProblems(fx, reference)));
}

async function inFixture(
  sim: FleetSimulator,
  seed: number,
  body: (fx: RunFixture, log: string[], problems: string[]) => Promise<void>,
): Promise<LeaseTrialResult> {
  const fx = await createRunFixture(sim, { run: { leaseStaleMs: DRILL_LEASE_STALE_MS } });
  const log: string[] = [];
  const problems: string[] = [];
  try {
    await body(fx, log, problems);
  } catch (error) {
    problems.push(`trial error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    if (problems.length === 0) await fx.cleanup();
    else log.push(`kept for inspection: ${fx.dir}`);
  }
  return { seed, problems, log };
}

/** Resolves on the first line of output matching `pattern` (or when the process ends). */
function lineWatcher(pattern: RegExp): { options: Pick<KeelRunOptions, 'onLine'>; seen: Promise<void> } {
  let resolve!: () => void;
  const seen = new Promise<void>((r) => (resolve = r));
  return {
    options: {
      onLine: (line) => {
        if (pattern.test(line)) resolve();
      },
    },
    seen,
  };
}

/**
 * `keel run --resume` while the first process works on the run: refused in one line naming the holder, or
 * (it came after the end) told the run is finished. The first process finishes undisturbed.
 */
export async function aliveTrial(
  sim: FleetSimulator,
  reference: Reference,
  seed: number,
): Promise<LeaseTrialResult> {
  const random = seededRandom(seed);
  return inFixture(sim, seed, async (fx, log, problems) => {
    // Once the first process has printed its first line it holds the lease; the second comes at a random
    // instant of the rest of the run.
    const started = lineWatcher(/^run crash-run: /);
    const first = runKeel(await startOrResume(fx), started.options);
    await Promise.race([started.seen, first]);
    await sleep(Math.floor(random() * reference.durationMs * 0.9));
    const second = await runKeel(['--resume', RUN_ID, ...fixtureArgs(fx)]);
    const one = await first;
    log.push(describe('first', one), describe('second', second));
    if (one.code !== 0) problems.push(`the first process exited ${one.code}:\n${output(one)}`);
    const text = output(second);
    if (second.code === 1) {
      if (!REFUSED.test(text))
        problems.push(`the second process exited 1 without the refusal line:\n${text}`);
      if (/\n\s+at /.test(text)) problems.push(`the refusal printed a stack:\n${text}`);
    } else if (!(second.code === 0 && FINISHED.test(text))) {
      problems.push(
        `the second process neither refused nor found the run finished (exit ${second.code}):\n${text}`,
      );
    }
    await finishAndCompare(fx, reference, log, problems);
  });
}

/**
 * The first process SIGKILLed at a random instant, then two resumes at once: one works, the other is refused
 * (or, having come after the end, finds the run finished; or, starved past the stale bound and taken over,
 * stops at its next write having written nothing) — never two at work.
 */
export async function togetherTrial(
  sim: FleetSimulator,
  reference: Reference,
  seed: number,
): Promise<LeaseTrialResult> {
  const random = seededRandom(seed);
  return inFixture(sim, seed, async (fx, log, problems) => {
    const killAfterMs = Math.floor(reference.durationMs * (0.05 + random() * 0.85));
    log.push(describe('first', await runKeel(await startOrResume(fx), { killAfterMs })));
    const args = await startOrResume(fx);
    const [b, c] = await Promise.all([runKeel(args), runKeel(args)]);
    log.push(describe('resume b', b), describe('resume c', c));
    const worked = [b, c].filter(
      (e) => e.code === 0 && !FINISHED.test(output(e)) && !/no run /.test(output(e)),
    );
    const refused = [b, c].filter((e) => e.code === 1 && REFUSED.test(output(e)));
    // Starved of the CPU for longer than the drills' 600 ms bound, a holder is rightly judged stale and taken
    // over: it must then stop at its next write, having written nothing (the comparison below checks that).
    const lost = [b, c].filter((e) => e.code === 1 && LOST.test(output(e)));
    for (const e of [b, c]) {
      const accounted = e.code === 0 || (e.code === 1 && (REFUSED.test(output(e)) || LOST.test(output(e))));
      if (!accounted) problems.push(`a resume exited ${e.code ?? e.signal}:\n${output(e)}`);
    }
    if (
      worked.length > 1 &&
      refused.length === 0 &&
      lost.length === 0 &&
      !worked.some((e) => FINISHED.test(output(e)))
    )
      problems.push('both resumes worked on the run');
    await finishAndCompare(fx, reference, log, problems);
  });
}

/**
 * The first process suspended (SIGSTOP) for longer than the lease's bound at a random instant; a resume
 * started meanwhile takes the run over; the first one is woken at a random instant of that resume and must
 * stop without writing anything (or, suspended before it held the run, be refused or find it finished).
 */
export async function suspendedTrial(
  sim: FleetSimulator,
  reference: Reference,
  seed: number,
): Promise<LeaseTrialResult> {
  const random = seededRandom(seed);
  return inFixture(sim, seed, async (fx, log, problems) => {
    let child: ChildProcess | undefined;
    const firstStart = performance.now();
    // Mostly suspended while it holds the run (after its first line), at a random instant of the rest of the
    // run; one trial in five anywhere from the spawn on, start-up included.
    const startUp = random() < 0.2;
    const started = lineWatcher(/^run crash-run: /);
    const first = runKeel(await startOrResume(fx), {
      onSpawn: (c) => (child = c),
      timeoutMs: 120_000,
      ...started.options,
    });
    if (!startUp) await Promise.race([started.seen, first]);
    const stopAt = Math.floor(reference.durationMs * random() * (startUp ? 0.9 : 0.7));
    const ended = await Promise.race([sleep(stopAt).then(() => false), first.then(() => true)]);
    if (ended) {
      log.push(describe('first (ended before its suspension)', await first));
      await finishAndCompare(fx, reference, log, problems);
      return;
    }
    child!.kill('SIGSTOP');
    const stoppedAt = Math.round(performance.now() - firstStart);
    await sleep(SUSPEND_MS);
    // Woken at a random instant once the second process has begun (taken the run over, or been refused).
    const wakeAfter = Math.floor(random() * reference.durationMs);
    const begun = lineWatcher(/taking it over|^run crash-run: |^resuming run|is being worked on/);
    const second = runKeel(await startOrResume(fx), begun.options);
    await Promise.race([begun.seen, second]);
    await Promise.race([sleep(wakeAfter), second]);
    child!.kill('SIGCONT');
    const [one, two] = await Promise.all([first, second]);
    log.push(
      `first suspended at ${stoppedAt} ms for ${SUSPEND_MS} ms, woken ${wakeAfter} ms after the second began`,
      describe('first', one),
      describe('second', two),
    );
    const secondText = output(two);
    const firstText = output(one);
    const tookOver = TAKEN_OVER.test(secondText);
    // Suspended after its last checkpoint (letting go of the lease was all that was left): the run was
    // finished before the takeover, the second process says so, and the first has nothing left to write.
    const finishedBefore = FINISHED.test(secondText) && one.code === 0;
    if (tookOver && !finishedBefore) {
      // The first process held the run and lost it: it must say so and stop, writing nothing.
      if (!(one.code === 1 && LOST.test(firstText)) && !(one.code === 0 && FINISHED.test(firstText)))
        problems.push(
          `the suspended process, taken over, did not stop with the lost-lease line:\n${firstText}`,
        );
    }
    if (two.signal !== null) problems.push(`the resume was killed by ${two.signal}`);
    await finishAndCompare(fx, reference, log, problems);
  });
}
