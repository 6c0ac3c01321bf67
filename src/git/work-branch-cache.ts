/**
 * What one run knows about its own work branch, so that it does not ask git the same thing again: the
 * repository's common dir, the branch's head, the step commits since the base, the commit identity.
 *
 * Valid for the lifetime of one run because, while it runs, only the run changes its work branch (it is
 * checked out in keel's worktree, so no other worktree can check it out), and every function that changes
 * it — `commitStep`, `resetWorkBranch`, `pushWorkBranch` — keeps this cache current: it forgets what it knew
 * before the change starts and learns the new facts only once the change succeeded, so a change that failed
 * half-way leaves nothing stale behind. Whatever else the run lets loose in the worktree that could move the
 * branch (the owner's validation commands) starts with `forgetBranch()`: nothing reads the cache meanwhile.
 *
 * Facts only, never proof: every guard (`ensureKeelWorktree`, the ancestry checks before a reset) still asks
 * git each time. Opt-in (`prepareWorkspace({ cache: true })`): a `WorkBranch` without one asks git every time.
 */

/** One commit of the work branch since the base, as `git log` shows it: its run and step trailers. */
export interface BranchCommit {
  sha: string;
  runs: string[];
  steps: string[];
}

export class WorkBranchCache {
  /** The repository's common dir (canonical): what a worktree of this repository must share. */
  repoCommonDir: string | undefined;
  /** The work branch's head commit. */
  head: string | undefined;
  /** Every commit in `base..branch`, oldest first. */
  commits: BranchCommit[] | undefined;
  /** `-c user.name=… -c user.email=…` for commands that make commits (see `identityArgs`). */
  identity: string[] | undefined;

  /** Forgets what the branch looked like (called before anything moves it). */
  forgetBranch(): void {
    this.head = undefined;
    this.commits = undefined;
  }
}
