/**
 * Step `publish`: the pull request (a draft labelled `needs-human-review` when degraded or not approved),
 * the tracking comment, and the closing of a recovery record a previous attempt left open. Every effect is
 * found by its marker before it is made.
 */
import { stepCommits } from '../../git/workspace.ts';
import { effectMarker } from '../effects.ts';
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
  // The run's status changes only when this step is done: a crash before then must leave it resumable.
  const status = finalStatus(state);
  const commits = await stepCommits(deps.git, ctx.workspace, state.runId);
  const needsHuman = review?.needsHumanReview !== false || status === 'degraded';
  const body = runSummaryMarkdown(state, status);

  if (commits.size > 0 && !state.effects.pull_request) {
    // Never force: a rejected push is rebased if clean, else the work goes to a new branch — the PR's head.
    const head = deps.pushWorkBranch ? await deps.pushWorkBranch() : ctx.workspace.branch;
    const marker = effectMarker(state.runId, 'publish');
    const pr = await deps.effects.ensurePullRequest({
      marker,
      title: `keel: ${state.task.text.split('\n', 1)[0]!.slice(0, 100)}`,
      body: `${body}\n\n${marker}`,
      head,
      base: ctx.workspace.baseBranch,
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
