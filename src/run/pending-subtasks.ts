/**
 * The subtasks a batch codes, in plan order. Shared by the coder batch, the resume's prefetch and the early
 * request: a prefetched answer is only used if all three pick the same subtasks in the same order.
 */
import type { Plan, Subtask } from '../agents/types.ts';

export function pendingSubtasks(
  state: { steps: Record<string, { status: string } | undefined> },
  plan: Pick<Plan, 'milestones'>,
  limit: number,
): Subtask[] {
  return plan.milestones
    .flatMap((m) => m.subtasks)
    .filter((s) => {
      const status = state.steps[`code:${s.id}`]?.status ?? 'pending';
      return status === 'pending' || status === 'running';
    })
    .slice(0, limit);
}
