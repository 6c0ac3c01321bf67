/**
 * Two runners resuming one run at once (issue 15), on the built Action: the claim on the state branch lets
 * one work and stops the other before its first step. One trial here; the chaos suite
 * (`test/chaos/run-lease.chaos.ts`) runs twenty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from './helpers/action-harness.ts';
import { twoRunnersTrial } from './helpers/runner-claim-trials.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe('one run, one runner: the claim on the state branch', () => {
  it.each([[1, 0]])(
    'trial %i: two resumes %i ms apart — one works, the other stops before its first step',
    async (n, apart) => {
      const result = await twoRunnersTrial(world, n, apart);
      expect(result.problems, result.log.join('\n')).toEqual([]);
    },
    120_000,
  );
});
