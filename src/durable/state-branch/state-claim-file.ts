/**
 * A run's claim on the state branch (`runs/<runId>/lease.json`): its shape, and how it is read from a tip.
 * Shared by the claim itself (`state-branch-claim.ts`) and the checkpoint push that is fenced by it.
 */
import { z } from 'zod';
import { LEASE_FILE, RUNS_DIR } from '../../base/state-layout.ts';
import type { Tip } from './state-branch-remote.ts';
import { parseJson } from './state-json.ts';
import { readBlob, type RunGit } from './state-tree.ts';

export const branchClaimSchema = z.object({
  runId: z.string().max(80),
  /** Who: `workflow run 123 (attempt 2), job build on runner-7` — for the refusal line. */
  holder: z.string().max(300),
  host: z.string().max(255),
  pid: z.number().int(),
  token: z.string().min(8).max(64),
  generation: z.number().int().min(1),
  claimedAt: z.number().finite().nonnegative(),
  expiresAt: z.number().finite().nonnegative(),
  releasedAt: z.number().finite().nonnegative().optional(),
});

export type BranchClaim = z.infer<typeof branchClaimSchema>;

export function claimPath(runId: string): string {
  return `${RUNS_DIR}/${runId}/${LEASE_FILE}`;
}

/** The claim of `runId` at `tip`; undefined when there is none, or what is there is not a claim of it. */
export async function readClaim(run: RunGit, tip: Tip, runId: string): Promise<BranchClaim | undefined> {
  if (!tip) return undefined;
  const read = await readBlob(run, `${tip.sha}:${claimPath(runId)}`);
  if (!('text' in read)) return undefined;
  const parsed = branchClaimSchema.safeParse(parseJson(read.text));
  return parsed.success && parsed.data.runId === runId ? parsed.data : undefined;
}
