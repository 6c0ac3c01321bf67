/**
 * What becomes of a run's worktree once the run is finished: removed, with its line in `.git/info/exclude`
 * (`finishWorkspace`), right after the run (`run/start-run.ts`) or later by `keel gc`.
 */
import { relative } from 'node:path';
import type { Git } from './git-runner.ts';
import { removeFromExclude } from './exclude.ts';
import { isInside } from './proc-scan.ts';
import { canonical, repoCommonDir, type WorkBranch } from './workspace-guards.ts';
import { removeWorkspace, type RemoveResult } from './workspace.ts';

/**
 * A finished run's worktree removed (`removeWorkspace`) and its line taken out of `.git/info/exclude`: the
 * work branch stays, and `git checkout keel/<run>` works in the user's checkout again. A resume or a retry
 * adds the worktree back from the branch.
 */
export async function finishWorkspace(git: Git, ws: WorkBranch): Promise<RemoveResult> {
  const commonDir = await repoCommonDir(git, ws);
  // Canonical as `prepareWorkspace` wrote the line: before the directory is gone.
  const repoRoot = await canonical(ws.repoRoot);
  const worktree = await canonical(ws.worktree);
  const removed = await removeWorkspace(git, ws);
  if (removed.removed && isInside(worktree, repoRoot))
    await removeFromExclude(commonDir, relative(repoRoot, worktree));
  return removed;
}
