/**
 * Degradation (issue 3, "Tests"; issue 15 §2): the degraded fallbacks are for models that answered, unusably
 * — never for a fleet that could not be reached (that interrupts the run: `infra-faults.test.ts`).
 *
 * - Planner and reviewer answer prose, the coder works: a template plan, the coder's work committed, a
 *   review that does not approve — `degraded`, a draft pull request labelled `needs-human-review`: keel never
 *   approves what no reviewer model judged.
 * - Every model answers prose: the template plan, its one subtask failed (discarded, retried, then given up:
 *   the run `failed`, exit 1, with a recovery record) — and no degraded batch, since models did answer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_TAGS, type AgentRole } from '../../src/agents/prompts.ts';
import type { Review } from '../../src/agents/types.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { scriptedResponder } from '../../src/sim/scripted-model.ts';
import {
  branchCommits,
  createRunFixture,
  duplicateProblems,
  fixtureArgs,
  MODEL,
  readEffects,
  readState,
  runKeel,
  type RunFixture,
} from './helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';
const POLICY = { maxWaitMs: 50, maxAttempts: 4 };

/** Roles whose every answer is prose (received, and unusable), whatever the endpoint. */
const prose = new Set<AgentRole>();
let sim: FleetSimulator;
const fixtures: RunFixture[] = [];

beforeAll(async () => {
  sim = await startSimulator({
    endpoints: ['a', 'b', 'c'].map((name) => ({ name, models: [MODEL], latencyMs: 20 })),
    responder: (ctx) => {
      const system = ctx.messages.find((m) => m.role === 'system')?.content ?? '';
      for (const role of prose)
        if (system.startsWith(ROLE_TAGS[role]))
          return 'I would rather not answer in the format you asked for.';
      return scriptedResponder(ctx);
    },
  });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  prose.clear();
  for (const fx of fixtures.splice(0)) await fx.cleanup();
});

describe('planner and reviewer answer unusably, the coder works', () => {
  it('finishes degraded with the commits, as a draft pull request labelled needs-human-review', async () => {
    const fx = await createRunFixture(sim, { policy: POLICY });
    fixtures.push(fx);
    prose.add('planner').add('reviewer');
    const exit = await runKeel(['--task', TASK, '--run-id', 'half', ...fixtureArgs(fx)]);
    expect(exit.code, exit.stdout + exit.stderr).toBe(0);
    expect(exit.stdout).toMatch(/^status: degraded$/m);

    const state = (await readState(fx, 'half'))!;
    expect(state.status).toBe('degraded');
    expect(state.plan).toMatchObject({ degraded: true, confidence: 0.5 });
    expect(state.steps.plan).toMatchObject({ status: 'done', degraded: true, model: 'template' });
    const code = Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
    expect(code).toHaveLength(1);
    expect(code[0]).toMatchObject({ status: 'done' });
    expect(branchCommits(fx, state.repo.workBranch)).toHaveLength(1);
    expect(state.steps.validate?.result).toMatchObject({ passed: true });
    const review = state.steps.review?.result as Review | undefined;
    expect(state.steps.review).toMatchObject({ status: 'done', degraded: true });
    expect(review).toMatchObject({ approved: false, degraded: true, needsHumanReview: true });

    const effects = await readEffects(fx, 'half');
    expect(effects.pulls).toHaveLength(1);
    expect(effects.pulls[0]).toMatchObject({
      draft: true,
      labels: ['needs-human-review'],
      head: 'keel/half',
      base: 'main',
      state: 'open',
    });
    expect(effects.manual).toEqual([]);
    expect(effects.recovery).toEqual([]);
    expect(await duplicateProblems(fx, state)).toEqual([]);
  }, 30_000);
});

describe('every model answers unusably', () => {
  it('template plan, its subtask failed after the batch retries: failed, exit 1, a recovery record — nothing degraded about the batch', async () => {
    const fx = await createRunFixture(sim, { policy: POLICY });
    fixtures.push(fx);
    for (const role of ['planner', 'coder', 'reviewer'] as const) prose.add(role);
    const exit = await runKeel(['--task', TASK, '--run-id', 'prose', ...fixtureArgs(fx)]);
    expect(exit.code, exit.stdout + exit.stderr).toBe(1);
    expect(exit.stdout).toMatch(/^status: failed$/m);

    const state = (await readState(fx, 'prose'))!;
    expect(state.plan).toMatchObject({ degraded: true });
    const subtasks = state.plan!.milestones.flatMap((m) => m.subtasks);
    expect(subtasks).toHaveLength(1);
    expect(subtasks[0]!.instructions).toBe(TASK);
    expect(state.steps[`code:${subtasks[0]!.id}`]).toMatchObject({ status: 'pending' });
    expect(state.batches.map((b) => b.decision)).toEqual(['rejected', 'rejected']);
    expect(branchCommits(fx, state.repo.workBranch)).toEqual([]);
    expect((await readEffects(fx, 'prose')).recovery).toHaveLength(1);
    expect(await duplicateProblems(fx, state)).toEqual([]);
  }, 30_000);
});
