/**
 * The run lease across runners: a claim of the run recorded on the state branch (`runs/<runId>/lease.json`)
 * with a non-forced push. Two runners resuming one run both fetch the tip, both find it unclaimed (or its
 * claim released, expired, or — `take-over` — to be taken), both build a commit on that tip, and both push
 * without force: exactly one push is a fast-forward. The other is rejected, fetches again, finds the
 * winner's claim, and stops before its first step. The push is the compare-and-set; nothing is ever forced.
 *
 * Fencing across runners: `pushCheckpoint` with the claim's token refuses to push a checkpoint while the
 * branch's claim of the run names another token (the check is against the very tip the unforced push builds
 * on, so it holds), and `checkRunClaim` is asked before the work branch is published.
 *
 * A claim carries no heartbeat (a push per beat would be a push every few seconds): it expires instead —
 * after the job's time budget, or six hours, GitHub's longest job — and is released when the run stops
 * (its `main` step, or `post` when `main` was killed).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { formatAge } from '../../base/age.ts';
import { LEASE_FILE } from '../../base/state-layout.ts';
import { commitRunFile } from './state-branch-commit.ts';
import { describeError, fail, resolveOptions, type StateBranchOptions } from './state-branch-options.ts';
import { pushCommit } from './state-branch-push.ts';
import { bindGit, fetchTip } from './state-branch-remote.ts';
import { startDeadline } from './state-deadline.ts';
import { isValidRunId } from './state-files.ts';
import { readClaim, type BranchClaim } from './state-claim-file.ts';
import { writeBlob } from './state-tree.ts';

export { branchClaimSchema, type BranchClaim } from './state-claim-file.ts';

/** GitHub ends a job after six hours at most: a claim older than that has no job behind it. */
export const DEFAULT_CLAIM_TTL_MS = 6 * 3_600_000;

export type ClaimResult =
  | { ok: true; claim: BranchClaim; previous?: BranchClaim }
  /** Another runner holds the run: stop before the first step. */
  | { ok: false; held: BranchClaim; reason: string }
  /** The branch could not be asked (remote down, no push rights): the caller decides (the local lease holds). */
  | { ok: false; reason: string; held?: undefined };

export interface ClaimRequest {
  runId: string;
  holder: string;
  now: number;
  ttlMs?: number;
  /** Take the run even from a live claim (`take-over: true`). */
  takeOver?: boolean;
}

/** `run X is being worked on by <holder>, claimed 3 min ago (expires in 5 h)`. */
export function describeClaim(claim: BranchClaim, now: number): string {
  return `run ${claim.runId} is being worked on by ${claim.holder}, claimed ${formatAge(now - claim.claimedAt)} ago (the claim expires in ${formatAge(claim.expiresAt - now)})`;
}

function isLive(claim: BranchClaim | undefined, now: number): claim is BranchClaim {
  return claim !== undefined && claim.releasedAt === undefined && claim.expiresAt > now;
}

/** Claims the run on the branch, or says who holds it. Never throws. */
export async function claimRun(o: StateBranchOptions, request: ClaimRequest): Promise<ClaimResult> {
  const { runId } = request;
  if (!isValidRunId(runId)) return fail(o, 'push', `not a run id: ${JSON.stringify(runId)}`);
  return updateClaim<ClaimResult>(o, runId, `claim of ${runId}`, (current) => {
    if (isLive(current, request.now) && request.takeOver !== true)
      return { stop: { ok: false, held: current, reason: describeClaim(current, request.now) } };
    const claim: BranchClaim = {
      runId,
      holder: request.holder,
      host: hostname(),
      pid: process.pid,
      token: randomBytes(12).toString('hex'),
      generation: (current?.generation ?? 0) + 1,
      claimedAt: request.now,
      expiresAt: request.now + (request.ttlMs ?? DEFAULT_CLAIM_TTL_MS),
    };
    return {
      write: claim,
      done: { ok: true, claim, ...(current ? { previous: current } : {}) },
    };
  });
}

/** Lets the claim go (the run stopped): only while it is still ours. Never throws. */
export async function releaseRunClaim(
  o: StateBranchOptions,
  claim: BranchClaim,
  now: number,
): Promise<{ ok: true; released: boolean } | { ok: false; reason: string }> {
  const result = await updateClaim<{ ok: true; released: boolean }>(
    o,
    claim.runId,
    `release of ${claim.runId}`,
    (current) =>
      current?.token === claim.token && current.releasedAt === undefined
        ? { write: { ...current, releasedAt: now }, done: { ok: true, released: true } }
        : { stop: { ok: true, released: false } },
  );
  return result;
}

export type ClaimCheck =
  | { state: 'held' }
  /** Another runner's claim is on the branch: ours is gone. */
  | { state: 'lost'; current: BranchClaim | undefined }
  | { state: 'unknown'; reason: string };

/** Whether the branch's claim of the run is still `token`. Never throws. */
export async function checkRunClaim(
  o: StateBranchOptions,
  runId: string,
  token: string,
): Promise<ClaimCheck> {
  const cfg = resolveOptions(o);
  if (!cfg.ok) return { state: 'unknown', reason: cfg.reason };
  const c = cfg.value;
  const deadline = startDeadline(c.clock, c.timeoutMs, `check of the claim of ${runId}`);
  try {
    const run = bindGit(c, deadline);
    const current = await readClaim(run, await fetchTip(c, run), runId);
    return current?.token === token && current.releasedAt === undefined
      ? { state: 'held' }
      : { state: 'lost', current };
  } catch (error) {
    return { state: 'unknown', reason: describeError(error) };
  } finally {
    deadline.dispose();
  }
}

type Decision<T> = { write: BranchClaim; done: T } | { stop: T };

/**
 * Fetch the tip, decide from the claim there, commit the new claim on that tip and push it unforced; a
 * rejection (someone pushed first) means deciding again from the new tip.
 */
async function updateClaim<T>(
  o: StateBranchOptions,
  runId: string,
  what: string,
  decide: (current: BranchClaim | undefined) => Decision<T>,
): Promise<T | { ok: false; reason: string }> {
  const cfg = resolveOptions(o);
  if (!cfg.ok) return fail(o, 'push', cfg.reason);
  const c = cfg.value;
  const deadline = startDeadline(c.clock, c.timeoutMs, what);
  try {
    const run = bindGit(c, deadline);
    let lastReason = '';
    for (let attempt = 1; attempt <= c.maxAttempts; attempt++) {
      const tip = await fetchTip(c, run);
      const decision = decide(await readClaim(run, tip, runId));
      if ('stop' in decision) return decision.stop;
      const blob = await writeBlob(run, `${JSON.stringify(decision.write)}\n`);
      const verb = decision.write.releasedAt !== undefined ? 'release' : 'claim';
      const sha = await commitRunFile(
        run,
        tip,
        runId,
        LEASE_FILE,
        blob,
        `keel: ${verb} ${runId} (generation ${decision.write.generation})`,
      );
      const pushed = await pushCommit(c, run, sha);
      if (pushed.ok) return decision.done;
      lastReason = pushed.reason;
      c.log({ type: 'state_branch_retry', runId, attempt, reason: lastReason });
      const delay = Math.min(50 * 2 ** (attempt - 1) + Math.floor(Math.random() * 50), deadline.remaining());
      await deadline.race(c.clock.sleep(delay, deadline.signal));
    }
    return fail(o, 'push', `${what}: gave up after ${c.maxAttempts} attempts: ${lastReason}`);
  } catch (error) {
    return fail(o, 'push', `${what}: ${describeError(error)}`);
  } finally {
    deadline.dispose();
  }
}
