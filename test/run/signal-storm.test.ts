/**
 * Signal storms (issue 15 §5): 2–5 SIGINT/SIGTERM within 100 ms, at random instants of a run. The second
 * signal during a clean stop changes nothing; only a third forces the exit — with the state saved first —
 * and the exit code is always `run.exitCodeOnInterrupt` (3 here, to tell it from a finish), never 130/143 or
 * death by the signal. Each trial is then resumed to the end and must end like the uninterrupted run.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { referenceRun, RUN_ID, trialProblems, type Reference } from './helpers/crash-trials.ts';
import {
  createRunFixture,
  CRASH_TASK,
  FINAL_STATUSES,
  fixtureArgs,
  readState,
  runKeel,
  seededRandom,
  startFleet,
} from './helpers/run-fixture.ts';

let sim: FleetSimulator;
let reference: Reference;

beforeAll(async () => {
  sim = await startFleet({
    endpoints: [
      { name: 'a', latencyMs: 40 },
      { name: 'b', latencyMs: 60 },
      { name: 'c', latencyMs: 80 },
    ],
  });
  reference = await referenceRun(sim);
}, 30_000);
afterAll(async () => {
  await sim?.close();
});

/**
 * Seeds, and where the storm lands: at the run's first line (it is writing its first checkpoint — where a
 * storm used to kill it), then at random instants across the run.
 */
const TRIALS: [number, 'first line' | 'a random instant'][] = [
  [1, 'first line'],
  [2, 'a random instant'],
  [3, 'a random instant'],
  [4, 'a random instant'],
];

describe('signal storms', () => {
  it.each(TRIALS)(
    'trial %i (storm at the %s): exit code run.exitCodeOnInterrupt, state saved, resumable to the end',
    async (seed, at) => {
      const random = seededRandom(seed * 97);
      const fx = await createRunFixture(sim);
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
        const said = `${count} signals (${kinds.join(', ')}) at ${at === 'a random instant' ? `${startAt} ms` : at}\n${exit.stdout}\n${exit.stderr}`;
        expect(exit.signal, said).toBeNull();
        const state = await readState(fx, RUN_ID);
        if (exit.code === 0) {
          // The storm came after the run had finished its last step: a finished run.
          expect(FINAL_STATUSES.has(state!.status), said).toBe(true);
        } else {
          expect(exit.code, said).toBe(3);
          // Saved: interrupted on disk (no state at all only when the storm came before the first checkpoint).
          if (state) expect(state.status, said).toBe('interrupted');
        }
        for (let i = 0; i < 4; i++) {
          const now = await readState(fx, RUN_ID);
          if (now && FINAL_STATUSES.has(now.status)) break;
          const again = now ? ['--resume', RUN_ID] : ['--task', CRASH_TASK, '--run-id', RUN_ID];
          const resumed = await runKeel([...again, ...fixtureArgs(fx)]);
          expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
        }
        expect(await trialProblems(fx, reference), said).toEqual([]);
      } finally {
        await fx.cleanup();
      }
    },
    60_000,
  );
});
