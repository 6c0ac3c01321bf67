/**
 * The built Action on an `issue_comment` event, run as the runner runs it: a collaborator's `/keel run`
 * publishes a pull request from the pushed work branch with one tracking comment; a stranger's comment is
 * ignored without one write to the API.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  commentEvent,
  createWorld,
  git,
  gitMaybe,
  marker,
  OWNER,
  readBranchState,
  REPO,
  runStep,
  type World,
  E2E,
} from './helpers/action-harness.ts';

const ISSUE = { number: 1, title: 'Small helpers' };
const TASK = [
  'Add a farewell helper in src/farewell.js.',
  'Add a version constant in src/version.js.',
  'Document the helpers in README.md.',
].join(' ');
const CODE_STEPS = [
  'code:add-a-farewell-helper-in-src-farewell-js',
  'code:add-a-version-constant-in-src-version-js',
  'code:document-the-helpers-in-readme-md',
];

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('a /keel run comment', E2E, () => {
  it('from a collaborator with write access: a pull request from the pushed work branch, one tracking comment, outputs and summary', async () => {
    world = await createWorld({ github: { collaborators: { alice: 'write' }, issues: [ISSUE] } });
    const runner = await world.runner('one');
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      event: commentEvent({
        body: `/keel run ${TASK}`,
        login: 'alice',
        association: 'COLLABORATOR',
        issue: ISSUE,
      }),
    });
    expect(exit.code, exit.stderr).toBe(0);
    const { outputs } = exit;
    const runId = outputs['run-id']!;
    // Named after the comment (issue 11 §5): a re-run of the workflow continues this run.
    expect(runId).toBe('comment-555001');
    expect(['completed', 'partial']).toContain(outputs.status);
    expect(outputs).toMatchObject({
      degraded: 'false',
      'partial-success-rate': '1.00',
      'recovery-issue': '',
    });

    // COLLABORATOR is not trusted on its own: the permission was asked of the API.
    expect(world.github.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      `GET /repos/${OWNER}/${REPO}/collaborators/alice/permission`,
    );

    // The pull request: head = the work branch, which exists on origin with one commit per subtask.
    const { pulls, comments, issues } = world.github.state;
    expect(pulls).toHaveLength(1);
    const pr = pulls[0]!;
    expect(pr).toMatchObject({ head: `keel/${runId}`, base: 'main', state: 'open', draft: false });
    expect(pr.body).toContain(marker(runId, 'publish'));
    expect(outputs['pr-url']).toBe(`https://github.com/${OWNER}/${REPO}/pull/${pr.number}`);
    const tip = gitMaybe(world.origin, 'rev-parse', '--verify', `refs/heads/keel/${runId}`);
    expect(tip).toMatch(/^[0-9a-f]{40}$/);
    const trailers = git(
      world.origin,
      'log',
      '--format=%(trailers:key=Keel-Step,valueonly,separator=)',
      `main..keel/${runId}`,
    );
    expect(trailers.split('\n').sort()).toEqual(CODE_STEPS);
    expect(git(world.origin, 'show', `keel/${runId}:src/farewell.js`)).not.toBe('');

    // One tracking comment on the issue the command came from, saying how it ended; no other writes of note.
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ issue_number: ISSUE.number });
    expect(comments[0]!.body).toContain(marker(runId, 'tracking'));
    expect(comments[0]!.body).toContain(`— ${outputs.status}`);
    expect(issues.map((i) => i.number)).toEqual([ISSUE.number]);
    expect(world.github.unknown).toEqual([]);

    // The job summary: the failover table and the steps with their state.
    expect(exit.summary).toContain('### Failover status');
    expect(exit.summary).toMatch(/\| planner \| 1 \| `a\/sim-model` \| CLOSED \|/);
    expect(exit.summary).toMatch(/\| coder \| 1 \| `b\/sim-model` \| CLOSED \|/);
    expect(exit.summary).toMatch(/\| reviewer \| 1 \| `a\/sim-model` \| CLOSED \|/);
    expect(exit.summary).toContain('### Steps');
    for (const step of ['plan', ...CODE_STEPS, 'validate', 'review', 'publish']) {
      expect(exit.summary).toMatch(new RegExp(`\\| \`${step}\` \\| done \\|`));
    }
    expect(exit.summary).toContain(outputs['pr-url']);

    // `post` finds what it needs in the state main saved, and the checkpoint is on the state branch.
    expect(exit.saved).toMatchObject({ decision: 'run', runId, finished: 'true' });
    expect(readBranchState(world, runId)?.status).toBe(outputs.status);
  });

  it('from a stranger: status ignored, exit 0, not one write to the API, nothing pushed, no model called', async () => {
    world = await createWorld({ github: { collaborators: { alice: 'write' }, issues: [ISSUE] } });
    const runner = await world.runner('one');
    const refsBefore = git(world.origin, 'for-each-ref');
    const event = commentEvent({
      body: `/keel run ${TASK}`,
      login: 'mallory',
      association: 'NONE',
      issue: ISSUE,
    });
    const exit = await runStep({ world, runner, entry: 'main', event });
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.outputs).toEqual({ status: 'ignored' });
    expect(exit.stdout).toContain('@mallory has read access to the repository');
    // One read (the permission, since NONE is no fast path), no write of any kind.
    expect(world.github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/${OWNER}/${REPO}/collaborators/mallory/permission`,
    ]);
    expect(world.github.writes).toEqual([]);
    expect(git(world.origin, 'for-each-ref')).toBe(refsBefore);
    expect(existsSync(join(runner.workspace, '.keel'))).toBe(false);
    expect(Object.values(world.fleet.stats()).reduce((n, s) => n + s.requests, 0)).toBe(0);

    // The post step that always follows leaves it at that.
    const post = await runStep({ world, runner, entry: 'post', event, state: exit.saved });
    expect(post.code, post.stderr).toBe(0);
    expect(world.github.writes).toEqual([]);
    expect(git(world.origin, 'for-each-ref')).toBe(refsBefore);
  });
});
