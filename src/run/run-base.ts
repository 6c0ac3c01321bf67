/**
 * The branch a new run's pull request goes into. On a branch, that branch. On a detached HEAD — what
 * actions/checkout leaves for `pull_request` events (the merge commit `refs/pull/N/merge`) and for a sha —
 * never the commit: a pull request's base must be a branch, and `HEAD` or a sha there is refused by GitHub
 * or, worse, names whatever happened to be checked out. The caller's branch comes first (the Action: the
 * pull request's base ref, else the repository's default branch from the event), then the remote's default
 * branch (`refs/remotes/origin/HEAD`, which `git clone` sets); the choice is said in the log.
 */
import type { Git } from '../git/git-runner.ts';
import { isBranchName, SHA } from '../git/workspace-guards.ts';

/** A branch the caller knows a run's pull request belongs in, and why (for the log). */
export interface BaseBranchHint {
  name: string;
  /** e.g. "the pull request's base", "the repository's default branch". */
  why: string;
}

/** An existing pull request a run works on (`StartRunOptions.pullRequest`). */
export interface PullRequestWork {
  number: number;
  url: string;
  headBranch: string;
  headSha: string;
  baseBranch: string;
}

export interface ChosenBase {
  /** A branch name; the commit's sha only when no branch was known (then no pull request is opened). */
  branch: string;
  /** What to tell the user; undefined when HEAD was on a branch (nothing to explain). */
  note?: string;
}

/**
 * `head`: what `rev-parse --symbolic-full-name HEAD` said (`refs/heads/<name>`, or `HEAD` when detached);
 * `sha`: HEAD's commit.
 */
export async function chooseBaseBranch(
  git: Git,
  cwd: string,
  head: string,
  sha: string,
  hint: BaseBranchHint | undefined,
): Promise<ChosenBase> {
  if (head.startsWith('refs/heads/')) return { branch: head.slice('refs/heads/'.length) };
  const at = `the checkout is a detached HEAD at ${sha.slice(0, 12)}`;
  if (hint !== undefined && isBranchName(hint.name)) {
    return { branch: hint.name, note: `${at}: the pull request's base is ${hint.name} (${hint.why})` };
  }
  const remoteDefault = await originDefault(git, cwd);
  if (remoteDefault !== undefined) {
    return {
      branch: remoteDefault,
      note: `${at}: the pull request's base is ${remoteDefault} (origin's default branch)`,
    };
  }
  return {
    branch: sha,
    note: `${at} and no branch is known to propose into: the work branch is kept, but no pull request is opened (check out a branch to have one)`,
  };
}

/** `main` for `refs/remotes/origin/HEAD -> refs/remotes/origin/main`; undefined when git does not know. */
async function originDefault(git: Git, cwd: string): Promise<string | undefined> {
  const ref = await git.run(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], {
    cwd,
    allowFailure: true,
  });
  const full = ref.exitCode === 0 ? ref.stdout.text.trim() : '';
  const name = full.startsWith('refs/remotes/origin/') ? full.slice('refs/remotes/origin/'.length) : '';
  return isBranchName(name) ? name : undefined;
}

/** A base that is a commit, not a branch: nothing to open a pull request into. */
export function isCommitBase(baseBranch: string, baseSha: string): boolean {
  return baseBranch === baseSha || SHA.test(baseBranch);
}
