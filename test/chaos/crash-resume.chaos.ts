/**
 * The chaos drill behind issue 3's crash-and-resume promise: at least fifty trials (`KEEL_CHAOS_TRIALS`),
 * each a fresh repository in which `keel run` is SIGKILLed at a random instant and then resumed — and killed
 * again at random, up to four times more — until it finishes. A quarter of the kills are a SIGINT cut short
 * by a SIGKILL 0–500 ms later, so recovery records are written, and sometimes half-written. Every trial must end like the uninterrupted
 * reference run (see `trialProblems`). The base seed (`KEEL_CHAOS_SEED`, default the time) is printed so a
 * failing drill can be replayed; each trial's seed is base + its index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { crashTrial, referenceRun, type Reference, type TrialResult } from '../run/helpers/crash-trials.ts';
import { startFleet } from '../run/helpers/run-fixture.ts';

const TRIALS = Math.max(50, Number(process.env.KEEL_CHAOS_TRIALS ?? 60));
/** Trials at once: kills land under load too. */
const CONCURRENCY = Math.max(1, Number(process.env.KEEL_CHAOS_CONCURRENCY ?? 2));
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

describe('chaos: SIGKILL at random instants, resume until done', () => {
  it(`${TRIALS} trials end like the uninterrupted run`, async () => {
    const started = performance.now();
    console.log(
      `chaos: base seed ${BASE_SEED}, ${TRIALS} trials, ${CONCURRENCY} at a time, reference run ${Math.round(reference.durationMs)} ms`,
    );
    const results: TrialResult[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < TRIALS) {
        const seed = BASE_SEED + next++;
        const result = await crashTrial({
          sim,
          reference,
          seed,
          extraKills: 4,
          killChance: 0.5,
          interruptChance: 0.25,
        });
        results.push(result);
        if (result.problems.length > 0)
          console.log(`FAILED seed ${seed}:\n${result.problems.join('\n')}\n${result.log.join('\n')}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const failed = results.filter((r) => r.problems.length > 0);
    const kills = results.reduce((sum, r) => sum + r.kills, 0);
    const interrupts = results.reduce((sum, r) => sum + r.interrupts, 0);
    const recovered = results.filter((r) => r.recoveryRecords > 0).length;
    const processes = results.reduce((sum, r) => sum + r.processes, 0);
    console.log(
      `chaos: ${results.length - failed.length}/${results.length} trials passed, ${kills} kills (${interrupts} of them SIGINT then SIGKILL), ${processes} processes, ${recovered} trials with a (closed) recovery record, ${Math.round((performance.now() - started) / 1000)} s`,
    );
    expect(
      failed.map((r) => `seed ${r.seed}: ${r.problems.join('; ')}\n${r.log.join('\n')}`),
      `base seed ${BASE_SEED}`,
    ).toEqual([]);
  });
});
