/**
 * prepareWorkspace and removeWorkspace on real repositories: idempotent, leftovers discarded only in keel's
 * worktree, the user's checkout untouched, and every arrangement that is not keel's refused.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareWorkspace, removeWorkspace, WorkspaceError } from '../../src/git/workspace.ts';
import { commitFile, initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

function scene() {
  const repo = initRepo();
  const worktree = join(tempDir(), 'wt');
  const { git, calls } = testGit();
  return { repo, worktree, git, calls, baseSha: sh(repo, 'rev-parse', 'HEAD') };
}

describe('prepareWorkspace', () => {
  it('creates the worktree on keel/<runId> at the base', async () => {
    const { repo, worktree, git, baseSha } = scene();
    const ws = await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    expect(ws).toEqual({ repoRoot: repo, worktree, branch: 'keel/r1', baseBranch: 'main', baseSha });
    expect(sh(worktree, 'symbolic-ref', 'HEAD')).toBe('refs/heads/keel/r1');
    expect(sh(repo, 'rev-parse', 'keel/r1')).toBe(baseSha);
    expect(sh(repo, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main'); // the user's checkout did not move
  });

  it('is idempotent: a second call reuses the worktree and the branch with its commits', async () => {
    const { repo, worktree, git, baseSha } = scene();
    const first = await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    const work = commitFile(worktree, 'work.txt', 'done\n');
    const again = await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree, baseRef: baseSha });
    expect(again).toEqual({ ...first, baseBranch: baseSha });
    expect(sh(repo, 'rev-parse', 'keel/r1')).toBe(work);
    expect(sh(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(2);
  });

  it("discards a crashed step's leftovers in keel's worktree only, never in the user's checkout", async () => {
    const { repo, worktree, git, baseSha } = scene();
    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    writeFileSync(join(worktree, 'README.md'), 'half-written by a crashed step\n');
    writeFileSync(join(worktree, 'stray.txt'), 'untracked leftover\n');
    writeFileSync(join(repo, 'README.md'), "the user's uncommitted edit\n");
    writeFileSync(join(repo, 'notes.txt'), "the user's untracked file\n");

    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree, baseRef: baseSha });
    expect(readFileSync(join(worktree, 'README.md'), 'utf8')).toBe('# demo\n');
    expect(existsSync(join(worktree, 'stray.txt'))).toBe(false);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe("the user's uncommitted edit\n");
    expect(readFileSync(join(repo, 'notes.txt'), 'utf8')).toBe("the user's untracked file\n");
  });

  it('aborts a rebase that crashed half-way and is back on the work branch', async () => {
    const { repo, worktree, git, baseSha } = scene();
    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    const mine = commitFile(worktree, 'src/app.txt', 'keel version\n');
    sh(repo, 'checkout', '--quiet', '-b', 'other', baseSha);
    const theirs = commitFile(repo, 'src/app.txt', 'other version\n');
    sh(repo, 'checkout', '--quiet', 'main');
    expect(() => sh(worktree, 'rebase', theirs)).toThrow(); // conflict: the rebase stops half-way
    expect(() => sh(worktree, 'symbolic-ref', '-q', 'HEAD')).toThrow(); // detached, mid-rebase

    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree, baseRef: baseSha });
    expect(sh(worktree, 'symbolic-ref', 'HEAD')).toBe('refs/heads/keel/r1');
    expect(sh(worktree, 'rev-parse', 'HEAD')).toBe(mine);
    expect(sh(worktree, 'status', '--porcelain')).toBe('');
  });

  it('re-creates a vanished worktree from the existing branch', async () => {
    const { repo, worktree, git, baseSha } = scene();
    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    const work = commitFile(worktree, 'work.txt', 'done\n');
    rmSync(worktree, { recursive: true, force: true });
    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree, baseRef: baseSha });
    expect(sh(worktree, 'rev-parse', 'HEAD')).toBe(work);
    expect(readFileSync(join(worktree, 'work.txt'), 'utf8')).toBe('done\n');
  });

  it("puts a worktree inside the checkout into .git/info/exclude, once, so the user's status stays clean", async () => {
    const { repo, git } = scene();
    const worktree = join(repo, '.keel', 'worktrees', 'r 1[x]');
    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    expect(sh(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    const exclude = readFileSync(join(repo, '.git', 'info', 'exclude'), 'utf8');
    expect(exclude.match(/\.keel\/worktrees/g)).toHaveLength(1);
  });

  it('uses the given base ref and base branch name', async () => {
    const { repo, worktree, git, baseSha } = scene();
    commitFile(repo, 'later.txt', 'later\n');
    const ws = await prepareWorkspace(git, {
      repoRoot: repo,
      runId: 'r2',
      worktree,
      baseRef: baseSha,
      baseBranch: 'main',
    });
    expect(ws).toMatchObject({ baseSha, baseBranch: 'main', branch: 'keel/r2' });
    expect(existsSync(join(worktree, 'later.txt'))).toBe(false);
  });
});

describe("prepareWorkspace refuses what is not keel's", () => {
  async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceError);
    return error as WorkspaceError;
  }

  it('the base branch as the work branch', async () => {
    const { repo, worktree, git } = scene();
    expect(
      (await refusal(prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree, branch: 'main' })))
        .reason,
    ).toBe('refused');
  });

  it("a branch checked out in the user's checkout", async () => {
    const { repo, worktree, git, baseSha } = scene();
    sh(repo, 'checkout', '--quiet', '-b', 'feature');
    const error = await refusal(
      prepareWorkspace(git, {
        repoRoot: repo,
        runId: 'r1',
        worktree,
        branch: 'feature',
        baseRef: baseSha,
        baseBranch: 'main',
      }),
    );
    expect(error.message).toMatch(/checked out in/);
  });

  it('an existing branch that does not contain the base', async () => {
    const { repo, worktree, git, baseSha } = scene();
    sh(repo, 'checkout', '--quiet', '--orphan', 'keel/r1');
    commitFile(repo, 'other.txt', 'unrelated\n');
    sh(repo, 'checkout', '--quiet', 'main');
    const error = await refusal(
      prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree, baseRef: baseSha }),
    );
    expect(error.message).toMatch(/does not contain the base/);
  });

  it("the user's checkout, or a directory containing it, as the worktree", async () => {
    const { repo, git } = scene();
    await refusal(prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree: repo }));
    await refusal(prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree: join(repo, '..') }));
    await refusal(prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree: join(repo, '.git', 'wt') }));
  });

  it('a non-empty directory that is not a worktree, a relative path, a bad run id', async () => {
    const { repo, git } = scene();
    const busy = tempDir();
    writeFileSync(join(busy, 'precious.txt'), 'keep me\n');
    await refusal(prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree: busy }));
    expect(readFileSync(join(busy, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(
      (await refusal(prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree: 'relative/wt' }))).reason,
    ).toBe('invalid');
    expect(
      (await refusal(prepareWorkspace(git, { repoRoot: repo, runId: 'r 1\nx', worktree: join(busy, 'wt') })))
        .reason,
    ).toBe('invalid');
  });
});

describe('removeWorkspace', () => {
  it('removes the worktree and keeps the branch', async () => {
    const { repo, worktree, git } = scene();
    const ws = await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    const work = commitFile(worktree, 'work.txt', 'done\n');
    expect(await removeWorkspace(git, ws)).toEqual({ removed: true });
    expect(existsSync(worktree)).toBe(false);
    expect(sh(repo, 'rev-parse', 'keel/r1')).toBe(work);
  });

  it('keeps a worktree with uncommitted changes (never forces)', async () => {
    const { repo, worktree, git } = scene();
    const ws = await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree });
    writeFileSync(join(worktree, 'unsaved.txt'), 'work\n');
    const result = await removeWorkspace(git, ws);
    expect(result.removed).toBe(false);
    expect(readFileSync(join(worktree, 'unsaved.txt'), 'utf8')).toBe('work\n');
  });

  it("refuses to remove the user's checkout", async () => {
    const { repo, git, baseSha } = scene();
    const result = await removeWorkspace(git, {
      repoRoot: repo,
      worktree: repo,
      branch: 'main',
      baseBranch: 'main',
      baseSha,
    });
    expect(result.removed).toBe(false);
    expect(existsSync(join(repo, 'README.md'))).toBe(true);
  });
});
