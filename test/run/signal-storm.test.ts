/**
 * Signal storms (issue 15 §5): 2–5 SIGINT/SIGTERM within 100 ms, at random instants of a run
 * (`helpers/storm-trials.ts`). The second signal during a clean stop changes nothing; only a third forces
 * the exit — with the state saved first — and the exit code is always `run.exitCodeOnInterrupt`, never
 * 130/143 or death by the signal; each trial resumed to the end ends like the uninterrupted run. The chaos
 * suite (`test/chaos/signal-storm.chaos.ts`) runs fifteen more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { referenceRun, type Reference } from './helpers/crash-trials.ts';
import { startFleet } from './helpers/run-fixture.ts';
import { stormTrial, type StormAt } from './helpers/storm-trials.ts';

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
 * storm used to kill it), then at a random instant of the run.
 */
const TRIALS: [number, StormAt][] = [
  [1, 'first line'],
  [2, 'a random instant'],
];

describe('signal storms', () => {
  it.each(TRIALS)(
    'trial %i (storm at the %s): exit code run.exitCodeOnInterrupt, state saved, resumable to the end',
    async (seed, at) => {
      const result = await stormTrial(sim, reference, seed, at);
      expect(result.problems, result.said).toEqual([]);
    },
    60_000,
  );
});
