/**
 * Stale-lock recovery on real repositories: a fresh lock is kept, a stale one is removed only when no live
 * git process works in the repository, and no process is ever killed. The live process is real too: a
 * `git hash-object --stdin` whose stdin stays open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GitError, type GitEvent } from '../../src/git/git-runner.ts';
import { recoverStaleLocks } from '../../src/git/stale-locks.ts';
import { isAlive, waitForExit } from '../exec/helpers.ts';
import { ISOLATED_ENV, initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

const TEN_MINUTES = 10 * 60_000;

function placeLock(path: string, ageMs: number): void {
  writeFileSync(path, '');
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(path, when, when);
}

/** A real git process working in `cwd` until its stdin is closed. */
const live: ChildProcess[] = [];
function liveGit(cwd: string): ChildProcess {
  const child = spawn('git', ['hash-object', '--stdin'], {
    cwd,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: { ...process.env, ...ISOLATED_ENV },
  });
  live.push(child);
  return child;
}
afterEach(() => {
  for (const child of live.splice(0)) child.stdin?.end();
});

async function waitUntilRunning(child: ChildProcess): Promise<number> {
  await new Promise<void>((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  return child.pid!;
}

function kept(events: GitEvent[]) {
  return events.filter((e) => e.type === 'lock_kept');
}

describe('index.lock', () => {
  it('keeps a fresh lock and fails after the bounded retries', async () => {
    const repo = initRepo();
    const lock = join(repo, '.git', 'index.lock');
    placeLock(lock, 0);
    writeFileSync(join(repo, 'new.txt'), 'x');
    const { git, events, clock } = testGit({ retries: 2, processScan: async () => [] });
    const error = await git.run(['add', 'new.txt'], { cwd: repo }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('lock');
    expect((error as GitError).attempts).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(existsSync(lock)).toBe(true);
    expect(kept(events).map((e) => e.type === 'lock_kept' && e.reason)).toEqual(['fresh', 'fresh']);
  });

  it('removes a stale lock when no git process works in the repository (real /proc scan), and the command succeeds', async () => {
    const repo = initRepo();
    const lock = join(repo, '.git', 'index.lock');
    placeLock(lock, TEN_MINUTES);
    writeFileSync(join(repo, 'new.txt'), 'x');
    const { git, events } = testGit();
    await git.run(['add', 'new.txt'], { cwd: repo });
    expect(existsSync(lock)).toBe(false);
    expect(sh(repo, 'ls-files', 'new.txt')).toBe('new.txt');
    const removed = events.find((e) => e.type === 'lock_removed');
    expect(removed).toMatchObject({ path: lock });
    expect(removed?.type === 'lock_removed' && removed.ageMs).toBeGreaterThanOrEqual(TEN_MINUTES - 5000);
  });

  it('keeps a stale lock while a real git process works in the repository, never kills it, and removes the lock once it has exited', async () => {
    const repo = initRepo();
    const lock = join(repo, '.git', 'index.lock');
    placeLock(lock, TEN_MINUTES);
    writeFileSync(join(repo, 'new.txt'), 'x');
    const holder = liveGit(join(repo, 'src')); // a subdirectory counts too
    const pid = await waitUntilRunning(holder);
    const { git, events } = testGit({ retries: 1 });

    await expect(git.run(['add', 'new.txt'], { cwd: repo })).rejects.toMatchObject({ kind: 'lock' });
    expect(existsSync(lock)).toBe(true);
    expect(isAlive(pid)).toBe(true);
    const refusal = kept(events)[0];
    expect(refusal).toMatchObject({ path: lock, reason: 'live-git-process' });
    expect(refusal?.type === 'lock_kept' && refusal.pids).toContain(pid);

    holder.stdin!.end();
    expect(await waitForExit(pid)).toBe(true);
    await git.run(['add', 'new.txt'], { cwd: repo });
    expect(existsSync(lock)).toBe(false);
    expect(events.some((e) => e.type === 'lock_removed' && e.path === lock)).toBe(true);
  });

  it('keeps a stale lock when a (simulated) git process works in the repository', async () => {
    const repo = initRepo();
    const lock = join(repo, '.git', 'index.lock');
    placeLock(lock, TEN_MINUTES);
    writeFileSync(join(repo, 'new.txt'), 'x');
    const { git, events } = testGit({
      retries: 1,
      processScan: async () => [{ pid: 4242, cwd: '/elsewhere', args: ['git', '-C', repo, 'gc'], env: {} }],
    });
    await expect(git.run(['add', 'new.txt'], { cwd: repo })).rejects.toMatchObject({ kind: 'lock' });
    expect(existsSync(lock)).toBe(true);
    expect(kept(events)[0]).toMatchObject({ reason: 'live-git-process', pids: [4242] });
  });

  it('ignores git processes working in other repositories', async () => {
    const repo = initRepo();
    const other = initRepo();
    const lock = join(repo, '.git', 'index.lock');
    placeLock(lock, TEN_MINUTES);
    writeFileSync(join(repo, 'new.txt'), 'x');
    const holder = liveGit(other);
    const pid = await waitUntilRunning(holder);
    const { git } = testGit();
    await git.run(['add', 'new.txt'], { cwd: repo });
    expect(existsSync(lock)).toBe(false);
    expect(isAlive(pid)).toBe(true);
  });

  it('keeps every lock when processes cannot be listed (no /proc)', async () => {
    const repo = initRepo();
    const lock = join(repo, '.git', 'index.lock');
    placeLock(lock, TEN_MINUTES);
    writeFileSync(join(repo, 'new.txt'), 'x');
    const { git, events } = testGit({ retries: 1, processScan: async () => undefined });
    await expect(git.run(['add', 'new.txt'], { cwd: repo })).rejects.toMatchObject({ kind: 'lock' });
    expect(existsSync(lock)).toBe(true);
    expect(kept(events)[0]).toMatchObject({ reason: 'no-proc' });
  });
});

describe('other locks', () => {
  it("removes a stale lock in a worktree's own git dir, but not while a git process works in the main checkout", async () => {
    const repo = initRepo();
    const worktree = join(tempDir(), 'wt');
    sh(repo, 'worktree', 'add', '--quiet', '-b', 'side', worktree);
    const lock = join(repo, '.git', 'worktrees', 'wt', 'index.lock');
    placeLock(lock, TEN_MINUTES);
    writeFileSync(join(worktree, 'new.txt'), 'x');

    const holder = liveGit(repo); // the same repository, another worktree
    await waitUntilRunning(holder);
    const blocked = testGit({ retries: 0 });
    await expect(blocked.git.run(['add', 'new.txt'], { cwd: worktree })).rejects.toMatchObject({
      kind: 'lock',
    });
    expect(existsSync(lock)).toBe(true);
    holder.stdin!.end();
    expect(await waitForExit(holder.pid!)).toBe(true);

    const { git, events } = testGit();
    await git.run(['add', 'new.txt'], { cwd: worktree });
    expect(existsSync(lock)).toBe(false);
    expect(events).toContainEqual(expect.objectContaining({ type: 'lock_removed', path: lock }));
  });

  it('removes a stale ref lock (refs/heads/main.lock) so a commit can move the branch', async () => {
    const repo = initRepo();
    const lock = join(repo, '.git', 'refs', 'heads', 'main.lock');
    mkdirSync(join(repo, '.git', 'refs', 'heads'), { recursive: true });
    placeLock(lock, TEN_MINUTES);
    writeFileSync(join(repo, 'new.txt'), 'x');
    sh(repo, 'add', 'new.txt');
    const { git, events } = testGit({ processScan: async () => [] });
    await git.run(
      ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'after the lock'],
      { cwd: repo },
    );
    expect(sh(repo, 'log', '-1', '--format=%s')).toBe('after the lock');
    expect(events).toContainEqual(expect.objectContaining({ type: 'lock_removed', path: lock }));
  });
});

describe('recoverStaleLocks', () => {
  it('refuses a named path outside the repository git dir', async () => {
    const repo = initRepo();
    const outside = join(tempDir(), 'victim.lock');
    placeLock(outside, TEN_MINUTES);
    const events: GitEvent[] = [];
    const removed = await recoverStaleLocks({
      cwd: repo,
      message: `fatal: Unable to create '${outside}': File exists.`,
      now: Date.now(),
      staleLockMs: 60_000,
      scan: async () => [],
      repository: async () => ({ commonDir: join(repo, '.git'), roots: [repo, join(repo, '.git')] }),
      log: (e) => events.push(e),
    });
    expect(removed).toEqual([]);
    expect(existsSync(outside)).toBe(true);
    expect(events).toEqual([expect.objectContaining({ type: 'lock_kept', reason: 'outside-repository' })]);
  });

  it('keeps the lock when the repository cannot be read', async () => {
    const repo = initRepo();
    const lock = join(repo, '.git', 'index.lock');
    placeLock(lock, TEN_MINUTES);
    const events: GitEvent[] = [];
    await recoverStaleLocks({
      cwd: repo,
      message: `fatal: Unable to create '${lock}': File exists.`,
      now: Date.now(),
      staleLockMs: 60_000,
      scan: async () => [],
      repository: async () => undefined,
      log: (e) => events.push(e),
    });
    expect(existsSync(lock)).toBe(true);
    expect(events).toEqual([expect.objectContaining({ reason: 'repository-unknown' })]);
  });
});
