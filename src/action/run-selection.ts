/**
 * Which run this step works on, once the trigger is decided and the checkpoints are restored:
 *
 * - a new task runs under the id its trigger gives it (`github/triggers/run-identity.ts`): when that run
 *   exists already — a re-run of the workflow, the same `run-id` dispatched twice — `startRun` resumes it when
 *   unfinished and reports it when finished; it never starts over under an existing id;
 * - a resume continues the named run, or the latest unfinished one; when there is none and the workflow gave a
 *   task as well (`RESUME=true` set for every run, as some workflows do), the task runs instead — "the next run
 *   resumes automatically" — rather than failing.
 */
import type { ActionContext } from '../github/api/index.ts';
import { triggerRunId } from '../github/triggers/index.ts';
import type { TriggerDecision } from '../github/triggers/index.ts';
import { latestUnfinishedRun } from '../run/state-store.ts';
import { sanitizeUntrusted } from '../base/sanitize-untrusted.ts';

export interface RunSelection {
  task?: string;
  resume?: string | true;
  runId?: string;
}

type Working = Extract<TriggerDecision, { kind: 'run' } | { kind: 'resume' }>;

/** The run id to restore before starting: the one to resume, or the one a new task will run under. */
export function runIdToRestore(decision: Working, ctx: ActionContext): string | undefined {
  return decision.kind === 'resume' ? decision.runId : triggerRunId(decision, ctx);
}

export async function selectRun(
  decision: Working,
  ctx: ActionContext,
  stateDir: string,
  fallbackTask: string | undefined,
): Promise<RunSelection> {
  if (decision.kind === 'run') {
    const runId = triggerRunId(decision, ctx);
    return { task: decision.task, ...(runId !== undefined ? { runId } : {}) };
  }
  if (decision.runId !== undefined) return { resume: decision.runId };
  const task = fallbackTask === undefined ? '' : sanitizeUntrusted(fallbackTask);
  if (decision.source === 'dispatch' && task !== '' && !(await latestUnfinishedRun(stateDir))) {
    const runId = triggerRunId({ source: 'dispatch' }, ctx);
    return { task, ...(runId !== undefined ? { runId } : {}) };
  }
  return { resume: true };
}
