/**
 * Issue 12 §10: every trigger that carries a task checks who sent it. A workflow that runs keel with a `task`
 * input on `issues` or `pull_request_target` must not let a stranger (or a fork's author) start a run: the same
 * permission rule as `/keel` comments applies to the event's sender; only `schedule` and `workflow_dispatch`,
 * which GitHub lets only writers start, skip it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, E2E, git, OWNER, REPO, runStep, type World } from '../action/helpers/action-harness.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const repository = { id: 4242, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } };

function issuesOpened(login: string) {
  const user = { login, id: 7001, type: 'User' };
  return {
    name: 'issues',
    payload: {
      action: 'opened',
      issue: { number: 9, title: 'Add a helper', body: 'please', user, author_association: 'NONE' },
      repository,
      sender: user,
    },
  };
}

function prTargetFromFork(login: string) {
  const user = { login, id: 7002, type: 'User' };
  return {
    name: 'pull_request_target',
    payload: {
      action: 'opened',
      number: 10,
      pull_request: { number: 10, user, head: { repo: { full_name: `${login}/${REPO}` } } },
      repository,
      sender: user,
    },
  };
}

describe('the sender of an event carrying a task', E2E, () => {
  for (const [what, event] of [
    ['a stranger’s issue', issuesOpened('mallory')],
    ['a fork’s pull_request_target', prTargetFromFork('mallory')],
  ] as const) {
    it(`${what}: ignored, no model called, no write, nothing pushed`, async () => {
      world = await createWorld({ github: { collaborators: { alice: 'write' } } });
      const runner = await world.runner('one');
      const refsBefore = git(world.origin, 'for-each-ref');
      const exit = await runStep({ world, runner, entry: 'main', event, inputs: { task: 'Add a helper.' } });
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.outputs.status).toBe('ignored');
      expect(exit.stdout).toContain('@mallory has read access');
      expect(world.github.writes).toEqual([]);
      expect(git(world.origin, 'for-each-ref')).toBe(refsBefore);
      expect(Object.values(world.fleet.stats()).reduce((n, s) => n + s.requests, 0)).toBe(0);
    });
  }
});
