/**
 * `/keel status`, `/keel pause`, `/keel unpause` on an issue: a reply with the runs the state branch knows,
 * or the `keel:paused` label that the schedule and the idle guard respect.
 */
import type { Git } from '../git/git-runner.ts';
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit } from '../git/git-runner.ts';
import type { ActionContext, GitHubClient } from '../github/api/index.ts';
import { listBranchRuns } from '../durable/state-branch/index.ts';
import { pausedLabel } from '../github/triggers/index.ts';
import type { ActionIO } from './action-io.ts';

export const PAUSED_LABEL = pausedLabel('keel');

export async function handleCommand(
  client: GitHubClient,
  ctx: ActionContext,
  decision: { kind: 'status' | 'pause' | 'unpause'; issueNumber: number },
  stateBranch: string,
  io: Pick<ActionIO, 'info'>,
  git: Git = createGit({ runner: createCommandRunner() }),
): Promise<void> {
  const issue = { owner: ctx.owner, repo: ctx.repo, issue_number: decision.issueNumber };
  if (decision.kind === 'pause') {
    await client.rest.issues.addLabels({ ...issue, labels: [PAUSED_LABEL] });
    io.info(`keel: paused #${decision.issueNumber}`);
    return;
  }
  if (decision.kind === 'unpause') {
    await client.rest.issues
      .removeLabel({ ...issue, name: PAUSED_LABEL })
      .catch((error: { status?: number }) => {
        if (error.status !== 404) throw error;
      });
    io.info(`keel: unpaused #${decision.issueNumber}`);
    return;
  }
  const runs = await listBranchRuns({ git, repoRoot: ctx.workspace, branch: stateBranch });
  const rows = runs
    .slice(0, 20)
    .map((r) => `| \`${r.runId}\` | ${r.status} | ${new Date(r.updatedAt).toISOString()} |`);
  const body = [
    '**keel status**',
    '',
    rows.length > 0
      ? ['| run | status | updated |', '| --- | --- | --- |', ...rows].join('\n')
      : 'No runs on record.',
  ].join('\n');
  await client.rest.issues.createComment({ ...issue, body });
}
