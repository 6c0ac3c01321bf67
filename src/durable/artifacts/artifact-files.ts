/**
 * The files of a run directory that make up its artifact, for both artifact stores: what to collect (a
 * whitelist walk that never follows a symlink), what a store may upload (the whitelist again, regular files
 * only, bounded, no configured secret), and how a downloaded copy comes back into a run directory (only
 * whitelisted files, through the same validation and newest-wins rule as the state branch).
 */
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../../base/clock.ts';
import { errorCode, errorMessage } from '../../base/errors.ts';
import { findSecret, findTokenShape } from '../../base/secrets.ts';
import {
  ARTIFACT_SUBDIRS,
  isArtifactStateFile,
  isValidRunId,
  MAX_STATE_FILE_BYTES,
  secretReason,
  installRunFiles,
  type InstallResult,
  type Skipped,
} from '../state-branch/index.ts';

export const ARTIFACT_PREFIX = 'keel-state-';

/** `keel-state-<runId>`. */
export function artifactName(runId: string): string {
  return `${ARTIFACT_PREFIX}${runId}`;
}

/** Artifact names a store accepts: safe as one directory name, and within GitHub's rules. */
export const ARTIFACT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The whitelisted files of a run directory, relative and '/'-separated, sorted: `state.json`,
 * `manifest.json`, `metrics.json`, `recovery.md`, `events*.ndjson`, `effects/<kind>/<n>.json`. Locks, temp
 * files, `.heartbeat`, set-aside corrupt checkpoints, symlinks and anything else are left out. A missing
 * directory gives `[]`.
 */
export async function collectStateFiles(runDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ['', ...ARTIFACT_SUBDIRS]) {
    let entries;
    try {
      entries = await readdir(sub === '' ? runDir : join(runDir, ...sub.split('/')), { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') continue;
      throw error;
    }
    for (const entry of entries) {
      const path = sub === '' ? entry.name : `${sub}/${entry.name}`;
      // `isFile()` on a Dirent is false for a symlink: a link to the worktree or /etc is never followed.
      if (entry.isFile() && isArtifactStateFile(path)) found.push(path);
    }
  }
  return found.sort();
}

export interface UploadFile {
  /** Relative, '/'-separated. */
  path: string;
  data: Buffer;
}

export type PreparedUpload =
  { ok: true; files: UploadFile[]; skipped: Skipped[] } | { ok: false; reason: string };

/**
 * Reads what a store is asked to upload, once: the bytes checked here are the bytes uploaded. A path that is
 * not whitelisted, not a regular file, gone, or too large is skipped with a reason; a configured secret in
 * any file refuses the whole upload.
 */
export async function prepareUpload(
  rootDir: string,
  files: readonly string[],
  secrets: readonly string[],
  kind: 'state' | 'result' = 'state',
): Promise<PreparedUpload> {
  const out: UploadFile[] = [];
  const skipped: Skipped[] = [];
  for (const path of new Set(files)) {
    if (kind === 'state' ? !isArtifactStateFile(path) : !RESULT_FILE.test(path)) {
      skipped.push({ path, reason: kind === 'state' ? 'not a state file' : 'not a result file' });
      continue;
    }
    const full = join(rootDir, ...path.split('/'));
    try {
      const info = await lstat(full);
      if (!info.isFile()) {
        skipped.push({ path, reason: 'not a regular file' });
        continue;
      }
      if (info.size > MAX_STATE_FILE_BYTES) {
        skipped.push({ path, reason: `larger than ${MAX_STATE_FILE_BYTES} bytes` });
        continue;
      }
      const data = await readFile(full);
      const text = data.toString('utf8');
      const secret = findSecret(text, secrets);
      if (secret !== undefined) return { ok: false, reason: secretReason(path, secret) };
      // Anybody's credential too, as on the state branch: the run redacts shapes, so one here slipped past.
      const shape = findTokenShape(text);
      if (shape !== undefined)
        return { ok: false, reason: `${path} contains text shaped like ${shape}: refusing to upload it` };
      out.push({ path, data });
    } catch (error) {
      skipped.push({ path, reason: errorCode(error) === 'ENOENT' ? 'gone' : errorMessage(error) });
    }
  }
  if (kind === 'state' && !out.some((f) => f.path === 'state.json')) {
    return { ok: false, reason: `no state.json among the files to upload from ${rootDir}` };
  }
  if (out.length === 0) return { ok: false, reason: `nothing to upload from ${rootDir}` };
  return { ok: true, files: out, skipped };
}

/** Writes prepared files under `dir` (created as needed), each at its relative path; their full paths. */
export async function writeUploadFiles(dir: string, files: readonly UploadFile[]): Promise<string[]> {
  const paths: string[] = [];
  for (const f of files) {
    const path = join(dir, ...f.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.data);
    paths.push(path);
  }
  return paths;
}

/**
 * A result artifact (a fan-out coder's `result.json`): flat JSON files, nothing else. Not state, so neither
 * whitelisted as state nor validated as a checkpoint; its reader validates it (`externalCodeResultSchema`).
 */
const RESULT_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.json$/;

/** Copies the result files found in `sourceDir` (a download) into `into`; the names copied. */
export async function copyResultFiles(sourceDir: string, into: string): Promise<string[]> {
  const copied: string[] = [];
  for (const entry of await readdir(sourceDir, { withFileTypes: true })) {
    if (!entry.isFile() || !RESULT_FILE.test(entry.name)) continue;
    const from = join(sourceDir, entry.name);
    if ((await lstat(from)).size > MAX_STATE_FILE_BYTES) continue;
    await mkdir(into, { recursive: true });
    await writeFile(join(into, entry.name), await readFile(from));
    copied.push(entry.name);
  }
  return copied.sort();
}

/**
 * Installs the whitelisted files found in `sourceDir` (a download) into the run directory `into`. The run id
 * the checkpoint must carry comes from the artifact name (`keel-state-<runId>`), else from `into`'s name.
 */
export async function installDownloaded(
  sourceDir: string,
  into: string,
  name: string,
  clock: Clock,
): Promise<InstallResult> {
  const fromName = name.startsWith(ARTIFACT_PREFIX) ? name.slice(ARTIFACT_PREFIX.length) : '';
  const runId = isValidRunId(fromName) ? fromName : basename(into);
  const files = new Map<string, string>();
  for (const path of await collectStateFiles(sourceDir)) {
    const full = join(sourceDir, ...path.split('/'));
    if ((await lstat(full)).size > MAX_STATE_FILE_BYTES) continue;
    files.set(path, await readFile(full, 'utf8'));
  }
  return installRunFiles(into, runId, files, `artifact ${name}`, clock);
}
