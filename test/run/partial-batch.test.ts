/**
 * The partial-success rule end to end (issue 3, "Engine"): a coder batch below `minSuccessRate` is
 * discarded — the work branch goes back to where the batch began, its commits gone — and tried again
 * `maxBatchRetries` times; then the run stops as `failed` with a recovery record and exit code 1. A batch
 * exactly at the rate is kept: its commits stay and every failed subtask gets an issue.
 */
import { EventEmitter } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateConfigValue } from '../../src/config/load.ts';
import { startRun } from '../../src/run/start-run.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  branchCommits,
  branchFiles,
  configFor,
  createRunFixture,
  duplicateProblems,
  fixtureArgs,
  gitSync,
  readEffects,
  readState,
  runKeel,
  startFleet,
  type RunFixture,
} from './helpers/run-fixture.ts';

let sim: FleetSimulator;
const fixtures: RunFixture[] = [];

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 10 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.cleanup();
});

describe('below minSuccessRate', () => {
  it('discards the batch (branch back at its base), retries maxBatchRetries times, then fails with a recovery record, exit 1', async () => {
    const fx = await createRunFixture(sim, { run: { minSuccessRate: 0.5, maxBatchRetries: 2 } });
    fixtures.push(fx);
    // One of four can succeed: 25 % < 50 %.
    const task = [
      'Add a farewell helper in src/farewell.js.',
      'Do the impossible: square the circle.',
      'Do the impossible: count to infinity twice.',
      'Do the impossible: divide by zero exactly.',
    ].join(' ');
    const exit = await runKeel(['--task', task, '--run-id', 'low', ...fixtureArgs(fx)]);
    expect(exit.code, exit.stdout + exit.stderr).toBe(1);
    expect(exit.stdout).toMatch(/^status: failed$/m);

    const state = (await readState(fx, 'low'))!;
    expect(state.status).toBe('failed');
    // The first attempt and two retries, each with the one possible subtask committed, each discarded.
    expect(state.batches.map((b) => [b.attempt, b.succeeded, b.total, b.decision])).toEqual([
      [1, 1, 4, 'rejected'],
      [2, 1, 4, 'rejected'],
      [3, 1, 4, 'rejected'],
    ]);
    expect(state.openBatch).toBeUndefined();
    expect(state.interruption?.reason).toMatch(
      /fewer than 50 % of the subtasks succeeded after 3 batch attempt/,
    );

    // Nothing of the discarded batches is left: no commits, the base's files, a clean work tree at the base.
    expect(branchCommits(fx, state.repo.workBranch)).toEqual([]);
    expect(gitSync(fx.repo, 'rev-parse', state.repo.workBranch)).toBe(fx.baseSha);
    expect(branchFiles(fx, state.repo.workBranch)).toEqual(branchFiles(fx, fx.baseSha));
    expect(gitSync(state.repo.worktree, 'status', '--porcelain')).toBe('');
    // Every subtask is open again, for a retry of the run.
    const code = Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
    expect(code).toHaveLength(4);
    for (const step of code) expect(step).toMatchObject({ status: 'pending' });
    expect(code.every((s) => s.commit === undefined)).toBe(true);

    const effects = await readEffects(fx, 'low');
    expect(effects.recovery).toHaveLength(1);
    expect(effects.recovery[0]).toMatchObject({ state: 'open', labels: ['keel', 'keel-recovery'] });
    expect(effects.recovery[0]!.body).toContain('keel run --resume low');
    expect(effects.recovery[0]!.body).toMatch(/fewer than 50 %/);
    // The batch was not kept, so its failures are not filed as issues and nothing is proposed.
    expect(effects.manual).toEqual([]);
    expect(effects.pulls).toEqual([]);
    expect(await duplicateProblems(fx, state)).toEqual([]);
  }, 30_000);
});

describe('exactly at minSuccessRate', () => {
  it('keeps the batch (1 of 2): the commit stays, the failure becomes an issue, the run goes on to partial', async () => {
    const fx = await createRunFixture(sim);
    fixtures.push(fx);
    const lines: string[] = [];
    const { state } = await startRun({
      config: validateConfigValue(configFor(sim, { run: { minSuccessRate: 0.5, maxBatchRetries: 2 } })),
      repo: fx.repo,
      stateDir: fx.stateDir,
      task: 'Add a farewell helper in src/farewell.js. Do the impossible: square the circle.',
      runId: 'edge',
      env: {},
      progress: (line) => lines.push(line),
      // Not the test runner's own signals.
      processEvents: new EventEmitter(),
    });
    expect(state.status, lines.join('\n')).toBe('partial');
    expect(state.batches.map((b) => [b.attempt, b.succeeded, b.total, b.decision])).toEqual([
      [1, 1, 2, 'accepted'],
    ]);
    expect(lines).toContain('batch 1: 1/2 succeeded (50 %) → accepted');

    const commits = branchCommits(fx, state.repo.workBranch);
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatch(/feat: Add a farewell helper/);
    expect(Object.keys(branchFiles(fx, state.repo.workBranch))).toContain('src/farewell.js');

    const effects = await readEffects(fx, 'edge');
    expect(effects.manual).toHaveLength(1);
    expect(effects.manual[0]!.marker).toBe(
      '<!-- keel:run=edge step=code:do-the-impossible-square-the-circle -->',
    );
    expect(effects.pulls).toHaveLength(1);
    expect(effects.recovery).toEqual([]);
    expect((await readState(fx, 'edge'))?.status).toBe('partial');
    expect(await duplicateProblems(fx, state)).toEqual([]);
  }, 30_000);
});
