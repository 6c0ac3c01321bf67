/**
 * Step `plan`: the planner turns the task into milestones of subtasks. When no planner model can answer,
 * the template plan (one subtask: the task itself) keeps the run going, marked degraded.
 */
import { planTask, templatePlan } from '../../agents/planner.ts';
import { trackedFiles } from '../../git/workspace.ts';
import type { RunContext } from '../run-context.ts';

const MAX_FILES_IN_PROMPT = 400;

export async function planStep(ctx: RunContext): Promise<void> {
  const step = ctx.step('plan');
  if (step.status === 'done' && ctx.state.plan) return;
  const { deps, state } = ctx;
  ctx.begin(step);
  const files = (await trackedFiles(deps.git, ctx.workspace)).slice(0, MAX_FILES_IN_PROMPT);
  const result = await planTask(
    deps.router,
    { task: state.task.text, repoFiles: files, maxSubtasks: deps.config.run.maxSubtasks },
    { signal: deps.signal },
  );
  if (ctx.stopping) return;
  const plan = result.ok ? result.value : templatePlan(state.task.text);
  state.plan = plan;
  if (result.ok) {
    ctx.finish(step, 'done', { model: result.provenance.model });
  } else {
    deps.metrics.degraded('planner');
    ctx.finish(step, 'done', { model: 'template', degraded: true, error: result.reason });
    deps.progress(`planner: no model could plan (${deps.redact(result.reason)}); using the template plan`);
  }
  const subtasks = plan.milestones.flatMap((m) => m.subtasks);
  deps.progress(`plan: ${subtasks.length} subtask(s)${plan.degraded ? ' (degraded template)' : ''}`);
  await ctx.event('plan', {
    subtasks: subtasks.map((s) => s.id),
    degraded: plan.degraded,
    model: step.model,
  });
  await ctx.checkpoint();
}
