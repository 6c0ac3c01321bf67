/**
 * Open issues labelled `keel` as a second source of the same tasks (id `issue:<number>`), claimed through
 * the same claim store as queue-file tasks, listed by `openTaskIssues` (`trigger-gateway.ts`), which skips
 * what the scheduled trigger skips: pull requests (the issues API lists them too), `keel:paused`,
 * `keel:running`, keel's own records (`keel-recovery`, `manual-implementation`). A body carrying a
 * `<!-- keel:run= -->` marker is one of keel's records too, skipped here. The text is the title and the
 * description, sanitised (strangers write issues; models read them).
 *
 * Labels steer: `keel:lane:<name>` names the owner — only a configured lane, and only one — and
 * `keel:priority:<n>` the priority.
 */
import type { ActionContext, GitHubClient } from '../api/index.ts';
import { issueText } from '../../base/sanitize-untrusted.ts';
import { DEFAULT_TASK_LABEL, openTaskIssues } from '../triggers/index.ts';
import { normalizeTask } from '../../queue/normalize.ts';
import type { QueueProblem, QueueTask } from '../../queue/types.ts';

export interface IssueTasksOptions {
  label?: string;
  /** Pages of 100 issues looked at, at most. Default 10. */
  maxPages?: number;
}

export interface IssueTasks {
  tasks: QueueTask[];
  problems: QueueProblem[];
}

export async function issueTasks(
  client: GitHubClient,
  ctx: Pick<ActionContext, 'owner' | 'repo' | 'serverUrl'>,
  lanes: readonly string[],
  options: IssueTasksOptions = {},
): Promise<IssueTasks> {
  const label = options.label ?? DEFAULT_TASK_LABEL;
  const lanePrefix = `${label}:lane:`.toLowerCase();
  const priorityPrefix = `${label}:priority:`.toLowerCase();
  const out: IssueTasks = { tasks: [], problems: [] };
  for await (const { issue, labels: names } of openTaskIssues(client, ctx, label, options.maxPages ?? 10)) {
    const body = issue.body ?? '';
    if (body.includes('<!-- keel:run=')) continue;
    const ref = issue.html_url || `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/issues/${issue.number}`;
    const owners = names
      .filter((n) => n.toLowerCase().startsWith(lanePrefix))
      .map((n) => n.slice(lanePrefix.length));
    if (new Set(owners).size > 1) {
      out.problems.push({ ref, reason: `more than one lane label: ${owners.join(', ')}` });
      continue;
    }
    const priorities = names
      .filter((n) => n.toLowerCase().startsWith(priorityPrefix))
      .map((n) => Number(n.slice(priorityPrefix.length)));
    const text = issueText(issue.title, body);
    const result = normalizeTask(
      {
        id: `issue:${issue.number}`,
        text,
        ...(owners[0] !== undefined ? { owner: owners[0] } : {}),
        ...(priorities.length > 0 ? { priority: Math.max(...priorities) } : {}),
      },
      ref,
      { lanes, source: 'issue' },
    );
    if (result.ok) out.tasks.push(result.task);
    else out.problems.push(result.problem);
  }
  return out;
}
