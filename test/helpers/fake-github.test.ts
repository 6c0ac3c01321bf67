/** The fake GitHub server itself: shapes Octokit accepts, pagination, validation, and what it records. */
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let github: FakeGitHub | undefined;

afterEach(async () => {
  await github?.close();
  github = undefined;
});

async function start(): Promise<{ gh: FakeGitHub; octokit: Octokit }> {
  github = await startFakeGitHub({
    owner: 'acme',
    repo: 'widgets',
    collaborators: { alice: 'write', bob: 'maintain' },
    issues: [
      { title: 'first', body: 'one', labels: ['keel'], comments: [{ body: '/keel run', user: 'alice' }] },
      { title: 'second', labels: ['bug'] },
    ],
  });
  return { gh: github, octokit: new Octokit({ baseUrl: github.url, auth: 'token-1', log: quiet }) };
}

const repo = { owner: 'acme', repo: 'widgets' };

describe('fake GitHub server', () => {
  it('listens on loopback and answers permission look-ups', async () => {
    const { gh, octokit } = await start();
    expect(new URL(gh.url).hostname).toBe('127.0.0.1');
    const alice = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'alice' });
    expect(alice.data).toMatchObject({ permission: 'write', role_name: 'write', user: { login: 'alice' } });
    const bob = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'bob' });
    expect(bob.data).toMatchObject({ permission: 'write', role_name: 'maintain' });
    const stranger = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...repo,
      username: 'mallory',
    });
    expect(stranger.data.permission).toBe('read');
    expect(gh.writes).toEqual([]);
  });

  it('paginates issues with Link headers that Octokit follows, filtering by label and state', async () => {
    const { gh, octokit } = await start();
    for (let i = 0; i < 120; i++)
      gh.state.issues.push({ ...gh.state.issues[0]!, number: 100 + i, title: `bulk ${i}` });
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      labels: 'keel',
      state: 'all',
      per_page: 50,
    });
    expect(all).toHaveLength(121);
    expect(gh.requests.filter((r) => r.path.includes('/issues?'))).toHaveLength(3);
    const bugs = await octokit.rest.issues.listForRepo({ ...repo, labels: 'bug' });
    expect(bugs.data.map((i) => i.title)).toEqual(['second']);
  });

  it('lists newest first and includes pull requests as issues with pull_request', async () => {
    const { octokit } = await start();
    const created = await octokit.rest.pulls.create({
      ...repo,
      title: 'p',
      head: 'feature',
      base: 'main',
      body: 'b',
    });
    await octokit.rest.issues.addLabels({ ...repo, issue_number: created.data.number, labels: ['keel'] });
    const listed = await octokit.rest.issues.listForRepo({ ...repo, labels: 'keel', state: 'all' });
    expect(listed.data.map((i) => [i.number, Boolean(i.pull_request)])).toEqual([
      [3, true],
      [1, false],
    ]);
    expect(created.data.html_url).toBe('https://github.com/acme/widgets/pull/3');
    const byHead = await octokit.rest.pulls.list({ ...repo, head: 'acme:feature', state: 'all' });
    expect(byHead.data.map((p) => p.number)).toEqual([3]);
    expect((await octokit.rest.pulls.list({ ...repo, head: 'acme:other' })).data).toEqual([]);
  });

  it('validates like GitHub: duplicate pull requests, labels made twice, bodies too long', async () => {
    const { octokit } = await start();
    await octokit.rest.pulls.create({ ...repo, title: 'p', head: 'feature', base: 'main' });
    await expect(
      octokit.rest.pulls.create({ ...repo, title: 'p', head: 'feature', base: 'main' }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: 'A pull request already exists for acme:feature.' }] } },
    });
    await octokit.rest.issues.createLabel({ ...repo, name: 'fresh', color: '00ff00' });
    await expect(octokit.rest.issues.createLabel({ ...repo, name: 'FRESH' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ code: 'already_exists' }] } },
    });
    await expect(
      octokit.rest.issues.create({ ...repo, title: 't', body: 'x'.repeat(65_537) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('keeps comments, edits them in place, and closes issues with a reason', async () => {
    const { gh, octokit } = await start();
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'hi' });
    expect(data.html_url).toBe(`https://github.com/acme/widgets/issues/1#issuecomment-${data.id}`);
    await octokit.rest.issues.updateComment({ ...repo, comment_id: data.id, body: 'edited' });
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 1 });
    expect(comments.map((c) => c.body)).toEqual(['/keel run', 'edited']);
    await octokit.rest.issues.update({
      ...repo,
      issue_number: 1,
      state: 'closed',
      state_reason: 'completed',
    });
    expect(gh.state.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
  });

  it('refuses requests without a token and records unknown endpoints as GitHub 404s', async () => {
    const { gh, octokit } = await start();
    const anonymous = new Octokit({ baseUrl: gh.url, log: quiet });
    await expect(anonymous.rest.issues.create({ ...repo, title: 't' })).rejects.toMatchObject({
      status: 401,
    });
    await expect(octokit.rest.repos.listForOrg({ org: 'acme' })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Not Found' } },
    });
    await expect(
      octokit.rest.issues.get({ owner: 'other', repo: 'widgets', issue_number: 1 }),
    ).rejects.toMatchObject({ status: 404 });
    expect(gh.unknown.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /orgs/acme/repos',
      'GET /repos/other/widgets/issues/1',
    ]);
    expect(gh.writes.map((w) => [w.method, w.path, w.body])).toEqual([
      ['POST', '/repos/acme/widgets/issues', { title: 't' }],
    ]);
    expect(gh.state.issues).toHaveLength(2);
  });

  it('finds a canary wherever a request carried it', async () => {
    const { gh, octokit } = await start();
    await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'all clear' });
    expect(gh.leaks('sk-canary-123')).toEqual([]);
    await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'oops sk-canary-123' });
    expect(gh.leaks('sk-canary-123')).toEqual(['POST /repos/acme/widgets/issues/1/comments']);
    expect(gh.leaks('token-1')).toHaveLength(gh.requests.length);
  });

  it('lets a test inject faults in front of the built-in routes', async () => {
    let failures = 1;
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'widgets',
      routes: [
        {
          method: 'POST',
          path: /^\/repos\/acme\/widgets\/issues$/,
          handle: () => (failures-- > 0 ? { status: 502, body: { message: 'Bad Gateway' } } : undefined),
        },
      ],
    });
    const octokit = new Octokit({ baseUrl: github.url, auth: 't', log: quiet });
    await expect(octokit.rest.issues.create({ ...repo, title: 't' })).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.issues.create({ ...repo, title: 't' })).status).toBe(201);
  });
});
