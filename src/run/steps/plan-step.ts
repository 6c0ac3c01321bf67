/**
 * Step `plan`: the planner turns the task into milestones of subtasks. When no planner model can answer,
 * the template plan (one subtask: the task itself) keeps the run going, marked degraded.
 */
import { templatePlan } from '../../agents/planner.ts';
import { askPlanner } from '../plan-prefetch.ts';
import { agentInfraFault } from '../infra-fault.ts';
import type { RunContext } from '../run-context.ts';

export async function planStep(ctx: RunContext): Promise<void> {
  const step = ctx.step('plan');
  if (step.status === 'done' && ctx.state.plan) return;
  const { deps, state } = ctx;
  ctx.begin(step);
  // Asked while the work tree was being created (plan-prefetch.ts), or now; a failed prefetch asks again.
  const report = (line: string): void => deps.progress(deps.redact(line));
  const result = (await deps.planPrefetch) ?? (await askPlanner({ ...deps, report }, state, deps.signal));
  if (ctx.stopping) return;
  // No planner reachable, or every one busy: the run stops and a resume plans — the template plan is for
  // planners that answered, unusably.
  const fault = agentInfraFault('planner', result);
  if (fault) throw fault;
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
