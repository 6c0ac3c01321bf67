/**
 * `/keel run` on a pull request (issue 11 §7): the run works on that pull request's branch, not on the
 * checkout (the default branch, for `issue_comment`). Its head is read from the API, refused when it is in a
 * fork (`github/triggers/pull-request-work.ts`), and fetched with the `github-token` credential so the run
 * can start from it; the run then pushes back onto the branch and reports on that pull request.
 *
 * A refusal is one line in the log, a warning annotation, and a short reply on the pull request — text keel
 * wrote, neutralised anyway as everything keel publishes is (`base/publish-text.ts`).
 */
import { neutralizeForPublish } from '../base/publish-text.ts';
import { trustedHostsOf } from '../github/effects/index.ts';
import { pullRequestTarget } from '../github/triggers/index.ts';
import type { PullRequestWork } from '../run/run-base.ts';
import type { ActionIO } from './action-io.ts';
import type { ActionSetup } from './setup.ts';

export type PullRequestRun = { kind: 'work'; pr: PullRequestWork } | { kind: 'refused'; reason: string };

export async function pullRequestRun(
  setup: ActionSetup,
  number: number,
  io: Pick<ActionIO, 'info' | 'annotate'>,
): Promise<PullRequestRun> {
  const { client, ctx, git } = setup;
  const target = await pullRequestTarget(client, ctx, number);
  if (target.kind === 'refused') return refuse(setup, number, target.reason, io);
  const { pr } = target;
  // The branch as it is now (it may have moved since the API answered): the run starts from what it fetched.
  // A failed fetch (network, credentials) throws: the job fails visibly and a re-run tries again.
  await git.run(['fetch', '--quiet', '--no-tags', 'origin', `refs/heads/${pr.headBranch}`], {
    cwd: ctx.workspace,
  });
  const fetched = (
    await git.run(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'], { cwd: ctx.workspace })
  ).stdout.text.trim();
  if (fetched !== pr.headSha)
    io.info(
      `keel: pull request #${number}'s branch moved to ${fetched.slice(0, 12)} since the API said ${pr.headSha.slice(0, 12)}: working from it`,
    );
  return { kind: 'work', pr: { ...pr, headSha: fetched } };
}

async function refuse(
  setup: ActionSetup,
  number: number,
  reason: string,
  io: Pick<ActionIO, 'info' | 'annotate'>,
): Promise<PullRequestRun> {
  const { client, ctx } = setup;
  io.info(`keel: not run — ${reason}`);
  io.annotate({ level: 'warning', title: 'keel: not run on this pull request', message: reason });
  const body = neutralizeForPublish(
    `keel did not run: ${reason}.\n\nAsk for the change on an issue (\`/keel run\` there), and keel opens its own pull request.`,
    { trustedHosts: trustedHostsOf(ctx) },
  );
  // `effects: local` writes nothing to GitHub, a refusal included.
  if (setup.settings.effects === 'github')
    await client.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: number, body });
  return { kind: 'refused', reason };
}
