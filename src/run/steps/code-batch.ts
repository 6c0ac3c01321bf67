/**
 * The coder batch: every subtask of the plan, in parallel up to the fleet's capacity, then the
 * partial-success rule. Crash-safe at any instant:
 * - a commit made just before a crash is found again by its `Keel-Step` trailer and counts as done;
 * - the batch's starting head is checkpointed before any coding, so a discarded batch is reset exactly;
 * - the decision is checkpointed before it is carried out, and carrying it out is idempotent.
 */
import { manualImplementationIssue } from '../../agents/coder.ts';
import type { Subtask } from '../../agents/types.ts';
import type { KeelConfig } from '../../config/schema.ts';
import { headSha, resetWorkBranch, stepCommits } from '../../git/workspace.ts';
import { effectMarker } from '../effects.ts';
import { decideBatch, type BatchTally } from '../partial-success.ts';
import { pendingSubtasks } from '../pending-subtasks.ts';
import type { RunContext } from '../run-context.ts';
import { forEachLimited, Serial } from '../../base/serial.ts';
import { BatchFaults, errorInfraFault } from '../infra-fault.ts';
import { codeOne } from './code-one.ts';

/** Result of the coding phase: go on to validation, or stop (interrupted, or gave up). */
export type CodePhase = 'continue' | 'stop';

export async function codeStep(ctx: RunContext): Promise<CodePhase> {
  const { state, deps } = ctx;
  const subtasks = state.plan!.milestones.flatMap((m) => m.subtasks);
  // Decided before a crash or a stop (validation, review or publish was under way): the decision stands.
  // Deciding again would add a batch record, and count the batch's rate, on every resume.
  const last = state.batches.at(-1);
  if (!state.openBatch && last !== undefined && last.decision !== 'rejected') {
    // Unless a person moved the work branch back (or amended a step's commit) since: then the steps whose
    // commits are gone are coded again in a batch of their own, and what was validated and reviewed is not
    // the branch any more.
    if ((await adoptCommittedSteps(ctx, subtasks)) === 0) {
      await fileFailedSubtasks(ctx, subtasks);
      return 'continue';
    }
    for (const id of ['validate', 'review']) {
      const step = state.steps[id];
      if (step?.status === 'done') step.status = 'pending';
    }
  }
  for (;;) {
    await finishRejectedBatch(ctx, subtasks);
    await adoptCommittedSteps(ctx, subtasks);
    if (!state.openBatch) {
      state.openBatch = {
        attempt: state.batches.length + 1,
        baseSha: await headSha(deps.git, ctx.workspace),
      };
      await ctx.checkpoint();
    }
    const { attempt, baseSha } = state.openBatch;
    // The same selection, in the same order, as the resume's prefetch and early request asked for.
    const pending = pendingSubtasks(state, state.plan!, Infinity);
    if (pending.length > 0) deps.progress(`coding ${pending.length} subtask(s), batch attempt ${attempt}`);
    const commits = new Serial();
    const batch = new BatchFaults();
    let broken: Error | undefined;
    await forEachLimited(pending, coderCapacity(deps.config), async (subtask) => {
      // After the first fault no subtask starts: the ones in flight settle, then the run stops.
      if (ctx.stopping || batch.any || broken !== undefined) return;
      try {
        await codeOne(ctx, subtask, commits, batch);
      } catch (error) {
        // Thrown by git or the disk while committing: infrastructure (a resume retries), or a bug.
        const fault = errorInfraFault(`code:${subtask.id}`, error);
        if (fault) batch.add(fault);
        else broken ??= error instanceof Error ? error : new Error(String(error));
      }
    });
    if (broken !== undefined) throw broken;
    if (ctx.stopping) return 'stop';
    // Not a batch decision: the deferred subtasks are pending, the batch stays open, and the resume goes on.
    if (batch.any) throw batch.faults[0]!;

    const tally = tallyOf(ctx, subtasks);
    const { decision, rate } = decideBatch(tally, attempt, deps.config.run);
    deps.metrics.batch(rate);
    state.batches.push({
      attempt,
      baseSha,
      succeeded: tally.succeeded,
      total: subtasks.length,
      decision: decision === 'retry' || decision === 'give-up' ? 'rejected' : decision,
      decidedAt: deps.clock.now(),
    });
    deps.progress(
      `batch ${attempt}: ${tally.succeeded}/${subtasks.length} succeeded (${Math.round(rate * 100)} %) → ${decision}`,
    );
    await ctx.event('batch', { attempt, ...tally, rate, decision });
    if (decision === 'retry') {
      await ctx.checkpoint();
      continue; // finishRejectedBatch resets the branch and reopens the subtasks
    }
    if (decision === 'give-up') {
      await ctx.checkpoint();
      await finishRejectedBatch(ctx, subtasks);
      return 'stop';
    }
    delete state.openBatch;
    await ctx.checkpoint();
    await fileFailedSubtasks(ctx, subtasks);
    return 'continue';
  }
}

/** Carries out a checkpointed rejection: back to the batch's starting head, every subtask pending again. */
async function finishRejectedBatch(ctx: RunContext, subtasks: Subtask[]): Promise<void> {
  const { state, deps } = ctx;
  const open = state.openBatch;
  const last = state.batches.at(-1);
  if (!open || !last || last.attempt !== open.attempt || last.decision !== 'rejected') return;
  await resetWorkBranch(deps.git, ctx.workspace, open.baseSha);
  for (const subtask of subtasks) {
    const step = ctx.step(`code:${subtask.id}`);
    step.status = 'pending';
    delete step.commit;
    delete step.error;
    delete step.degraded;
  }
  delete state.openBatch;
  await ctx.checkpoint();
}

/**
 * A commit on the work branch whose trailer names a step proves that step done, checkpoint or not — and a
 * step the checkpoint calls done whose commit is not on the branch (the branch moved back by a person, the
 * commit amended without its trailers, resumed on another runner whose work branch was never pushed) is not
 * done: it is coded again rather than silently missing from the pull request — and the console and the
 * summary say so. Returns how many steps are coded again.
 */
async function adoptCommittedSteps(ctx: RunContext, subtasks: Subtask[]): Promise<number> {
  const commits = await stepCommits(ctx.deps.git, ctx.workspace, ctx.state.runId);
  let adopted = 0;
  let lost = 0;
  for (const subtask of subtasks) {
    const step = ctx.step(`code:${subtask.id}`);
    const sha = commits.get(step.id);
    if (sha !== undefined && (step.status !== 'done' || step.commit !== sha)) {
      ctx.finish(step, 'done', { commit: sha });
      adopted++;
    } else if (sha === undefined && step.status === 'done') {
      ctx.deps.progress(
        `${step.id}: its commit ${step.commit?.slice(0, 8) ?? ''} is no longer on ${ctx.workspace.branch} (${REDONE}): coding it again`,
      );
      step.status = 'pending';
      step.result = {
        ...step.result,
        redone: `its commit ${step.commit?.slice(0, 8) ?? ''} was no longer on the work branch (${REDONE})`,
      };
      delete step.commit;
      lost++;
    }
  }
  if (adopted > 0) await ctx.event('steps_adopted_from_commits', { count: adopted });
  if (lost > 0) await ctx.event('steps_reopened_commit_missing', { count: lost });
  if (adopted > 0 || lost > 0) await ctx.checkpoint();
  return lost;
}

const REDONE = 'the branch was moved back, or the commit amended without its Keel-Step trailer';

function tallyOf(ctx: RunContext, subtasks: Subtask[]): BatchTally {
  const tally: BatchTally = { succeeded: 0, failed: 0, degraded: 0 };
  for (const subtask of subtasks) {
    const step = ctx.step(`code:${subtask.id}`);
    if (step.status === 'done') tally.succeeded++;
    else if (step.degraded) tally.degraded++;
    else tally.failed++;
  }
  return tally;
}

/** An issue per failed subtask ("manual implementation required"), found by marker before it is made. */
async function fileFailedSubtasks(ctx: RunContext, subtasks: Subtask[]): Promise<void> {
  const { state, deps } = ctx;
  for (const subtask of subtasks) {
    const step = ctx.step(`code:${subtask.id}`);
    if (step.status !== 'failed') continue;
    const key = `issue:${step.id}`;
    if (state.effects[key]) continue;
    const marker = effectMarker(state.runId, step.id);
    const issue = manualImplementationIssue({
      task: state.task.text,
      plan: state.plan!,
      subtask,
      reason: deps.redact(step.error ?? 'unknown'),
    });
    const ref = await deps.effects.ensureIssue({
      marker,
      title: issue.title,
      body: `${issue.body}\n\n${marker}`,
      labels: ['keel', 'manual-implementation'],
    });
    state.effects[key] = { kind: 'issue', marker, ref: ref.url, createdAt: deps.clock.now() };
    deps.progress(`${step.id}: ${ref.created ? 'opened' : 'found'} issue ${ref.url}`);
    await ctx.checkpoint();
  }
}

/** Coders in flight at once: the summed `maxParallel` of the endpoints in the coder chain. */
export function coderCapacity(config: KeelConfig): number {
  const ids = new Set((config.roles.coder ?? []).flat().map((c) => c.endpointId));
  const total = config.endpoints.filter((e) => ids.has(e.id)).reduce((sum, e) => sum + e.maxParallel, 0);
  return Math.max(1, Math.min(total, 64));
}
