/**
 * Publishing the work branch without ever forcing: no `--force`, no `+` refspec. When the remote branch moved
 * (someone pushed to it), keel fetches it and rebases its own commits onto it if that applies cleanly, then
 * pushes again; otherwise the work goes to a new branch `<branch>-<n>` and the caller is told. The remote's
 * commits are never dropped. Nothing is pushed whose commits carry a secret or a credential's shape
 * (`secret-scan.ts`): that throws `SecretInPushError` naming where, never what.
 */
import type { Git } from './git-runner.ts';
import { GitError } from './git-errors.ts';
import { scanCommits, SecretInPushError } from './secret-scan.ts';
import {
  commitSha,
  ensureKeelWorktree,
  headSha,
  identityArgs,
  isAncestor,
  isBranchName,
  WorkspaceError,
  type WorkBranch,
} from './workspace-guards.ts';

export type PushResult =
  | { remoteBranch: string; sha: string; rebased: boolean; newBranch: false }
  | { remoteBranch: string; sha: string; rebased: boolean; newBranch: true; reason: string };

export interface PushOptions {
  remote: string;
  /** Fetch-rebase-push rounds before giving up on the branch (another pusher may keep racing us). */
  maxRebaseRounds?: number;
  /** `<branch>-2` … `<branch>-<1 + n>`. */
  maxNewBranches?: number;
  /** keel's secret values: a commit carrying one (or a credential's shape) is never pushed. */
  secrets?: readonly string[];
  /**
   * The remote branch to push onto when it is not the work branch's own name: an existing pull request's
   * branch (a `/keel` comment on it). When that branch cannot take the work, it goes to the work branch's
   * own name first, then `<branch>-<n>`.
   */
  remoteBranch?: string;
}

/**
 * Results and decisions read the branch's head with `headSha`: the run's remembered one while nothing but the
 * run moved it (a rebase here forgets it), else git's. Every change is preceded by `ensureKeelWorktree`.
 */
export async function pushWorkBranch(git: Git, ws: WorkBranch, o: PushOptions): Promise<PushResult> {
  if (o.remote === '' || o.remote.startsWith('-'))
    throw new WorkspaceError('invalid', `not a remote: ${o.remote}`);
  await ensureKeelWorktree(git, ws);
  // Before anything leaves: the run's commits (a rebase below only adds the remote's own, already there).
  const hits = await scanCommits(
    git,
    ws.worktree,
    { base: ws.baseSha, head: `refs/heads/${ws.branch}` },
    o.secrets ?? [],
  );
  if (hits.length > 0) throw new SecretInPushError(`work branch ${ws.branch}`, hits);
  if (o.remoteBranch !== undefined && !isBranchName(o.remoteBranch))
    throw new WorkspaceError('invalid', `not a branch name: ${o.remoteBranch}`);
  const target = o.remoteBranch ?? ws.branch;
  let rebased = false;
  let reason = 'the remote branch kept moving';
  for (let round = 0; round <= (o.maxRebaseRounds ?? 2); round++) {
    if (await push(git, ws, o.remote, target)) {
      return { remoteBranch: target, sha: await headSha(git, ws), rebased, newBranch: false };
    }
    const outcome = await rebaseOntoRemote(git, ws, o.remote, target);
    if (outcome === 'conflict' || outcome === 'unrelated') {
      reason =
        outcome === 'conflict'
          ? 'the remote branch has conflicting commits'
          : 'the remote branch does not contain the base';
      break;
    }
    if (outcome === 'rebased') rebased = true;
  }
  return pushToNewBranch(git, ws, o, rebased, reason);
}

/** True when pushed; false when rejected as not a fast-forward. Every other failure throws. */
async function push(git: Git, ws: WorkBranch, remote: string, target: string): Promise<boolean> {
  const refspec = `refs/heads/${ws.branch}:refs/heads/${target}`;
  try {
    await git.run(['push', '--porcelain', '--no-verify', '--no-follow-tags', remote, refspec], {
      cwd: ws.worktree,
    });
    return true;
  } catch (error) {
    if (error instanceof GitError && error.kind === 'rejected') return false;
    throw error;
  }
}

type RebaseOutcome = 'rebased' | 'up-to-date' | 'gone' | 'conflict' | 'unrelated';

async function rebaseOntoRemote(
  git: Git,
  ws: WorkBranch,
  remote: string,
  target: string,
): Promise<RebaseOutcome> {
  const cwd = ws.worktree;
  const fetched = await git.run(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${target}`], {
    cwd,
    allowFailure: true,
  });
  if (fetched.exitCode !== 0) return 'gone'; // deleted since the rejection: the next push creates it
  const theirs = await commitSha(git, 'FETCH_HEAD', cwd);
  if (theirs === undefined) return 'gone';
  // Rebasing onto history without our base would carry foreign commits into the run's range.
  if (!(await isAncestor(git, ws.baseSha, theirs, cwd))) return 'unrelated';
  if (await isAncestor(git, theirs, await headSha(git, ws), cwd)) return 'up-to-date';
  // Keep every keel commit, even one whose change the remote already has: its trailers prove its step done.
  const rebase = [
    ...(await identityArgs(git, cwd, ws.cache)),
    ...['-c', 'rebase.autoStash=false', '-c', 'rebase.updateRefs=false'],
    ...['rebase', '--quiet', '--reapply-cherry-picks', '--empty=keep', theirs],
  ];
  // The rebase gives keel's commits new shas: what the run remembered of its branch no longer holds.
  ws.cache?.forgetBranch();
  try {
    await git.run(rebase, { cwd });
    return 'rebased';
  } catch (error) {
    // Whatever stopped it (a conflict, a timeout), the branch goes back to where it was.
    await git.run(['rebase', '--abort'], { cwd, allowFailure: true });
    if (error instanceof GitError && (error.kind === 'conflict' || error.kind === 'exit')) {
      await ensureKeelWorktree(git, ws);
      return 'conflict';
    }
    throw error;
  }
}

async function pushToNewBranch(
  git: Git,
  ws: WorkBranch,
  o: PushOptions,
  rebased: boolean,
  reason: string,
): Promise<PushResult> {
  const limit = o.maxNewBranches ?? 10;
  const own = o.remoteBranch !== undefined && o.remoteBranch !== ws.branch ? [ws.branch] : [];
  const names = [...own, ...Array.from({ length: limit }, (_, i) => `${ws.branch}-${i + 2}`)];
  for (const target of names) {
    // A branch that exists is only updated as a fast-forward (our own earlier fallback); otherwise, next.
    if (await push(git, ws, o.remote, target)) {
      return { remoteBranch: target, sha: await headSha(git, ws), rebased, newBranch: true, reason };
    }
  }
  throw new WorkspaceError(
    'refused',
    `could not push ${ws.branch}: ${reason}, and ${limit} fallback branches were taken`,
  );
}
