/**
 * The checks every workspace operation leans on, and the small git queries they use. The rule they enforce:
 * keel changes history and files only in its own linked worktree, on its own work branch — never in the
 * user's checkout, never on a branch someone else has checked out.
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathExists } from '../base/atomic-file.ts';
import type { Git } from './git-runner.ts';
import type { WorkBranchCache } from './work-branch-cache.ts';

export interface WorkBranch {
  /** The main checkout (the user's). Never modified, apart from `.git/info/exclude`. */
  repoRoot: string;
  /** keel's linked worktree: the only place files are changed, reset or cleaned. */
  worktree: string;
  branch: string;
  /** The branch the work is based on (the pull request's base), or the base sha when it has no name. */
  baseBranch: string;
  baseSha: string;
  /**
   * What the run already knows about its branch (`prepareWorkspace({ cache: true })`), so it is not asked
   * again; without one, git is asked every time. Facts only: the guards below always ask git.
   */
  cache?: WorkBranchCache;
  /**
   * The run's fence (its lease check): called before every change to the worktree or the branch, so a
   * process that lost the run to another one throws instead of writing. Absent: nothing is checked.
   */
  fence?: () => void;
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

/** The files that say an operation stopped half-way in a worktree, and how each is abandoned. */
export const OPERATION_MARKERS = [
  ['rebase-merge', ['rebase', '--abort']],
  ['rebase-apply', ['rebase', '--abort']],
  ['MERGE_HEAD', ['merge', '--abort']],
  ['CHERRY_PICK_HEAD', ['cherry-pick', '--abort']],
] as const;

/** What one `git rev-parse` run in a worktree says about it. */
export interface WorktreeProbe {
  /** The top of the worktree the directory belongs to (canonical). */
  top: string;
  /** Its own git dir, and the repository's common dir (canonical). */
  gitDir: string;
  commonDir: string;
  /** Where git keeps each of `OPERATION_MARKERS` for this worktree (`--git-path`), in that order. */
  markers: string[];
}

/**
 * One command for everything the guards need to know about a worktree (it used to take eight): its top, its
 * git dir, the repository's common dir, and the paths of the half-done-operation markers.
 */
export async function probeWorktree(git: Git, dir: string): Promise<WorktreeProbe> {
  const args = [
    'rev-parse',
    '--path-format=absolute',
    '--show-toplevel',
    '--git-dir',
    '--git-common-dir',
    ...OPERATION_MARKERS.flatMap(([marker]) => ['--git-path', marker]),
  ];
  const lines = (await git.run(args, { cwd: dir })).stdout.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== 3 + OPERATION_MARKERS.length || lines.some((line) => line === '')) {
    throw new WorkspaceError('unexpected', `git rev-parse in ${dir} answered ${lines.length} lines`);
  }
  const [top, gitDir, commonDir, ...markers] = lines as [string, string, string, ...string[]];
  return {
    top: await canonical(top),
    gitDir: await canonical(gitDir),
    commonDir: await canonical(commonDir),
    markers,
  };
}

/**
 * Refuses unless `ws.worktree` is the top of a linked worktree of `ws.repoRoot`'s repository (not the user's
 * checkout, not a directory inside it) with `ws.branch` checked out. Every destructive operation calls it.
 */
export async function ensureKeelWorktree(git: Git, ws: WorkBranch): Promise<WorktreeProbe> {
  ws.fence?.();
  const worktree = await ensureWorktreeDir(ws);
  const probe = await probeWorktree(git, worktree);
  checkLinkedWorktree(worktree, probe, await repoCommonDir(git, ws));
  await checkWorktreeHead(git, ws, worktree, probe);
  return probe;
}

/** The repository's common dir: known to the run (it does not change), else asked of git. */
export async function repoCommonDir(git: Git, ws: WorkBranch): Promise<string> {
  if (ws.cache?.repoCommonDir !== undefined) return ws.cache.repoCommonDir;
  const args = ['rev-parse', '--path-format=absolute', '--git-common-dir'];
  const common = await canonical((await git.run(args, { cwd: ws.repoRoot })).stdout.text.trim());
  if (ws.cache) ws.cache.repoCommonDir = common;
  return common;
}

/** `ws.worktree`, canonical, after refusing a missing one and the repository's own checkout. */
export async function ensureWorktreeDir(ws: WorkBranch): Promise<string> {
  const worktree = await canonical(ws.worktree);
  if (!(await pathExists(worktree)))
    throw new WorkspaceError('refused', `keel's worktree ${worktree} does not exist`);
  if (worktree === (await canonical(ws.repoRoot))) {
    throw new WorkspaceError('refused', `${worktree} is the repository's own checkout, not keel's worktree`);
  }
  return worktree;
}

/** The part of the guard that does not depend on what is checked out: where the worktree is, whose it is. */
export function checkLinkedWorktree(worktree: string, probe: WorktreeProbe, repoCommon: string): void {
  if (probe.top !== worktree) {
    throw new WorkspaceError(
      'refused',
      `${worktree} is not the top of a worktree (it is inside ${probe.top})`,
    );
  }
  if (probe.gitDir === probe.commonDir) {
    throw new WorkspaceError('refused', `${worktree} is a main checkout, not a linked worktree`);
  }
  if (probe.commonDir !== repoCommon) {
    throw new WorkspaceError('refused', `${worktree} belongs to another repository`);
  }
}

/**
 * Refuses unless the worktree's HEAD is the symbolic ref `refs/heads/<branch>`. The worktree's own `HEAD`
 * file says so directly when refs are stored as files (there it is what `git symbolic-ref` reads); anything
 * else — another answer, a repository with the reftable backend (whose `HEAD` file is a stub), a file that
 * cannot be read — is asked of `git symbolic-ref` as before.
 */
export async function checkWorktreeHead(
  git: Git,
  ws: WorkBranch,
  worktree: string,
  probe: WorktreeProbe,
): Promise<void> {
  const expected = `refs/heads/${ws.branch}`;
  if (await headFileNames(probe, expected)) return;
  const head = await git.run(['symbolic-ref', '--quiet', 'HEAD'], { cwd: worktree, allowFailure: true });
  if (head.stdout.text.trim() !== expected) {
    throw new WorkspaceError(
      'refused',
      `${worktree} has ${head.stdout.text.trim() || 'a detached HEAD'}, not ${ws.branch}`,
    );
  }
}

async function headFileNames(probe: WorktreeProbe, ref: string): Promise<boolean> {
  if (!(await refsAreFiles(probe))) return false;
  const text = await readFile(join(probe.gitDir, 'HEAD'), 'utf8').catch(() => undefined);
  return text === `ref: ${ref}\n` || text === `ref: ${ref}`;
}

/** False for the reftable backend, where `HEAD` is a stub and branches are not files. */
async function refsAreFiles(probe: WorktreeProbe): Promise<boolean> {
  for (const dir of [probe.gitDir, probe.commonDir])
    if (await pathExists(join(dir, 'reftable'))) return false;
  return true;
}

/** A full commit sha (SHA-1 or SHA-256). */
export const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The work branch's head right after keel moved it in its worktree (`probe` is that worktree's, taken
 * before). A branch moved by a ref update is a loose ref file — `<common dir>/refs/heads/<branch>`, written
 * by renaming its lock, so it is read whole or not at all; `pack-refs` (an auto gc) only ever removes one
 * that says what `packed-refs` says. Anything but one sha there (no file, the reftable backend, a symbolic
 * ref) is asked of git.
 */
export async function movedBranchHead(git: Git, ws: WorkBranch, probe: WorktreeProbe): Promise<string> {
  if (isBranchName(ws.branch) && (await refsAreFiles(probe))) {
    const path = join(probe.commonDir, 'refs', 'heads', ...ws.branch.split('/'));
    const text = await readFile(path, 'utf8').catch(() => undefined);
    const line = text?.endsWith('\n') ? text.slice(0, -1) : text;
    if (line !== undefined && SHA.test(line)) return line;
  }
  return branchHead(git, ws);
}

/** The work branch's head commit (the run's remembered one, when it has one). */
export async function headSha(git: Git, ws: WorkBranch): Promise<string> {
  if (ws.cache?.head !== undefined) return ws.cache.head;
  const sha = await branchHead(git, ws);
  if (ws.cache) ws.cache.head = sha;
  return sha;
}

/** The work branch's head commit as git says it now (what a guard compares with). */
export async function branchHead(git: Git, ws: WorkBranch): Promise<string> {
  const sha = await commitSha(git, `refs/heads/${ws.branch}`, ws.repoRoot);
  if (sha === undefined)
    throw new WorkspaceError('unexpected', `the work branch ${ws.branch} does not exist`);
  return sha;
}

/**
 * `git check-ref-format --branch <name>` without the process, and stricter rather than looser: git's rules
 * for `refs/heads/<name>` (no `..`, `@{`, control characters, space, `~^:?*[\`; no component that starts
 * with `.` or ends with `.lock`; no empty component; not ending with `.`), and none of what
 * git would expand or read as an option: `@`, `HEAD`, a leading `-`. A name that passes cannot be read as anything but a branch name.
 */
export function isBranchName(name: string): boolean {
  if (name === '' || name === '@' || name === 'HEAD' || name.startsWith('-')) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses in a ref
  if (!name.isWellFormed() || /[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  if (name.includes('..') || name.includes('@{') || name.endsWith('.')) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
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
 * host name or fail. Both keys in one `git config` (the last value of each counts, as with `--get`); a run
 * asks once.
 */
export async function identityArgs(git: Git, cwd: string, cache?: WorkBranchCache): Promise<string[]> {
  if (cache?.identity !== undefined) return [...cache.identity];
  const configured = await git.run(['config', '--null', '--get-regexp', '^user\\.(name|email)$'], {
    cwd,
    allowFailure: true,
  });
  const values = new Map<string, string>();
  if (configured.exitCode === 0) {
    for (const entry of configured.stdout.text.split('\0')) {
      const newline = entry.indexOf('\n');
      if (newline < 0) values.set(entry, '');
      else values.set(entry.slice(0, newline), entry.slice(newline + 1));
    }
  }
  const args: string[] = [];
  for (const [key, fallback] of [
    ['user.name', DEFAULT_IDENTITY.name],
    ['user.email', DEFAULT_IDENTITY.email],
  ] as const) {
    if ((values.get(key) ?? '').trim() === '') args.push('-c', `${key}=${fallback}`);
  }
  if (cache) cache.identity = [...args];
  return args;
}
