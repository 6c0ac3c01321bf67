/**
 * The run-lease drills (issue 15), one trial each: two `keel run` processes that both think they own one run
 * — a resume while the first is alive, two resumes at once, a resume while the first is suspended (SIGSTOP).
 * Each ends like the uninterrupted run: no step committed twice, no commit lost. The chaos suite
 * (`npm run test:chaos`, `test/chaos/run-lease.chaos.ts`) runs twenty of each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { referenceRun, type Reference } from './helpers/crash-trials.ts';
import { aliveTrial, suspendedTrial, togetherTrial } from './helpers/lease-trials.ts';
import { startFleet } from './helpers/run-fixture.ts';

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

describe('one run, one owner', () => {
  it.each([11])(
    'a resume while the first process works is refused in one line (seed %i)',
    async (seed) => {
      const result = await aliveTrial(sim, reference, seed);
      expect(result.problems, result.log.join('\n')).toEqual([]);
    },
    60_000,
  );

  it.each([21])(
    'two resumes at once: one works, no step twice (seed %i)',
    async (seed) => {
      const result = await togetherTrial(sim, reference, seed);
      expect(result.problems, result.log.join('\n')).toEqual([]);
    },
    60_000,
  );

  it.each([31])(
    'a resume during a SIGSTOP takes over; the woken process writes nothing (seed %i)',
    async (seed) => {
      const result = await suspendedTrial(sim, reference, seed);
      expect(result.problems, result.log.join('\n')).toEqual([]);
    },
    90_000,
  );
});
