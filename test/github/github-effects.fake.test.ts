/**
 * GitHubEffects against the stateful fake GitHub server: a run's effects, then a "resumed process" (a
 * fresh GitHubEffects) repeating every call, must leave exactly one of each and write nothing more.
 */
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubEffects, type GitHubEffectsEvent } from '../../src/github/effects/github-effects.ts';
import { createOctokit } from '../../src/github/api/octokit.ts';
import { effectMarker, type IssueSpec, type PullRequestSpec } from '../../src/run/effects.ts';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../helpers/fake-github.ts';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let github: FakeGitHub | undefined;

afterEach(async () => {
  await github?.close();
  github = undefined;
});

async function start(options: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  github = await startFakeGitHub({
    owner: 'acme',
    repo: 'widgets',
    collaborators: { alice: 'write' },
    issues: [{ title: 'Add a widget', body: '/keel run', labels: ['keel'] }],
    ...options,
  });
  return github;
}

/** `null`: a run without a tracking issue (schedule, dispatch). */
function effects(gh: FakeGitHub, trackingIssue: number | null = 1): GitHubEffects {
  return new GitHubEffects({
    client: new Octokit({ baseUrl: gh.url, auth: 'ghs_faketoken', log: quiet }),
    owner: 'acme',
    repo: 'widgets',
    ...(trackingIssue !== null ? { trackingIssue } : {}),
    runUrl: 'https://github.com/acme/widgets/actions/runs/7',
  });
}

const RUN = 'r-20240101-abc';
const failed = (id: string): IssueSpec => {
  const marker = effectMarker(RUN, `code:${id}`);
  return {
    marker,
    title: `keel: implement ${id} by hand`,
    body: `Subtask ${id} failed.\n\n${marker}`,
    labels: ['keel', 'manual-implementation'],
  };
};
const recovery = (reason: string): IssueSpec => {
  const marker = effectMarker(RUN, 'recovery');
  return {
    marker,
    title: `keel: run ${RUN} stopped — ${reason}`,
    body: `Stopped: ${reason}.\n\n${marker}`,
    labels: ['keel', 'keel-recovery'],
  };
};
const pr = (draft: boolean): PullRequestSpec => {
  const marker = effectMarker(RUN, 'publish');
  return {
    marker,
    title: 'keel: Add a widget',
    body: `summary\n\n${marker}`,
    head: `keel/${RUN}`,
    base: 'main',
    draft,
    labels: draft ? ['needs-human-review'] : [],
  };
};
const tracking = effectMarker(RUN, 'tracking');

/** What a run that was interrupted once and then resumed to the end does, in order. */
async function wholeRun(fx: GitHubEffects): Promise<void> {
  await fx.ensureIssue(failed('a'));
  await fx.upsertIssue(recovery('SIGINT'));
  await fx.upsertComment(tracking, `interrupted\n\n${tracking}`);
  await fx.ensureIssue(failed('b'));
  await fx.ensurePullRequest(pr(true));
  await fx.upsertComment(tracking, `done\n\n${tracking}`);
  await fx.closeIssue(recovery('SIGINT').marker, `Run \`${RUN}\` resumed and finished (degraded).`);
}

describe('GitHubEffects on the fake GitHub server', () => {
  it('a resumed process finds every effect: the same calls write nothing, a replayed run creates nothing', async () => {
    const gh = await start();
    await wholeRun(effects(gh));
    expect(gh.writes.filter((w) => w.method === 'POST' && w.path.endsWith('/issues'))).toHaveLength(3);

    // The same final calls from a fresh process (a resume after a crash at the very end): no request writes.
    const settled = gh.writes.length;
    const fresh = effects(gh);
    expect(await fresh.ensureIssue(failed('a'))).toMatchObject({ created: false });
    expect(await fresh.ensureIssue(failed('b'))).toMatchObject({ created: false });
    expect(await fresh.ensurePullRequest(pr(true))).toMatchObject({ created: false });
    expect(await fresh.upsertComment(tracking, `done\n\n${tracking}`)).toMatchObject({ created: false });
    expect(await fresh.closeIssue(recovery('SIGINT').marker, 'again')).toMatchObject({ created: false });
    expect(gh.writes.slice(settled)).toEqual([]);

    // The whole run replayed (a crash at every point at once): edits and reopen/close, but no creation.
    await wholeRun(effects(gh));
    await wholeRun(effects(gh));
    expect(gh.writes.slice(settled).filter((w) => w.method === 'POST')).toEqual([]);
    expect(gh.unknown).toEqual([]);

    const keelIssues = gh.state.issues.filter((i) => i.body?.includes(`keel:run=${RUN}`));
    expect(keelIssues.map((i) => [i.title, i.state])).toEqual([
      ['keel: implement a by hand', 'open'],
      [`keel: run ${RUN} stopped — SIGINT`, 'closed'],
      ['keel: implement b by hand', 'open'],
    ]);
    expect(keelIssues.every((i) => i.labels.includes('keel'))).toBe(true);
    expect(gh.state.issues.find((i) => i.title.includes('stopped'))?.state_reason).toBe('completed');
    const trackingComments = gh.state.comments.filter((c) => c.body.includes(tracking));
    expect(trackingComments).toHaveLength(1);
    expect(trackingComments[0]).toMatchObject({ issue_number: 1, body: `done\n\n${tracking}` });
    const closing = gh.state.comments.filter((c) => c.body.includes('resumed and finished'));
    expect(closing).toHaveLength(1);
    expect(closing[0]?.body).toContain('https://github.com/acme/widgets/actions/runs/7');
    expect(gh.state.pulls).toHaveLength(1);
    expect(gh.state.pulls[0]).toMatchObject({
      draft: true,
      head: `keel/${RUN}`,
      labels: ['needs-human-review'],
    });
    expect(gh.requests.every((r) => r.authorization === 'token ghs_faketoken')).toBe(true);
  });

  it('reopens the recovery issue when the run stops again after it was closed', async () => {
    const gh = await start();
    const fx = effects(gh);
    await fx.upsertIssue(recovery('SIGINT'));
    await fx.closeIssue(recovery('SIGINT').marker, 'finished');
    const ref = await effects(gh).upsertIssue(recovery('time budget spent'));
    const issue = gh.state.issues.find((i) => String(i.number) === ref.id);
    expect(issue).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      title: `keel: run ${RUN} stopped — time budget spent`,
    });
    expect(gh.state.issues.filter((i) => i.body?.includes(recovery('x').marker))).toHaveLength(1);
  });

  it('opens a ready pull request labelled needs-human-review where drafts are not supported', async () => {
    const gh = await start({ draftPullRequests: false });
    const spec = { ...pr(true), labels: [] };
    expect(await effects(gh).ensurePullRequest(spec)).toMatchObject({ created: true });
    expect(await effects(gh).ensurePullRequest(spec)).toMatchObject({ created: false });
    expect(gh.state.pulls).toHaveLength(1);
    expect(gh.state.pulls[0]).toMatchObject({ draft: false, labels: ['needs-human-review'] });
  });

  it('finds its issue among more than a page of labelled issues', async () => {
    const gh = await start({
      issues: Array.from({ length: 230 }, (_, i) => ({
        title: `task ${i}`,
        body: `task ${i}`,
        labels: ['keel'],
      })),
    });
    const spec = failed('a');
    // Made first: 230 newer issues come before it in the newest-first listing.
    gh.state.issues.unshift({
      number: 999,
      title: spec.title,
      body: spec.body,
      state: 'closed',
      state_reason: 'completed',
      labels: ['keel'],
      locked: false,
      user: 'github-actions[bot]',
      created_at: '2023-01-01T00:00:00Z',
      updated_at: '2023-01-01T00:00:00Z',
      closed_at: '2023-01-01T00:00:00Z',
    });
    expect(await effects(gh).ensureIssue(spec)).toMatchObject({ id: '999', created: false });
    expect(gh.writes).toEqual([]);
    expect(gh.requests.filter((r) => r.path.includes('/issues?')).length).toBe(3);
  });

  it('keeps a huge body within the limit the server enforces', async () => {
    const gh = await start();
    const spec = { ...failed('big'), body: `${'log line\n'.repeat(20_000)}\n\n${failed('big').marker}` };
    await effects(gh).ensureIssue(spec);
    expect(await effects(gh).ensureIssue(spec)).toMatchObject({ created: false });
    const issue = gh.state.issues.find((i) => i.title.includes('big'));
    expect(issue?.body?.length).toBeLessThanOrEqual(65_536);
    expect(issue?.body?.endsWith(spec.marker)).toBe(true);
  });

  it('writes no comment without a tracking issue, and explains a locked one', async () => {
    const gh = await start({ issues: [{ title: 'locked', labels: ['keel'], locked: true }] });
    expect(await effects(gh, null).upsertComment(tracking, 'x')).toEqual({ id: '', url: '', created: false });
    expect(gh.requests).toEqual([]);
    await expect(effects(gh, 1).upsertComment(tracking, 'x')).rejects.toThrow(
      /#1 in acme\/widgets is locked/,
    );
    await expect(effects(gh, 404).upsertComment(tracking, 'x')).rejects.toThrow(
      /tracking issue #404 .*not found \(404\)/,
    );
  });

  describe('with the production client (retry and throttling plugins)', () => {
    /** A route that answers the first issue creation with a 502 — after doing it when `performed`. */
    function lostAnswer(performed: boolean): NonNullable<FakeGitHubOptions['routes']> {
      let failures = 1;
      return [
        {
          method: 'POST',
          path: /^\/repos\/acme\/widgets\/issues$/,
          handle: (request, api) => {
            if (failures-- <= 0) return undefined;
            if (performed) api.forward(request);
            return { status: 502, body: { message: 'Server Error' } };
          },
        },
      ];
    }

    function production(gh: FakeGitHub, events: GitHubEffectsEvent[]): GitHubEffects {
      return new GitHubEffects({
        client: createOctokit({ token: 'ghs_faketoken', baseUrl: gh.url, retryAfterBaseMs: 1, log: quiet }),
        owner: 'acme',
        repo: 'widgets',
        createRetryBaseMs: 0,
        log: (event) => events.push(event),
      });
    }

    it('a 502 after GitHub created the issue does not make a second one', async () => {
      const gh = await start({ labels: ['keel', 'manual-implementation'], routes: lostAnswer(true) });
      const events: GitHubEffectsEvent[] = [];
      const ref = await production(gh, events).ensureIssue(failed('a'));
      expect(ref).toMatchObject({ created: true });
      expect(gh.state.issues.filter((i) => i.body?.includes(failed('a').marker))).toHaveLength(1);
      expect(gh.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
      expect(events).toContainEqual(expect.objectContaining({ type: 'github_create_retry', found: true }));
    });

    it('a 502 before anything was created is tried again, once the marker is known to be absent', async () => {
      const gh = await start({ labels: ['keel', 'manual-implementation'], routes: lostAnswer(false) });
      const events: GitHubEffectsEvent[] = [];
      const ref = await production(gh, events).ensureIssue(failed('a'));
      expect(ref).toMatchObject({ created: true });
      expect(gh.state.issues.filter((i) => i.body?.includes(failed('a').marker))).toHaveLength(1);
      expect(gh.writes.filter((w) => w.method === 'POST')).toHaveLength(2);
      expect(events).toContainEqual(expect.objectContaining({ type: 'github_create_retry', found: false }));
    });
  });
});
