/**
 * Which earlier workflow run's artifact a resume may restore a checkpoint from (issue 12 §11). An artifact is
 * a copy of keel's state that the next run trusts — its plan, its effects, its progress — so only one that
 * keel itself could have written counts: of this repository, from a run whose head is this repository (a
 * pull request from a fork runs here too, with the fork's code), of the same workflow as this run, not
 * expired; the newest such first. The download then holds the bytes to the digest the service listed
 * (`durable/artifacts/artifact-actions.ts`).
 */
import type { GitHubClient } from '../github/api/index.ts';

/** Runs looked at (newest first) before giving up: each costs one request. */
const MAX_CANDIDATES = 10;

export interface ArtifactSourceContext {
  owner: string;
  repo: string;
  /** This workflow run (`GITHUB_RUN_ID`): its workflow is the one an artifact must come from. */
  runId: string;
}

/** The workflow run whose artifact `name` may be restored, or undefined (none qualifies, or unknown). */
export async function artifactRunOf(
  client: GitHubClient,
  ctx: ArtifactSourceContext,
  name: string,
): Promise<number | undefined> {
  const { owner, repo } = ctx;
  try {
    const current = Number(ctx.runId);
    if (!Number.isSafeInteger(current)) return undefined;
    const { data } = await client.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100 });
    // A fork's pull-request run has this repository as its repository and the fork as its head.
    const candidates = data.artifacts
      .filter((a) => a.name === name && !a.expired)
      .filter(
        (a) =>
          a.workflow_run?.id != null &&
          a.workflow_run.repository_id != null &&
          a.workflow_run.repository_id === a.workflow_run.head_repository_id,
      )
      .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id)
      .slice(0, MAX_CANDIDATES);
    if (candidates.length === 0) return undefined;
    // Only now this run's own workflow and repository: no request when there is nothing to choose from.
    const here = (await client.rest.actions.getWorkflowRun({ owner, repo, run_id: current })).data;
    const repositoryId = here.repository.id;
    for (const artifact of candidates) {
      const runId = artifact.workflow_run!.id!;
      const run = (await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
      if (
        artifact.workflow_run!.repository_id === repositoryId &&
        run.workflow_id === here.workflow_id &&
        run.repository.id === repositoryId
      )
        return runId;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
