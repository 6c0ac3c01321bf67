/**
 * A run's identity comes from what triggered it, so that the same trigger always means the same run: a
 * workflow re-run (same `GITHUB_RUN_ID`, attempt 2), a second dispatch with the same `run-id`, the schedule
 * firing again on the same issue — each finds the run the first one made (on the state branch) and continues
 * or reports it, instead of starting over with a second work branch, pull request and tracking comment.
 *
 * - `/keel run` in a comment: `comment-<comment id>` (a re-run of that workflow run carries the same comment);
 * - the schedule: `issue-<number>` (one run per queued issue);
 * - a dispatch (or any other event carrying a task): the `run-id` input when given, else
 *   `<event>-<GITHUB_RUN_ID>` (the same across the attempts of one workflow run).
 *
 * Outside Actions (no `GITHUB_RUN_ID`) a dispatch has no stable identity and gets none: a new id is made.
 */
import { RUN_ID_PATTERN } from '../../base/run-id.ts';
import type { ActionContext } from '../api/index.ts';

export interface RunTrigger {
  source: 'dispatch' | 'comment' | 'schedule';
  issueNumber?: number;
  /** Given explicitly (the `run-id` input). */
  runId?: string;
}

export function triggerRunId(
  trigger: RunTrigger,
  ctx: Pick<ActionContext, 'eventName' | 'payload' | 'runId'>,
): string | undefined {
  if (trigger.runId !== undefined) return trigger.runId;
  switch (trigger.source) {
    case 'comment': {
      const id = commentId(ctx.payload);
      if (id !== undefined) return `comment-${id}`;
      break;
    }
    case 'schedule':
      if (trigger.issueNumber !== undefined) return `issue-${trigger.issueNumber}`;
      break;
    case 'dispatch':
      break;
  }
  if (!/^\d{1,20}$/.test(ctx.runId)) return undefined;
  const event =
    ctx.eventName === 'workflow_dispatch' ? 'dispatch' : ctx.eventName.replace(/[^a-z0-9]+/gi, '-');
  const id = `${event.slice(0, 40)}-${ctx.runId}`;
  return RUN_ID_PATTERN.test(id) ? id : undefined;
}

/** The triggering comment's id, when the payload has a sane one (it is untrusted like the rest). */
function commentId(payload: Record<string, unknown>): number | undefined {
  const comment = payload.comment;
  if (comment === null || typeof comment !== 'object') return undefined;
  const id = (comment as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
