/**
 * The engine's view of git: one linked worktree per run, on a work branch (`keel/<runId>`) started from a
 * base commit. Everything that changes files or history happens there; the user's checkout is only read (and
 * its `.git/info/exclude` taught to ignore a worktree placed inside it).
 *
 * Every function is idempotent or refuses: a resumed run calls them again after a crash at any point.
 */
import { readdir } from 'node:fs/promises';
import { pathExists } from '../base/atomic-file.ts';
import { isAbsolute, relative } from 'node:path';
import type { Git } from './git-runner.ts';
import { addToExclude } from './exclude.ts';
import {
  branchHead,
  canonical,
  checkId,
  checkLinkedWorktree,
  checkWorktreeHead,
  commitSha,
  ensureKeelWorktree,
  ensureWorktreeDir,
  gitFullOutput,
  isAncestor,
  isBranchName,
  OPERATION_MARKERS,
  probeWorktree,
  SHA,
  WorkspaceError,
  type WorkBranch,
  type WorktreeProbe,
} from './workspace-guards.ts';
import { WorkBranchCache } from './work-branch-cache.ts';
import { isInside } from './proc-scan.ts';

export { headSha, WorkspaceError, type WorkBranch, type WorkspaceRefusal } from './workspace-guards.ts';
export { WorkBranchCache } from './work-branch-cache.ts';
export { commitStep, duplicateStepCommits, stepCommits, type CommitStepResult } from './step-commits.ts';
export { pushWorkBranch, type PushResult } from './push.ts';
export { readFiles, type FileContent } from './read-files.ts';
export { diffSinceBase, filesAtCommit, trackedFiles } from './branch-contents.ts';

export interface PrepareOptions {
  repoRoot: string;
  runId: string;
  /** Absolute; outside the repository or inside it (then it is added to `.git/info/exclude`). */
  worktree: string;
  /** Default `keel/<runId>`. */
  branch?: string;
  /** Default HEAD. A resumed run passes the base sha it recorded. */
  baseRef?: string;
  /** The pull request's base; default: the branch `baseRef` names, else the base sha. */
  baseBranch?: string;
  /**
   * Remember facts about the work branch for the rest of the run (`WorkBranch.cache`): only the run changes
   * its branch meanwhile, so its head and step commits need not be asked of git again and again.
   */
  cache?: boolean;
  /**
   * A new run's checkout as it has just been read (`rev-parse` of its top, common dir and HEAD), with
   * `baseRef` its base sha and `baseBranch` set. Then the worktree is added straight away, on a new branch,
   * with no questions first; when git refuses (the branch exists, the path is registered already) the
   * careful path below takes over, as if this had not been given.
   */
  fresh?: { repoRoot: string; commonDir: string };
  /** The run's fence, kept on the returned `WorkBranch` (see `WorkBranch.fence`). */
  fence?: () => void;
}

/**
 * Creates keel's worktree and work branch, or finds them again. Policy for an existing branch: it is reused
 * only when it contains the base commit (it is the base plus work), it is not the base branch itself, and no
 * worktree other than `worktree` has it checked out (the user's checkout, another run). Anything else is
 * refused rather than guessed at. Leftovers of a step that crashed mid-way are discarded — in keel's
 * worktree only.
 *
 * In git commands: one `rev-parse` for the repository's top, its common dir, the base and the branch's tip;
 * `merge-base` when the branch exists and has moved past the base; `worktree list` (and `worktree prune`
 * plus a second list only when the list shows something to prune); then either `worktree add` (no worktree
 * yet: three commands in all) or, in a worktree that was there already, one `rev-parse` for the guard and
 * the half-done-operation markers and `status` — with `reset --hard` and `clean` only when it is not clean.
 */
export async function prepareWorkspace(git: Git, o: PrepareOptions): Promise<WorkBranch> {
  const ws = await prepareUnfenced(git, o);
  return o.fence ? { ...ws, fence: o.fence } : ws;
}

async function prepareUnfenced(git: Git, o: PrepareOptions): Promise<WorkBranch> {
  checkId('run id', o.runId);
  if (!isAbsolute(o.worktree))
    throw new WorkspaceError('invalid', `the worktree path must be absolute: ${o.worktree}`);
  const worktree = await canonical(o.worktree);
  const branch = o.branch ?? `keel/${o.runId}`;
  if (!isBranchName(branch)) throw new WorkspaceError('invalid', `not a branch name: ${branch}`);
  const fresh = await freshWorkspace(git, o, worktree, branch);
  if (fresh) return fresh;
  const repo = await readRepository(git, o.repoRoot, o.baseRef ?? 'HEAD', branch);
  const { repoRoot, commonDir, tip } = repo;
  checkPlacement(repoRoot, commonDir, worktree);
  const base = await resolveBase(git, repoRoot, o.baseRef ?? 'HEAD', repo.baseSha, o.baseBranch);
  const ws: WorkBranch = { repoRoot, worktree, branch, ...base };
  await checkExistingBranch(git, ws, tip);
  const registered = await registeredWorktree(git, ws);
  if (isInside(worktree, repoRoot)) await addToExclude(commonDir, relative(repoRoot, worktree));
  let aborted = false;
  if (!registered) {
    const args = tip === undefined ? ['-b', branch, worktree, base.baseSha] : [worktree, branch];
    await git.run(['worktree', 'add', '--quiet', ...args], { cwd: repoRoot });
    // Not probed: git has just made this worktree, at this path, on this branch, and it has no leftovers to
    // discard, so nothing here would act on the answer. Every later change to it (a commit, a reset, a
    // push, a removal) proves it keel's first, as always.
  } else {
    aborted = await discardLeftovers(git, ws, commonDir);
  }
  if (o.cache !== true) return ws;
  // An aborted cherry-pick sequence can move the branch back: then the head is asked for when needed.
  return { ...ws, cache: branchCache(commonDir, aborted ? undefined : (tip ?? base.baseSha), base.baseSha) };
}

/**
 * A new run's worktree in one command: `worktree add -b` makes the branch and the worktree, or refuses
 * when either exists in any form (a branch of that name, a registered or non-empty path), changing nothing
 * — every case the careful path has a rule for. Undefined then, or when `o.fresh` does not apply.
 */
async function freshWorkspace(
  git: Git,
  o: PrepareOptions,
  worktree: string,
  branch: string,
): Promise<WorkBranch | undefined> {
  const baseSha = o.baseRef;
  if (o.fresh === undefined || o.baseBranch === undefined || baseSha === undefined || !SHA.test(baseSha))
    return undefined;
  if (branch === o.baseBranch || (await pathExists(worktree))) return undefined;
  const repoRoot = await canonical(o.fresh.repoRoot);
  const commonDir = await canonical(o.fresh.commonDir);
  checkPlacement(repoRoot, commonDir, worktree);
  if (isInside(worktree, repoRoot)) await addToExclude(commonDir, relative(repoRoot, worktree));
  const args = ['worktree', 'add', '--quiet', '-b', branch, worktree, baseSha];
  const added = await git.run(args, { cwd: repoRoot, allowFailure: true });
  if (added.exitCode !== 0) return undefined;
  const ws: WorkBranch = { repoRoot, worktree, branch, baseSha, baseBranch: o.baseBranch };
  return o.cache === true ? { ...ws, cache: branchCache(commonDir, baseSha, baseSha) } : ws;
}

function checkPlacement(repoRoot: string, commonDir: string, worktree: string): void {
  if (isInside(repoRoot, worktree) || isInside(worktree, commonDir)) {
    throw new WorkspaceError(
      'refused',
      `the worktree ${worktree} would contain the checkout or sit in its git dir`,
    );
  }
}

function branchCache(commonDir: string, head: string | undefined, baseSha: string): WorkBranchCache {
  const cache = new WorkBranchCache();
  cache.repoCommonDir = commonDir;
  cache.head = head;
  if (head === baseSha) cache.commits = []; // `base..base` is empty
  return cache;
}

interface Repository {
  /** The checkout's top and the repository's common dir, canonical. */
  repoRoot: string;
  commonDir: string;
  /** The base commit; undefined when `baseRef` names none. */
  baseSha: string | undefined;
  /** The work branch's head; undefined when it does not exist yet. */
  tip: string | undefined;
}

/** A base that `rev-parse` reads as exactly one revision: a sha, `HEAD`, a branch or tag name. */
const SINGLE_REVISION = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/**
 * The checkout's top, the common dir, the base commit and the branch's tip in one `rev-parse`: with
 * `--revs-only`, a revision that does not exist is left out rather than failing the command, and the tip is
 * asked for negated (`^refs/heads/<branch>`), so its line (`^<sha>`) cannot be taken for the base's. A base
 * that is not plain (or an answer of any other shape) is asked for with one `rev-parse --verify` each.
 */
async function readRepository(git: Git, cwd: string, baseRef: string, branch: string): Promise<Repository> {
  const plain = SINGLE_REVISION.test(baseRef) && !baseRef.includes('..');
  const args = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir'];
  if (plain) {
    args.push('--revs-only', '--end-of-options', `${baseRef}^{commit}`, `^refs/heads/${branch}^{commit}`);
  }
  const lines = (await git.run(args, { cwd })).stdout.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [top, common, ...revs] = lines;
  if (top === undefined || top === '' || common === undefined || common === '') {
    throw new WorkspaceError('unexpected', `git rev-parse in ${cwd} did not name the checkout`);
  }
  const repoRoot = await canonical(top);
  const commonDir = await canonical(common);
  const [first, second] = revs;
  if (plain && first !== undefined && SHA.test(first) && revs.length <= 2) {
    if (second === undefined) return { repoRoot, commonDir, baseSha: first, tip: undefined };
    if (second.startsWith('^') && SHA.test(second.slice(1)))
      return { repoRoot, commonDir, baseSha: first, tip: second.slice(1) };
  }
  const baseSha = baseRef.startsWith('-') ? undefined : await commitSha(git, baseRef, repoRoot);
  const tip = await commitSha(git, `refs/heads/${branch}`, repoRoot);
  return { repoRoot, commonDir, baseSha, tip };
}

async function resolveBase(
  git: Git,
  cwd: string,
  baseRef: string,
  baseSha: string | undefined,
  baseBranch: string | undefined,
): Promise<{ baseSha: string; baseBranch: string }> {
  if (baseSha === undefined) throw new WorkspaceError('invalid', `the base ${baseRef} is not a commit`);
  if (baseBranch !== undefined) return { baseSha, baseBranch };
  const full = await git.run(['rev-parse', '--symbolic-full-name', baseRef], {
    cwd,
    allowFailure: true,
  });
  const name = full.stdout.text.trim();
  const short = name.startsWith('refs/heads/')
    ? name.slice('refs/heads/'.length)
    : name.startsWith('refs/remotes/')
      ? name.split('/').slice(3).join('/') // refs/remotes/<remote>/<branch>
      : '';
  return { baseSha, baseBranch: short === '' ? baseSha : short };
}

async function checkExistingBranch(git: Git, ws: WorkBranch, tip: string | undefined): Promise<void> {
  if (ws.branch === ws.baseBranch) {
    throw new WorkspaceError('refused', `the work branch cannot be the base branch ${ws.baseBranch}`);
  }
  // A branch still at its base contains it: no `merge-base` needed.
  if (tip !== undefined && tip !== ws.baseSha && !(await isAncestor(git, ws.baseSha, tip, ws.repoRoot))) {
    throw new WorkspaceError(
      'refused',
      `branch ${ws.branch} exists but does not contain the base ${ws.baseSha.slice(0, 12)}: it is not this run's work branch (a resumed run passes its recorded base sha)`,
    );
  }
}

interface WorktreeEntry {
  path: string;
  branch: string | undefined;
  /** git says `worktree prune` would remove it (its directory or its `.git` file is gone). */
  prunable: boolean;
}

async function listWorktrees(git: Git, cwd: string): Promise<WorktreeEntry[]> {
  const text = await gitFullOutput(git, ['worktree', 'list', '--porcelain'], cwd, 4 << 20);
  const entries: WorktreeEntry[] = [];
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    const path = lines.find((l) => l.startsWith('worktree '))?.slice('worktree '.length);
    if (path === undefined) continue;
    const branch = lines.find((l) => l.startsWith('branch '))?.slice('branch '.length);
    const prunable = lines.some((l) => l === 'prunable' || l.startsWith('prunable '));
    entries.push({ path: await canonical(path), branch, prunable });
  }
  return entries;
}

/**
 * The registered worktrees, after `worktree prune` has dropped the stale ones — run only when there is
 * something to drop: an entry git marks prunable, or one whose directory is gone. Otherwise prune would
 * change nothing, and the list is the same as after it.
 */
async function prunedWorktrees(git: Git, cwd: string): Promise<WorktreeEntry[]> {
  const entries = await listWorktrees(git, cwd);
  const gone = await Promise.all(entries.map(async (e) => e.prunable || !(await pathExists(e.path))));
  if (!gone.includes(true)) return entries;
  await git.run(['worktree', 'prune'], { cwd });
  return listWorktrees(git, cwd);
}

/** True when `ws.worktree` is already registered for the branch; refuses every other arrangement. */
async function registeredWorktree(git: Git, ws: WorkBranch): Promise<boolean> {
  const entries = await prunedWorktrees(git, ws.repoRoot);
  const ref = `refs/heads/${ws.branch}`;
  const holder = entries.find((e) => e.branch === ref && e.path !== ws.worktree);
  if (holder) throw new WorkspaceError('refused', `branch ${ws.branch} is checked out in ${holder.path}`);
  const here = entries.find((e) => e.path === ws.worktree);
  // Detached is what a rebase that crashed half-way looks like: `discardLeftovers` aborts it and then proves
  // the branch is back before touching anything.
  if (here && here.branch !== ref && here.branch !== undefined) {
    throw new WorkspaceError('refused', `${ws.worktree} is a worktree of ${here.branch}`);
  }
  if (!here && (await pathExists(ws.worktree)) && !(await isEmptyDir(ws.worktree))) {
    throw new WorkspaceError('refused', `${ws.worktree} exists and is not keel's worktree`);
  }
  return here !== undefined;
}

async function isEmptyDir(path: string): Promise<boolean> {
  return readdir(path).then(
    (names) => names.length === 0,
    () => false,
  );
}

/**
 * A step that crashed mid-way can leave edits, a half-done rebase or merge behind. They are discarded —
 * after the worktree has been proved to be keel's: a linked worktree of this repository, at its top, before
 * anything is aborted, and on keel's branch before anything is reset. One `rev-parse` says where the markers
 * of a half-done operation live (each is then a `stat`); `status` says whether there is anything to reset or
 * clean. `git status` does not list empty directories, which `clean -d` would remove; they cannot be
 * committed, so they cannot leak into a step's commit either. True when an operation was aborted.
 */
async function discardLeftovers(git: Git, ws: WorkBranch, repoCommon: string): Promise<boolean> {
  const worktree = await ensureWorktreeDir(ws);
  let probe: WorktreeProbe = await probeWorktree(git, worktree);
  checkLinkedWorktree(worktree, probe, repoCommon);
  let aborted = false;
  for (const [i, [, abort]] of OPERATION_MARKERS.entries()) {
    if (!(await pathExists(probe.markers[i]!))) continue;
    await git.run([...abort], { cwd: worktree, allowFailure: true });
    aborted = true;
  }
  if (aborted) {
    probe = await probeWorktree(git, worktree);
    checkLinkedWorktree(worktree, probe, repoCommon);
  }
  await checkWorktreeHead(git, ws, worktree, probe);
  if (await isClean(git, worktree)) return aborted;
  await git.run(['reset', '--hard', '--quiet', 'HEAD'], { cwd: worktree });
  await git.run(['clean', '-f', '-d', '--quiet'], { cwd: worktree });
  return aborted;
}

/** No staged, unstaged or untracked (not ignored) change: `reset --hard` and `clean` would do nothing. */
async function isClean(git: Git, cwd: string): Promise<boolean> {
  const status = await git.run(['status', '--porcelain=v2', '--untracked-files=all', '--ignored=no'], {
    cwd,
    maxOutputBytes: 1 << 16,
  });
  return status.stdout.totalBytes === 0;
}

/**
 * After a step that wrote files but committed nothing (its edits refused half-way, a path it may not commit):
 * the worktree back to the branch head, so nothing of it lingers for the next step. Ignored files stay (like
 * `clean` without `-x`): no step can stage them without saying so. Only in keel's worktree.
 */
export async function discardUncommitted(git: Git, ws: WorkBranch): Promise<void> {
  await ensureKeelWorktree(git, ws);
  // A process that lost the run must not reset the worktree its new owner works in.
  ws.fence?.();
  await git.run(['reset', '--hard', '--quiet', 'HEAD'], { cwd: ws.worktree });
  await git.run(['clean', '-f', '-d', '--quiet'], { cwd: ws.worktree });
}

/**
 * Moves keel's work branch back to `sha` (a rejected batch), discarding what came after. Only in keel's
 * worktree, only on its work branch, only to a commit between the base (inclusive) and the branch head.
 */
export async function resetWorkBranch(git: Git, ws: WorkBranch, sha: string): Promise<string> {
  if (ws.branch === ws.baseBranch) throw new WorkspaceError('refused', `${ws.branch} is the base branch`);
  await ensureKeelWorktree(git, ws);
  const cwd = ws.worktree;
  const target = await commitSha(git, sha, cwd);
  if (target === undefined) throw new WorkspaceError('refused', `${sha} is not a commit`);
  // The guard's head is git's, never the run's remembered one.
  const head = await branchHead(git, ws);
  if (!(await isAncestor(git, target, head, cwd))) {
    throw new WorkspaceError('refused', `${target.slice(0, 12)} is not on the work branch ${ws.branch}`);
  }
  if (!(await isAncestor(git, ws.baseSha, target, cwd))) {
    throw new WorkspaceError(
      'refused',
      `${target.slice(0, 12)} is older than the run's base ${ws.baseSha.slice(0, 12)}`,
    );
  }
  ws.cache?.forgetBranch();
  await git.run(['reset', '--hard', '--quiet', target], { cwd });
  await git.run(['clean', '-f', '-d', '--quiet'], { cwd });
  if (ws.cache) ws.cache.head = target;
  return target;
}

export type RemoveResult = { removed: true } | { removed: false; reason: string };

/**
 * After a completed run: removes keel's worktree (the branch stays, it holds the work). A worktree with
 * uncommitted changes is kept and reported — git refuses without `--force`, and keel does not force.
 */
export async function removeWorkspace(git: Git, ws: WorkBranch): Promise<RemoveResult> {
  const worktree = await canonical(ws.worktree);
  if (worktree === (await canonical(ws.repoRoot)))
    return { removed: false, reason: 'that is the repository checkout' };
  if (!(await pathExists(worktree))) {
    await git.run(['worktree', 'prune'], { cwd: ws.repoRoot });
    return { removed: true };
  }
  await ensureKeelWorktree(git, ws);
  const result = await git.run(['worktree', 'remove', worktree], { cwd: ws.repoRoot, allowFailure: true });
  if (result.exitCode !== 0)
    return { removed: false, reason: result.stderr.text.trim().split('\n').at(-1) ?? 'refused' };
  return { removed: true };
}
