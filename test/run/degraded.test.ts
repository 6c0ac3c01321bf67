/**
 * Degradation (issue 3, "Tests"): with every role's whole chain dead the run still finishes — a template
 * plan, a manual-implementation issue, a review that does not approve — as `degraded`, exit code 0. With
 * only the planner and the reviewer dead, the coder's work is committed and goes out as a draft pull request
 * labelled `needs-human-review`: keel never approves what no reviewer model read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../src/agents/types.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  branchCommits,
  createRunFixture,
  duplicateProblems,
  fixtureArgs,
  readEffects,
  readState,
  runKeel,
  setAllModes,
  startFleet,
  type RunFixture,
} from './helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';
/** The router gives up fast: no waiting for slots or cooldowns of endpoints that refuse every connection. */
const POLICY = { maxWaitMs: 50, maxAttempts: 4 };

let sim: FleetSimulator;
const fixtures: RunFixture[] = [];

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 20 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.cleanup();
  await setAllModes(sim, 'ok', 20);
});

describe('every chain dead', () => {
  it('finishes degraded: template plan, a manual-implementation issue, no approval, no pull request, exit 0', async () => {
    const fx = await createRunFixture(sim, { policy: POLICY });
    fixtures.push(fx);
    await setAllModes(sim, 'refuse');
    const exit = await runKeel(['--task', TASK, '--run-id', 'dead', ...fixtureArgs(fx)]);
    expect(exit.code, exit.stdout + exit.stderr).toBe(0);
    expect(exit.stdout).toMatch(/^status: degraded$/m);

    const state = (await readState(fx, 'dead'))!;
    expect(state.status).toBe('degraded');
    // The template plan: one subtask, the task itself.
    expect(state.plan).toMatchObject({ degraded: true, confidence: 0.5 });
    const subtasks = state.plan!.milestones.flatMap((m) => m.subtasks);
    expect(subtasks).toHaveLength(1);
    expect(subtasks[0]!.instructions).toBe(TASK);
    expect(state.steps.plan).toMatchObject({ status: 'done', degraded: true, model: 'template' });
    // The coder never answered: the subtask is a degraded failure, and the batch is "degraded", not failed.
    expect(state.steps[`code:${subtasks[0]!.id}`]).toMatchObject({ status: 'failed', degraded: true });
    expect(state.batches.at(-1)?.decision).toBe('degraded');

    const review = state.steps.review?.result as Review | undefined;
    expect(state.steps.review).toMatchObject({ status: 'done', degraded: true });
    expect(review).toMatchObject({ approved: false, degraded: true, needsHumanReview: true });

    // Nothing was committed, so there is nothing to propose: no pull request, the tracking comment says so.
    expect(branchCommits(fx, state.repo.workBranch)).toEqual([]);
    const effects = await readEffects(fx, 'dead');
    expect(effects.pulls).toEqual([]);
    expect(effects.manual).toHaveLength(1);
    expect(effects.manual[0]).toMatchObject({ state: 'open', labels: ['keel', 'manual-implementation'] });
    expect(effects.manual[0]!.title).toMatch(/^Manual implementation required: /);
    expect(effects.manual[0]!.body).toContain(TASK);
    expect(effects.recovery).toEqual([]);
    expect(effects.comments).toHaveLength(1);
    expect(effects.comments[0]!.body).toMatch(/— degraded/);
    expect(effects.comments[0]!.body).toMatch(/Review: not approved — no reviewer model answered/);
    expect(await duplicateProblems(fx, state)).toEqual([]);
  }, 30_000);
});

describe('planner and reviewer dead, coder alive', () => {
  it('finishes degraded with the commits, as a draft pull request labelled needs-human-review', async () => {
    const fx = await createRunFixture(sim, {
      policy: POLICY,
      roles: { planner: ['c'], coder: [['a', 'b']], reviewer: ['c'] },
    });
    fixtures.push(fx);
    await sim.setMode('c', 'refuse');
    const exit = await runKeel(['--task', TASK, '--run-id', 'half', ...fixtureArgs(fx)]);
    expect(exit.code, exit.stdout + exit.stderr).toBe(0);
    expect(exit.stdout).toMatch(/^status: degraded$/m);

    const state = (await readState(fx, 'half'))!;
    expect(state.status).toBe('degraded');
    expect(state.plan).toMatchObject({ degraded: true, confidence: 0.5 });
    const code = Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
    expect(code).toHaveLength(1);
    expect(code[0]).toMatchObject({ status: 'done' });
    expect(code[0]!.model).toMatch(/^[ab]\//);
    expect(branchCommits(fx, state.repo.workBranch)).toHaveLength(1);
    expect(state.steps.validate?.result).toMatchObject({ passed: true });
    expect(state.steps.review?.result).toMatchObject({
      approved: false,
      degraded: true,
      needsHumanReview: true,
    });

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
