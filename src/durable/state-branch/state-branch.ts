/**
 * Checkpoints on a branch of the repository itself (default `keel/state`), so that the next run — on another
 * runner, after this one was cancelled — finds them with nothing but the checkout it already has.
 *
 * Layout on the branch: `runs/<runId>/{state.json,manifest.json,metrics.json}` and `fleet-state.json` at the
 * top (see `state-files.ts` for why not the event log or the effect records: the artifact carries those).
 *
 * Decisions:
 * - Objects only: blobs, trees (`mktree`) and a commit (`commit-tree`) are written to the object store and
 *   pushed as `<sha>:refs/heads/<branch>`. The user's working tree, index and HEAD are never read or written,
 *   and no checkout of the branch is made. The fetched tip goes to a private ref under `refs/keel/`.
 * - Never forced: no `--force`, no `+` on the push. A rejection (another run pushed first) is answered by
 *   fetching the new tip and rebuilding on top of it — other runs' files stay, this run's replace its own —
 *   within bounded attempts and one time budget for everything (`timeoutMs`), after which the caller gets
 *   `{ ok: false }`: a slow remote must not hold up a shutdown.
 * - Newest wins per file: this run's files do not replace the branch's copy of the same run when that one is
 *   newer (a resumed run elsewhere pushed since), nor `fleet-state.json` when the branch's `savedAt` is newer.
 * - Nothing that is not state: whitelisted names, a validated run id, a checkpoint that parses, no configured
 *   secret in any pushed file, and a final check that the new tree differs from the tip only in this run's
 *   files and the fleet state (listings travel as redacted text; a foreign name altered on the way would
 *   otherwise be renamed on the branch).
 * - Unchanged tree → no commit, no push.
 * Failures are returned as `{ ok: false, reason }` with a reason safe to print (git's stderr is redacted by
 * the runner); nothing here throws.
 *
 * Where it lives: `state-branch-options.ts` (options, defaults, failures), `state-branch-remote.ts` (the
 * deadline-bound git and the fetch of the tip), `state-branch-push.ts` with `state-branch-local.ts` (the
 * run's files read for a push) and `state-branch-commit.ts` (the tree and commit), `state-branch-fetch.ts`
 * and `state-branch-list.ts`.
 */
export {
  STATE_BRANCH_DEFAULTS,
  type StateBranchEvent,
  type StateBranchOptions,
} from './state-branch-options.ts';
export { pushCheckpoint, type PushCheckpointResult } from './state-branch-push.ts';
export { fetchCheckpoint, type FetchCheckpointResult } from './state-branch-fetch.ts';
export { listBranchRuns, type BranchRun } from './state-branch-list.ts';
export type { Skipped } from './state-install.ts';
