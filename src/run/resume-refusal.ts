/**
 * A resume that finds keel's worktree or work branch not as the run left it is refused — keel changes only
 * its own worktree, on its own branch, and will not guess. The refusal is one line: what was found, and
 * what to do about it. No stack (nothing is broken in keel), no resume counted (nothing was resumed).
 */
import { prepareWorkspace, WorkspaceError, type PrepareOptions, type WorkBranch } from '../git/workspace.ts';
import type { Git } from '../git/git-runner.ts';
import { RunStartError } from './run-selection.ts';
import type { RunState } from './state.ts';

/** `prepareWorkspace`, with a refusal turned into the one line a person can act on. */
export async function prepareOrRefuse(git: Git, state: RunState, o: PrepareOptions): Promise<WorkBranch> {
  try {
    return await prepareWorkspace(git, o);
  } catch (error) {
    if (error instanceof WorkspaceError && error.reason === 'refused')
      throw new RunStartError(resumeRefusal(state, error.message));
    throw error;
  }
}

/** `cannot resume run X: <what was found> — <what to do>`. */
export function resumeRefusal(state: RunState, found: string): string {
  const { workBranch: branch, worktree, baseSha } = state.repo;
  const base = baseSha.slice(0, 12);
  return `cannot resume run ${state.runId}: ${found} — ${adviceFor(found, branch, worktree, base)}`;
}

function adviceFor(found: string, branch: string, worktree: string, base: string): string {
  if (/does not contain the base/.test(found))
    return `put ${branch} back on its work (a commit that contains ${base}: \`git branch -f ${branch} <commit>\`), or delete the branch to have the run code its subtasks again`;
  if (/detached HEAD/.test(found))
    return `check the branch out again (\`git -C ${worktree} switch ${branch}\`) and resume`;
  if (/is a worktree of|has refs\/heads\/|checked out in/.test(found))
    return `switch that worktree back to ${branch} (\`git -C ${worktree} switch ${branch}\`), or free the branch, and resume`;
  if (
    /not keel's worktree|not the top of a worktree|main checkout|another repository|does not exist/.test(
      found,
    )
  )
    return `move ${worktree} out of the way (keel never deletes it) and resume: keel adds its worktree again from ${branch}`;
  return `put ${worktree} and ${branch} back as keel left them, or start a new run`;
}
