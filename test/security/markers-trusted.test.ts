/**
 * Issue 12 §4: markers are trusted only on keel's own comments and issues. Run ids are printed in public job
 * logs, so anybody can paste `<!-- keel:run=<id> step=tracking -->` into a comment. keel must neither edit
 * the stranger's comment as its tracking comment, nor take a stranger's planted "closing" comment for its own
 * note on the recovery issue, nor rewrite a stranger's issue carrying the recovery marker.
 */
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { closingMarker } from '../../src/github/effects/effects-body.ts';
import { GitHubEffects } from '../../src/github/effects/github-effects.ts';
import { effectMarker } from '../../src/run/effects.ts';
import {
  commentEvent,
  createWorld,
  E2E,
  marker,
  runStep,
  type World,
} from '../action/helpers/action-harness.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

/** The id keel gives a run asked for by the harness's comment (`comment-<comment id>`): public, guessable. */
const RUN_ID = 'comment-555001';
const ISSUE = { number: 1, title: 'Add a farewell helper in src/farewell.js.' };

let world: World | undefined;
let github: FakeGitHub | undefined;
afterEach(async () => {
  await world?.close();
  await github?.close();
  world = undefined;
  github = undefined;
});

describe('a stranger’s planted marker', E2E, () => {
  it('on the triggering issue: keel posts its own tracking comment and leaves the stranger’s alone', async () => {
    const planted = `Nice bot. ${marker(RUN_ID, 'tracking')}`;
    world = await createWorld({
      github: {
        collaborators: { alice: 'write' },
        issues: [{ ...ISSUE, comments: [{ body: planted, user: 'mallory' }] }],
      },
    });
    const runner = await world.runner('one');
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      event: commentEvent({ body: '/keel run', login: 'alice', association: 'COLLABORATOR', issue: ISSUE }),
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.outputs['run-id']).toBe(RUN_ID);
    const comments = world.github.state.comments.filter((c) => c.issue_number === ISSUE.number);
    const mallory = comments.find((c) => c.user === 'mallory')!;
    expect(mallory.body).toBe(planted);
    expect(
      world.github.writes.filter((w) => w.method === 'PATCH' && w.path.includes(`/comments/${mallory.id}`)),
    ).toEqual([]);
    const own = comments.filter((c) => c.user === 'github-actions[bot]');
    expect(own).toHaveLength(1);
    expect(own[0]!.body).toContain(marker(RUN_ID, 'tracking'));
  });
});

describe('look-ups by marker (in process)', () => {
  async function effectsFor(gh: FakeGitHub, trackingIssue?: number): Promise<GitHubEffects> {
    return new GitHubEffects({
      client: new Octokit({ baseUrl: gh.url, auth: 'ghs_fakeActionsToken0123456789' }),
      owner: 'acme',
      repo: 'widgets',
      ...(trackingIssue !== undefined ? { trackingIssue } : {}),
    });
  }

  it('a planted closing comment does not suppress keel’s "resumed and finished" note', async () => {
    const recovery = effectMarker(RUN_ID, 'recovery');
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'widgets',
      issues: [
        {
          number: 3,
          title: `keel: run ${RUN_ID} stopped`,
          body: `resume instructions\n\n${recovery}`,
          labels: ['keel', 'keel-recovery'],
          user: 'github-actions[bot]',
          comments: [{ body: `lol ${closingMarker(recovery)}`, user: 'mallory' }],
        },
      ],
    });
    const closed = await (
      await effectsFor(github)
    ).closeIssue(recovery, `Run \`${RUN_ID}\` resumed and finished.`);
    expect(closed?.id).toBe('3');
    const notes = github.state.comments.filter(
      (c) => c.issue_number === 3 && c.user === 'github-actions[bot]',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('resumed and finished');
    expect(github.state.issues.find((i) => i.number === 3)?.state).toBe('closed');
  });

  it('a stranger’s issue carrying the recovery marker is neither rewritten nor reopened', async () => {
    const recovery = effectMarker(RUN_ID, 'recovery');
    const body = `I am the recovery record now.\n\n${recovery}`;
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'widgets',
      issues: [{ number: 5, title: 'planted', body, labels: ['keel'], user: 'mallory', state: 'closed' }],
    });
    const ref = await (
      await effectsFor(github)
    ).upsertIssue({
      marker: recovery,
      title: `keel: run ${RUN_ID} stopped`,
      body: `resume with …\n\n${recovery}`,
      labels: ['keel', 'keel-recovery'],
    });
    expect(ref.created).toBe(true);
    const planted = github.state.issues.find((i) => i.number === 5)!;
    expect(planted).toMatchObject({ body, state: 'closed', title: 'planted' });
    expect(github.state.issues.find((i) => i.number === Number(ref.id))?.user).toBe('github-actions[bot]');
  });
});
