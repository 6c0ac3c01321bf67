/**
 * Artifacts as directories on the local disk, for where the Actions artifact service is out of reach (no
 * `ACTIONS_RUNTIME_TOKEN`): local runs, `@github/local-action`, the end-to-end tests. Layout:
 * `<dir>/<workflowRunId>/<name>/<files>` (`local` when there is no workflow run), so a test can play "the
 * artifact of an earlier run" exactly as in Actions.
 *
 * An upload replaces the whole artifact directory in two renames (the new copy is complete before the old
 * one moves away), so a reader never sees half of one upload mixed with another; a crash at worst leaves a
 * dot-named leftover that no artifact name can collide with.
 */
import { randomBytes } from 'node:crypto';
import { lstat, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { systemClock, type Clock } from '../../base/clock.ts';
import { errorCode, errorMessage } from '../../base/errors.ts';
import {
  ARTIFACT_NAME_PATTERN,
  copyResultFiles,
  installDownloaded,
  prepareUpload,
  writeUploadFiles,
} from './artifact-files.ts';
import type { ArtifactStore, DownloadResult, UploadResult } from './artifacts.ts';

export interface DirectoryArtifactStoreOptions {
  /** The current workflow run (`GITHUB_RUN_ID`); `local` when absent. */
  workflowRunId?: string | number;
  secrets?: readonly string[];
  clock?: Clock;
}

export interface DirectoryArtifactStore extends ArtifactStore {
  readonly kind: 'directory';
  readonly where: string;
}

export function createDirectoryArtifactStore(
  dir: string,
  options: DirectoryArtifactStoreOptions = {},
): DirectoryArtifactStore {
  const current = runSegment(options.workflowRunId);
  const secrets = options.secrets ?? [];
  const clock = options.clock ?? systemClock;

  async function upload(
    name: string,
    rootDir: string,
    files: string[],
    kind: 'state' | 'result' = 'state',
  ): Promise<UploadResult> {
    if (!ARTIFACT_NAME_PATTERN.test(name))
      return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
    try {
      const prepared = await prepareUpload(rootDir, files, secrets, kind);
      if (!prepared.ok) return prepared;
      const target = join(dir, current, name);
      const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
      const staging = join(dir, current, `.${name}.${tag}.partial`);
      await writeUploadFiles(staging, prepared.files);
      const old = join(dir, current, `.${name}.${tag}.old`);
      const hadOld = await rename(target, old).then(
        () => true,
        (error: unknown) => {
          if (errorCode(error) === 'ENOENT') return false;
          throw error;
        },
      );
      await rename(staging, target);
      if (hadOld) await rm(old, { recursive: true, force: true });
      return { ok: true, skipped: prepared.skipped };
    } catch (error) {
      return { ok: false, reason: `artifact ${name}: ${errorMessage(error)}` };
    }
  }

  async function download(
    name: string,
    into: string,
    from?: { workflowRunId: number },
  ): Promise<DownloadResult> {
    if (!ARTIFACT_NAME_PATTERN.test(name))
      return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
    const source = join(dir, from ? runSegment(from.workflowRunId) : current, name);
    try {
      if (!(await lstat(source)).isDirectory())
        return { ok: false, reason: `artifact ${name}: not a directory` };
    } catch (error) {
      if (errorCode(error) === 'ENOENT')
        return { ok: false, reason: `no artifact ${name} in ${dirname(source)}` };
      return { ok: false, reason: `artifact ${name}: ${errorMessage(error)}` };
    }
    try {
      const installed = await installDownloaded(source, into, name, clock);
      if (!installed.ok) return installed;
      return { ok: true, restored: installed.installed, kept: installed.kept, skipped: installed.skipped };
    } catch (error) {
      return { ok: false, reason: `artifact ${name}: ${errorMessage(error)}` };
    }
  }

  async function downloadResult(name: string, into: string): Promise<DownloadResult> {
    if (!ARTIFACT_NAME_PATTERN.test(name))
      return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
    try {
      const restored = await copyResultFiles(join(dir, current, name), into);
      return restored.length > 0
        ? { ok: true, restored }
        : { ok: false, reason: `artifact ${name}: no result` };
    } catch (error) {
      if (errorCode(error) === 'ENOENT')
        return { ok: false, reason: `no artifact ${name} in ${join(dir, current)}` };
      return { ok: false, reason: `artifact ${name}: ${errorMessage(error)}` };
    }
  }

  return {
    kind: 'directory',
    where: dir,
    upload: (name, rootDir, files) => upload(name, rootDir, files),
    download,
    uploadResult: (name, rootDir, files) => upload(name, rootDir, files, 'result'),
    downloadResult,
  };
}

function runSegment(id: string | number | undefined): string {
  const text = id === undefined ? '' : String(id);
  return /^[0-9]{1,20}$/.test(text) ? text : 'local';
}
