/**
 * What a `/keel` comment on a pull request works on: that pull request's branch, read from the API (the
 * `issue_comment` payload names the pull request but not its branches), and that pull request is the one
 * keel reports on. The event's checkout is the default branch (GITHUB_SHA of `issue_comment`), or for
 * `pull_request` a detached merge commit: neither is the branch the comment is about.
 *
 * Refused: a pull request whose head is in a fork (or a fork since deleted). Pushing onto a fork's branch
 * needs the fork owner's "allow edits by maintainers" and would hand the fork's author's branch content
 * written from a comment — and keel's token would push to someone else's repository. A closed pull request
 * is refused too: nobody is waiting for commits on it.
 *
 * Also: the base a run's pull request goes into when the checkout is a detached HEAD — the pull request's
 * base ref for `pull_request*` events, else the repository's default branch from the payload.
 */
import { isBranchName } from '../../git/workspace-guards.ts';
import type { BaseBranchHint, PullRequestWork } from '../../run/run-base.ts';
import type { ActionContext, GitHubClient } from '../api/index.ts';
import { objectField } from './trigger-payload.ts';

export type PullRequestTarget = { kind: 'ok'; pr: PullRequestWork } | { kind: 'refused'; reason: string };

export async function pullRequestTarget(
  client: GitHubClient,
  ctx: Pick<ActionContext, 'owner' | 'repo'>,
  number: number,
): Promise<PullRequestTarget> {
  const { data } = await client.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: number });
  const where = `pull request #${number}`;
  if (data.state !== 'open')
    return { kind: 'refused', reason: `${where} is ${data.state}: keel works only on open ones` };
  const own = `${ctx.owner}/${ctx.repo}`.toLowerCase();
  const headRepo = data.head.repo?.full_name;
  if (headRepo === undefined || headRepo.toLowerCase() !== own) {
    return {
      kind: 'refused',
      reason: `${where} comes from ${headRepo === undefined ? 'a deleted fork' : 'a fork'}: keel pushes only to branches of ${own}, never to a fork's branch from a comment`,
    };
  }
  const headBranch = data.head.ref;
  const baseBranch = data.base.ref;
  if (!isBranchName(headBranch) || !isBranchName(baseBranch))
    return { kind: 'refused', reason: `${where}: its head or base is not a branch name keel can push to` };
  return {
    kind: 'ok',
    pr: { number, url: data.html_url, headBranch, headSha: data.head.sha, baseBranch },
  };
}

/**
 * The branch a new run proposes into when the checkout is a detached HEAD (`run/run-base.ts`): for
 * `pull_request` and `pull_request_target` (and the review events) the pull request's base, else the
 * repository's default branch. Undefined when the payload names neither as a branch.
 */
export function eventBaseBranch(
  ctx: Pick<ActionContext, 'eventName' | 'payload'>,
): BaseBranchHint | undefined {
  const pull = objectField(ctx.payload, 'pull_request');
  const base = objectField(pull, 'base')?.ref;
  if (ctx.eventName.startsWith('pull_request') && typeof base === 'string' && isBranchName(base)) {
    const number = typeof pull?.number === 'number' ? ` #${pull.number}` : '';
    return { name: base, why: `the base of pull request${number}` };
  }
  const fallback = objectField(ctx.payload, 'repository')?.default_branch;
  if (typeof fallback === 'string' && isBranchName(fallback))
    return { name: fallback, why: "the repository's default branch" };
  return undefined;
}
