/**
 * Which git processes are alive, and where they work, read from `/proc`. A git lock file does not contain a
 * pid, so "is the lock's owner alive?" cannot be asked directly; the safe question is "does any live git
 * process work in this repository?". Where the answer cannot be known (no `/proc`, another user's process
 * whose cwd we may not read) the answer is "maybe", and a maybe keeps the lock.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';

export interface GitProcess {
  pid: number;
  /** Undefined when it could not be read (another user's process): treated as "could be anywhere". */
  cwd: string | undefined;
  /** argv; empty when unreadable. */
  args: string[];
  /** GIT_DIR / GIT_WORK_TREE / GIT_COMMON_DIR from its environment, when readable. */
  env: Record<string, string>;
}

/** Live git processes, or undefined when processes cannot be listed at all (no procfs). */
export type ProcessScan = () => Promise<GitProcess[] | undefined>;

const GIT_ENV_KEYS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR'];

export function procScanner(procRoot = '/proc'): ProcessScan {
  return () => scanGitProcesses(procRoot);
}

export async function scanGitProcesses(procRoot = '/proc'): Promise<GitProcess[] | undefined> {
  let entries: string[];
  try {
    entries = await readdir(procRoot);
  } catch {
    return undefined;
  }
  const pids = entries.filter((e) => /^\d+$/.test(e)).map(Number);
  // A /proc that does not show this very process (not mounted, another pid namespace) cannot be trusted to
  // show the git processes that matter either.
  if (!pids.includes(process.pid)) return undefined;
  const found = await Promise.all(
    pids.filter((pid) => pid !== process.pid).map((pid) => readGit(procRoot, pid)),
  );
  return found.filter((p): p is GitProcess => p !== undefined);
}

async function readGit(procRoot: string, pid: number): Promise<GitProcess | undefined> {
  const dir = `${procRoot}/${pid}`;
  const stat = await readText(`${dir}/stat`);
  if (stat === undefined) return undefined; // exited while we looked
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  if (state === 'Z' || state === 'X') return undefined; // a zombie works nowhere
  const args = ((await readText(`${dir}/cmdline`)) ?? '').split('\0').filter((a) => a !== '');
  if (!isGitName(comm) && !isGitName(basename(args[0] ?? ''))) return undefined;
  let cwd: string | undefined;
  try {
    cwd = await readlink(`${dir}/cwd`);
  } catch {
    cwd = undefined;
  }
  return { pid, cwd, args, env: parseEnviron((await readText(`${dir}/environ`)) ?? '') };
}

/** `git`, and its helpers (`git-remote-https`, `git-upload-pack`; comm is cut to 15 characters). */
function isGitName(name: string): boolean {
  return name === 'git' || name.startsWith('git-');
}

function parseEnviron(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=');
    const key = entry.slice(0, eq);
    if (eq > 0 && GIT_ENV_KEYS.includes(key)) env[key] = entry.slice(eq + 1);
  }
  return env;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether `proc` may be working in a repository whose directories (git dirs and worktrees) are `roots`:
 * its cwd, any `-C` directory, `--git-dir`/`--work-tree`, or GIT_DIR/GIT_WORK_TREE inside one of them. An
 * unknown cwd counts as inside: we cannot rule it out.
 */
export function worksIn(proc: GitProcess, roots: readonly string[]): boolean {
  if (proc.cwd === undefined) return true;
  return placesOf(proc).some((place) => roots.some((root) => isInside(place, root)));
}

function placesOf(proc: GitProcess): string[] {
  let dir = proc.cwd ?? '/';
  const places = [dir];
  const args = proc.args;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if (arg === '-C' && value !== undefined) {
      dir = resolve(dir, value); // each -C is relative to the previous one
      places.push(dir);
    } else if ((arg === '--git-dir' || arg === '--work-tree') && value !== undefined) {
      places.push(resolve(dir, value));
    } else if (arg.startsWith('--git-dir=') || arg.startsWith('--work-tree=')) {
      places.push(resolve(dir, arg.slice(arg.indexOf('=') + 1)));
    }
  }
  for (const value of Object.values(proc.env)) places.push(resolve(proc.cwd ?? '/', value));
  return places;
}

export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
