/**
 * The planner's request goes out while the work tree is being created: it needs only the task and the files
 * of the base commit (`filesAtCommit`), none of which the work tree changes before a plan exists. Model
 * calls have no effects, so starting one early costs nothing when the run then stops; the plan step takes
 * the answer as if it had asked itself.
 */
import { planTask } from '../agents/planner.ts';
import type { AgentResult, Plan } from '../agents/types.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { Router } from '../fleet/router.ts';
import type { Git } from '../git/git-runner.ts';
import { filesAtCommit } from '../git/workspace.ts';
import type { RunState } from './state.ts';

/** What the planner sees of the repository at most (the prompt stays bounded in big repositories). */
export const MAX_FILES_IN_PROMPT = 400;

export interface PlanDeps {
  git: Git;
  router: Pick<Router, 'complete'>;
  config: KeelConfig;
  /** A progress line (already redacted) for every planner answer that could not be used. */
  report?: (line: string) => void;
}

/** Asks the planner for the run's task, given the files of its base commit. */
export async function askPlanner(
  deps: PlanDeps,
  state: Pick<RunState, 'task' | 'repo'>,
  signal: AbortSignal | undefined,
): Promise<AgentResult<Plan>> {
  const files = await filesAtCommit(deps.git, state.repo.root, state.repo.baseSha);
  return planTask(
    deps.router,
    {
      task: state.task.text,
      repoFiles: files.slice(0, MAX_FILES_IN_PROMPT),
      maxSubtasks: deps.config.run.maxSubtasks,
    },
    {
      ...(signal ? { signal } : {}),
      ...(deps.report
        ? {
            onUnusable: ({ model, error, next }) =>
              deps.report?.(
                `plan: ${model}'s answer not usable (${error.slice(0, 200)}) — ${next === 'ask_again' ? 'asking it again' : 'asking the next model'}`,
              ),
          }
        : {}),
    },
  );
}

/** The planner's answer, asked now; undefined when the run has a plan already. Never rejects. */
export function startPlanPrefetch(
  deps: PlanDeps,
  state: RunState,
  signal: AbortSignal,
): Promise<AgentResult<Plan> | undefined> | undefined {
  if (state.plan !== undefined) return undefined;
  return askPlanner(deps, state, signal).catch(() => undefined);
}
