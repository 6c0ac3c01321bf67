/**
 * What deciding on a trigger needs from the GitHub API, and nothing more: two reads. Resolving a trigger
 * never writes, so a stranger's comment costs at most one GET and changes nothing.
 */
import type { ActionContext, GitHubClient } from '../api/index.ts';
import { statusOf } from '../effects/index.ts';
import type { ScheduleClaimer } from './schedule-claims.ts';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface ScheduledIssue {
  issueNumber: number;
  title: string;
  body: string;
}

export interface TriggerGateway {
  /** The user's permission on the repository; `none` when GitHub does not know them. */
  permissionOf(user: string): Promise<Permission>;
  /**
   * The oldest open issue carrying the label that is neither paused, running nor done — taken for this run
   * when the gateway has a claimer (so the next firing of the schedule passes it over) — if any.
   */
  nextScheduledTask(): Promise<ScheduledIssue | undefined>;
}

export const DEFAULT_TASK_LABEL = 'keel';

/** `keel:paused` (a human said stop) and `keel:running` (a run holds it) keep an issue off the schedule. */
export function pausedLabel(label = DEFAULT_TASK_LABEL): string {
  return `${label}:paused`;
}
export function runningLabel(label = DEFAULT_TASK_LABEL): string {
  return `${label}:running`;
}

/** Issues looked at before the schedule gives up: ten pages of a hundred. */
const MAX_PAGES = 10;

const PERMISSIONS: readonly string[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

export function createTriggerGateway(
  client: GitHubClient,
  ctx: ActionContext,
  options: {
    label?: string;
    /** The schedule takes (claims) the issue it answers with; one taken elsewhere is passed over. */
    claimer?: ScheduleClaimer;
    log?: (line: string) => void;
  } = {},
): TriggerGateway {
  const { owner, repo } = ctx;
  const label = options.label ?? DEFAULT_TASK_LABEL;
  return {
    async permissionOf(user) {
      try {
        const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
          owner,
          repo,
          username: user,
        });
        return permissionFrom(data.role_name, data.permission);
      } catch (error) {
        // Not a collaborator of a private repository, or no such user.
        if (statusOf(error) === 404) return 'none';
        throw error;
      }
    },
    async nextScheduledTask() {
      for await (const { issue } of openTaskIssues(client, ctx, label)) {
        const candidate = { issueNumber: issue.number, title: issue.title, body: issue.body ?? '' };
        // Without a claimer (tests, callers that only look) the oldest waiting issue is the answer.
        if (!options.claimer) return candidate;
        const taken = await options.claimer.take(candidate);
        if (taken.taken) return candidate;
        options.log?.(`keel: skipped ${taken.reason}`);
      }
      return undefined;
    },
  };
}

/** An open issue from `openTaskIssues`, with its label names as GitHub spells them. */
export interface OpenTaskIssue {
  issue: {
    number: number;
    title: string;
    body?: string | null;
    html_url: string;
  };
  labels: string[];
}

/**
 * The open issues carrying `label`, oldest first, at most `maxPages` pages of a hundred: pull requests (the
 * issues API lists them too), paused and running issues, and keel's own records skipped. keel's own issues
 * (recovery records, manual-implementation follow-ups) carry the label too, so that they are found again by
 * their markers; they are records, not tasks.
 */
export async function* openTaskIssues(
  client: GitHubClient,
  ctx: Pick<ActionContext, 'owner' | 'repo'>,
  label = DEFAULT_TASK_LABEL,
  maxPages = MAX_PAGES,
): AsyncGenerator<OpenTaskIssue> {
  const skip = new Set(
    [
      pausedLabel(label),
      runningLabel(label),
      `${label}:done`,
      `${label}:failed`,
      'keel-recovery',
      'manual-implementation',
    ].map((name) => name.toLowerCase()),
  );
  const pages = client.paginate.iterator(client.rest.issues.listForRepo, {
    owner: ctx.owner,
    repo: ctx.repo,
    state: 'open',
    labels: label,
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  let seen = 0;
  for await (const page of pages) {
    for (const issue of page.data) {
      if (issue.pull_request) continue;
      const labels = issue.labels.map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? '')));
      if (labels.some((name) => skip.has(name.toLowerCase()))) continue;
      yield { issue, labels };
    }
    if (++seen >= maxPages) break;
  }
}

/**
 * `role_name` names the fine-grained role (`maintain`, `triage` …); `permission` is the legacy level (`admin`,
 * `write`, `read`, `none`), the base of a custom role, which is what counts when `role_name` is custom.
 */
function permissionFrom(roleName: string | undefined, permission: string): Permission {
  const role = roleName?.toLowerCase();
  if (role !== undefined && PERMISSIONS.includes(role)) return role as Permission;
  const legacy = permission.toLowerCase();
  return PERMISSIONS.includes(legacy) ? (legacy as Permission) : 'none';
}
