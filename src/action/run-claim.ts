/**
 * One run, one runner: before a job works on a run that may exist already (a resume, a re-run of the same
 * trigger), it claims the run on the state branch (`durable/state-branch/state-branch-claim.ts`) — a
 * non-forced push, so of two jobs claiming at once exactly one wins and the other stops before its first
 * step. The claim fences the job's publish (`remoteFence`) and its checkpoint push, and is released with the
 * last checkpoint push (main's, or post's when main was killed).
 *
 * `take-over: true` claims the run even from a live claim (a job that died without its `post`, on a runner
 * that vanished); otherwise a claim expires after the job's time budget, or GitHub's six hours.
 */
import {
  checkRunClaim,
  claimRun,
  DEFAULT_CLAIM_TTL_MS,
  type BranchClaim,
  type StateBranchOptions,
} from '../durable/state-branch/index.ts';
import type { ActionContext } from '../github/api/index.ts';
import { LeaseLostError } from '../run/run-lease.ts';
import { latestUnfinishedRun } from '../run/state-store.ts';
import type { ActionIO } from './action-io.ts';
import { restoreDurably, type DurableState } from '../durable/run-copies.ts';
import type { RunSelection } from './run-selection.ts';
import type { ActionSetup } from './setup.ts';

/** How long a claim is given: the job's time budget and a margin for `post`, else six hours. */
export function claimTtlMs(timeBudgetMinutes: number | undefined): number {
  return timeBudgetMinutes === undefined ? DEFAULT_CLAIM_TTL_MS : timeBudgetMinutes * 60_000 + 10 * 60_000;
}

/** `workflow run 123 (attempt 2) of "keel", job build, runner runner-7`: who holds a claim, for the refusal. */
export function claimHolder(ctx: ActionContext, env: Record<string, string | undefined>): string {
  const job = env.GITHUB_JOB ? `, job ${env.GITHUB_JOB}` : '';
  const runner = env.RUNNER_NAME ? `, runner ${env.RUNNER_NAME}` : '';
  return `workflow run ${ctx.runId} (attempt ${ctx.runAttempt}) of "${ctx.workflow}"${job}${runner}`.slice(
    0,
    300,
  );
}

export type ActionClaim =
  | { kind: 'claimed'; claim: BranchClaim; note: string; previous?: BranchClaim }
  | { kind: 'held'; reason: string }
  /** Not claimed, and not refused: no remote pushes (`effects: local`), or the branch could not be reached. */
  | { kind: 'unclaimed'; note: string };

function branchOptions(d: DurableState): StateBranchOptions {
  return { git: d.git, repoRoot: d.repoRoot, branch: d.branch, secrets: d.secrets };
}

export async function claimForJob(
  d: DurableState,
  runId: string,
  o: { holder: string; ttlMs: number; takeOver: boolean; now: number },
): Promise<ActionClaim> {
  if (!d.remote)
    return { kind: 'unclaimed', note: 'effects: local — the run is not claimed on the state branch' };
  const result = await claimRun(branchOptions(d), {
    runId,
    holder: o.holder,
    now: o.now,
    ttlMs: o.ttlMs,
    takeOver: o.takeOver,
  });
  if (result.ok) {
    const from =
      result.previous && result.previous.releasedAt === undefined
        ? ` (taken over from ${result.previous.holder})`
        : '';
    return {
      kind: 'claimed',
      claim: result.claim,
      note: `claimed run ${runId} on ${d.branch}, generation ${result.claim.generation}${from}`,
      ...(result.previous ? { previous: result.previous } : {}),
    };
  }
  if (result.held)
    return { kind: 'held', reason: `${result.reason} — this job stops; take-over: true forces it` };
  // A branch we cannot push to cannot carry the checkpoint either; the job goes on under its local lease.
  return { kind: 'unclaimed', note: `the run could not be claimed on ${d.branch}: ${result.reason}` };
}

/** The publish fence: throws `LeaseLostError` once another job's claim replaced ours on the branch. */
export function claimFence(d: DurableState, claim: BranchClaim): () => Promise<void> {
  return async () => {
    const check = await checkRunClaim(branchOptions(d), claim.runId, claim.token);
    // Held, unclaimed (the branch was rewritten), or the branch could not be asked: the local lease holds.
    if (check.state !== 'lost' || check.current === undefined) return;
    const by = `${check.current.holder} claimed it (generation ${check.current.generation})`;
    throw new LeaseLostError(
      `run ${claim.runId}: this job lost its claim — ${by}; it stops without publishing anything`,
    );
  };
}

/**
 * Claims the run this job is about to work on — the one it resumes, or the id its trigger gives a task — and
 * says so in the log. A run that was claimed before is restored once more under the claim: what the previous
 * holder pushed before letting go is the newest copy, newer than what was restored before the claim.
 */
export async function claimSelected(
  setup: ActionSetup,
  selection: RunSelection,
  env: Record<string, string | undefined>,
  io: ActionIO,
  findArtifactRun: (name: string) => Promise<number | undefined>,
): Promise<ActionClaim> {
  const { durable, stateDir, settings, ctx } = setup;
  const runId =
    selection.resume === true
      ? (await latestUnfinishedRun(stateDir))?.runId
      : typeof selection.resume === 'string'
        ? selection.resume
        : selection.runId;
  // A new run under a fresh id: no other job can know it.
  if (runId === undefined) return { kind: 'unclaimed', note: 'a new run id: nothing to claim' };
  const claimed = await claimForJob(durable, runId, {
    holder: claimHolder(ctx, env),
    ttlMs: claimTtlMs(settings.timeBudgetMinutes),
    takeOver: settings.takeOver,
    now: Date.now(),
  });
  if (claimed.kind === 'held') return claimed;
  io.info(`keel: ${claimed.note}`);
  if (claimed.kind === 'claimed' && claimed.previous !== undefined) {
    const found = await restoreDurably(durable, stateDir, runId, findArtifactRun, 'branch');
    io.info(`checkpoint of run ${runId} under the claim: ${found}`);
  }
  return claimed;
}
