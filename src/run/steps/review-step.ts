/**
 * Step `review`: the reviewer reads the diff and the validation results. When no reviewer model can
 * answer, the degraded review never approves: the work goes to a human (an optimistic
 * approval would let unreviewed work merge).
 */
import { degradedReview, reviewChanges } from '../../agents/reviewer.ts';
import type { Review } from '../../agents/types.ts';
import { diffSinceBase } from '../../git/workspace.ts';
import { agentInfraFault } from '../infra-fault.ts';
import type { RunContext } from '../run-context.ts';
import { validationResults } from './validate-step.ts';

const MAX_DIFF_BYTES = 120 * 1024;

export async function reviewStep(ctx: RunContext): Promise<void> {
  const step = ctx.step('review');
  if (step.status === 'done') return;
  const { deps, state } = ctx;
  ctx.begin(step);
  const diff = await diffSinceBase(deps.git, ctx.workspace, MAX_DIFF_BYTES);
  const validation = validationResults(ctx).map((r) => ({
    command: r.command,
    passed: r.passed,
    output: r.output,
  }));
  const result = await reviewChanges(
    deps.router,
    { task: state.task.text, plan: state.plan!, diff, validation },
    {
      signal: deps.signal,
      onUnusable: (unusable) => ctx.reportUnusable('reviewer', 'review', unusable),
    },
  );
  if (ctx.stopping) {
    step.status = 'pending';
    return;
  }
  // No reviewer reachable, or every one busy: reviewed after a resume, not waved through as degraded.
  const fault = agentInfraFault('reviewer', result);
  if (fault) {
    step.status = 'pending';
    throw fault;
  }
  let review: Review;
  if (result.ok) {
    review = result.value;
    ctx.finish(step, 'done', { model: result.provenance.model, result: { ...review } });
  } else {
    review = degradedReview(deps.redact(result.reason));
    deps.metrics.degraded('reviewer');
    ctx.finish(step, 'done', { model: 'template', degraded: true, result: { ...review } });
  }
  deps.progress(
    `review: ${review.approved ? 'approved' : 'not approved'}${review.degraded ? ' (degraded: no reviewer answered)' : ''}, quality ${review.codeQuality}`,
  );
  await ctx.event('review', {
    approved: review.approved,
    degraded: review.degraded,
    quality: review.codeQuality,
  });
  await ctx.checkpoint();
}

export function reviewOf(ctx: RunContext): Review | undefined {
  return ctx.state.steps.review?.result as Review | undefined;
}
