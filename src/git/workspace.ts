/**
 * The engine's view of git: one linked worktree per run, on a work branch (`keel/<runId>`) started from a
 * base commit. Everything that changes files or history happens there; the user's checkout is only read (and
 * its `.git/info/exclude` taught to ignore a worktree placed inside it).
 *
 * Every function is idempotent or refuses: a resumed run calls them again after a crash at any point.
 */
import { readdir } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import type { Git } from './git-runner.ts';
import { addToExclude } from './exclude.ts';
import {
  canonical,
  checkId,
  commitSha,
  commonDirOf,
  ensureKeelWorktree,
  exists,
  gitFullOutput,
  gitText,
  isAncestor,
  WorkspaceError,
  type WorkBranch,
} from './workspace-guards.ts';
import { headOfText } from '../exec/capture.ts';
import { isInside } from './proc-scan.ts';

export { WorkspaceError, type WorkBranch, type WorkspaceRefusal } from './workspace-guards.ts';
export { commitStep, duplicateStepCommits, stepCommits, type CommitStepResult } from './step-commits.ts';
export { pushWorkBranch, type PushResult } from './push.ts';
export { readFiles, type FileContent } from './read-files.ts';

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
}

/**
 * Creates keel's worktree and work branch, or finds them again. Policy for an existing branch: it is reused
 * only when it contains the base commit (it is the base plus work), it is not the base branch itself, and no
 * worktree other than `worktree` has it checked out (the user's checkout, another run). Anything else is
 * refused rather than guessed at. Leftovers of a step that crashed mid-way are discarded — in keel's
 * worktree only.
 */
export async function prepareWorkspace(git: Git, o: PrepareOptions): Promise<WorkBranch> {
  checkId('run id', o.runId);
  if (!isAbsolute(o.worktree))
    throw new WorkspaceError('invalid', `the worktree path must be absolute: ${o.worktree}`);
  const repoRoot = await canonical(await gitText(git, ['rev-parse', '--show-toplevel'], o.repoRoot));
  const worktree = await canonical(o.worktree);
  const branch = o.branch ?? `keel/${o.runId}`;
  await checkBranchName(git, branch, repoRoot);
  const commonDir = await commonDirOf(git, repoRoot);
  if (isInside(repoRoot, worktree) || isInside(worktree, commonDir)) {
    throw new WorkspaceError(
      'refused',
      `the worktree ${worktree} would contain the checkout or sit in its git dir`,
    );
  }
  await git.run(['worktree', 'prune'], { cwd: repoRoot });
  const base = await resolveBase(git, repoRoot, o.baseRef ?? 'HEAD', o.baseBranch);
  const ws: WorkBranch = { repoRoot, worktree, branch, ...base };
  const tip = await commitSha(git, `refs/heads/${branch}`, repoRoot);
  await checkExistingBranch(git, ws, tip);
  const registered = await registeredWorktree(git, ws);
  if (isInside(worktree, repoRoot)) await addToExclude(commonDir, relative(repoRoot, worktree));
  if (!registered) {
    const args = tip === undefined ? ['-b', branch, worktree, base.baseSha] : [worktree, branch];
    await git.run(['worktree', 'add', '--quiet', ...args], { cwd: repoRoot });
  }
  await discardLeftovers(git, ws);
  return ws;
}

async function checkBranchName(git: Git, branch: string, cwd: string): Promise<void> {
  const ok = await git.run(['check-ref-format', '--branch', branch], { cwd, allowFailure: true });
  if (ok.exitCode !== 0 || branch.startsWith('-'))
    throw new WorkspaceError('invalid', `not a branch name: ${branch}`);
}

async function resolveBase(
  git: Git,
  cwd: string,
  baseRef: string,
  baseBranch: string | undefined,
): Promise<{ baseSha: string; baseBranch: string }> {
  const baseSha = baseRef.startsWith('-') ? undefined : await commitSha(git, baseRef, cwd);
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
  if (tip !== undefined && !(await isAncestor(git, ws.baseSha, tip, ws.repoRoot))) {
    throw new WorkspaceError(
      'refused',
      `branch ${ws.branch} exists but does not contain the base ${ws.baseSha.slice(0, 12)}: it is not this run's work branch (a resumed run passes its recorded base sha)`,
    );
  }
}

interface WorktreeEntry {
  path: string;
  branch: string | undefined;
}

export async function listWorktrees(git: Git, cwd: string): Promise<WorktreeEntry[]> {
  const text = await gitFullOutput(git, ['worktree', 'list', '--porcelain'], cwd, 4 << 20);
  const entries: WorktreeEntry[] = [];
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    const path = lines.find((l) => l.startsWith('worktree '))?.slice('worktree '.length);
    if (path === undefined) continue;
    const branch = lines.find((l) => l.startsWith('branch '))?.slice('branch '.length);
    entries.push({ path: await canonical(path), branch });
  }
  return entries;
}

/** True when `ws.worktree` is already registered for the branch; refuses every other arrangement. */
async function registeredWorktree(git: Git, ws: WorkBranch): Promise<boolean> {
  const entries = await listWorktrees(git, ws.repoRoot);
  const ref = `refs/heads/${ws.branch}`;
  const holder = entries.find((e) => e.branch === ref && e.path !== ws.worktree);
  if (holder) throw new WorkspaceError('refused', `branch ${ws.branch} is checked out in ${holder.path}`);
  const here = entries.find((e) => e.path === ws.worktree);
  // Detached is what a rebase that crashed half-way looks like: `discardLeftovers` aborts it and then proves
  // the branch is back before touching anything.
  if (here && here.branch !== ref && here.branch !== undefined) {
    throw new WorkspaceError(
      'refused',
      `${ws.worktree} is a worktree of ${here.branch ?? 'a detached HEAD'}`,
    );
  }
  if (!here && (await exists(ws.worktree)) && !(await isEmptyDir(ws.worktree))) {
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
 * after `ensureKeelWorktree` has proved this is keel's worktree on keel's branch.
 */
async function discardLeftovers(git: Git, ws: WorkBranch): Promise<void> {
  const cwd = ws.worktree;
  for (const [marker, abort] of [
    ['rebase-merge', ['rebase', '--abort']],
    ['rebase-apply', ['rebase', '--abort']],
    ['MERGE_HEAD', ['merge', '--abort']],
    ['CHERRY_PICK_HEAD', ['cherry-pick', '--abort']],
  ] as const) {
    const path = await gitText(git, ['rev-parse', '--path-format=absolute', '--git-path', marker], cwd);
    if (await exists(path)) await git.run([...abort], { cwd, allowFailure: true });
  }
  await ensureKeelWorktree(git, ws);
  await git.run(['reset', '--hard', '--quiet', 'HEAD'], { cwd });
  await git.run(['clean', '-f', '-d', '--quiet'], { cwd });
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
  const head = await headSha(git, ws);
  if (!(await isAncestor(git, target, head, cwd))) {
    throw new WorkspaceError('refused', `${target.slice(0, 12)} is not on the work branch ${ws.branch}`);
  }
  if (!(await isAncestor(git, ws.baseSha, target, cwd))) {
    throw new WorkspaceError(
      'refused',
      `${target.slice(0, 12)} is older than the run's base ${ws.baseSha.slice(0, 12)}`,
    );
  }
  await git.run(['reset', '--hard', '--quiet', target], { cwd });
  await git.run(['clean', '-f', '-d', '--quiet'], { cwd });
  return target;
}

/** The work branch's head commit. */
export async function headSha(git: Git, ws: WorkBranch): Promise<string> {
  const sha = await commitSha(git, `refs/heads/${ws.branch}`, ws.repoRoot);
  if (sha === undefined)
    throw new WorkspaceError('unexpected', `the work branch ${ws.branch} does not exist`);
  return sha;
}

/**
 * What the run committed since the base, as a patch bounded to `maxBytes` (head and tail kept, a marker
 * between). Uncommitted files are not included: a step's work counts once committed. No external diff or
 * textconv programs run.
 */
export async function diffSinceBase(git: Git, ws: WorkBranch, maxBytes: number): Promise<string> {
  const args = [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    ws.baseSha,
    `refs/heads/${ws.branch}`,
    '--',
  ];
  const result = await git.run(args, { cwd: ws.repoRoot, maxOutputBytes: maxBytes });
  // The capture's marker line can push it a few bytes over.
  return headOfText(result.stdout.text, maxBytes);
}

const MAX_FILE_LIST_BYTES = 16 << 20;

/** Files tracked at the work branch's head (worktree-relative, `/`-separated). */
export async function trackedFiles(git: Git, ws: WorkBranch): Promise<string[]> {
  const text = await gitFullOutput(git, ['ls-files', '-z'], ws.worktree, MAX_FILE_LIST_BYTES);
  return text.split('\0').filter((p) => p !== '');
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
  if (!(await exists(worktree))) {
    await git.run(['worktree', 'prune'], { cwd: ws.repoRoot });
    return { removed: true };
  }
  await ensureKeelWorktree(git, ws);
  const result = await git.run(['worktree', 'remove', worktree], { cwd: ws.repoRoot, allowFailure: true });
  if (result.exitCode !== 0)
    return { removed: false, reason: result.stderr.text.trim().split('\n').at(-1) ?? 'refused' };
  return { removed: true };
}
