/**
 * The fan-out actions once, end to end, each step on its own runner (a fresh clone, thrown away after): plan
 * → a matrix; code, one process per subtask (run at once, as matrix jobs are) → result artifacts; review →
 * one commit per subtask, with its trailers, and the pull request — without coding anything again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWorld,
  dispatchEvent,
  git,
  marker,
  OWNER,
  readBranchState,
  REPO,
  runStep,
  type World,
  E2E,
} from './helpers/action-harness.ts';

const TASK = [
  'Add a farewell helper in src/farewell.js.',
  'Add a version constant in src/version.js.',
  'Add a slugify utility.',
].join(' ');
const SUBTASKS = [
  'add-a-farewell-helper-in-src-farewell-js',
  'add-a-version-constant-in-src-version-js',
  'add-a-slugify-utility',
];

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function chatRequests(w: World): number {
  return Object.values(w.fleet.stats()).reduce((n, s) => n + s.chatRequests, 0);
}

describe('the fan-out actions', E2E, () => {
  it('plan → code per subtask on separate runners → review: one commit per subtask, one pull request', async () => {
    world = await createWorld();
    const w = world;
    const event = dispatchEvent({ task: TASK });

    const planner = await w.runner('plan');
    const plan = await runStep({ world: w, runner: planner, entry: 'plan', event, inputs: { task: TASK } });
    expect(plan.code, plan.stderr).toBe(0);
    const runId = plan.outputs['run-id']!;
    expect(JSON.parse(plan.outputs.matrix!)).toEqual({ subtask: SUBTASKS });
    expect(plan.outputs.subtasks).toBe('3');
    expect(readBranchState(w, runId)?.status).toBe('running');
    await w.discard(planner);

    const coded = await Promise.all(
      SUBTASKS.map(async (subtask, i) => {
        const runner = await w.runner(`code-${i}`);
        const exit = await runStep({
          world: w,
          runner,
          entry: 'code',
          event,
          inputs: { 'run-id': runId, subtask },
        });
        await w.discard(runner);
        return exit;
      }),
    );
    for (const [i, exit] of coded.entries()) {
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.outputs).toEqual({ ok: 'true' });
      const result = join(w.artifactDir, '1001', `keel-code-${runId}-${SUBTASKS[i]}`, 'result.json');
      expect(existsSync(result), result).toBe(true);
    }

    w.fleet.resetStats();
    const reviewer = await w.runner('review');
    const review = await runStep({
      world: w,
      runner: reviewer,
      entry: 'review',
      event,
      inputs: { 'run-id': runId },
    });
    expect(review.code, review.stderr).toBe(0);
    expect(review.outputs).toMatchObject({
      'run-id': runId,
      status: 'completed',
      'partial-success-rate': '1.00',
      degraded: 'false',
    });
    // The matrix did the coding: the review job asked a model once — the reviewer.
    expect(chatRequests(w)).toBe(1);

    const { pulls } = w.github.state;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: `keel/${runId}`, base: 'main' });
    expect(pulls[0]!.body).toContain(marker(runId, 'publish'));
    expect(review.outputs['pr-url']).toBe(`https://github.com/${OWNER}/${REPO}/pull/${pulls[0]!.number}`);

    // One commit per subtask on the pushed branch, each with both trailers.
    const log = git(
      w.origin,
      'log',
      '--format=%(trailers:key=Keel-Run,valueonly,separator=) %(trailers:key=Keel-Step,valueonly,separator=)',
      `main..refs/heads/keel/${runId}`,
    );
    expect(log.split('\n').sort()).toEqual(SUBTASKS.map((s) => `${runId} code:${s}`).sort());
    for (const path of ['src/farewell.js', 'src/version.js', 'src/add-a-slugify-utility.js']) {
      expect(git(w.origin, 'cat-file', '-t', `keel/${runId}:${path}`), path).toBe('blob');
    }
    expect(readBranchState(w, runId)?.status).toBe('completed');
  });
});
