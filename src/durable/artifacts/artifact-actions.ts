/**
 * Artifacts in the Actions artifact service through `@actions/artifact`. It reads `ACTIONS_RUNTIME_TOKEN`
 * and `ACTIONS_RESULTS_URL` from the environment itself, so it only works inside a workflow job;
 * `selectArtifactStore` picks the directory store elsewhere.
 *
 * Decisions:
 * - Uploads go from a private staging copy of exactly the bytes that passed the whitelist and the secret
 *   check, never from the run directory itself (a file rewritten in between would be uploaded unchecked).
 * - A name is unique per workflow run in the service, and keel uploads twice (end of `main`, then `post`):
 *   a conflict deletes the earlier artifact and uploads again — the same as `upload-artifact`'s
 *   `overwrite`. The earlier copy stays until we know it must go.
 * - A download is held to the digest the service listed for the artifact (`expectedHash`): a mismatch, or an
 *   artifact without one, is refused (issue 12 §11).
 * - Downloads land in a private staging directory and come into the run directory through the whitelist
 *   and the checkpoint validation: an artifact is untrusted input like any other copy.
 * - Every call is bounded (`timeoutMs`): at the deadline the caller gets `{ ok: false }` while the library
 *   call, which cannot be cancelled, finishes or fails on its own; its staging copy is removed after it.
 * - The library is loaded on first use, not at import: it is large and most runs of the CLI never need it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { systemClock, type Clock } from '../../base/clock.ts';
import { errorMessage } from '../../base/errors.ts';
import {
  ARTIFACT_NAME_PATTERN,
  copyResultFiles,
  installDownloaded,
  prepareUpload,
  writeUploadFiles,
} from './artifact-files.ts';
import type { ArtifactStore, DownloadResult, UploadResult } from './artifacts.ts';
import { DeadlineExceeded, startDeadline } from '../state-branch/index.ts';

/** What keel uses of `@actions/artifact`'s client; tests pass a fake. */
export type ArtifactClientLike = Pick<
  ArtifactClient,
  'uploadArtifact' | 'getArtifact' | 'downloadArtifact' | 'deleteArtifact'
>;

/** Where `@actions/artifact` finds an artifact of another workflow run. */
type FindBy = NonNullable<NonNullable<Parameters<ArtifactClientLike['getArtifact']>[1]>['findBy']>;

export interface ActionsArtifactStoreOptions {
  /** A token with `actions:read`, for artifacts of other workflow runs (`findBy`). */
  token: string;
  owner: string;
  repo: string;
  /** Default: `@actions/artifact`'s `DefaultArtifactClient`, loaded on first use. */
  client?: ArtifactClientLike;
  secrets?: readonly string[];
  /** Default: the repository's setting (90 days unless changed). */
  retentionDays?: number;
  /** Per upload or download. Default 30 s. */
  timeoutMs?: number;
  /** For staging copies; `RUNNER_TEMP` in Actions. Default: the system temp directory. */
  tempDir?: string;
  clock?: Clock;
}

export interface ActionsArtifactStore extends ArtifactStore {
  readonly kind: 'actions';
  readonly where: string;
}

export const ACTIONS_ARTIFACT_TIMEOUT_MS = 30_000;

export function createActionsArtifactStore(options: ActionsArtifactStoreOptions): ActionsArtifactStore {
  const secrets = options.secrets ?? [];
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? ACTIONS_ARTIFACT_TIMEOUT_MS;
  let client: Promise<ArtifactClientLike> | undefined = options.client
    ? Promise.resolve(options.client)
    : undefined;
  const getClient = (): Promise<ArtifactClientLike> =>
    (client ??= import('@actions/artifact').then((m) => new m.DefaultArtifactClient()));

  const staging = (): Promise<string> => mkdtemp(join(options.tempDir ?? tmpdir(), 'keel-artifact-'));

  async function bounded<T extends { ok: boolean }>(
    what: string,
    work: () => Promise<T>,
  ): Promise<T | { ok: false; reason: string }> {
    const deadline = startDeadline(clock, timeoutMs, what);
    try {
      return await deadline.race(work());
    } catch (error) {
      const reason = error instanceof DeadlineExceeded ? error.message : `${what}: ${errorMessage(error)}`;
      return { ok: false, reason };
    } finally {
      deadline.dispose();
    }
  }

  async function upload(
    name: string,
    rootDir: string,
    files: string[],
    kind: 'state' | 'result' = 'state',
  ): Promise<UploadResult> {
    if (!ARTIFACT_NAME_PATTERN.test(name))
      return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
    return bounded(`upload of artifact ${name}`, async (): Promise<UploadResult> => {
      const prepared = await prepareUpload(rootDir, files, secrets, kind);
      if (!prepared.ok) return prepared;
      const dir = await staging();
      try {
        const paths = await writeUploadFiles(dir, prepared.files);
        const c = await getClient();
        const opts = options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {};
        let response;
        try {
          response = await c.uploadArtifact(name, paths, dir, opts);
        } catch (error) {
          if (!isConflict(error)) throw error;
          await c.deleteArtifact(name);
          response = await c.uploadArtifact(name, paths, dir, opts);
        }
        return {
          ok: true,
          ...(response.id !== undefined ? { id: response.id } : {}),
          skipped: prepared.skipped,
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  async function download(
    name: string,
    into: string,
    from?: { workflowRunId: number },
  ): Promise<DownloadResult> {
    const findBy = from
      ? {
          token: options.token,
          workflowRunId: from.workflowRunId,
          repositoryOwner: options.owner,
          repositoryName: options.repo,
        }
      : undefined;
    const where = from ? ` in workflow run ${from.workflowRunId}` : '';
    return fetchArtifact(name, findBy, where, async (dir) => {
      const installed = await installDownloaded(dir, into, name, clock);
      if (!installed.ok) return installed;
      return { ok: true, restored: installed.installed, kept: installed.kept, skipped: installed.skipped };
    });
  }

  /** A result artifact of this workflow run (`uploadResult`), copied as it is into `into`. */
  async function downloadResult(name: string, into: string): Promise<DownloadResult> {
    return fetchArtifact(name, undefined, '', async (dir) => {
      const restored = await copyResultFiles(dir, into);
      return restored.length > 0
        ? { ok: true, restored }
        : { ok: false, reason: `artifact ${name}: no result` };
    });
  }

  /** Downloads artifact `name` (of another workflow run with `findBy`) into a staging directory for `use`. */
  async function fetchArtifact(
    name: string,
    findBy: FindBy | undefined,
    where: string,
    use: (dir: string) => Promise<DownloadResult>,
  ): Promise<DownloadResult> {
    if (!ARTIFACT_NAME_PATTERN.test(name))
      return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
    return bounded(`download of artifact ${name}`, async (): Promise<DownloadResult> => {
      const c = await getClient();
      let id: number;
      let digest: string | undefined;
      try {
        ({ id, digest } = (await c.getArtifact(name, findBy ? { findBy } : undefined)).artifact);
      } catch (error) {
        return { ok: false, reason: `no artifact ${name}${where}: ${errorMessage(error)}` };
      }
      // The digest the service listed at upload is what the bytes must hash to: without one there is nothing
      // to hold a download to (keel's uploads always have one), and a mismatch is a copy someone changed.
      if (digest === undefined || digest === '')
        return {
          ok: false,
          reason: `artifact ${name}${where} lists no digest to verify it by: not restored`,
        };
      const dir = await staging();
      try {
        const got = await c.downloadArtifact(id, {
          path: dir,
          // The library computes `sha256:<hex>`; a bare hex digest (the upload response's form) gets the prefix.
          expectedHash: /^[0-9a-f]{64}$/i.test(digest) ? `sha256:${digest}` : digest,
          ...(findBy ? { findBy } : {}),
        });
        if (got.digestMismatch === true)
          return { ok: false, reason: `artifact ${name}${where}: digest mismatch, not restored` };
        return await use(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  return {
    kind: 'actions',
    where: `${options.owner}/${options.repo}`,
    upload: (name, rootDir, files) => upload(name, rootDir, files),
    download,
    uploadResult: (name, rootDir, files) => upload(name, rootDir, files, 'result'),
    downloadResult,
  };
}

/** `Failed request: (409) Conflict…` from the service when the name exists in this workflow run. */
function isConflict(error: unknown): boolean {
  return /\(409\)|conflict|already exists/i.test(errorMessage(error));
}
