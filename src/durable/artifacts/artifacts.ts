/**
 * Workflow artifacts as the second durable copy of a checkpoint (the state branch is the first): uploaded at
 * the end of a run and on shutdown as `keel-state-<runId>`, downloaded on resume from the current workflow
 * run or, with `from`, an earlier one. Unlike the state branch an artifact carries the whole run directory's
 * state — the event log, the effect records and `recovery.md` too — and nothing else (see `state-files.ts`).
 *
 * Two stores behind one interface: the Actions artifact service (`artifact-actions.ts`) inside a workflow
 * job, and a local directory (`artifact-directory.ts`) everywhere else. Both refuse an upload that contains
 * a configured secret, and both bring a download in through the checkpoint validation and the newest-wins
 * rule, never by unpacking into the run directory blindly. Results are unions; nothing throws.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../base/clock.ts';
import {
  createActionsArtifactStore,
  type ActionsArtifactStore,
  type ArtifactClientLike,
} from './artifact-actions.ts';
import { createDirectoryArtifactStore, type DirectoryArtifactStore } from './artifact-directory.ts';
import type { Skipped } from '../state-branch/index.ts';

export { artifactName, ARTIFACT_PREFIX, collectStateFiles } from './artifact-files.ts';
export {
  ACTIONS_ARTIFACT_TIMEOUT_MS,
  createActionsArtifactStore,
  type ActionsArtifactStore,
  type ActionsArtifactStoreOptions,
  type ArtifactClientLike,
} from './artifact-actions.ts';
export {
  createDirectoryArtifactStore,
  type DirectoryArtifactStore,
  type DirectoryArtifactStoreOptions,
} from './artifact-directory.ts';
export type { Skipped } from '../state-branch/index.ts';

/** `skipped`: requested files left out (not whitelisted, not a regular file, gone, too large). */
export type UploadResult = { ok: true; id?: number; skipped?: Skipped[] } | { ok: false; reason: string };

/** `kept`: the local checkpoint was as new, nothing was written. `skipped`: bad files not installed. */
export type DownloadResult =
  { ok: true; restored?: string[]; kept?: boolean; skipped?: Skipped[] } | { ok: false; reason: string };

export interface ArtifactStore {
  /**
   * Uploads `files` (relative to `rootDir`, '/'-separated — what `collectStateFiles(rootDir)` returns) as
   * artifact `name`, replacing an earlier upload of that name in this workflow run.
   */
  upload(name: string, rootDir: string, files: string[]): Promise<UploadResult>;
  /**
   * Brings artifact `name` into the run directory `into` — from the current workflow run, or from
   * `from.workflowRunId` — when its checkpoint is valid and newer than the local one.
   */
  download(name: string, into: string, from?: { workflowRunId: number }): Promise<DownloadResult>;
  /**
   * A fan-out coder's result (`actions/code` → `actions/review`): flat JSON `files` under `rootDir`, bounded
   * and refused when one holds a configured secret, like state — but not a checkpoint, so not validated as one.
   */
  uploadResult(name: string, rootDir: string, files: string[]): Promise<UploadResult>;
  /** Copies the files of a result artifact of this workflow run into the directory `into`. */
  downloadResult(name: string, into: string): Promise<DownloadResult>;
}

export interface SelectArtifactStoreOptions {
  /** `github-token`: reads artifacts of earlier workflow runs. */
  token: string;
  owner: string;
  repo: string;
  /** `RUNNER_TEMP`: staging copies, and the directory store's default home. */
  runnerTemp?: string;
  /** The directory store's directory (default `KEEL_ARTIFACT_DIR`, else `<runnerTemp>/keel-artifacts`). */
  dir?: string;
  secrets?: readonly string[];
  /** Per upload or download, Actions store only. */
  timeoutMs?: number;
  retentionDays?: number;
  clock?: Clock;
  /** Tests: a fake `@actions/artifact` client. */
  client?: ArtifactClientLike;
}

/**
 * The Actions artifact service when the job has its runtime credentials (`ACTIONS_RUNTIME_TOKEN` and
 * `ACTIONS_RESULTS_URL`, which `@actions/artifact` reads from the environment), else a local directory.
 */
export function selectArtifactStore(
  env: Record<string, string | undefined>,
  options: SelectArtifactStoreOptions,
): ActionsArtifactStore | DirectoryArtifactStore {
  const temp = options.runnerTemp ?? env.RUNNER_TEMP ?? tmpdir();
  const common = {
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  if (env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL) {
    return createActionsArtifactStore({
      token: options.token,
      owner: options.owner,
      repo: options.repo,
      tempDir: temp,
      ...common,
      ...(options.client ? { client: options.client } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
    });
  }
  const dir = options.dir ?? env.KEEL_ARTIFACT_DIR ?? join(temp, 'keel-artifacts');
  return createDirectoryArtifactStore(dir, {
    ...common,
    ...(env.GITHUB_RUN_ID ? { workflowRunId: env.GITHUB_RUN_ID } : {}),
  });
}
