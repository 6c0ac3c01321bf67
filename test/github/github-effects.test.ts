/**
 * GitHubEffects against nock with `@octokit/fixtures` shapes: every effect is looked up by its marker
 * before anything is created, so a second call (or a resumed process) writes nothing.
 */
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GitHubEffects,
  GitHubEffectsError,
  type GitHubEffectsEvent,
} from '../../src/github/effects/github-effects.ts';
import { effectMarker } from '../../src/run/effects.ts';
import {
  API,
  OWNER,
  REPO,
  comment,
  githubError,
  issue,
  label,
  pull,
  validationFailed,
} from '../helpers/fake-github-fixtures.ts';

const ROOT = `/repos/${OWNER}/${REPO}`;
const RUN = 'run-1';
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Requests nock had no interceptor for: an unexpected write shows up here (and fails the call). */
let unmatched: string[];
let events: GitHubEffectsEvent[];
const onNoMatch = (req: { method?: string; path?: string; url?: string }): void => {
  unmatched.push(`${req.method} ${req.path ?? req.url}`);
};

beforeEach(() => {
  nock.disableNetConnect();
  unmatched = [];
  events = [];
  nock.emitter.on('no match', onNoMatch);
});

afterEach(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  const pending = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  expect(unmatched).toEqual([]);
  expect(pending).toEqual([]);
});

function effects(options: { trackingIssue?: number; runUrl?: string } = {}): GitHubEffects {
  return new GitHubEffects({
    client: new Octokit({ baseUrl: API, auth: 'test-token', log: quiet }),
    owner: OWNER,
    repo: REPO,
    log: (event) => events.push(event),
    ...options,
  });
}

const listQuery = { labels: 'keel', state: 'all', sort: 'created', direction: 'desc', per_page: '100' };

function issueSpec(step: string, body = 'details') {
  const marker = effectMarker(RUN, step);
  return {
    marker,
    title: `keel: ${step}`,
    body: `${body}\n\n${marker}`,
    labels: ['keel', 'manual-implementation'],
  };
}

describe('issues: find before create', () => {
  it('finds the issue on the second page of the labelled listing and creates nothing', async () => {
    const spec = issueSpec('code:a');
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(
        200,
        [issue(9, { body: 'unrelated' }), issue(8, { body: `x\n\n${effectMarker(RUN, 'code:ab')}` })],
        {
          link: `<${API}${ROOT}/issues?labels=keel&state=all&sort=created&direction=desc&per_page=100&page=2>; rel="next"`,
        },
      )
      .get(`${ROOT}/issues`)
      .query({ ...listQuery, page: '2' })
      .reply(200, [issue(7, { body: spec.body })]);

    const ref = await effects().ensureIssue(spec);
    expect(ref).toEqual({ id: '7', url: `https://github.com/${OWNER}/${REPO}/issues/7`, created: false });
    expect(events.map((e) => e.type)).toEqual(['github_effect_found']);
  });

  it('skips pull requests in the issues listing', async () => {
    const spec = issueSpec('code:a');
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [issue(3, { body: spec.body, pull: true }), issue(2, { body: spec.body })]);
    expect((await effects().ensureIssue(spec)).id).toBe('2');
  });

  it('creates the labels and the issue once; the same object and a fresh one then find it without writing', async () => {
    const spec = issueSpec('code:a');
    let posted: { title?: string; body?: string; labels?: string[] } = {};
    const created = issue(5, { body: spec.body, labels: ['keel', 'manual-implementation'] });
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/keel`)
      .reply(200, label('keel'))
      .get(`${ROOT}/labels/manual-implementation`)
      .reply(404, githubError('Not Found'))
      .post(
        `${ROOT}/labels`,
        (body: { name?: string; color?: string }) =>
          body.name === 'manual-implementation' && /^[0-9a-f]{6}$/.test(body.color ?? ''),
      )
      .reply(201, label('manual-implementation'))
      .post(`${ROOT}/issues`, (body: typeof posted) => {
        posted = body;
        return true;
      })
      .reply(201, created);

    const first = effects();
    expect(await first.ensureIssue(spec)).toEqual({
      id: '5',
      url: `https://github.com/${OWNER}/${REPO}/issues/5`,
      created: true,
    });
    expect(posted.labels).toEqual(['keel', 'manual-implementation']);
    expect(posted.body).toBe(spec.body);
    expect(events.map((e) => e.type)).toEqual(['github_label_created', 'github_effect_created']);

    // The same object re-reads the issue it made by number; a fresh one (a resumed process) lists.
    nock(API).get(`${ROOT}/issues/5`).reply(200, created);
    expect(await first.ensureIssue(spec)).toMatchObject({ id: '5', created: false });
    nock(API).get(`${ROOT}/issues`).query(listQuery).reply(200, [created]);
    expect(await effects().ensureIssue(spec)).toMatchObject({ id: '5', created: false });
  });

  it('always puts the base label on an issue, even when the spec omits it', async () => {
    const marker = effectMarker(RUN, 'code:b');
    let labels: string[] = [];
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/keel`)
      .reply(200, label('keel'))
      .post(`${ROOT}/issues`, (body: { labels: string[] }) => {
        labels = body.labels;
        return true;
      })
      .reply(201, issue(1, { body: marker }));
    await effects().ensureIssue({ marker, title: 't', body: marker, labels: [] });
    expect(labels).toEqual(['keel']);
  });

  it('takes a label another job created meanwhile (422 already_exists) as existing', async () => {
    const spec = issueSpec('code:a');
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/keel`)
      .reply(404, githubError('Not Found'))
      .post(`${ROOT}/labels`)
      .reply(422, validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]))
      .get(`${ROOT}/labels/manual-implementation`)
      .reply(200, label('manual-implementation'))
      .post(`${ROOT}/issues`)
      .reply(201, issue(4, { body: spec.body }));
    expect((await effects().ensureIssue(spec)).created).toBe(true);
  });

  it('cuts a body over 65,536 characters, keeps the marker last, and says so', async () => {
    const marker = effectMarker(RUN, 'code:big');
    let body = '';
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/keel`)
      .reply(200, label('keel'))
      .post(`${ROOT}/issues`, (sent: { body: string }) => {
        body = sent.body;
        return true;
      })
      .reply(201, issue(1, { body: marker }));
    await effects().ensureIssue({
      marker,
      title: 't',
      body: `${'x'.repeat(100_000)}\n\n${marker}`,
      labels: ['keel'],
    });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.endsWith(`\n\n${marker}`)).toBe(true);
    expect(body).toContain('truncated by keel');
    expect(body.split(marker)).toHaveLength(2);
    expect(events).toContainEqual(expect.objectContaining({ type: 'github_body_truncated', kind: 'issue' }));
  });

  it('redacts key-shaped secrets from titles and bodies, never the marker', async () => {
    const marker = effectMarker(RUN, 'code:c');
    let sent: { title: string; body: string } = { title: '', body: '' };
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/keel`)
      .reply(200, label('keel'))
      .post(`${ROOT}/issues`, (body: typeof sent) => {
        sent = body;
        return true;
      })
      .reply(201, issue(1, { body: marker }));
    await effects().ensureIssue({
      marker,
      title: 'failed with sk-abcdefghijklmnop',
      body: `Authorization: Bearer sk-abcdefghijklmnop\n\n${marker}`,
      labels: [],
    });
    expect(`${sent.title} ${sent.body}`).not.toContain('sk-abcdefghijklmnop');
    expect(sent.body.endsWith(marker)).toBe(true);
  });
});

describe('upsertIssue: the recovery issue', () => {
  const marker = effectMarker(RUN, 'recovery');
  const spec = {
    marker,
    title: 'keel: run run-1 stopped',
    body: `resume with …\n\n${marker}`,
    labels: ['keel', 'keel-recovery'],
  };

  it('rewrites the body and reopens a closed recovery issue', async () => {
    let patch: Record<string, unknown> = {};
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [issue(6, { title: spec.title, body: `old\n\n${marker}`, state: 'closed' })])
      .patch(`${ROOT}/issues/6`, (body: Record<string, unknown>) => {
        patch = body;
        return true;
      })
      .reply(200, issue(6, { body: spec.body }));
    expect(await effects().upsertIssue(spec)).toMatchObject({ id: '6', created: false });
    expect(patch).toEqual({ body: spec.body, state: 'open' });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'github_effect_updated', change: 'reopened' }),
    );
  });

  it('writes nothing when the open issue already says the same', async () => {
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [issue(6, { title: spec.title, body: spec.body })]);
    expect(await effects().upsertIssue(spec)).toMatchObject({ id: '6', created: false });
  });

  it('creates it when no issue carries the marker', async () => {
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/keel`)
      .reply(200, label('keel'))
      .get(`${ROOT}/labels/keel-recovery`)
      .reply(200, label('keel-recovery'))
      .post(`${ROOT}/issues`)
      .reply(201, issue(10, { body: spec.body }));
    expect(await effects().upsertIssue(spec)).toMatchObject({ id: '10', created: true });
  });
});

describe('closeIssue', () => {
  const marker = effectMarker(RUN, 'recovery');

  it('comments with a link to the run, then closes as completed', async () => {
    const order: string[] = [];
    let text = '';
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [issue(6, { body: `stopped\n\n${marker}` })])
      .post(`${ROOT}/issues/6/comments`, (body: { body: string }) => {
        text = body.body;
        order.push('comment');
        return true;
      })
      .reply(201, comment(77, 6, 'done'))
      .patch(`${ROOT}/issues/6`, (body: Record<string, unknown>) => {
        order.push('close');
        return body.state === 'closed' && body.state_reason === 'completed';
      })
      .reply(200, issue(6, { state: 'closed', body: marker }));
    const ref = await effects({ runUrl: 'https://github.com/o/r/actions/runs/42' }).closeIssue(
      marker,
      'Run finished.',
    );
    expect(ref).toMatchObject({ id: '6', created: false });
    expect(order).toEqual(['comment', 'close']);
    expect(text).toContain('Run finished.');
    expect(text).toContain('https://github.com/o/r/actions/runs/42');
    expect(text).not.toContain(marker);
  });

  it('does not post the closing comment twice after a crash between comment and close', async () => {
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [issue(6, { body: `stopped\n\n${marker}`, comments: 1 })])
      .get(`${ROOT}/issues/6/comments`)
      .query({ per_page: '100' })
      .reply(200, [comment(77, 6, 'Run finished.\n\n<!-- keel:run=run-1 step=recovery closing -->')])
      .patch(`${ROOT}/issues/6`)
      .reply(200, issue(6, { state: 'closed', body: marker }));
    expect(await effects().closeIssue(marker, 'Run finished.')).toMatchObject({ id: '6' });
  });

  it('is a no-op for an issue already closed, and undefined when there is none', async () => {
    nock(API)
      .get(`${ROOT}/issues`)
      .query(listQuery)
      .reply(200, [issue(6, { body: marker, state: 'closed' })]);
    expect(await effects().closeIssue(marker, 'x')).toMatchObject({ id: '6', created: false });
    nock(API).get(`${ROOT}/issues`).query(listQuery).reply(200, []);
    expect(await effects().closeIssue(effectMarker('other', 'recovery'), 'x')).toBeUndefined();
  });
});

describe('upsertComment: the tracking comment', () => {
  const marker = effectMarker(RUN, 'tracking');
  const body = `**keel run** — completed\n\n${marker}`;

  it('finds the comment on a later page and leaves it alone when the text is the same', async () => {
    nock(API)
      .get(`${ROOT}/issues/12/comments`)
      .query({ per_page: '100' })
      .reply(200, [comment(1, 12, 'hello'), comment(2, 12, '/keel run')], {
        link: `<${API}${ROOT}/issues/12/comments?per_page=100&page=2>; rel="next"`,
      })
      .get(`${ROOT}/issues/12/comments`)
      .query({ per_page: '100', page: '2' })
      .reply(200, [comment(3, 12, body)]);
    const ref = await effects({ trackingIssue: 12 }).upsertComment(marker, body);
    expect(ref).toMatchObject({ id: '3', created: false });
    expect(ref.url).toContain('#issuecomment-3');
  });

  it('edits it in place when the text changed, and creates it only when missing', async () => {
    nock(API)
      .get(`${ROOT}/issues/12/comments`)
      .query({ per_page: '100' })
      .reply(200, [comment(3, 12, `old\n\n${marker}`)])
      .patch(`${ROOT}/issues/comments/3`, { body })
      .reply(200, comment(3, 12, body));
    expect(await effects({ trackingIssue: 12 }).upsertComment(marker, body)).toMatchObject({
      created: false,
    });

    const fresh = effects({ trackingIssue: 13 });
    nock(API)
      .get(`${ROOT}/issues/13/comments`)
      .query({ per_page: '100' })
      .reply(200, [])
      .post(`${ROOT}/issues/13/comments`, { body })
      .reply(201, comment(9, 13, body));
    expect(await fresh.upsertComment(marker, body)).toMatchObject({ id: '9', created: true });
    // Remembered by id: the next update reads it back and edits it, without listing again.
    const next = `**keel run** — degraded\n\n${marker}`;
    nock(API)
      .get(`${ROOT}/issues/comments/9`)
      .reply(200, comment(9, 13, body))
      .patch(`${ROOT}/issues/comments/9`, { body: next })
      .reply(200, comment(9, 13, next));
    expect(await fresh.upsertComment(marker, next)).toMatchObject({ id: '9', created: false });
  });

  it('writes nothing without a tracking issue and says so', async () => {
    expect(await effects().upsertComment(marker, body)).toEqual({ id: '', url: '', created: false });
    expect(events).toEqual([expect.objectContaining({ type: 'github_tracking_comment_skipped' })]);
  });

  it('names a missing tracking issue and a locked one', async () => {
    nock(API).get(`${ROOT}/issues/12/comments`).query(true).reply(404, githubError('Not Found'));
    const missing = await effects({ trackingIssue: 12 })
      .upsertComment(marker, body)
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GitHubEffectsError);
    expect((missing as GitHubEffectsError).status).toBe(404);
    expect((missing as Error).message).toMatch(/tracking issue #12 in octo-org\/keel-target not found/);

    nock(API)
      .get(`${ROOT}/issues/12/comments`)
      .query(true)
      .reply(200, [])
      .post(`${ROOT}/issues/12/comments`)
      .reply(403, githubError('Unable to create comment because issue is locked.'));
    const locked = await effects({ trackingIssue: 12 })
      .upsertComment(marker, body)
      .catch((e: unknown) => e);
    expect((locked as Error).message).toMatch(/#12 .*is locked/);
  });
});

describe('ensurePullRequest', () => {
  const marker = effectMarker(RUN, 'publish');
  const spec = {
    marker,
    title: 'keel: add a thing',
    body: `summary\n\n${marker}`,
    head: 'keel/run-1',
    base: 'main',
    draft: true,
    labels: ['needs-human-review'],
  };
  const pullsQuery = { head: `${OWNER}:keel/run-1`, state: 'all', per_page: '100' };

  it('finds the pull request by its branch and marker and creates nothing', async () => {
    nock(API)
      .get(`${ROOT}/pulls`)
      .query(pullsQuery)
      .reply(200, [
        pull(4, { body: 'someone else', state: 'closed' }),
        pull(5, { body: spec.body, draft: true, labels: ['needs-human-review'] }),
      ]);
    expect(await effects().ensurePullRequest(spec)).toEqual({
      id: '5',
      url: `https://github.com/${OWNER}/${REPO}/pull/5`,
      created: false,
    });
  });

  it('adds labels a crash left off a found pull request', async () => {
    nock(API)
      .get(`${ROOT}/pulls`)
      .query(pullsQuery)
      .reply(200, [pull(5, { body: spec.body, draft: true })])
      .get(`${ROOT}/labels/needs-human-review`)
      .reply(200, label('needs-human-review'))
      .post(`${ROOT}/issues/5/labels`, { labels: ['needs-human-review'] })
      .reply(200, [label('needs-human-review')]);
    expect(await effects().ensurePullRequest(spec)).toMatchObject({ id: '5', created: false });
  });

  it('opens a labelled draft', async () => {
    nock(API)
      .get(`${ROOT}/pulls`)
      .query(pullsQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/needs-human-review`)
      .reply(200, label('needs-human-review'))
      .post(
        `${ROOT}/pulls`,
        (body: Record<string, unknown>) =>
          body.draft === true && body.head === 'keel/run-1' && body.base === 'main',
      )
      .reply(201, pull(8, { body: spec.body, draft: true }))
      .post(`${ROOT}/issues/8/labels`, { labels: ['needs-human-review'] })
      .reply(200, [label('needs-human-review')]);
    expect(await effects().ensurePullRequest(spec)).toMatchObject({ id: '8', created: true });
  });

  it('falls back to a ready pull request labelled needs-human-review when drafts are not supported', async () => {
    const draftless = { ...spec, labels: [] };
    nock(API)
      .get(`${ROOT}/pulls`)
      .query(pullsQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/needs-human-review`)
      .reply(404, githubError('Not Found'))
      .post(`${ROOT}/labels`)
      .reply(201, label('needs-human-review'))
      .post(`${ROOT}/pulls`, (body: Record<string, unknown>) => body.draft === true)
      .reply(422, githubError('Draft pull requests are not supported in this repository.'))
      .post(`${ROOT}/pulls`, (body: Record<string, unknown>) => body.draft === false)
      .reply(201, pull(8, { body: spec.body }))
      .post(`${ROOT}/issues/8/labels`, { labels: ['needs-human-review'] })
      .reply(200, [label('needs-human-review')]);
    expect(await effects().ensurePullRequest(draftless)).toMatchObject({ id: '8', created: true });
    expect(events.map((e) => e.type)).toContain('github_draft_unsupported');
  });

  it('adopts the open pull request GitHub says already exists for the branch', async () => {
    nock(API)
      .get(`${ROOT}/pulls`)
      .query(pullsQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/needs-human-review`)
      .reply(200, label('needs-human-review'))
      .post(`${ROOT}/pulls`)
      .reply(
        422,
        validationFailed([
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${OWNER}:keel/run-1.`,
          },
        ]),
      )
      .get(`${ROOT}/pulls`)
      .query({ head: `${OWNER}:keel/run-1`, base: 'main', state: 'open' })
      .reply(200, [pull(3, { body: 'opened by hand' })]);
    expect(await effects().ensurePullRequest(spec)).toMatchObject({ id: '3', created: false });
    expect(events.map((e) => e.type)).toContain('github_pull_request_adopted');
  });

  it('says what to check when GitHub rejects the branch', async () => {
    nock(API)
      .get(`${ROOT}/pulls`)
      .query(pullsQuery)
      .reply(200, [])
      .get(`${ROOT}/labels/needs-human-review`)
      .reply(200, label('needs-human-review'))
      .post(`${ROOT}/pulls`)
      .reply(
        422,
        validationFailed([
          { resource: 'PullRequest', code: 'custom', message: 'No commits between main and keel/run-1' },
        ]),
      );
    const error = await effects()
      .ensurePullRequest(spec)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubEffectsError);
    expect((error as Error).message).toMatch(
      /No commits between main and keel\/run-1 — is the work branch pushed/,
    );
  });
});
