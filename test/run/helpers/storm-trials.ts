/**
 * The signal-storm drill of issue 15 §5, shared by `test/run/signal-storm.test.ts` (a few trials) and the
 * chaos suite (`test/chaos/signal-storm.chaos.ts`): 2–5 SIGINT/SIGTERM within 100 ms, at the run's first line
 * (it is writing its first checkpoint) or at a random instant. The second signal during a clean stop changes
 * nothing; only a third forces the exit — with the state saved first — and the exit code is always
 * `run.exitCodeOnInterrupt` (3 here, to tell it from a finish), never 130/143 or death by the signal. The
 * trial is then resumed to the end and must end like the uninterrupted run.
 */
import type { ChildProcess } from 'node:child_process';
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
} from './run-fixture.ts';

export type StormAt = 'first line' | 'a random instant';

export interface StormResult {
  /** What was sent and when, and what the process printed. */
  said: string;
  problems: string[];
}

export async function stormTrial(
  sim: FleetSimulator,
  reference: Reference,
  seed: number,
  at: StormAt,
): Promise<StormResult> {
  const random = seededRandom(seed * 97);
  const fx = await createRunFixture(sim);
  const problems: string[] = [];
  try {
    const count = 2 + Math.floor(random() * 4);
    const startAt = Math.floor(reference.durationMs * (0.1 + random() * 0.8));
    const kinds = Array.from({ length: count }, (): NodeJS.Signals =>
      random() < 0.5 ? 'SIGINT' : 'SIGTERM',
    );
    const gaps = kinds.map(() => Math.floor(random() * (100 / count)));
    let child: ChildProcess | undefined;
    let stormed = false;
    const storm = (): void => {
      if (stormed || child === undefined) return;
      stormed = true;
      let when = 0;
      kinds.forEach((kind, i) => {
        when += gaps[i]!;
        setTimeout(() => child!.exitCode === null && child!.kill(kind), when);
      });
    };
    if (at === 'a random instant') setTimeout(storm, startAt);
    const args = ['--task', CRASH_TASK, '--run-id', RUN_ID, '--exit-code-on-interrupt', '3'];
    const exit = await runKeel([...args, ...fixtureArgs(fx)], {
      onSpawn: (spawned) => (child = spawned),
      onLine: () => {
        if (at === 'first line') storm();
      },
    });
    const said = `seed ${seed}: ${count} signals (${kinds.join(', ')}) at ${at === 'a random instant' ? `${startAt} ms` : at}\n${exit.stdout}\n${exit.stderr}`;
    if (exit.signal !== null) problems.push(`killed by ${exit.signal}`);
    const state = await readState(fx, RUN_ID);
    if (exit.code === 0) {
      // The storm came after the run had finished its last step: a finished run.
      if (!state || !FINAL_STATUSES.has(state.status))
        problems.push(`exit 0, but the run is ${state?.status ?? 'not saved'}`);
    } else {
      if (exit.code !== 3) problems.push(`exit ${exit.code}, not run.exitCodeOnInterrupt (3)`);
      // Saved: interrupted on disk (no state at all only when the storm came before the first checkpoint).
      if (state && state.status !== 'interrupted') problems.push(`stopped, but the run is ${state.status}`);
    }
    for (let i = 0; i < 4; i++) {
      const now = await readState(fx, RUN_ID);
      if (now && FINAL_STATUSES.has(now.status)) break;
      const again = now ? ['--resume', RUN_ID] : ['--task', CRASH_TASK, '--run-id', RUN_ID];
      const resumed = await runKeel([...again, ...fixtureArgs(fx)]);
      if (resumed.code !== 0)
        problems.push(`a resume exited ${resumed.code}: ${resumed.stdout}${resumed.stderr}`);
    }
    problems.push(...(await trialProblems(fx, reference)));
    return { said, problems };
  } finally {
    await fx.cleanup();
  }
}
