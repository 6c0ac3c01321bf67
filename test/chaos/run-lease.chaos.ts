/**
 * The run-lease drills of issue 15, twenty trials each (`KEEL_LEASE_TRIALS`): two processes that both think
 * they own one run must end like the uninterrupted run — no step committed twice, no commit lost.
 *
 * - a resume started while the first `keel run` still works (it must refuse in one line);
 * - two resumes at once after a SIGKILL at a random instant (one works, the other refuses);
 * - a resume during a SIGSTOP longer than the lease's stale bound (it takes over; the woken process writes
 *   nothing);
 * - two runners resuming one run through the state branch, on the built Action (one claims it, the other
 *   stops before its first step).
 *
 * The base seed (`KEEL_CHAOS_SEED`, default the time) is printed; each trial's seed is base + its index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { createWorld, type World } from '../action/helpers/action-harness.ts';
import { twoRunnersTrial } from '../action/helpers/runner-claim-trials.ts';
import { referenceRun, type Reference } from '../run/helpers/crash-trials.ts';
import {
  aliveTrial,
  suspendedTrial,
  togetherTrial,
  type LeaseTrialResult,
} from '../run/helpers/lease-trials.ts';
import { startFleet } from '../run/helpers/run-fixture.ts';

const TRIALS = Math.max(1, Number(process.env.KEEL_LEASE_TRIALS ?? 20));
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

type Drill = (sim: FleetSimulator, reference: Reference, seed: number) => Promise<LeaseTrialResult>;

/** One after the other: the drills race two processes already, and their timing is what is tested. */
async function drill(name: string, trial: Drill, offset: number): Promise<void> {
  const started = performance.now();
  const failed: LeaseTrialResult[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const result = await trial(sim, reference, BASE_SEED + offset + i);
    if (result.problems.length > 0) {
      failed.push(result);
      console.log(
        `FAILED ${name} seed ${result.seed}:\n${result.problems.join('\n')}\n${result.log.join('\n')}`,
      );
    }
  }
  console.log(
    `run lease — ${name}: ${TRIALS - failed.length}/${TRIALS} trials passed (base seed ${BASE_SEED + offset}), ${Math.round((performance.now() - started) / 1000)} s`,
  );
  expect(
    failed.map((r) => `seed ${r.seed}: ${r.problems.join('; ')}`),
    `base seed ${BASE_SEED + offset}`,
  ).toEqual([]);
}

describe('chaos: one run, one owner', () => {
  it(`a resume while the first process works: ${TRIALS} trials`, () =>
    drill('resume while alive', aliveTrial, 0));
  it(`two resumes at once: ${TRIALS} trials`, () => drill('two resumes at once', togetherTrial, 1_000));
  it(`a resume during a SIGSTOP: ${TRIALS} trials`, () =>
    drill('resume during SIGSTOP', suspendedTrial, 2_000));
});

describe('chaos: one run, one runner (the claim on the state branch)', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it(`two runners resuming one run: ${TRIALS} trials`, async () => {
    const started = performance.now();
    const failed: string[] = [];
    for (let n = 1; n <= TRIALS; n++) {
      // 0 to 450 ms apart: at once, and with the first claim already pushed.
      const apart = ((BASE_SEED + n) % 4) * 150;
      const result = await twoRunnersTrial(world, 100 + n, apart);
      if (result.problems.length > 0) {
        failed.push(`trial ${n} (${apart} ms apart): ${result.problems.join('; ')}`);
        console.log(
          `FAILED two runners trial ${n}:\n${result.problems.join('\n')}\n${result.log.join('\n')}`,
        );
      }
    }
    console.log(
      `run lease — two runners via the state branch: ${TRIALS - failed.length}/${TRIALS} trials passed, ${Math.round((performance.now() - started) / 1000)} s`,
    );
    expect(failed).toEqual([]);
  });
});
