/**
 * Stale-lock recovery, the careful version: a `.lock` file left in a repository's git dir is removed only
 * when it is older than the threshold AND no live git process works in that repository. Killing the lock's
 * holder would be quicker; keel never kills anything — a lock that may have an owner stays, and the command
 * fails after its bounded retries instead. Every decision is logged.
 *
 * Only locks the failing command named are considered (git names the file it could not create); a lock
 * nobody tripped over is nobody's business here.
 */
import { lstat, realpath, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { GitEvent } from './git-events.ts';
import { lockPathsInMessage } from './git-errors.ts';
import { isInside, worksIn, type ProcessScan } from './proc-scan.ts';

/** Where a repository lives: its common git dir, and every directory a git process working in it could use. */
export interface RepositoryDirs {
  commonDir: string;
  /** The common dir, the worktrees' git dirs and every worktree's directory (main one included). */
  roots: string[];
}

export interface LockRecovery {
  /** The directory the failing command ran in (relative lock paths are resolved against it). */
  cwd: string;
  /** The failing command's stderr. */
  message: string;
  now: number;
  staleLockMs: number;
  scan: ProcessScan;
  repository: () => Promise<RepositoryDirs | undefined>;
  log: (event: GitEvent) => void;
}

/** Removes what may be removed; returns the paths removed. Never throws for a lock it could not judge. */
export async function recoverStaleLocks(ctx: LockRecovery): Promise<string[]> {
  const paths = lockPathsInMessage(ctx.message).map((p) => resolve(ctx.cwd, p));
  if (paths.length === 0) return [];
  const stale: LockFile[] = [];
  for (const path of paths) {
    const lock = await lockFile(path);
    if (lock === undefined) continue; // gone already: its owner finished
    const ageMs = ctx.now - lock.mtimeMs;
    if (ageMs < ctx.staleLockMs) ctx.log({ type: 'lock_kept', path, ageMs, reason: 'fresh' });
    else stale.push(lock);
  }
  if (stale.length === 0) return [];
  const verdict = await mayRemove(ctx);
  const removed: string[] = [];
  for (const lock of stale) {
    const ageMs = ctx.now - lock.mtimeMs;
    const reason = verdict.ok ? await outsideOrChanged(lock, verdict.repo) : verdict.reason;
    if (reason === 'gone') continue;
    if (reason !== undefined) {
      const pids = verdict.ok ? undefined : verdict.pids;
      ctx.log({ type: 'lock_kept', path: lock.path, ageMs, reason, ...(pids ? { pids } : {}) });
      continue;
    }
    await unlink(lock.path).catch(() => undefined);
    removed.push(lock.path);
    ctx.log({ type: 'lock_removed', path: lock.path, ageMs });
  }
  return removed;
}

interface LockFile {
  path: string;
  mtimeMs: number;
  ino: number;
}

async function lockFile(path: string): Promise<LockFile | undefined> {
  try {
    const stat = await lstat(path);
    return stat.isFile() ? { path, mtimeMs: stat.mtimeMs, ino: stat.ino } : undefined;
  } catch {
    return undefined;
  }
}

type Verdict =
  | { ok: true; repo: RepositoryDirs }
  | { ok: false; reason: 'no-proc' | 'repository-unknown' | 'live-git-process'; pids?: number[] };

async function mayRemove(ctx: LockRecovery): Promise<Verdict> {
  const repo = await ctx.repository().catch(() => undefined);
  if (repo === undefined) return { ok: false, reason: 'repository-unknown' };
  const processes = await ctx.scan().catch(() => undefined);
  if (processes === undefined) return { ok: false, reason: 'no-proc' };
  const live = processes.filter((p) => worksIn(p, repo.roots));
  if (live.length > 0) return { ok: false, reason: 'live-git-process', pids: live.map((p) => p.pid) };
  return { ok: true, repo };
}

/** The last checks before unlinking: the lock is a `.lock` inside the git dir, and it is the same file. */
async function outsideOrChanged(
  lock: LockFile,
  repo: RepositoryDirs,
): Promise<'outside-repository' | 'changed' | 'gone' | undefined> {
  const dir = await realpath(dirname(lock.path)).catch(() => undefined);
  if (dir === undefined || !lock.path.endsWith('.lock') || !isInside(dir, repo.commonDir))
    return 'outside-repository';
  const now = await lockFile(lock.path);
  if (now === undefined) return 'gone';
  // Replaced (another inode) or touched since we judged it: a live owner, whatever the scan said.
  if (now.ino !== lock.ino || now.mtimeMs !== lock.mtimeMs) return 'changed';
  return undefined;
}
