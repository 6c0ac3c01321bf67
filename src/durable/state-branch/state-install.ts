/**
 * Bringing a durable copy (from the state branch or an artifact) into the local state directory. The copy is
 * untrusted input — another keel version, a hand edit, a truncated upload — so:
 * - the checkpoint is validated with `runStateSchema` and must belong to the run it is filed under; a bad
 *   one installs nothing, and the reason is returned;
 * - a local checkpoint at least as new (by `updatedAt`) is kept: the copy may be older than what this
 *   runner already has (a resumed run's own directory, a second restore);
 * - sidecars (manifest, metrics, event log, effect records) are written only along with a checkpoint they
 *   belong to, each validated where it has a schema; a bad one is skipped with a reason — the run rebuilds
 *   the manifest and metrics at its next checkpoint anyway;
 * - `state.json` is written last, so a crash mid-install never leaves a new checkpoint beside old sidecars;
 * - a corrupt local checkpoint is moved aside, never overwritten (the store's rule: it may be the only copy).
 * Nothing here throws for bad input; file-system failures do (the callers turn them into reasons).
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../base/clock.ts';
import { parseFleetState, readFleetStateFile } from '../../fleet/fleet-state.ts';
import { readJsonFile, writeFileAtomic } from '../../base/atomic-file.ts';
import { manifestSchema } from '../../run/manifest.ts';
import { runMetricsSchema } from '../../run/metrics.ts';
import { runStateSchema, type RunState } from '../../run/state.ts';
import { FLEET_STATE_FILE, MANIFEST_FILE, METRICS_FILE, STATE_FILE } from '../../base/state-layout.ts';

export interface Skipped {
  path: string;
  reason: string;
}

export type InstallResult =
  | { ok: true; state: RunState; installed: string[]; kept: boolean; skipped: Skipped[] }
  | { ok: false; reason: string };

/** Validates a checkpoint's text for `runId`; the reason names `where` (a branch path, an artifact). */
export function parseCheckpoint(
  text: string,
  runId: string,
  where: string,
): { ok: true; state: RunState } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${where}: not JSON` };
  }
  const parsed = runStateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `${where}: not a valid checkpoint (${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'})`,
    };
  }
  if (parsed.data.runId !== runId) {
    return { ok: false, reason: `${where}: belongs to run ${parsed.data.runId}, not ${runId}` };
  }
  return { ok: true, state: parsed.data };
}

/**
 * Installs `files` (paths relative to the run directory, state.json among them) into `runDir`. `where`
 * prefixes reasons so a human can find the bad file.
 */
export async function installRunFiles(
  runDir: string,
  runId: string,
  files: ReadonlyMap<string, string>,
  where: string,
  clock: Clock,
  /** Install even over a local copy that says it is as new (its timestamps may come from a clock ahead). */
  force = false,
): Promise<InstallResult> {
  const text = files.get(STATE_FILE);
  if (text === undefined) return { ok: false, reason: `${where}: no ${STATE_FILE}` };
  const incoming = parseCheckpoint(text, runId, `${where}/${STATE_FILE}`);
  if (!incoming.ok) return incoming;
  const statePath = join(runDir, STATE_FILE);
  const local = await readJsonFile(statePath);
  if (local.ok) {
    const parsed = runStateSchema.safeParse(local.value);
    if (parsed.success && !force && parsed.data.updatedAt >= incoming.state.updatedAt) {
      return { ok: true, state: parsed.data, installed: [], kept: true, skipped: [] };
    }
    if (!parsed.success) await rename(statePath, `${statePath}.corrupt-${clock.now()}`);
  } else if (local.reason === 'not-json') {
    await rename(statePath, `${statePath}.corrupt-${clock.now()}`);
  }
  const installed: string[] = [];
  const skipped: Skipped[] = [];
  for (const [path, content] of files) {
    if (path === STATE_FILE) continue;
    const problem = sidecarProblem(path, content);
    if (problem !== undefined) {
      skipped.push({ path: `${where}/${path}`, reason: problem });
      continue;
    }
    await writeFileAtomic(join(runDir, ...path.split('/')), content);
    installed.push(path);
  }
  await writeFileAtomic(statePath, text);
  installed.push(STATE_FILE);
  return { ok: true, state: incoming.state, installed, kept: false, skipped };
}

/** Why a sidecar is not installed, or undefined when it may be. */
function sidecarProblem(path: string, content: string): string | undefined {
  const isJson = path.endsWith('.json');
  if (!isJson) return undefined; // event log lines and recovery.md: text, read defensively by their readers
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return 'not JSON';
  }
  const schema =
    path === MANIFEST_FILE ? manifestSchema : path === METRICS_FILE ? runMetricsSchema : undefined;
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : `invalid: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`;
}

export type FleetInstall = { installed: true } | { installed: false; reason: string };

/** `<stateDir>/fleet-state.json`, only when the local copy is missing, unreadable or older (`savedAt`). */
export async function installFleetState(
  stateDir: string,
  text: string,
  where: string,
): Promise<FleetInstall> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { installed: false, reason: `${where}: not JSON` };
  }
  const incoming = parseFleetState(value);
  if (!incoming.state) return { installed: false, reason: `${where}: ${incoming.problem ?? 'empty'}` };
  const path = join(stateDir, FLEET_STATE_FILE);
  const local = await readFleetStateFile(path);
  if (local.state && local.state.savedAt >= incoming.state.savedAt) {
    return { installed: false, reason: 'the local fleet state is as new or newer' };
  }
  await writeFileAtomic(path, text);
  return { installed: true };
}
