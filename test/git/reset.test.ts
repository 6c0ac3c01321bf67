/** resetWorkBranch moves only keel's branch in keel's worktree, only within base..head; everything else is refused. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  commitStep,
  headSha,
  prepareWorkspace,
  resetWorkBranch,
  WorkspaceError,
  type WorkBranch,
} from '../../src/git/workspace.ts';
import { commitFile, initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

async function scene() {
  const repo = initRepo();
  const parentOfBase = sh(repo, 'rev-parse', 'HEAD');
  commitFile(repo, 'base.txt', 'base\n');
  const { git } = testGit();
  const ws = await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree: join(tempDir(), 'wt') });
  const steps: string[] = [];
  for (const step of ['a', 'b']) {
    writeFileSync(join(ws.worktree, `${step}.txt`), step);
    steps.push((await commitStep(git, ws, { runId: 'r1', stepId: `code:${step}`, message: step })).sha!);
  }
  return { git, ws, steps, parentOfBase };
}

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkspaceError);
  expect((error as WorkspaceError).reason).toBe('refused');
  return (error as WorkspaceError).message;
}

describe('resetWorkBranch', () => {
  it('moves the work branch back and cleans the worktree', async () => {
    const { git, ws, steps } = await scene();
    writeFileSync(join(ws.worktree, 'stray.txt'), 'leftover');
    expect(await resetWorkBranch(git, ws, steps[0]!)).toBe(steps[0]);
    expect(await headSha(git, ws)).toBe(steps[0]);
    expect(existsSync(join(ws.worktree, 'b.txt'))).toBe(false);
    expect(existsSync(join(ws.worktree, 'stray.txt'))).toBe(false);
    expect(sh(ws.worktree, 'status', '--porcelain')).toBe('');
  });

  it('may go back to the base itself', async () => {
    const { git, ws } = await scene();
    await resetWorkBranch(git, ws, ws.baseSha);
    expect(await headSha(git, ws)).toBe(ws.baseSha);
  });

  it('refuses a commit that is not on the work branch, or older than the base, or not a commit', async () => {
    const { git, ws, steps, parentOfBase } = await scene();
    const elsewhere = commitFile(ws.repoRoot, 'user.txt', 'the user keeps working\n');
    expect(await refused(resetWorkBranch(git, ws, elsewhere))).toMatch(/not on the work branch/);
    expect(await refused(resetWorkBranch(git, ws, parentOfBase))).toMatch(/older than the run's base/);
    await refused(resetWorkBranch(git, ws, 'no-such-ref'));
    expect(await headSha(git, ws)).toBe(steps[1]);
  });

  it("refuses the user's branch and the user's checkout", async () => {
    const { git, ws, parentOfBase } = await scene();
    const main = sh(ws.repoRoot, 'rev-parse', 'main');
    writeFileSync(join(ws.repoRoot, 'uncommitted.txt'), 'mine');
    const usersCheckout: WorkBranch = { ...ws, worktree: ws.repoRoot, branch: 'main' };
    await refused(resetWorkBranch(git, usersCheckout, parentOfBase));
    await refused(resetWorkBranch(git, { ...ws, branch: 'main' }, ws.baseSha)); // keel's worktree, the user's branch
    await refused(
      resetWorkBranch(git, { ...ws, worktree: join(ws.repoRoot, 'src'), branch: 'main' }, ws.baseSha),
    );
    expect(sh(ws.repoRoot, 'rev-parse', 'main')).toBe(main);
    expect(existsSync(join(ws.repoRoot, 'uncommitted.txt'))).toBe(true);
  });
});
