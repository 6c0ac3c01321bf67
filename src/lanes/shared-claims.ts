/**
 * Claims a lane shares with lanes on other machines (issue 11 §6). The local claim store (`queue/claim-store.ts`)
 * makes one machine's lanes take each task once; lanes on GitHub runners share no disk, so before a lane
 * takes a task it must also win the task's shared claim — a compare-and-set every runner sees (refs on
 * GitHub: `github/claims/task-claims.ts`). A task whose shared claim somebody else holds is passed over.
 *
 * The claim key is the task's run id (`laneRunId`) under a prefix naming the queue, so a recycled task (a new
 * run id) is claimed afresh, and the run a claim stands for is found from the key alone.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { QueueTask } from '../queue/types.ts';

export interface SharedTaskClaims {
  /** Wins the task's shared claim for this lane (true), or finds it held elsewhere (false). */
  take(task: QueueTask, runId: string): Promise<boolean>;
}

/**
 * `queue/<slug>-<hash>/`: the queue file as the repository names it (`.github/keel-queue.ndjson` →
 * `github-keel-queue-ndjson-1a2b3c4d/`), the same on every runner whatever the checkout's path.
 */
export function queueClaimPrefix(queueFile: string, repoRoot: string): string {
  const path = relative(repoRoot, queueFile).split('\\').join('/');
  const slug =
    path
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'queue';
  const hash = createHash('sha256').update(path).digest('hex').slice(0, 8);
  return `queue/${slug}-${hash}/`;
}
