/**
 * Restoring from the state branch: the fetched tip's copy of a run (validated, installed only when newer
 * than what this runner has, by `state-install.ts`) and of the fleet state. Without a run id, the newest
 * unfinished run whose checkpoint is valid; the ones passed over are reported with why.
 */
import { join } from 'node:path';
import { isUnfinished } from '../../run/state.ts';
import { isUnfinishedStatus, listRunsAt } from './state-branch-list.ts';
import {
  describeError,
  fail,
  resolveOptions,
  type ResolvedStateBranch,
  type StateBranchOptions,
} from './state-branch-options.ts';
import { bindGit, fetchTip } from './state-branch-remote.ts';
import { startDeadline } from './state-deadline.ts';
import { FLEET_STATE_FILE, RUNS_DIR, STATE_FILE } from '../../base/state-layout.ts';
import { BRANCH_RUN_FILES, isValidRunId, MAX_STATE_FILE_BYTES } from './state-files.ts';
import { installFleetState, installRunFiles, parseCheckpoint, type Skipped } from './state-install.ts';
import { readBlob, type RunGit } from './state-tree.ts';

export type FetchCheckpointResult =
  | {
      ok: true;
      runId: string;
      /** Files written under `<stateDir>/runs/<runId>/`; empty when the local copy was as new (`kept`). */
      restored: string[];
      kept: boolean;
      fleetState: 'installed' | 'kept' | 'absent' | 'skipped';
      /** Bad files on the branch, with why they were not used. */
      skipped: Skipped[];
    }
  | { ok: false; reason: string; skipped: Skipped[] };

/**
 * Brings a run's checkpoint from the branch into `<stateDir>/runs/<runId>/` (and `fleet-state.json` when the
 * branch's is newer). Without `runId`: the newest unfinished run on the branch whose checkpoint is valid.
 */
export async function fetchCheckpoint(
  o: StateBranchOptions,
  runId: string | undefined,
  /**
   * `prefer: 'branch'`: the branch's copy replaces the local one whatever their timestamps say — a job that
   * has just claimed the run reads what the previous holder pushed last, whoever's clock was ahead.
   */
  into: { stateDir: string; prefer?: 'branch' },
): Promise<FetchCheckpointResult> {
  const cfg = resolveOptions(o);
  if (!cfg.ok) return { ...fail(o, 'fetch', cfg.reason), skipped: [] };
  const c = cfg.value;
  if (runId !== undefined && !isValidRunId(runId)) {
    return { ...fail(o, 'fetch', `not a run id: ${JSON.stringify(runId)}`), skipped: [] };
  }
  const deadline = startDeadline(c.clock, c.timeoutMs, `fetch of ${c.branch}`);
  const skipped: Skipped[] = [];
  const skip = (s: Skipped): void => {
    skipped.push(s);
    c.log({ type: 'state_branch_skipped', ...s });
  };
  try {
    const run = bindGit(c, deadline);
    const tip = await fetchTip(c, run);
    if (!tip) return { ...fail(o, 'fetch', `no branch ${c.branch} on ${c.remote}`), skipped };
    const fleetState = await deadline.race(restoreFleetState(c, run, tip.sha, into.stateDir, skip));
    const candidates =
      runId !== undefined
        ? [runId]
        : (await listRunsAt(run, tip.sha)).filter((r) => isUnfinishedStatus(r.status)).map((r) => r.runId);
    for (const id of candidates) {
      const restored = await deadline.race(
        restoreRun(c, run, tip.sha, id, into.stateDir, runId === undefined, into.prefer === 'branch'),
      );
      if (restored.ok) {
        c.log({ type: 'state_branch_restored', runId: id, files: restored.installed, kept: restored.kept });
        return {
          ok: true,
          runId: id,
          restored: restored.installed,
          kept: restored.kept,
          fleetState,
          skipped: [...skipped, ...restored.skipped],
        };
      }
      skip({ path: `${RUNS_DIR}/${id}`, reason: restored.reason });
    }
    const none = runId !== undefined ? `run ${runId} not restored` : `no unfinished run on ${c.branch}`;
    const why = skipped.filter((s) => s.path.startsWith(`${RUNS_DIR}/`)).map((s) => s.reason);
    return { ...fail(o, 'fetch', why.length > 0 ? `${none}: ${why.join('; ')}` : none), skipped };
  } catch (error) {
    return { ...fail(o, 'fetch', describeError(error)), skipped };
  } finally {
    deadline.dispose();
  }
}

async function restoreRun(
  c: ResolvedStateBranch,
  run: RunGit,
  tip: string,
  runId: string,
  stateDir: string,
  unfinishedOnly: boolean,
  force: boolean,
): Promise<
  { ok: true; installed: string[]; kept: boolean; skipped: Skipped[] } | { ok: false; reason: string }
> {
  const files = new Map<string, string>();
  for (const name of BRANCH_RUN_FILES) {
    const read = await readBlob(run, `${tip}:${RUNS_DIR}/${runId}/${name}`);
    if ('text' in read) files.set(name, read.text);
    else if ('tooLarge' in read)
      return { ok: false, reason: `${name} is larger than ${MAX_STATE_FILE_BYTES} bytes` };
  }
  const where = `${c.branch}:${RUNS_DIR}/${runId}`;
  const stateText = files.get(STATE_FILE);
  if (stateText === undefined) return { ok: false, reason: `${where}: no ${STATE_FILE}` };
  if (unfinishedOnly) {
    // The manifest may lag behind the checkpoint; the checkpoint has the last word.
    const parsed = parseCheckpoint(stateText, runId, `${where}/${STATE_FILE}`);
    if (!parsed.ok) return parsed;
    if (!isUnfinished(parsed.state))
      return { ok: false, reason: `${where}: finished (${parsed.state.status})` };
  }
  return installRunFiles(join(stateDir, RUNS_DIR, runId), runId, files, where, c.clock, force);
}

async function restoreFleetState(
  c: ResolvedStateBranch,
  run: RunGit,
  tip: string,
  stateDir: string,
  skip: (s: Skipped) => void,
): Promise<'installed' | 'kept' | 'absent' | 'skipped'> {
  const read = await readBlob(run, `${tip}:${FLEET_STATE_FILE}`);
  if ('missing' in read) return 'absent';
  if ('tooLarge' in read) {
    skip({ path: FLEET_STATE_FILE, reason: 'too large' });
    return 'skipped';
  }
  const installed = await installFleetState(stateDir, read.text, `${c.branch}:${FLEET_STATE_FILE}`);
  if (installed.installed) return 'installed';
  if (installed.reason.startsWith('the local')) return 'kept';
  skip({ path: FLEET_STATE_FILE, reason: installed.reason });
  return 'skipped';
}
