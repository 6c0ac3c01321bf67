/**
 * A lane's `SharedTaskClaims` on GitHub: the task's claim ref `refs/keel/claims/<queue prefix><run id>`.
 * The refs already taken under the queue's prefix are listed once (one request rather than a failed create
 * per finished task when a fresh runner reads the queue from the top); a task not among them is claimed
 * with the create, which only one runner can win. The claims this process won stay its own: a local claim
 * that had to wait (the claim-state lock was busy) finds the task still ours on the next cycle.
 */
import type { SharedTaskClaims } from '../../lanes/index.ts';
import type { RemoteClaims } from '../../queue/remote-claims.ts';
import { claimKeyComponent } from '../../queue/remote-claims.ts';
import { createHash } from 'node:crypto';

export function githubTaskClaims(
  claims: RemoteClaims,
  prefix: string,
): SharedTaskClaims & {
  /** The run ids claimed under the prefix, as the guard counts them. */
  held(): Promise<Set<string>>;
} {
  let known: Promise<Set<string>> | undefined;
  const mine = new Set<string>();
  const held = async (): Promise<Set<string>> => (known ??= claims.list(prefix));
  return {
    held,
    async take(_task, runId) {
      const key = taskKey(runId);
      if (mine.has(key)) return true;
      if ((await held()).has(key)) return false;
      const result = await claims.claim(`${prefix}${key}`);
      (await held()).add(key);
      if (result.kind === 'taken') return false;
      mine.add(key);
      return true;
    },
  };
}

/** A run id as a ref name component: as it is when git allows it, else its hash. */
export function taskKey(runId: string): string {
  return claimKeyComponent(runId) ?? `h-${createHash('sha256').update(runId).digest('hex').slice(0, 24)}`;
}
