/**
 * What a `/keel` comment on a pull request works on (issue 11 §7), against the fake GitHub: the pull
 * request's own branch when its head is in this repository; a refusal naming why for a fork, a deleted fork
 * or a closed pull request. And the base a detached checkout's run proposes into, from the event payload.
 */
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { eventBaseBranch, pullRequestTarget } from '../../src/github/triggers/index.ts';
import { startFakeGitHub, type FakeGitHub, type SeedPull } from '../helpers/fake-github.ts';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const SHA = 'a'.repeat(40);
let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

async function target(pull: SeedPull) {
  github = await startFakeGitHub({ owner: 'acme', repo: 'widgets', pulls: [{ number: 7, ...pull }] });
  const client = new Octokit({ baseUrl: github.url, auth: 'ghs_faketoken', log: quiet });
  return pullRequestTarget(client, { owner: 'acme', repo: 'widgets' }, 7);
}

describe('pullRequestTarget', () => {
  it('a branch of this repository: its head, head sha, base and URL', async () => {
    const got = await target({ title: 'Widgets', head: 'feature/widgets', base: 'develop', headSha: SHA });
    expect(got).toEqual({
      kind: 'ok',
      pr: {
        number: 7,
        url: 'https://github.com/acme/widgets/pull/7',
        headBranch: 'feature/widgets',
        headSha: SHA,
        baseBranch: 'develop',
      },
    });
    expect(github!.writes).toEqual([]);
  });

  it('a fork: refused, naming the repository keel pushes to, not the fork', async () => {
    const got = await target({ title: 'From a fork', head: 'main', headRepo: 'mallory/widgets' });
    expect(got.kind).toBe('refused');
    const reason = got.kind === 'refused' ? got.reason : '';
    expect(reason).toMatch(
      /^pull request #7 comes from a fork: keel pushes only to branches of acme\/widgets/,
    );
    expect(reason).not.toContain('mallory');
    expect(reason).not.toContain('\n');
  });

  it('a fork since deleted (head.repo null): refused', async () => {
    const got = await target({ title: 'Orphan', head: 'patch-1', headRepo: null });
    expect(got.kind === 'refused' ? got.reason : '').toMatch(/a deleted fork/);
  });

  it('a closed pull request: refused', async () => {
    const got = await target({ title: 'Old', head: 'old', state: 'closed' });
    expect(got).toMatchObject({
      kind: 'refused',
      reason: 'pull request #7 is closed: keel works only on open ones',
    });
  });

  it('a head branch git would read as something else: refused', async () => {
    const got = await target({ title: 'Odd', head: '-x..y' });
    expect(got.kind === 'refused' ? got.reason : '').toMatch(/not a branch name/);
  });
});

describe('eventBaseBranch', () => {
  const repository = { full_name: 'acme/widgets', default_branch: 'trunk' };

  it('pull_request and pull_request_target: the pull request’s base', () => {
    for (const eventName of ['pull_request', 'pull_request_target', 'pull_request_review']) {
      const payload = { pull_request: { number: 3, base: { ref: 'release/2' } }, repository };
      expect(eventBaseBranch({ eventName, payload })).toEqual({
        name: 'release/2',
        why: 'the base of pull request #3',
      });
    }
  });

  it('any other event: the repository’s default branch from the payload', () => {
    for (const eventName of ['workflow_dispatch', 'issue_comment', 'schedule', 'push']) {
      expect(eventBaseBranch({ eventName, payload: { repository } })).toEqual({
        name: 'trunk',
        why: "the repository's default branch",
      });
    }
  });

  it('nothing usable: undefined (a hand-made payload, a hostile ref)', () => {
    expect(eventBaseBranch({ eventName: 'workflow_dispatch', payload: {} })).toBeUndefined();
    expect(
      eventBaseBranch({ eventName: 'push', payload: { repository: { default_branch: 'HEAD' } } }),
    ).toBeUndefined();
    expect(
      eventBaseBranch({
        eventName: 'pull_request',
        payload: { pull_request: { base: { ref: '--upload-pack=evil' } }, repository: { default_branch: 7 } },
      }),
    ).toBeUndefined();
  });
});
