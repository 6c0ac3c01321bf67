/**
 * What the idle guard on a GitHub runner counts as claimed: the lanes' shared claims on GitHub (a ref per
 * claimed task, `refs/keel/claims/<queue>/<run id>`, made by `keel lane --effects github`). The guard's
 * runner has no lane's claim-state file, so without these every task ever taken would look queued.
 */
import type { ActionContext, GitHubClient } from '../github/api/index.ts';
import { createRefClaims } from '../github/claims/ref-claims.ts';
import { githubTaskClaims, taskKey } from '../github/claims/task-claims.ts';
import { laneRunId, queueClaimPrefix } from '../lanes/index.ts';
import type { LaneConfig } from '../lanes/index.ts';
import type { QueueTask } from '../queue/types.ts';

export function githubLaneClaims(
  client: GitHubClient,
  ctx: ActionContext,
): (lane: LaneConfig) => Promise<(task: QueueTask) => boolean> {
  // Listing only: the sha a created claim would point at is never used.
  const claims = createRefClaims({ client, owner: ctx.owner, repo: ctx.repo, sha: '' });
  return async (lane) => {
    const held = await githubTaskClaims(claims, queueClaimPrefix(lane.queueFile, ctx.workspace)).held();
    return (task) => held.has(taskKey(laneRunId(task.id)));
  };
}
