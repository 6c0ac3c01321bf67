/** The subtasks a resumed run codes first. Shared by the prefetch and the early request, which must agree. */
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
