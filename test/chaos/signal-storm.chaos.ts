/**
 * Signal storms (issue 15 §5), fifteen trials (`KEEL_STORM_TRIALS`): 2–5 SIGINT/SIGTERM within 100 ms — the
 * first trials at the run's first line (its first checkpoint), the rest at random instants. Every one must
 * exit with `run.exitCodeOnInterrupt` (or finish), the state saved, and resume to the uninterrupted result.
 * The base seed (`KEEL_CHAOS_SEED`, default the time) is printed to replay a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { referenceRun, type Reference } from '../run/helpers/crash-trials.ts';
import { startFleet } from '../run/helpers/run-fixture.ts';
import { stormTrial } from '../run/helpers/storm-trials.ts';

const TRIALS = Math.max(1, Number(process.env.KEEL_STORM_TRIALS ?? 15));
const BASE_SEED = Number(process.env.KEEL_CHAOS_SEED ?? Date.now() % 1_000_000);

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
});
afterAll(async () => {
  await sim?.close();
});

describe('chaos: signal storms', () => {
  it(`${TRIALS} storms: exit run.exitCodeOnInterrupt, state saved, resumable to the end`, async () => {
    const started = performance.now();
    const failed: string[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const result = await stormTrial(
        sim,
        reference,
        BASE_SEED + i,
        i < 3 ? 'first line' : 'a random instant',
      );
      if (result.problems.length > 0) {
        failed.push(`${result.problems.join('; ')}\n${result.said}`);
        console.log(`FAILED storm:\n${result.problems.join('\n')}\n${result.said}`);
      }
    }
    console.log(
      `signal storms: ${TRIALS - failed.length}/${TRIALS} trials passed (base seed ${BASE_SEED}), ${Math.round((performance.now() - started) / 1000)} s`,
    );
    expect(failed, `base seed ${BASE_SEED}`).toEqual([]);
  });
});
