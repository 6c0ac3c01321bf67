/**
 * prepareWorkspace for a new run (`fresh`): one `worktree add -b` when nothing is in the way, and when
 * something is — a branch of that name, a stale registration, a busy directory — the same rules as always.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareWorkspace, WorkspaceError, type WorkBranch } from '../../src/git/workspace.ts';
import { commitFile, initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

function scene() {
  const repo = initRepo();
  const worktree = join(tempDir(), 'wt');
  const { git, calls } = testGit();
  const baseSha = sh(repo, 'rev-parse', 'HEAD');
  const options = {
    repoRoot: repo,
    runId: 'r1',
    worktree,
    baseRef: baseSha,
    baseBranch: 'main',
    fresh: { repoRoot: repo, commonDir: join(repo, '.git') },
    cache: true,
  };
  return { repo, worktree, git, calls, baseSha, options };
}

/** The git subcommands run, without the fixed `-c` options in front. */
function commands(calls: string[][]): string[] {
  return calls.map((args) => args.find((a, i) => i > 0 && args[i - 1] !== '-c' && a !== '-c') ?? '');
}

function plain(ws: WorkBranch): Omit<WorkBranch, 'cache'> {
  const { cache: _cache, ...rest } = ws;
  return rest;
}

describe('prepareWorkspace for a new run', () => {
  it('adds the worktree on a new branch with one git command, and knows the branch is at its base', async () => {
    const { repo, worktree, git, calls, baseSha, options } = scene();
    const ws = await prepareWorkspace(git, options);
    expect(commands(calls)).toEqual(['worktree']);
    expect(plain(ws)).toEqual({ repoRoot: repo, worktree, branch: 'keel/r1', baseBranch: 'main', baseSha });
    expect(ws.cache).toMatchObject({ head: baseSha, commits: [], repoCommonDir: join(repo, '.git') });
    expect(sh(worktree, 'symbolic-ref', 'HEAD')).toBe('refs/heads/keel/r1');
    expect(sh(repo, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
  });

  it('teaches .git/info/exclude a worktree inside the checkout, as the careful path does', async () => {
    const { repo, git, options } = scene();
    const inside = join(repo, '.keel', 'worktrees', 'r1');
    await prepareWorkspace(git, { ...options, worktree: inside });
    expect(readFileSync(join(repo, '.git', 'info', 'exclude'), 'utf8')).toContain('/.keel/worktrees/r1/');
    expect(sh(repo, 'status', '--porcelain')).toBe('');
  });

  it('reuses a branch of that name that contains the base, at its own tip', async () => {
    const { repo, worktree, git, calls, options } = scene();
    sh(repo, 'checkout', '--quiet', '-b', 'keel/r1');
    const work = commitFile(repo, 'work.txt', 'done\n');
    sh(repo, 'checkout', '--quiet', 'main');
    const ws = await prepareWorkspace(git, options);
    expect(sh(worktree, 'rev-parse', 'HEAD')).toBe(work);
    expect(ws.cache?.head).toBe(work);
    expect(commands(calls)[0]).toBe('worktree'); // tried first, refused, then the careful path
    expect(commands(calls)).toContain('rev-parse');
  });

  it('refuses a branch of that name that does not contain the base', async () => {
    const { repo, git, options } = scene();
    sh(repo, 'checkout', '--quiet', '--orphan', 'keel/r1');
    commitFile(repo, 'other.txt', 'unrelated\n');
    sh(repo, 'checkout', '--quiet', 'main');
    const error = await prepareWorkspace(git, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as Error).message).toMatch(/does not contain the base/);
  });

  it('prunes a stale registration of the path and adds the worktree after all', async () => {
    const { repo, worktree, git, baseSha, options } = scene();
    sh(repo, 'worktree', 'add', '--quiet', '--detach', worktree, baseSha);
    rmSync(worktree, { recursive: true, force: true }); // registered, but its directory is gone
    await prepareWorkspace(git, options);
    expect(sh(worktree, 'symbolic-ref', 'HEAD')).toBe('refs/heads/keel/r1');
    expect(sh(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(2);
  });

  it('leaves a non-empty directory alone and refuses it', async () => {
    const { worktree, git, options } = scene();
    mkdirSync(worktree, { recursive: true });
    writeFileSync(join(worktree, 'precious.txt'), 'keep me\n');
    await expect(prepareWorkspace(git, options)).rejects.toThrow(/is not keel's worktree/);
    expect(readFileSync(join(worktree, 'precious.txt'), 'utf8')).toBe('keep me\n');
  });

  it('refuses the base branch as the work branch and a worktree in the git dir, before asking git', async () => {
    const { repo, git, calls, options } = scene();
    await expect(prepareWorkspace(git, { ...options, branch: 'main' })).rejects.toThrow(/base branch/);
    await expect(prepareWorkspace(git, { ...options, worktree: join(repo, '.git', 'wt') })).rejects.toThrow(
      /sit in its git dir/,
    );
    expect(commands(calls)).not.toContain('worktree');
  });
});
