/**
 * How a run's process ends: a finished run's worktree released, the last state saved again when its
 * checkpoint failed, and the forced exit of a signal storm.
 */
import type { Clock } from '../base/clock.ts';
import { errorMessage } from '../base/errors.ts';
import type { KeelConfig } from '../config/schema.ts';
import { finishWorkspace } from '../git/finish-workspace.ts';
import type { Git } from '../git/git-runner.ts';
import type { WorkBranch } from '../git/workspace.ts';
import type { MetricsRecorder } from './persistence.ts';
import type { RunContext } from './run-context.ts';
import type { StartRunOptions } from './start-run-options.ts';
import type { TaskStateStore } from './state-store.ts';
import type { RunState } from './state.ts';

/**
 * Finished for good: its worktree goes (the branch stays, pushed or not), so the branch can be checked out in
 * the user's checkout. A failed run keeps it: it is retried with a resume, and its work tree is the evidence.
 */
export const FINISHED = new Set<RunState['status']>(['completed', 'partial', 'degraded']);

export async function releaseWorktree(
  git: Git,
  workspace: WorkBranch,
  progress: (line: string) => void,
): Promise<void> {
  try {
    const result = await finishWorkspace(git, workspace);
    if (!result.removed) progress(`the worktree ${workspace.worktree} stays: ${result.reason}`);
  } catch (error) {
    // The run is finished and saved; a worktree left behind is for `keel gc`, not a failure of the run.
    progress(`the worktree ${workspace.worktree} stays: ${errorMessage(error)}`);
  }
}

/**
 * The third signal of a storm: the run as it stands — running steps back to pending, `interrupted` — saved
 * at once, then the exit with the interrupted run's code (1 when even that save failed, or the run is no
 * longer this process's to save).
 */
export function forceExit(
  options: StartRunOptions,
  config: KeelConfig,
  state: RunState,
  metrics: MetricsRecorder,
  store: TaskStateStore,
  clock: Clock,
): void {
  if (!options.forceExit) return;
  for (const step of Object.values(state.steps)) if (step.status === 'running') step.status = 'pending';
  state.status = 'interrupted';
  state.interruption ??= { reason: 'forced exit (third signal)', at: clock.now() };
  state.updatedAt = clock.now();
  let saved = true;
  try {
    store.saveNow({ ...state, metrics: metrics.snapshot() });
    options.progress(`signal 3: forced exit, the state saved as interrupted`);
  } catch (error) {
    saved = false;
    options.progress(`signal 3: forced exit, the state could NOT be saved: ${errorMessage(error)}`);
  }
  options.forceExit(saved ? (options.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt) : 1);
}

/**
 * Saved means saved: when the run's last checkpoint failed (the state lock stayed busy, the disk was full),
 * it is tried again, twice, a little later each; what still fails is returned, and the run is not
 * reported finished — `state.json` says something else, and the next resume reads that.
 */
export async function saveAtLast(ctx: RunContext, clock: Clock): Promise<string | undefined> {
  for (let attempt = 0; attempt < 2 && ctx.unsaved !== undefined; attempt++) {
    await clock.sleep(250 * 2 ** attempt);
    await ctx.checkpoint();
  }
  if (ctx.unsaved !== undefined) await ctx.event('final_state_unsaved', { error: ctx.unsaved });
  return ctx.unsaved;
}
