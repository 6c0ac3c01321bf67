/**
 * Durable copies of a run's checkpoint in Actions: the state branch first (the next run, on any runner,
 * finds it), then a workflow artifact. Both bounded in time — a slow remote must not eat the few seconds
 * between GitHub's SIGINT and its SIGKILL — and both reported, never thrown.
 */
import type { Git } from '../git/git-runner.ts';
import type { ArtifactStore } from '../github/artifacts.ts';
import { collectStateFiles } from '../github/artifacts.ts';
import { fetchCheckpoint, pushCheckpoint } from '../github/state-branch.ts';

export interface DurableState {
  git: Git;
  repoRoot: string;
  branch: string;
  artifacts: ArtifactStore;
  secrets: string[];
  log: (line: string) => void;
}

export async function saveDurably(
  d: DurableState,
  run: { runId: string; runDir: string; fleetStatePath: string },
  timeoutMs: number,
): Promise<void> {
  const pushed = await pushCheckpoint(
    { git: d.git, repoRoot: d.repoRoot, branch: d.branch, timeoutMs, secrets: d.secrets },
    run,
  );
  d.log(
    pushed.ok
      ? `checkpoint pushed to ${d.branch} (${pushed.sha.slice(0, 8)})`
      : `state branch: ${pushed.reason}`,
  );
  const files = await collectStateFiles(run.runDir);
  const uploaded = await d.artifacts.upload(`keel-state-${run.runId}`, run.runDir, files);
  d.log(
    uploaded.ok ? `checkpoint uploaded as artifact keel-state-${run.runId}` : `artifact: ${uploaded.reason}`,
  );
}

/**
 * Brings the checkpoint of a run to resume into the local state directory: the state branch first, then
 * the artifact of the workflow run that produced it. Returns where it came from, or why nothing was found.
 */
export async function restoreDurably(
  d: DurableState,
  stateDir: string,
  runId: string | undefined,
  findArtifactRun: (name: string) => Promise<number | undefined>,
): Promise<string> {
  const fetched = await fetchCheckpoint(
    { git: d.git, repoRoot: d.repoRoot, branch: d.branch, secrets: d.secrets },
    runId,
    { stateDir },
  );
  if (fetched.ok) return `state branch ${d.branch} (run ${fetched.runId})`;
  if (runId === undefined) return `nothing on ${d.branch}: ${fetched.reason}`;
  const name = `keel-state-${runId}`;
  const workflowRunId = await findArtifactRun(name);
  const downloaded = await d.artifacts.download(
    name,
    `${stateDir}/runs/${runId}`,
    ...(workflowRunId !== undefined ? [{ workflowRunId }] : []),
  );
  return downloaded.ok
    ? `artifact ${name}`
    : `neither ${d.branch} (${fetched.reason}) nor artifact ${name} (${downloaded.reason})`;
}
