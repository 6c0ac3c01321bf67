/**
 * A run's identity comes from its trigger (issue 11 §5): the same trigger, seen again on a fresh runner,
 * continues or reports the run the first one made — never a second work branch, pull request or tracking
 * comment, and not one model call for a run that is finished.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  commentEvent,
  createWorld,
  dispatchEvent,
  gitMaybe,
  readBranchState,
  runStep,
  type World,
  E2E,
} from './helpers/action-harness.ts';

const ISSUE = { number: 1, title: 'Small helpers' };
const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const modelCalls = (w: World): number => Object.values(w.fleet.stats()).reduce((n, s) => n + s.requests, 0);

describe('the same trigger, twice', E2E, () => {
  it('a workflow re-run of a /keel run comment continues the same run: one branch, one PR, one comment', async () => {
    world = await createWorld({ github: { collaborators: { alice: 'write' }, issues: [ISSUE] } });
    const event = commentEvent({
      body: `/keel run ${TASK}`,
      login: 'alice',
      association: 'COLLABORATOR',
      issue: ISSUE,
    });
    const first = await runStep({ world, runner: await world.runner('one'), entry: 'main', event });
    expect(first.code, first.stderr).toBe(0);
    const runId = first.outputs['run-id']!;
    expect(runId).toBe('comment-555001');
    const tip = gitMaybe(world.origin, 'rev-parse', `refs/heads/keel/${runId}`);
    const calls = modelCalls(world);

    // "Re-run all jobs": the same GITHUB_RUN_ID and event, attempt 2, on another runner that has nothing.
    const again = await runStep({
      world,
      runner: await world.runner('two'),
      entry: 'main',
      event,
      env: { GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(again.code, again.stderr).toBe(0);
    expect(again.outputs['run-id']).toBe(runId);
    expect(again.outputs.status).toBe(first.outputs.status);
    expect(again.outputs['pr-url']).toBe(first.outputs['pr-url']);
    expect(again.stdout).toContain(`run ${runId} already finished`);
    expect(world.github.state.pulls).toHaveLength(1);
    expect(world.github.state.comments).toHaveLength(1);
    expect(gitMaybe(world.origin, 'rev-parse', `refs/heads/keel/${runId}`)).toBe(tip);
    expect(gitMaybe(world.origin, 'for-each-ref', '--format=%(refname)', 'refs/heads/keel/')).toBe(
      [`refs/heads/keel/${runId}`, 'refs/heads/keel/state'].join('\n'),
    );
    expect(modelCalls(world)).toBe(calls);
  });

  it('workflow_dispatch twice with the same run-id: the second reports the finished run and commits nothing', async () => {
    world = await createWorld();
    const event = dispatchEvent({ task: TASK, 'run-id': 'nightly-7' });
    const inputs = { task: TASK, 'run-id': 'nightly-7' };
    const first = await runStep({ world, runner: await world.runner('one'), entry: 'main', event, inputs });
    expect(first.code, first.stderr).toBe(0);
    expect(first.outputs['run-id']).toBe('nightly-7');
    const tip = gitMaybe(world.origin, 'rev-parse', 'refs/heads/keel/nightly-7');
    const calls = modelCalls(world);

    const second = await runStep({
      world,
      runner: await world.runner('two'),
      entry: 'main',
      event,
      inputs,
      workflowRunId: '2002',
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.outputs).toMatchObject({ 'run-id': 'nightly-7', status: first.outputs.status });
    expect(gitMaybe(world.origin, 'rev-parse', 'refs/heads/keel/nightly-7')).toBe(tip);
    expect(world.github.state.pulls).toHaveLength(1);
    expect(modelCalls(world)).toBe(calls);
    expect(readBranchState(world, 'nightly-7')?.status).toBe(first.outputs.status);
  });

  it('a dispatch without run-id is named after its workflow run, so its re-run is the same run', async () => {
    world = await createWorld();
    const event = dispatchEvent({ task: TASK });
    const first = await runStep({
      world,
      runner: await world.runner('one'),
      entry: 'main',
      event,
      inputs: { task: TASK },
      workflowRunId: '31337',
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.outputs['run-id']).toBe('dispatch-31337');
    const again = await runStep({
      world,
      runner: await world.runner('two'),
      entry: 'main',
      event,
      inputs: { task: TASK },
      workflowRunId: '31337',
      env: { GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(again.outputs['run-id']).toBe('dispatch-31337');
    expect(world.github.state.pulls).toHaveLength(1);
  });

  it('RESUME=true with a task and nothing to resume runs the task (seed 002: the next run resumes if it can)', async () => {
    world = await createWorld();
    const exit = await runStep({
      world,
      runner: await world.runner('one'),
      entry: 'main',
      event: dispatchEvent({ task: TASK }),
      inputs: { task: TASK },
      env: { RESUME: 'true' },
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(['completed', 'partial']).toContain(exit.outputs.status);
    expect(world.github.state.pulls).toHaveLength(1);
  });
});
