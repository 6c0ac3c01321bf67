/**
 * The schedule's queue, advancing: each firing takes the oldest `keel` issue nobody has taken and leaves it
 * in a state the next firing skips, so three firings on one issue make one pull request, and every newer
 * issue gets its turn (issue 11 §4).
 *
 * Taking an issue, in order:
 * 1. an open pull request of keel's for it (its body carries keel's marker and `Closes #N`, or its head is
 *    the schedule's work branch `keel/issue-N`) means it is being handled: skip;
 * 2. the claim `issues/<N>` (a compare-and-set: `RemoteClaims`), which only one runner can win: lost → skip;
 * 3. the label `keel:running`, for people and for the issue list the next firing reads (which skips it).
 *
 * When the run ends, `settleScheduledIssue` swaps `keel:running` for `keel:done` (`keel:failed` when it
 * failed); an interrupted run keeps `keel:running` and its claim until a resume finishes it (the recovery
 * issue, `/keel resume issue-N`, or the idle guard). To run an issue again, comment `/keel run` on it.
 */
import type { RemoteClaims } from '../../queue/remote-claims.ts';
import type { ActionContext, GitHubClient } from '../api/index.ts';
import { statusOf } from '../effects/index.ts';
import type { ScheduledIssue } from './trigger-gateway.ts';
import { DEFAULT_TASK_LABEL, runningLabel } from './trigger-gateway.ts';

/** Open pull requests read to find keel's: ten pages of a hundred. */
const MAX_PULL_PAGES = 10;

export function doneLabel(label = DEFAULT_TASK_LABEL): string {
  return `${label}:done`;
}
export function failedLabel(label = DEFAULT_TASK_LABEL): string {
  return `${label}:failed`;
}

/** The claim key of a scheduled issue. */
export function issueClaimKey(issueNumber: number): string {
  return `issues/${issueNumber}`;
}

export interface ScheduleClaimer {
  /** Takes the issue for this run, or says why not (it is someone else's, or has a pull request). */
  take(issue: ScheduledIssue): Promise<{ taken: true } | { taken: false; reason: string }>;
}

export interface ScheduleClaimerOptions {
  client: GitHubClient;
  ctx: Pick<ActionContext, 'owner' | 'repo'>;
  claims: RemoteClaims;
  label?: string;
  log?: (line: string) => void;
}

export function scheduleClaimer(o: ScheduleClaimerOptions): ScheduleClaimer {
  let handled: Promise<Set<number>> | undefined;
  const label = o.label ?? DEFAULT_TASK_LABEL;
  return {
    async take(issue) {
      const number = issue.issueNumber;
      handled ??= issuesWithOpenKeelPulls(o.client, o.ctx);
      if ((await handled).has(number))
        return { taken: false, reason: `#${number} has an open keel pull request` };
      const claim = await o.claims.claim(issueClaimKey(number));
      if (claim.kind === 'taken') return { taken: false, reason: `#${number} was taken by an earlier run` };
      await o.client.rest.issues.addLabels({
        owner: o.ctx.owner,
        repo: o.ctx.repo,
        issue_number: number,
        labels: [runningLabel(label)],
      });
      o.log?.(
        `keel: took #${number} (claim refs/keel/claims/${issueClaimKey(number)}, label ${runningLabel(label)})`,
      );
      return { taken: true };
    },
  };
}

/**
 * The issues keel's open pull requests are for: `Closes #N` in a body that carries keel's marker (the line
 * keel writes for the issue that asked), or a head branch `keel/issue-N` (the schedule's own run).
 */
export async function issuesWithOpenKeelPulls(
  client: GitHubClient,
  ctx: Pick<ActionContext, 'owner' | 'repo'>,
): Promise<Set<number>> {
  const numbers = new Set<number>();
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.pulls.list, {
    owner: ctx.owner,
    repo: ctx.repo,
    state: 'open',
    per_page: 100,
  })) {
    for (const pull of page.data) {
      const head = /^keel\/issue-(\d+)$/.exec(pull.head.ref);
      if (head) numbers.add(Number(head[1]));
      const body = pull.body ?? '';
      if (!body.includes('<!-- keel:run=')) continue;
      for (const match of body.matchAll(/^Closes #(\d+)\s*$/gm)) numbers.add(Number(match[1]));
    }
    if (++pages >= MAX_PULL_PAGES) break;
  }
  return numbers;
}

/**
 * After a scheduled run: `keel:running` becomes `keel:done` (or `keel:failed`), so the issue list shows what
 * happened and the next firing skips it; an interrupted or still running run keeps its label and claim.
 */
export async function settleScheduledIssue(
  client: GitHubClient,
  ctx: Pick<ActionContext, 'owner' | 'repo'>,
  issueNumber: number,
  status: string,
  label = DEFAULT_TASK_LABEL,
): Promise<void> {
  if (status === 'running' || status === 'interrupted') return;
  const issue = { owner: ctx.owner, repo: ctx.repo, issue_number: issueNumber };
  await client.rest.issues.addLabels({
    ...issue,
    labels: [status === 'failed' ? failedLabel(label) : doneLabel(label)],
  });
  await removeLabel(client, issue, runningLabel(label));
}

/**
 * A scheduled issue taken for a run that then could not start (the configuration did not load, the
 * checkout was unusable): given back, so the next firing takes it again once the problem is fixed.
 */
export async function releaseScheduledIssue(
  client: GitHubClient,
  ctx: Pick<ActionContext, 'owner' | 'repo'>,
  claims: RemoteClaims,
  issueNumber: number,
  label = DEFAULT_TASK_LABEL,
): Promise<void> {
  await removeLabel(
    client,
    { owner: ctx.owner, repo: ctx.repo, issue_number: issueNumber },
    runningLabel(label),
  );
  await claims.release(issueClaimKey(issueNumber));
}

async function removeLabel(
  client: GitHubClient,
  issue: { owner: string; repo: string; issue_number: number },
  name: string,
): Promise<void> {
  try {
    await client.rest.issues.removeLabel({ ...issue, name });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}
