/**
 * One coder subtask: ask the coder, apply its edits inside the work tree (path-checked, all or nothing),
 * commit with the run's trailers. Model calls run in parallel; applying and committing run one at a time
 * through `commits`, since they share one work tree and one index.
 */
import { codeSubtask } from '../../agents/coder.ts';
import type { Subtask } from '../../agents/types.ts';
import { applyEdits } from '../../git/safe-edits.ts';
import { commitStep, discardUncommitted, readFiles } from '../../git/workspace.ts';
import { editPolicyOf } from '../edit-policy.ts';
import { fromExternalResult } from '../external-code.ts';
import type { RunContext } from '../run-context.ts';
import type { Serial } from '../../base/serial.ts';

import { MAX_FILE_BYTES_IN_PROMPT } from '../../agents/prompts.ts';

export { MAX_FILE_BYTES_IN_PROMPT };

export async function codeOne(ctx: RunContext, subtask: Subtask, commits: Serial): Promise<void> {
  const { deps, state, workspace } = ctx;
  const stepId = `code:${subtask.id}`;
  const step = ctx.step(stepId);
  ctx.begin(step);
  const files = await readFiles(workspace, subtask.files, MAX_FILE_BYTES_IN_PROMPT);
  // A result a fan-out coder job delivered is used once; a retried batch asks the coder here.
  const external = deps.externalCode?.get(subtask.id);
  deps.externalCode?.delete(subtask.id);
  const result =
    (external ? fromExternalResult(external) : undefined) ??
    (await deps.prefetch?.take(subtask.id, files)) ??
    (await codeSubtask(
      deps.router,
      { task: state.task.text, plan: state.plan!, subtask, files },
      { signal: deps.signal },
    ));
  if (ctx.stopping) {
    step.status = 'pending';
    return;
  }
  if (!result.ok) {
    // No answer at all means no coder model was available (degraded); answers that never validated are a
    // quality failure of this subtask.
    const degraded = result.provenance.invalidAnswers === 0;
    if (degraded) deps.metrics.degraded('coder');
    ctx.finish(step, 'failed', { error: result.reason, degraded, model: result.provenance.model });
    deps.progress(`${stepId}: failed — ${deps.redact(result.reason)}`);
    await ctx.event('subtask_failed', { step: stepId, degraded, reason: deps.redact(result.reason) });
    await ctx.checkpoint();
    return;
  }
  await commits.run(async () => {
    const applied = await applyEdits(
      workspace.worktree,
      result.value.edits,
      editPolicyOf(deps.config),
      // Every file written is fenced: a process woken after losing the run must not write into its worktree.
      { beforeWrite: () => ctx.fence() },
    );
    const model = result.provenance.model;
    if (!applied.ok) {
      const problems = applied.problems.map((p) => `${p.path}: ${p.reason}`).join('; ');
      ctx.finish(step, 'failed', { error: `edits refused: ${problems}`, model });
      // Refused before anything was written, or stopped half-way by an I/O failure: nothing may linger.
      await discardUncommitted(deps.git, workspace);
      return;
    }
    // Exactly the paths the edits changed are staged: nothing else in the worktree rides along, and a path
    // the repository ignores is committed only when the owner says so — never "done" with the file missing.
    const commit = await commitStep(deps.git, workspace, {
      runId: state.runId,
      stepId,
      message: result.value.commitMessage,
      paths: applied.changed,
      forceIgnored: deps.config.run.allowIgnoredPaths,
    });
    if (commit.sha === undefined) {
      const error =
        'ignored' in commit
          ? `edits to paths the repository ignores: ${commit.ignored.join(', ')} (run.allowIgnoredPaths commits them)`
          : 'the edits changed nothing';
      ctx.finish(step, 'failed', { error, model });
      if ('ignored' in commit) await discardUncommitted(deps.git, workspace);
      return;
    }
    ctx.finish(step, 'done', { commit: commit.sha, model, files: applied.changed.slice(0, 1_000) });
  });
  deps.progress(
    step.status === 'done'
      ? `${stepId}: committed ${step.commit?.slice(0, 8)} (${step.model})`
      : `${stepId}: failed — ${step.error ?? ''}`,
  );
  await ctx.event(step.status === 'done' ? 'subtask_done' : 'subtask_failed', {
    step: stepId,
    commit: step.commit,
    model: step.model,
  });
  await ctx.checkpoint();
}
