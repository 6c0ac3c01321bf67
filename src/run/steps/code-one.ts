/**
 * One coder subtask: ask the coder, apply its edits inside the work tree, commit with the run's trailers
 * (`apply-change.ts`). Edits that cannot be applied go back to the model that wrote them once, then to the
 * next model (issue 10 §13); only then does the subtask fail. Model calls run in parallel; applying and
 * committing run one at a time through `commits`, since they share one work tree and one index.
 */
import { implementSubtask, type CodeSeed } from '../../agents/coder.ts';
import type { AgentResult, CodeChange, Subtask } from '../../agents/types.ts';
import { readFiles } from '../../git/workspace.ts';
import { fromExternalResult } from '../external-code.ts';
import { agentInfraFault, BatchFaults, type InfrastructureFault } from '../infra-fault.ts';
import type { RunContext } from '../run-context.ts';
import type { StepRecord } from '../state.ts';
import type { Serial } from '../../base/serial.ts';
import { changeApplier, type AppliedChange } from './apply-change.ts';

import { MAX_FILE_BYTES_IN_PROMPT } from '../../agents/prompts.ts';

export { MAX_FILE_BYTES_IN_PROMPT };

export async function codeOne(
  ctx: RunContext,
  subtask: Subtask,
  commits: Serial,
  batch: BatchFaults = new BatchFaults(),
): Promise<void> {
  const { deps, state, workspace } = ctx;
  const stepId = `code:${subtask.id}`;
  const step = ctx.step(stepId);
  ctx.begin(step);
  const files = await readFiles(workspace, subtask.files, MAX_FILE_BYTES_IN_PROMPT);
  // A result a fan-out coder job delivered is used once; a retried batch asks the coder here.
  const external = deps.externalCode?.get(subtask.id);
  deps.externalCode?.delete(subtask.id);
  const earlier =
    (external ? fromExternalResult(external) : undefined) ?? (await deps.prefetch?.take(subtask.id, files));
  const format = deps.config.run.coderFormat;
  // A disk or permission fault while the change was applied: the subtask is deferred, never failed.
  const seen: { fault?: InfrastructureFault } = {};
  const faults = { batch, onFault: (fault: InfrastructureFault) => (seen.fault = fault) };
  // An earlier answer that is a failure stands (no coder answered it); a change is applied like any other.
  const result: AgentResult<AppliedChange> =
    earlier !== undefined && !earlier.ok
      ? {
          ok: false,
          reason: earlier.reason,
          provenance: earlier.provenance,
          ...(earlier.failure ? { failure: earlier.failure } : {}),
        }
      : await implementSubtask(
          deps.router,
          { task: state.task.text, plan: state.plan!, subtask, files, format },
          changeApplier(ctx, stepId, commits, format, faults),
          {
            signal: deps.signal,
            onUnusable: (unusable) => ctx.reportUnusable('coder', stepId, unusable),
            ...(earlier !== undefined ? { seed: seedOf(earlier) } : {}),
          },
        );
  if (ctx.stopping && !result.ok) {
    step.status = 'pending';
    return;
  }
  if (seen.fault) return defer(ctx, step, batch, seen.fault);
  // No coder reachable, or every one busy: not this subtask's failure — it is coded again after a resume.
  const unreachable = agentInfraFault(stepId, result);
  if (unreachable) return defer(ctx, step, batch, unreachable);
  if (!result.ok) {
    // No answer at all means no coder model was available (degraded); answers that were never usable are a
    // quality failure of this subtask.
    const degraded = result.provenance.invalidAnswers === 0 && result.failure !== 'not_applied';
    if (degraded) deps.metrics.degraded('coder');
    ctx.finish(step, 'failed', { error: result.reason, degraded, model: result.provenance.model });
    deps.progress(`${stepId}: failed — ${deps.redact(result.reason)}`);
    await ctx.event('subtask_failed', { step: stepId, degraded, reason: deps.redact(result.reason) });
    await ctx.checkpoint();
    return;
  }
  const { commit } = result.value;
  const model = result.provenance.model;
  ctx.finish(step, 'done', { commit, model, files: result.value.files.slice(0, 1_000) });
  deps.progress(`${stepId}: committed ${commit.slice(0, 8)} (${model})`);
  await ctx.event('subtask_done', { step: stepId, commit, model });
  await ctx.checkpoint();
}

function seedOf(earlier: Extract<AgentResult<CodeChange>, { ok: true }>): CodeSeed {
  return {
    change: earlier.value,
    model: earlier.provenance.model,
    ...(earlier.answer !== undefined ? { answer: earlier.answer } : {}),
  };
}

/** The subtask goes back to pending and the batch learns of the fault: the run stops once the batch settles. */
async function defer(
  ctx: RunContext,
  step: StepRecord,
  batch: BatchFaults,
  fault: InfrastructureFault,
): Promise<void> {
  step.status = 'pending';
  batch.add(fault);
  ctx.deps.progress(`${step.id}: not coded — ${fault.message}; a resume codes it again`);
  await ctx.event('subtask_deferred', {
    step: step.id,
    kind: fault.kind,
    reason: ctx.deps.redact(fault.message),
  });
}
