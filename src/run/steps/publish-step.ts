/**
 * Step `publish`: the pull request (a draft labelled `needs-human-review` when degraded or not approved),
 * the tracking comment, and the closing of a recovery record a previous attempt left open. Every effect is
 * found by its marker before it is made.
 *
 * The work branch is scanned before it is pushed (`git/secret-scan.ts`): when a commit carries a secret or a
 * credential's shape, nothing of the branch leaves the runner, no pull request is opened, a manual-review
 * issue names the files and lines (never the values), and the run finishes `degraded`.
 */
import { describeHits, SecretInPushError, type SecretHit } from '../../git/secret-scan.ts';
import { stepCommits } from '../../git/workspace.ts';
import { effectMarker } from '../effects.ts';
import { isCommitBase } from '../run-base.ts';
import type { RunContext } from '../run-context.ts';
import { finalStatus, runSummaryMarkdown } from '../summary.ts';
import { reviewOf } from './review-step.ts';

/** False when the step was done already (nothing ran, nothing was saved). */
export async function publishStep(ctx: RunContext): Promise<boolean> {
  const step = ctx.step('publish');
  if (step.status === 'done') return false;
  const { deps, state } = ctx;
  ctx.begin(step);
  const review = reviewOf(ctx);
  const commits = await stepCommits(deps.git, ctx.workspace, state.runId);
  let head: string | undefined;
  let refused: readonly SecretHit[] | undefined;
  // Another runner may have claimed the run meanwhile: its work, not ours, is what gets published.
  await deps.remoteFence?.();
  if (commits.size > 0 && !state.effects.pull_request) {
    // Never force: a rejected push is rebased if clean, else the work goes to a new branch — the PR's head.
    try {
      head = deps.pushWorkBranch ? await deps.pushWorkBranch() : ctx.workspace.branch;
    } catch (error) {
      if (!(error instanceof SecretInPushError)) throw error;
      refused = error.hits;
      step.degraded = true;
    }
  }
  // The run's status changes only when this step is done: a crash before then must leave it resumable.
  const status = finalStatus(state);
  const needsHuman = review?.needsHumanReview !== false || status === 'degraded';
  const body = runSummaryMarkdown(state, status, refused);

  if (refused !== undefined) await fileSecretRefusal(ctx, refused);
  // A detached checkout with no branch known to propose into (`run-base.ts`): a commit is no pull request base.
  if (head !== undefined && isCommitBase(ctx.workspace.baseBranch, ctx.workspace.baseSha)) {
    deps.progress(
      `publish: no pull request — the run's base is the commit ${ctx.workspace.baseSha.slice(0, 12)}, not a branch; the work is on ${head}`,
    );
  } else if (head !== undefined && head === state.repo.pullRequest?.headBranch) {
    // Asked for on a pull request: the work is on its branch now, and that pull request is the one to report.
    const pr = state.repo.pullRequest;
    const marker = effectMarker(state.runId, 'publish');
    state.effects.pull_request = { kind: 'pull_request', marker, ref: pr.url, createdAt: deps.clock.now() };
    deps.progress(
      `publish: pushed onto ${pr.headBranch}, the branch of pull request #${pr.number} ${pr.url}`,
    );
    await ctx.checkpoint();
  } else if (head !== undefined) {
    const marker = effectMarker(state.runId, 'publish');
    // The pull request's branch could not take the work (it moved and conflicts): a pull request into it.
    const base = state.repo.pullRequest?.headBranch ?? ctx.workspace.baseBranch;
    const pr = await deps.effects.ensurePullRequest({
      marker,
      title: `keel: ${state.task.text.split('\n', 1)[0]!.slice(0, 100)}`,
      body: `${body}\n\n${marker}`,
      head,
      base,
      draft: needsHuman,
      labels: needsHuman ? ['needs-human-review'] : [],
    });
    state.effects.pull_request = { kind: 'pull_request', marker, ref: pr.url, createdAt: deps.clock.now() };
    deps.progress(
      `publish: ${pr.created ? 'opened' : 'found'} ${needsHuman ? 'draft ' : ''}pull request ${pr.url}`,
    );
    await ctx.checkpoint();
  }

  const tracking = effectMarker(state.runId, 'tracking');
  const comment = await deps.effects.upsertComment(tracking, `${body}\n\n${tracking}`);
  state.effects.tracking = {
    kind: 'comment',
    marker: tracking,
    ref: comment.url,
    createdAt: deps.clock.now(),
  };

  // Looked up by its marker whether or not the state knows it: a crash between opening the record and the
  // checkpoint that notes it leaves a record the state never heard of, and it must not stay open.
  const closed = await deps.effects.closeIssue(
    state.effects.recovery?.marker ?? effectMarker(state.runId, 'recovery'),
    `Run \`${state.runId}\` resumed and finished (${status}).`,
  );
  if (closed) deps.progress(`publish: closed the recovery record ${closed.url}`);
  ctx.finish(step, 'done');
  state.status = status;
  await ctx.event('published', { status, pullRequest: state.effects.pull_request?.ref });
  await ctx.checkpoint();
  return true;
}

/**
 * The work branch was not pushed because its commits carry a secret or a credential's shape: one issue for a
 * human (found by its marker before it is made) saying where — file, line, commit, kind — and never what.
 */
async function fileSecretRefusal(ctx: RunContext, hits: readonly SecretHit[]): Promise<void> {
  const { state, deps } = ctx;
  const where = describeHits(hits);
  deps.progress(`publish: the work branch was not pushed — its commits carry secrets: ${where}`);
  await ctx.event('push_refused_secret', {
    branch: ctx.workspace.branch,
    hits: hits.map((h) => ({ commit: h.commit, path: h.path, line: h.line, kind: h.kind })),
  });
  const key = 'issue:secret-scan';
  if (state.effects[key]) return;
  const marker = effectMarker(state.runId, 'secret-scan');
  const lines = hits.map((h) =>
    h.path !== undefined
      ? `- \`${h.path}\` line ${h.line} (commit ${h.commit.slice(0, 8)}): ${h.kind}`
      : `- the message of commit ${h.commit.slice(0, 8)}: ${h.kind}`,
  );
  const ref = await deps.effects.ensureIssue({
    marker,
    title: `keel: run ${state.runId} was not published — its commits carry secrets`,
    body: [
      `keel refused to push the work branch of run \`${state.runId}\`: the commits below carry one of keel's`,
      'secret values or text shaped like a credential. Nothing of the branch left the runner and no pull',
      'request was opened. Look at the places listed (the values are not repeated here); if a real credential',
      'is among them, rotate it.',
      '',
      ...lines,
      '',
      marker,
    ].join('\n'),
    labels: ['keel', 'needs-human-review'],
  });
  state.effects[key] = { kind: 'issue', marker, ref: ref.url, createdAt: deps.clock.now() };
  deps.progress(`publish: ${ref.created ? 'opened' : 'found'} issue ${ref.url}`);
  await ctx.checkpoint();
}
