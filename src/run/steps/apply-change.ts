/**
 * Putting a coder's change to use: its edits applied inside the work tree (path-checked, all or nothing)
 * and committed with the run's trailers, one subtask at a time through `commits` (they share one work tree
 * and one index). What cannot be applied goes back to the coder (`editsRefused`: every problem, with the
 * search text and the nearest lines of the file), so that the model that wrote it can fix it; a file system
 * that fails is not the model's fault and stops the subtask without asking anyone again.
 */
import { editsRefused } from '../../agents/coder.ts';
import type { Used } from '../../agents/call-agent.ts';
import { correctionMessage, type CoderFormat } from '../../agents/prompts.ts';
import type { CodeChange } from '../../agents/types.ts';
import type { Serial } from '../../base/serial.ts';
import { applyEdits } from '../../git/safe-edits.ts';
import { commitStep, discardUncommitted } from '../../git/workspace.ts';
import { editPolicyOf } from '../edit-policy.ts';
import type { RunContext } from '../run-context.ts';

/** What a change left: its commit, and the files it wrote or deleted. */
export interface AppliedChange {
  commit: string;
  files: string[];
}

/** Applies and commits a change for `stepId`; resolves with its commit, or why not. */
export function changeApplier(
  ctx: RunContext,
  stepId: string,
  commits: Serial,
  format: CoderFormat,
): (change: CodeChange) => Promise<Used<AppliedChange>> {
  const { deps, state, workspace } = ctx;
  return (change) =>
    commits.run(async (): Promise<Used<AppliedChange>> => {
      const applied = await applyEdits(
        workspace.worktree,
        change.edits,
        editPolicyOf(deps.config),
        // Every file written is fenced: a process woken after losing the run must not write into its worktree.
        { beforeWrite: () => ctx.fence() },
      );
      if (!applied.ok) {
        // Refused before anything was written, or stopped half-way by an I/O failure: nothing may linger.
        await discardUncommitted(deps.git, workspace);
        const io = applied.problems.find((problem) => problem.io === true);
        if (io !== undefined) {
          return { ok: false, stop: true, error: `edits not written: ${io.path}: ${io.reason}` };
        }
        return editsRefused(applied.problems, format);
      }
      // Exactly the paths the edits changed are staged: nothing else in the worktree rides along, and a path
      // the repository ignores is committed only when the owner says so — never "done" with the file missing.
      const commit = await commitStep(deps.git, workspace, {
        runId: state.runId,
        stepId,
        message: change.commitMessage,
        paths: applied.changed,
        forceIgnored: deps.config.run.allowIgnoredPaths,
      });
      if (commit.sha === undefined) {
        if ('ignored' in commit) {
          await discardUncommitted(deps.git, workspace);
          // The owner's rule, not the model's mistake: the subtask fails with the reason, nobody is asked again.
          const error = `edits to paths the repository ignores: ${commit.ignored.join(', ')} (run.allowIgnoredPaths commits them)`;
          return { ok: false, stop: true, error };
        }
        const error = 'the edits changed nothing';
        return {
          ok: false,
          error,
          message: correctionMessage(
            `${error}: every file already reads as your edits would leave it. Make the change the subtask asks for`,
            format,
          ),
        };
      }
      return { ok: true, value: { commit: commit.sha, files: applied.changed } };
    });
}
