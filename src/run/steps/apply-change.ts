/**
 * Putting a coder's change to use: its edits applied inside the work tree (path-checked, all or nothing)
 * and committed with the run's trailers, one subtask at a time through `commits` (they share one work tree
 * and one index). What cannot be applied goes back to the coder (`editsRefused`: every problem, with the
 * search text and the nearest lines of the file), so that the model that wrote it can fix it. A file system
 * that fails (a full disk, a read-only mount, git unable to write) is not the model's fault: nobody is asked
 * again, and the fault goes to `faults.onFault` — the subtask is deferred and the run interrupted (issue 15
 * §2), never failed.
 */
import { editsRefused } from '../../agents/coder.ts';
import type { Used } from '../../agents/call-agent.ts';
import { correctionMessage, type CoderFormat } from '../../agents/prompts.ts';
import type { CodeChange } from '../../agents/types.ts';
import type { Serial } from '../../base/serial.ts';
import { applyEdits } from '../../git/safe-edits.ts';
import { commitStep, discardUncommitted } from '../../git/workspace.ts';
import { editPolicyOf } from '../edit-policy.ts';
import {
  editInfraFault,
  errorInfraFault,
  type BatchFaults,
  type InfrastructureFault,
} from '../infra-fault.ts';
import type { RunContext } from '../run-context.ts';

/** What a change left: its commit, and the files it wrote or deleted. */
export interface AppliedChange {
  commit: string;
  files: string[];
}

/** Where an infrastructure fault met while applying goes. */
export interface ApplyFaults {
  /** The batch's faults: once a work tree could not be cleaned after a failed write, nothing more is written. */
  batch: BatchFaults;
  /** Told of the fault that kept this change from being written or committed. */
  onFault(fault: InfrastructureFault): void;
}

/** Applies and commits a change for `stepId`; resolves with its commit, or why not. */
export function changeApplier(
  ctx: RunContext,
  stepId: string,
  commits: Serial,
  format: CoderFormat,
  faults: ApplyFaults,
): (change: CodeChange) => Promise<Used<AppliedChange>> {
  const { deps, state, workspace } = ctx;
  /** Stops the subtask for a fault that is not the model's; the run is interrupted once the batch settles. */
  const infrastructure = async (fault: InfrastructureFault): Promise<Used<AppliedChange>> => {
    try {
      await discardUncommitted(deps.git, workspace);
    } catch {
      // Half a change may still be in the work tree: no later subtask of this process writes next to it.
      faults.batch.worktreeDirty = true;
    }
    faults.onFault(fault);
    return { ok: false, stop: true, error: fault.message };
  };
  return (change) =>
    commits.run(async (): Promise<Used<AppliedChange>> => {
      const earlier = faults.batch.faults[0];
      if (faults.batch.worktreeDirty && earlier !== undefined) {
        faults.onFault(earlier);
        return { ok: false, stop: true, error: earlier.message };
      }
      const applied = await applyEdits(
        workspace.worktree,
        change.edits,
        editPolicyOf(deps.config),
        // Every file written is fenced: a process woken after losing the run must not write into its worktree.
        { beforeWrite: () => ctx.fence() },
      );
      if (!applied.ok) {
        // A full disk, a read-only mount: the file system's failure, not the model's edits.
        const io = applied.problems.filter((problem) => problem.io === true);
        if (io.length > 0) return infrastructure(editInfraFault(stepId, io));
        // Refused before anything was written: nothing may linger.
        await discardUncommitted(deps.git, workspace);
        return editsRefused(applied.problems, format);
      }
      // Exactly the paths the edits changed are staged: nothing else in the worktree rides along, and a path
      // the repository ignores is committed only when the owner says so — never "done" with the file missing.
      let commit: Awaited<ReturnType<typeof commitStep>>;
      try {
        commit = await commitStep(deps.git, workspace, {
          runId: state.runId,
          stepId,
          message: change.commitMessage,
          paths: applied.changed,
          forceIgnored: deps.config.run.allowIgnoredPaths,
        });
      } catch (error) {
        // git could not write its objects or its index (a full disk, a lock that stayed held): a resume commits.
        const fault = errorInfraFault(`${stepId}: committing its edits`, error);
        if (fault === undefined) throw error;
        return infrastructure(fault);
      }
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
