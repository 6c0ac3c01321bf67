/**
 * Pushing a run's checkpoint to the state branch: fetch the tip, build one commit on top of it, push it
 * unforced; when another run pushed first, fetch again and rebuild, within `maxAttempts` rounds and the one
 * time budget. Blobs are written once; only the trees and the commit depend on the tip.
 */
import { GitError } from '../../git/git-runner.ts';
import { buildCommit } from './state-branch-commit.ts';
import {
  readLocalCheckpoint,
  type LocalCheckpoint,
  type LocalCheckpointSource,
} from './state-branch-local.ts';
import {
  describeError,
  fail,
  resolveOptions,
  type ResolvedStateBranch,
  type StateBranchOptions,
} from './state-branch-options.ts';
import { bindGit, fetchTip } from './state-branch-remote.ts';
import { startDeadline, type Deadline } from './state-deadline.ts';
import { isValidRunId } from './state-files.ts';
import { claimPath, readClaim, type BranchClaim } from './state-claim-file.ts';
import type { Skipped } from './state-install.ts';
import { writeBlob, type RunGit } from './state-tree.ts';

export type PushCheckpointResult =
  | { ok: true; sha: string; changed: boolean; attempts: number; skipped: Skipped[] }
  | { ok: false; reason: string; lost?: BranchClaim | true };

/**
 * The run's claim on the branch (`state-branch-claim.ts`) this push is fenced by: while the branch's claim of
 * the run names another token, nothing is pushed (`lost`). `release`: the same commit marks the claim
 * released (the run stopped; the next runner need not wait for it to expire).
 */
export interface PushFence {
  claim: BranchClaim;
  releaseAt?: number;
}

export async function pushCheckpoint(
  o: StateBranchOptions,
  files: LocalCheckpointSource,
  fence?: PushFence,
): Promise<PushCheckpointResult> {
  const cfg = resolveOptions(o);
  if (!cfg.ok) return fail(o, 'push', cfg.reason);
  const c = cfg.value;
  if (!isValidRunId(files.runId)) return fail(o, 'push', `not a run id: ${JSON.stringify(files.runId)}`);
  const deadline = startDeadline(c.clock, c.timeoutMs, `push to ${c.branch}`);
  try {
    const local = await deadline.race(readLocalCheckpoint(c, files));
    if (!local.ok) return fail(o, 'push', local.reason);
    for (const s of local.value.skipped) c.log({ type: 'state_branch_skipped', ...s });
    return await pushLoop(c, local.value, bindGit(c, deadline), deadline, fence);
  } catch (error) {
    return fail(o, 'push', describeError(error));
  } finally {
    deadline.dispose();
  }
}

async function pushLoop(
  c: ResolvedStateBranch,
  local: LocalCheckpoint,
  run: RunGit,
  deadline: Deadline,
  fence: PushFence | undefined,
): Promise<PushCheckpointResult> {
  // Blobs are written once; only the trees and the commit depend on the tip.
  const blobs = new Map<string, string>();
  for (const f of [...local.runFiles, ...(local.fleet ? [local.fleet.file] : [])]) {
    blobs.set(f.path, await writeBlob(run, f.content));
  }
  let lastReason = '';
  const released =
    fence?.releaseAt !== undefined ? { ...fence.claim, releasedAt: fence.releaseAt } : undefined;
  if (released) blobs.set(claimPath(local.runId), await writeBlob(run, `${JSON.stringify(released)}\n`));
  for (let attempt = 1; attempt <= c.maxAttempts; attempt++) {
    const tip = await fetchTip(c, run);
    if (fence) {
      // Checked against the very tip the unforced push builds on: a compare-and-set, not a look beforehand.
      const current = await readClaim(run, tip, local.runId);
      if (current !== undefined && current.token !== fence.claim.token) {
        const reason = `run ${local.runId} was claimed by ${current.holder} (generation ${current.generation}): this runner's checkpoint is not pushed`;
        c.log({ type: 'state_branch_failed', operation: 'push', reason });
        return { ok: false, reason, lost: current };
      }
    }
    const claimFile = released ? [{ path: claimPath(local.runId), content: '' }] : [];
    const built = await buildCommit(
      c,
      run,
      { ...local, runFiles: [...local.runFiles, ...claimFile] },
      blobs,
      tip,
      fence !== undefined,
    );
    if (built.unchanged) {
      c.log({ type: 'state_branch_unchanged', runId: local.runId, sha: built.sha });
      return { ok: true, sha: built.sha, changed: false, attempts: attempt, skipped: local.skipped };
    }
    const pushed = await pushCommit(c, run, built.sha);
    if (pushed.ok) {
      c.log({ type: 'state_branch_pushed', runId: local.runId, sha: built.sha, attempts: attempt });
      return { ok: true, sha: built.sha, changed: true, attempts: attempt, skipped: local.skipped };
    }
    lastReason = pushed.reason;
    if (attempt === c.maxAttempts) break;
    c.log({ type: 'state_branch_retry', runId: local.runId, attempt, reason: lastReason });
    // Two runs rejected by each other back off by different amounts, so the next round does not tie again.
    const delay = Math.min(50 * 2 ** (attempt - 1) + Math.floor(Math.random() * 50), deadline.remaining());
    await deadline.race(c.clock.sleep(delay, deadline.signal));
  }
  return { ok: false, reason: `gave up after ${c.maxAttempts} attempts: ${lastReason}` };
}

/** Pushes `sha` to the branch unforced; `ok: false` when another push got there first (worth another round). */
export async function pushCommit(
  c: ResolvedStateBranch,
  run: RunGit,
  sha: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await run([
      'push',
      '--porcelain',
      '--no-verify',
      '--no-follow-tags',
      c.remote,
      `${sha}:refs/heads/${c.branch}`,
    ]);
    return { ok: true };
  } catch (error) {
    // Only "someone pushed first" is worth another round; anything else (auth, protection) would repeat.
    if (error instanceof GitError && error.kind === 'rejected') {
      return { ok: false, reason: 'rejected as not a fast-forward' };
    }
    if (
      error instanceof GitError &&
      error.kind === 'remote-rejected' &&
      LOST_RACE.test(error.result.stderr.text)
    ) {
      return { ok: false, reason: 'another push updated the branch at the same moment' };
    }
    throw error;
  }
}

/**
 * The remote accepted our fast-forward but another push moved the ref while it was updating it: the same
 * situation as a non-fast-forward rejection, reported as `[remote rejected] (failed to update ref)`.
 */
const LOST_RACE =
  /cannot lock ref '[^'\n]+': (?:is at [0-9a-f]+ but expected|reference already exists)|incorrect old value provided/;
