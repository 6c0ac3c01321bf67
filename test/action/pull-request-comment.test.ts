/**
 * `/keel run` in a pull request's comments, the built Action as the runner runs it (issue 11 §7): keel
 * works on that pull request's branch — fetched, since the `issue_comment` checkout is the default branch —
 * pushes its commits onto it and reports on that pull request, opening none; a pull request from a fork is
 * refused with one line and one reply, and nothing is pushed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  commentEvent,
  createWorld,
  E2E,
  git,
  marker,
  runStep,
  type World,
} from './helpers/action-harness.ts';
import type { FakePull } from '../helpers/fake-github.ts';

const TASK = 'Add a farewell helper in src/farewell.js.';
const PR = { number: 7, title: 'Greetings' };

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A pull request from branch `greetings` (one commit on main, pushed to origin), as the fake API shows it. */
async function withPullRequest(w: World, fields: Partial<FakePull> = {}): Promise<string> {
  const author = await w.runner('author');
  git(author.workspace, 'checkout', '--quiet', '-b', 'greetings');
  git(
    author.workspace,
    '-c',
    'user.name=H',
    '-c',
    'user.email=h@x',
    'commit',
    '--quiet',
    '--allow-empty',
    '-m',
    'wip',
  );
  git(author.workspace, 'push', '--quiet', 'origin', 'greetings');
  const sha = git(author.workspace, 'rev-parse', 'HEAD');
  const at = new Date(0).toISOString();
  w.github.state.pulls.push({
    number: PR.number,
    title: PR.title,
    body: 'Saying hello.',
    state: 'open',
    draft: false,
    head: 'greetings',
    base: 'main',
    headSha: sha,
    labels: [],
    locked: false,
    user: 'alice',
    created_at: at,
    updated_at: at,
    closed_at: null,
    ...fields,
  });
  return sha;
}

const event = () =>
  commentEvent({
    body: `/keel run ${TASK}`,
    login: 'alice',
    association: 'OWNER',
    issue: PR,
    pullRequest: true,
  });

describe('/keel run on a pull request', E2E, () => {
  it('works on its branch: pushed onto it, reported on it, no new pull request', async () => {
    world = await createWorld({ github: { collaborators: { alice: 'write' } } });
    const head = await withPullRequest(world);
    const runner = await world.runner('one');
    const exit = await runStep({ world, runner, entry: 'main', event: event() });
    expect(exit.code, exit.stderr).toBe(0);
    const runId = exit.outputs['run-id']!;
    expect(['completed', 'partial']).toContain(exit.outputs.status);
    expect(exit.outputs['pr-url']).toBe(`https://github.com/acme/widgets/pull/${PR.number}`);
    expect(exit.stdout).toMatch(/working on pull request #7: from its branch greetings at/);

    const tip = git(world.origin, 'rev-parse', 'refs/heads/greetings');
    expect(git(world.origin, 'merge-base', head, tip)).toBe(head);
    expect(git(world.origin, 'show', `${tip}:src/farewell.js`)).not.toBe('');
    expect(git(world.origin, 'for-each-ref', '--format=%(refname)', `refs/heads/keel/${runId}`)).toBe('');
    expect(world.github.state.pulls).toHaveLength(1);
    expect(world.github.writes.filter((w) => w.method === 'POST' && w.path.endsWith('/pulls'))).toEqual([]);
    const comments = world.github.state.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ issue_number: PR.number });
    expect(comments[0]!.body).toContain(marker(runId, 'tracking'));
  });

  it('from a fork: refused in one line and one reply; nothing pushed, no model called', async () => {
    world = await createWorld({ github: { collaborators: { alice: 'write' } } });
    await withPullRequest(world, { headRepo: 'mallory/widgets' });
    const refsBefore = git(world.origin, 'for-each-ref');
    const runner = await world.runner('one');
    const exit = await runStep({ world, runner, entry: 'main', event: event() });
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.outputs.status).toBe('ignored');
    expect(exit.stdout).toMatch(
      /keel: not run — pull request #7 comes from a fork: keel pushes only to branches of acme\/widgets/,
    );
    expect(git(world.origin, 'for-each-ref')).toBe(refsBefore);
    const comments = world.github.state.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^keel did not run: pull request #7 comes from a fork/);
    expect(Object.values(world.fleet.stats()).reduce((n, s) => n + s.requests, 0)).toBe(0);
  });
});
