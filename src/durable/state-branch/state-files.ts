/**
 * What may leave the runner as a durable copy of a checkpoint, shared by the state branch and the artifacts:
 * run ids that are safe as one path segment, whitelists of file names (anything not named here is not state
 * and is never pushed or uploaded), and the last check that no configured secret is in what goes out.
 *
 * Whitelists rather than blacklists: a run directory also holds locks, `*.tmp` files of a killed writer,
 * `.heartbeat`, corrupt checkpoints set aside — and a bug elsewhere could put anything there. Only names we
 * know to be state go.
 */

import { MANIFEST_FILE, METRICS_FILE, STATE_FILE } from '../../base/state-layout.ts';
import { RUN_ID_PATTERN } from '../../base/run-id.ts';

/** The same pattern as `runStateSchema.runId`: one path segment, never `.`/`..`, never an option. */
export function isValidRunId(runId: string): boolean {
  return RUN_ID_PATTERN.test(runId);
}

/**
 * On the state branch, per run: the checkpoint and its two small sidecars. Not `events.ndjson` (up to
 * 5 MiB × 4 rotated files per run, growing every checkpoint: the branch's history would grow by megabytes
 * per push, forever) and not `effects/` (records of issues and PRs that live on GitHub anyway, and whose
 * markers the publisher finds there). The artifact carries both.
 */
export const BRANCH_RUN_FILES = [STATE_FILE, MANIFEST_FILE, METRICS_FILE] as const;

/**
 * In an artifact, relative to the run directory ('/'-separated): the checkpoint, its sidecars, the event log
 * with its rotations, the local effect records and the rendered recovery issue. Never `*.lock`, `*.tmp`,
 * `.heartbeat` or `state.json.corrupt-*`, and nothing of the worktree (it is not under the run directory,
 * and if it were, no worktree path matches).
 */
const ARTIFACT_FILE =
  /^(?:state\.json|manifest\.json|metrics\.json|recovery\.md|events(?:\.[1-9][0-9]{0,2})?\.ndjson|effects\/(?:issues|comments|pulls)\/[1-9][0-9]{0,8}\.json)$/;

export function isArtifactStateFile(relativePath: string): boolean {
  return ARTIFACT_FILE.test(relativePath);
}

/** The subdirectories an artifact may contain (everything else in the run directory is not walked). */
export const ARTIFACT_SUBDIRS = ['effects/issues', 'effects/comments', 'effects/pulls'] as const;

/**
 * Larger than any honest checkpoint file (the state of 2 000 subtasks with long instructions stays far
 * below), smaller than GitHub's 100 MB file limit. A bigger file is refused rather than pushed.
 */
export const MAX_STATE_FILE_BYTES = 32 * 1024 * 1024;

export function secretReason(path: string, index: number): string {
  return `${path} contains configured secret #${index}: refusing to copy it off the runner`;
}
