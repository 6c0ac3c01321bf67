/**
 * The run's files as they are on this runner, read for a push: whitelisted names only, a checkpoint that
 * parses and belongs to the run, sidecars that are JSON, a fleet state that validates, and no configured
 * secret in any of them. A missing or bad checkpoint refuses the whole push — it must not replace a good
 * copy on the branch; a bad sidecar or fleet state is only skipped, with a reason.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFleetState } from '../../fleet/fleet-state.ts';
import { errorCode, errorMessage } from '../../base/errors.ts';
import type { ResolvedStateBranch } from './state-branch-options.ts';
import { findSecret, findTokenShape } from '../../base/secrets.ts';
import { FLEET_STATE_FILE, RUNS_DIR, STATE_FILE } from '../../base/state-layout.ts';
import { BRANCH_RUN_FILES, MAX_STATE_FILE_BYTES, secretReason } from './state-files.ts';
import { parseCheckpoint, type Skipped } from './state-install.ts';
import { isJson, parseJson } from './state-json.ts';

export interface LocalFile {
  /** Path on the branch. */
  path: string;
  content: string;
}

export interface LocalCheckpoint {
  runId: string;
  status: string;
  updatedAt: number;
  runFiles: LocalFile[];
  fleet?: { file: LocalFile; savedAt: number };
  skipped: Skipped[];
}

/** Where a push reads from: the run's directory, and the fleet state file when there is one. */
export interface LocalCheckpointSource {
  runId: string;
  runDir: string;
  fleetStatePath?: string;
}

/** The run's files as they are now, validated and checked for secrets; `ok: false` refuses the push. */
export async function readLocalCheckpoint(
  c: ResolvedStateBranch,
  files: LocalCheckpointSource,
): Promise<{ ok: true; value: LocalCheckpoint } | { ok: false; reason: string }> {
  const runFiles: LocalFile[] = [];
  const skipped: Skipped[] = [];
  let status = 'unknown';
  let updatedAt = 0;
  for (const name of BRANCH_RUN_FILES) {
    const path = `${RUNS_DIR}/${files.runId}/${name}`;
    const read = await readStateFile(join(files.runDir, name));
    if (read.missing) {
      if (name === STATE_FILE) return { ok: false, reason: `no ${STATE_FILE} in ${files.runDir}` };
      continue;
    }
    if (read.problem !== undefined) {
      if (name === STATE_FILE) return { ok: false, reason: `${files.runDir}/${name}: ${read.problem}` };
      skipped.push({ path, reason: read.problem });
      continue;
    }
    const content = read.content!;
    if (name === STATE_FILE) {
      // A checkpoint that does not parse must not replace a good copy on the branch.
      const parsed = parseCheckpoint(content, files.runId, `${files.runDir}/${name}`);
      if (!parsed.ok) return parsed;
      status = parsed.state.status;
      updatedAt = parsed.state.updatedAt;
    } else if (!isJson(content)) {
      skipped.push({ path, reason: 'not JSON' });
      continue;
    }
    runFiles.push({ path, content });
  }
  let fleet: LocalCheckpoint['fleet'];
  if (files.fleetStatePath !== undefined) {
    const read = await readStateFile(files.fleetStatePath);
    if (read.content !== undefined) {
      const parsed = parseFleetState(parseJson(read.content));
      if (parsed.state)
        fleet = { file: { path: FLEET_STATE_FILE, content: read.content }, savedAt: parsed.state.savedAt };
      else skipped.push({ path: FLEET_STATE_FILE, reason: parsed.problem ?? 'not a fleet state' });
    } else if (read.problem !== undefined) {
      skipped.push({ path: FLEET_STATE_FILE, reason: read.problem });
    }
  }
  // The run redacted these already; this is the last look before they leave the runner for good.
  for (const f of [...runFiles, ...(fleet ? [fleet.file] : [])]) {
    const secret = findSecret(f.content, c.secrets);
    if (secret !== undefined) return { ok: false, reason: secretReason(f.path, secret) };
    // Anybody's credential, not only keel's: the run redacts shapes too, so one here slipped past it.
    const shape = findTokenShape(f.content);
    if (shape !== undefined)
      return {
        ok: false,
        reason: `${f.path} contains text shaped like ${shape}: refusing to copy it off the runner`,
      };
  }
  return {
    ok: true,
    value: { runId: files.runId, status, updatedAt, runFiles, ...(fleet ? { fleet } : {}), skipped },
  };
}

async function readStateFile(path: string): Promise<{ content?: string; missing?: true; problem?: string }> {
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_STATE_FILE_BYTES) return { problem: `larger than ${MAX_STATE_FILE_BYTES} bytes` };
    return { content: buffer.toString('utf8') };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { missing: true };
    return { problem: errorMessage(error) };
  }
}
