/**
 * Crash and resume (issue 3): `keel run` SIGKILLed at random instants — start-up, planning, coding,
 * committing, validating, reviewing, publishing — then resumed until finished, must end exactly where an
 * uninterrupted run ends: the same files on the work branch, no step committed twice, one issue per failed
 * subtask, one pull request, one tracking comment, at most one recovery record (closed). A fast handful
 * here; the chaos drill (`npm run test:chaos`) runs fifty and more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { crashTrial, referenceRun, RUN_ID, trialProblems, type Reference } from './helpers/crash-trials.ts';
import { createRunFixture, CRASH_TASK, fixtureArgs, runKeel, startFleet } from './helpers/run-fixture.ts';

/**
 * Fixed seeds; trial i's first kill lands in the i-th sixth of the reference run, so the handful covers the
 * whole run. A failure names its seed; `KEEL_CRASH_VERBOSE=1` prints every trial's processes.
 */
const SEEDS = [101, 202, 303, 404, 505, 606];

let sim: FleetSimulator;
let reference: Reference;

beforeAll(async () => {
  // 40–80 ms per model call: an uninterrupted run takes about 1–2 s, start-up included.
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

describe('SIGKILL at random instants, then resume until done', () => {
  it('the reference run is partial: five subtasks committed, the impossible one failed', () => {
    expect(reference.status).toBe('partial');
    expect(reference.commits).toBe(5);
    expect(reference.failedSubtasks).toBe(1);
    expect(Object.keys(reference.files)).toEqual(
      expect.arrayContaining([
        'src/farewell.js',
        'src/version.js',
        'src/add-a-slugify-utility.js',
        'README.md',
      ]),
    );
  });

  it.each([
    ['validation', /^validate: /],
    ['review', /^review: /],
  ] as const)(
    'SIGKILL once coding is decided (at %s): the resume keeps the decision, adds no batch',
    async (_, line) => {
      // Found by this test: a resume after the batch decision decided again, adding a batch record (and its
      // rate to the metrics) on every resume — and the state allows at most 100 batch records.
      const fx = await createRunFixture(sim);
      try {
        const killed = await runKeel(['--task', CRASH_TASK, '--run-id', RUN_ID, ...fixtureArgs(fx)], {
          killOnLine: line,
        });
        expect(killed.signal).toBe('SIGKILL');
        for (let i = 0; i < 2; i++) {
          // Twice: killed again in the same place, then to the end.
          const resumed = await runKeel(
            ['--resume', RUN_ID, ...fixtureArgs(fx)],
            i === 0 ? { killOnLine: line } : {},
          );
          expect(resumed.signal ?? resumed.code).toBe(i === 0 ? 'SIGKILL' : 0);
        }
        expect(await trialProblems(fx, reference)).toEqual([]);
      } finally {
        await fx.cleanup();
      }
    },
    30_000,
  );

  it.each(SEEDS.map((seed, i) => [seed, i] as const))(
    'trial with seed %i ends like the uninterrupted run',
    async (seed, i) => {
      const result = await crashTrial({
        sim,
        reference,
        seed,
        firstKill: [i / SEEDS.length, (i + 1) / SEEDS.length],
        // Every other trial may be killed again on its resumes, and sees some of its kills come as a SIGINT
        // (the recovery record gets written) cut short by a SIGKILL.
        extraKills: i % 2 === 1 ? 2 : 0,
        killChance: 0.6,
        interruptChance: i % 2 === 1 ? 0.5 : 0,
      });
      if (process.env.KEEL_CRASH_VERBOSE) console.log(`seed ${seed}\n${result.log.join('\n')}`);
      expect(result.problems, `seed ${seed}\n${result.log.join('\n')}`).toEqual([]);
    },
    60_000,
  );
});
