/**
 * The checks every workspace operation leans on, and the small git queries they use. The rule they enforce:
 * keel changes history and files only in its own linked worktree, on its own work branch — never in the
 * user's checkout, never on a branch someone else has checked out.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Git } from './git-runner.ts';

export interface WorkBranch {
  /** The main checkout (the user's). Never modified, apart from `.git/info/exclude`. */
  repoRoot: string;
  /** keel's linked worktree: the only place files are changed, reset or cleaned. */
  worktree: string;
  branch: string;
  /** The branch the work is based on (the pull request's base), or the base sha when it has no name. */
  baseBranch: string;
  baseSha: string;
}

export type WorkspaceRefusal =
  | 'refused' // the operation would touch something that is not keel's (a user's branch or checkout)
  | 'invalid' // an argument keel cannot use (a bad branch name, a relative path)
  | 'too-large' // an output beyond its bound
  | 'unexpected'; // git answered something that makes no sense here

export class WorkspaceError extends Error {
  readonly reason: WorkspaceRefusal;

  constructor(reason: WorkspaceRefusal, message: string) {
    super(message);
    this.name = 'WorkspaceError';
    this.reason = reason;
  }
}

/** stdout of a git command, trimmed. */
export async function gitText(git: Git, args: string[], cwd: string): Promise<string> {
  return (await git.run(args, { cwd })).stdout.text.trim();
}

/** For yes/no commands (`merge-base --is-ancestor`, `diff --quiet`): exit 0 yes, 1 no, anything else throws. */
export async function gitTest(git: Git, args: string[], cwd: string): Promise<boolean> {
  const result = await git.run(args, { cwd, allowFailure: true });
  if (result.exitCode === 0) return true;
  if (result.exitCode === 1) return false;
  throw new WorkspaceError(
    'unexpected',
    `git ${args.join(' ')} exited ${result.exitCode}: ${result.stderr.text.trim()}`,
  );
}

/** stdout of a command whose whole output is parsed: a cut would corrupt it, so a cut is an error. */
export async function gitFullOutput(
  git: Git,
  args: string[],
  cwd: string,
  maxBytes: number,
): Promise<string> {
  const result = await git.run(args, { cwd, maxOutputBytes: maxBytes });
  if (result.stdout.truncated) {
    throw new WorkspaceError(
      'too-large',
      `git ${args[0] ?? ''} printed ${result.stdout.totalBytes} bytes (bound ${maxBytes})`,
    );
  }
  return result.stdout.text;
}

/** The full sha of a commit, or undefined when `rev` names none. */
export async function commitSha(git: Git, rev: string, cwd: string): Promise<string | undefined> {
  const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    cwd,
    allowFailure: true,
  });
  return result.exitCode === 0 ? result.stdout.text.trim() : undefined;
}

export function isAncestor(git: Git, ancestor: string, descendant: string, cwd: string): Promise<boolean> {
  return gitTest(git, ['merge-base', '--is-ancestor', ancestor, descendant], cwd);
}

/** A path with symlinks resolved as far as it exists (a worktree that is not created yet has a parent). */
export async function canonical(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : resolve(await canonical(parent), basename(absolute));
  }
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function commonDirOf(git: Git, cwd: string): Promise<string> {
  return canonical(await gitText(git, ['rev-parse', '--path-format=absolute', '--git-common-dir'], cwd));
}

/**
 * Refuses unless `ws.worktree` is the top of a linked worktree of `ws.repoRoot`'s repository (not the user's
 * checkout, not a directory inside it) with `ws.branch` checked out. Every destructive operation calls it.
 */
export async function ensureKeelWorktree(git: Git, ws: WorkBranch): Promise<void> {
  const worktree = await canonical(ws.worktree);
  if (!(await exists(worktree)))
    throw new WorkspaceError('refused', `keel's worktree ${worktree} does not exist`);
  if (worktree === (await canonical(ws.repoRoot))) {
    throw new WorkspaceError('refused', `${worktree} is the repository's own checkout, not keel's worktree`);
  }
  const [top, gitDir, commonDir] = (
    await gitText(
      git,
      ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'],
      worktree,
    )
  ).split('\n');
  if ((await canonical(top ?? '')) !== worktree) {
    throw new WorkspaceError('refused', `${worktree} is not the top of a worktree (it is inside ${top})`);
  }
  const common = await canonical(commonDir ?? '');
  if ((await canonical(gitDir ?? '')) === common) {
    throw new WorkspaceError('refused', `${worktree} is a main checkout, not a linked worktree`);
  }
  if (common !== (await commonDirOf(git, ws.repoRoot))) {
    throw new WorkspaceError('refused', `${worktree} belongs to another repository`);
  }
  const head = await git.run(['symbolic-ref', '--quiet', 'HEAD'], { cwd: worktree, allowFailure: true });
  if (head.stdout.text.trim() !== `refs/heads/${ws.branch}`) {
    throw new WorkspaceError(
      'refused',
      `${worktree} has ${head.stdout.text.trim() || 'a detached HEAD'}, not ${ws.branch}`,
    );
  }
}

/** Run and step ids become branch names and commit trailers: one line, no spaces, nothing git would mangle. */
export function checkId(kind: string, id: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/.test(id) || id.includes('..')) {
    throw new WorkspaceError(
      'invalid',
      `${kind} ${JSON.stringify(id.slice(0, 80))} is not usable (letters, digits, . _ : / -)`,
    );
  }
}

const DEFAULT_IDENTITY = { name: 'keel', email: 'keel@localhost' };

/**
 * `-c user.name=… -c user.email=…` for commands that make commits (commit, rebase). Author and committer come
 * from the environment (GIT_AUTHOR_NAME…, which git prefers over any config) or the user's git config; only
 * where neither names anyone does keel sign as `keel <keel@localhost>`, instead of letting git guess from the
 * host name or fail.
 */
export async function identityArgs(git: Git, cwd: string): Promise<string[]> {
  const args: string[] = [];
  for (const [key, fallback] of [
    ['user.name', DEFAULT_IDENTITY.name],
    ['user.email', DEFAULT_IDENTITY.email],
  ] as const) {
    const configured = await git.run(['config', '--get', key], { cwd, allowFailure: true });
    if (configured.exitCode !== 0 || configured.stdout.text.trim() === '')
      args.push('-c', `${key}=${fallback}`);
  }
  return args;
}
