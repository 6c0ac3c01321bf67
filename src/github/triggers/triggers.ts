/**
 * What started this workflow run, and what keel should do about it:
 *
 * - `schedule`: the oldest open issue labelled `keel` that is neither paused nor running becomes the task.
 * - `issue_comment` (new comments only, on issues and pull requests alike): a `/keel …` command on the first
 *   line, from someone with write access. The author association is the fast path (`OWNER`, `MEMBER`,
 *   `COLLABORATOR` need no API call), then the collaborator-permission API; bots only when listed.
 * - Anything else (`workflow_dispatch`, `push`, `issues`, `pull_request_target` …): the action's inputs,
 *   `resume` first — and, unless the event is `workflow_dispatch` or `schedule` (which GitHub lets only
 *   writers start), only when the event's sender passes the same permission rule as a commenter: a `task`
 *   input in a workflow on `issues` or `pull_request_target` must not let a stranger start a run.
 *
 * Deciding never writes to the API: a stranger's comment is `ignored` after at most one GET, and anything
 * keel says back (a reply, a reaction) is for the caller to do once it knows the decision. A malformed
 * payload is `ignored` with a reason naming the field. API failures (other than "no such collaborator")
 * propagate: an outage must fail the run visibly, not pass for a stranger.
 */
import { parseCommand } from './commands.ts';
import type { ActionContext } from '../api/index.ts';
import { sanitizeUntrusted } from '../../base/sanitize-untrusted.ts';
import type { Permission, TriggerGateway } from './trigger-gateway.ts';
import {
  readCommentAction,
  readCommentBody,
  readCommentEvent,
  readSender,
  type CommentEvent,
} from './trigger-payload.ts';
import { RUN_ID_PATTERN } from '../../base/run-id.ts';

export { createTriggerGateway, DEFAULT_TASK_LABEL, pausedLabel, runningLabel } from './trigger-gateway.ts';
export type { Permission, ScheduledIssue, TriggerGateway } from './trigger-gateway.ts';

export type TriggerDecision =
  | {
      kind: 'run';
      task: string;
      source: 'dispatch' | 'comment' | 'schedule';
      issueNumber?: number;
      /** The issue is a pull request (a comment on one): it is not closed by keel's pull request. */
      onPullRequest?: boolean;
      runId?: string;
    }
  | {
      kind: 'resume';
      runId?: string;
      source: 'dispatch' | 'comment';
      issueNumber?: number;
      onPullRequest?: boolean;
    }
  // One member per kind (rather than `kind: 'status' | 'pause' | 'unpause'`) so that checking the three kinds
  // narrows them away: the same values, kinder to callers.
  | { kind: 'status'; issueNumber: number }
  | { kind: 'pause'; issueNumber: number }
  | { kind: 'unpause'; issueNumber: number }
  | { kind: 'ignored'; reason: string };

export interface TriggerInputs {
  task?: string;
  resume: boolean;
  runId?: string;
  /** Bot logins whose commands count, with or without the `[bot]` suffix (`renovate`, `renovate[bot]`). */
  allowedBots: string[];
}

/**
 * Author associations that imply write access without an API call. Only OWNER: MEMBER (of the org) and
 * COLLABORATOR also cover people with read-only or triage access, who must not start runs.
 */
const TRUSTED_ASSOCIATIONS = new Set(['OWNER']);
const WRITE_PERMISSIONS = new Set<Permission>(['admin', 'maintain', 'write']);

export async function resolveTrigger(
  ctx: ActionContext,
  inputs: TriggerInputs,
  gateway: TriggerGateway,
): Promise<TriggerDecision> {
  switch (ctx.eventName) {
    case 'schedule':
      return fromSchedule(gateway);
    case 'issue_comment':
      return fromComment(ctx.payload, inputs, gateway);
    case 'workflow_dispatch':
      return fromInputs(inputs);
    default: {
      const sender = readSender(ctx.payload);
      if (!sender.ok) return ignored(`${ctx.eventName}: ${sender.problem}`);
      const refusal = await authorise(sender.value, inputs.allowedBots, gateway);
      if (refusal) return ignored(`${ctx.eventName} sent by ${refusal}`);
      return fromInputs(inputs);
    }
  }
}

function fromInputs(inputs: TriggerInputs): TriggerDecision {
  const runId = inputs.runId?.trim() || undefined;
  if (runId !== undefined && !RUN_ID_PATTERN.test(runId)) {
    return ignored(`run-id ${JSON.stringify(runId.slice(0, 100))} is not a run id`);
  }
  if (inputs.resume) return { kind: 'resume', source: 'dispatch', ...(runId ? { runId } : {}) };
  const task = sanitizeUntrusted(inputs.task ?? '');
  if (task === '') return ignored('nothing to do: no task and resume is false');
  return { kind: 'run', task, source: 'dispatch', ...(runId ? { runId } : {}) };
}

async function fromSchedule(gateway: TriggerGateway): Promise<TriggerDecision> {
  const issue = await gateway.nextScheduledTask();
  if (!issue) return ignored('nothing to do: no open issue is waiting for keel');
  const task = issueTask(issue.title, issue.body);
  if (task === '') return ignored(`nothing to do: issue #${issue.issueNumber} has no text`);
  return { kind: 'run', task, source: 'schedule', issueNumber: issue.issueNumber, onPullRequest: false };
}

async function fromComment(
  payload: Record<string, unknown>,
  inputs: TriggerInputs,
  gateway: TriggerGateway,
): Promise<TriggerDecision> {
  // Cheapest first: most comments are not commands, and an edit cannot replay one.
  const action = readCommentAction(payload);
  if (!action.ok) return ignored(action.problem);
  if (action.value !== 'created') {
    return ignored(`comment ${quote(action.value)}: only new comments carry commands`);
  }
  const body = readCommentBody(payload);
  if (!body.ok) return ignored(body.problem);
  const command = parseCommand(body.value);
  if (!command) return ignored('not a keel command: the first line does not start with /keel');
  if (command.kind === 'invalid') return ignored(`invalid command: ${command.reason}`);

  const read = readCommentEvent(payload);
  if (!read.ok) return ignored(read.problem);
  const event = read.value;
  const refusal = await authorise(event, inputs.allowedBots, gateway);
  if (refusal) return ignored(refusal);

  const issueNumber = event.issue.number;
  switch (command.kind) {
    case 'run': {
      const task = command.task ?? issueTask(event.issue.title, event.issue.body);
      if (task === '')
        return ignored(`nothing to do: "/keel run" without text on #${issueNumber}, which has none`);
      return { kind: 'run', task, source: 'comment', issueNumber, onPullRequest: event.issue.isPullRequest };
    }
    case 'resume':
      return {
        kind: 'resume',
        source: 'comment',
        issueNumber,
        onPullRequest: event.issue.isPullRequest,
        ...(command.runId !== undefined ? { runId: command.runId } : {}),
      };
    default:
      return { kind: command.kind, issueNumber };
  }
}

/** Why the comment's author may not command keel, or undefined when they may. */
async function authorise(
  event: Pick<CommentEvent, 'login' | 'userType' | 'association'>,
  allowedBots: readonly string[],
  gateway: TriggerGateway,
): Promise<string | undefined> {
  const who = `@${event.login}`;
  if (isBot(event)) {
    const allowed = new Set(allowedBots.map(botName));
    return allowed.has(botName(event.login)) ? undefined : `${who} is a bot that is not in allowed-bots`;
  }
  if (event.association !== undefined && TRUSTED_ASSOCIATIONS.has(event.association.toUpperCase())) {
    return undefined;
  }
  const permission = await gateway.permissionOf(event.login);
  if (WRITE_PERMISSIONS.has(permission)) return undefined;
  return `${who} has ${permission} access to the repository; keel commands need write access`;
}

function isBot(event: Pick<CommentEvent, 'login' | 'userType'>): boolean {
  return event.userType?.toLowerCase() === 'bot' || /\[bot\]$/i.test(event.login);
}

/** `Renovate[bot]`, `renovate`: one bot. */
function botName(login: string): string {
  return login
    .trim()
    .toLowerCase()
    .replace(/\[bot\]$/, '');
}

/** An issue as a task: its title, a blank line, its description. */
function issueTask(title: string, body: string): string {
  return sanitizeUntrusted(body.trim() === '' ? title : `${title}\n\n${body}`);
}

/** Untrusted text in a reason: short, one line, quoted. */
function quote(text: string): string {
  return JSON.stringify(sanitizeUntrusted(text, { maxChars: 40 }).replace(/\s+/g, ' '));
}

function ignored(reason: string): TriggerDecision {
  return { kind: 'ignored', reason };
}
