/**
 * Crash and resume (issue 3): `keel run` SIGKILLed at random instants — start-up, planning, coding,
 * committing, validating, reviewing, publishing — then resumed until finished, must end exactly where an
 * uninterrupted run ends: the same files on the work branch, no step committed twice, one issue per failed
 * subtask, one pull request, one tracking comment, at most one recovery record (closed). A fast handful
 * here; the chaos drill (`npm run test:chaos`) runs fifty and more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { crashTrial, referenceRun, type Reference } from './helpers/crash-trials.ts';
import { startFleet } from './helpers/run-fixture.ts';

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

  it.each(SEEDS.map((seed, i) => [seed, i] as const))(
    'trial with seed %i ends like the uninterrupted run',
    async (seed, i) => {
      const result = await crashTrial({
        sim,
        reference,
        seed,
        firstKill: [i / SEEDS.length, (i + 1) / SEEDS.length],
        // Every other trial may be killed again on its resumes.
        extraKills: i % 2 === 1 ? 2 : 0,
        killChance: 0.6,
      });
      if (process.env.KEEL_CRASH_VERBOSE) console.log(`seed ${seed}\n${result.log.join('\n')}`);
      expect(result.problems, `seed ${seed}\n${result.log.join('\n')}`).toEqual([]);
    },
    60_000,
  );
});
