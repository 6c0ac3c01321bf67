/**
 * The guard every destructive operation runs first — `ensureKeelWorktree`, built on one `probeWorktree`
 * (`rev-parse`) and the worktree's HEAD file — still refuses everything that is not keel's worktree on keel's
 * branch: the user's checkout, a directory inside a worktree, another repository (main checkout or linked
 * worktree), a detached HEAD, another branch; also when the HEAD file cannot be trusted and git is asked.
 * And `movedBranchHead` (a loose ref read instead of `rev-parse`) says what git says.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitStep, prepareWorkspace, type WorkBranch } from '../../src/git/workspace.ts';
import {
  ensureKeelWorktree,
  movedBranchHead,
  probeWorktree,
  WorkspaceError,
} from '../../src/git/workspace-guards.ts';
import { initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

async function scene() {
  const repo = initRepo();
  const t = testGit();
  const ws = await prepareWorkspace(t.git, { repoRoot: repo, runId: 'r1', worktree: join(tempDir(), 'wt') });
  return { ...t, repo, ws };
}

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkspaceError);
  expect((error as WorkspaceError).reason).toBe('refused');
  return (error as WorkspaceError).message;
}

const worktreeGitDir = (ws: WorkBranch): string => sh(ws.worktree, 'rev-parse', '--absolute-git-dir');

describe('probeWorktree', () => {
  it("names the worktree's top, its git dir, the common dir and where the operation markers live", async () => {
    const { git, repo, ws } = await scene();
    const probe = await probeWorktree(git, join(ws.worktree, 'src'));
    expect(probe.top).toBe(ws.worktree);
    expect(probe.gitDir).toBe(worktreeGitDir(ws));
    expect(probe.commonDir).toBe(join(repo, '.git'));
    expect(probe.markers).toEqual(
      ['rebase-merge', 'rebase-apply', 'MERGE_HEAD', 'CHERRY_PICK_HEAD'].map((m) => join(probe.gitDir, m)),
    );
    const main = await probeWorktree(git, repo);
    expect(main.gitDir).toBe(main.commonDir); // what "a main checkout" looks like to the guard
  });
});

describe('ensureKeelWorktree', () => {
  it("passes keel's worktree on keel's branch, from the HEAD file alone", async () => {
    const { git, ws, calls } = await scene();
    calls.length = 0;
    const probe = await ensureKeelWorktree(git, ws);
    expect(probe.top).toBe(ws.worktree);
    expect(calls.map((c) => c.find((a) => !a.startsWith('-') && !a.includes('=')))).toEqual([
      'rev-parse', // the probe
      'rev-parse', // the repository's common dir (no cache here)
    ]);
  });

  it("refuses the user's checkout, and directories inside a checkout or a worktree", async () => {
    const { git, repo, ws } = await scene();
    expect(await refused(ensureKeelWorktree(git, { ...ws, worktree: repo }))).toMatch(/own checkout/);
    expect(await refused(ensureKeelWorktree(git, { ...ws, worktree: join(repo, 'src') }))).toMatch(
      /not the top of a worktree/,
    );
    expect(await refused(ensureKeelWorktree(git, { ...ws, worktree: join(ws.worktree, 'src') }))).toMatch(
      /not the top of a worktree/,
    );
    expect(await refused(ensureKeelWorktree(git, { ...ws, worktree: join(ws.worktree, 'nope') }))).toMatch(
      /does not exist/,
    );
  });

  it("refuses another repository's main checkout and another repository's linked worktree", async () => {
    const { git, ws } = await scene();
    const clone = join(tempDir(), 'clone');
    sh(ws.repoRoot, 'clone', '--quiet', ws.repoRoot, clone);
    sh(clone, 'checkout', '--quiet', '-b', ws.branch);
    expect(await refused(ensureKeelWorktree(git, { ...ws, worktree: clone }))).toMatch(/main checkout/);
    const foreign = join(tempDir(), 'foreign');
    sh(clone, 'checkout', '--quiet', 'main');
    sh(clone, 'worktree', 'add', '--quiet', foreign, ws.branch); // same branch name, other repository
    expect(await refused(ensureKeelWorktree(git, { ...ws, worktree: foreign }))).toMatch(
      /another repository/,
    );
  });

  it('refuses a detached HEAD and another branch in the worktree', async () => {
    const { git, ws } = await scene();
    expect(await refused(ensureKeelWorktree(git, { ...ws, branch: 'main' }))).toMatch(/not main/);
    sh(ws.worktree, 'checkout', '--quiet', '--detach');
    expect(await refused(ensureKeelWorktree(git, ws))).toMatch(/detached HEAD/);
    sh(ws.worktree, 'checkout', '--quiet', '-b', 'keel/other');
    expect(await refused(ensureKeelWorktree(git, ws))).toMatch(/refs\/heads\/keel\/other, not keel\/r1/);
    sh(ws.worktree, 'checkout', '--quiet', ws.branch);
    await ensureKeelWorktree(git, ws);
  });

  it('asks git (symbolic-ref) when the HEAD file cannot be trusted, and still refuses a detached HEAD', async () => {
    const { git, ws, calls } = await scene();
    // A `reftable` directory means HEAD is a stub there: the file is not read, git is asked.
    mkdirSync(join(worktreeGitDir(ws), 'reftable'));
    calls.length = 0;
    await ensureKeelWorktree(git, ws);
    expect(calls.some((c) => c.includes('symbolic-ref'))).toBe(true);
    sh(ws.worktree, 'checkout', '--quiet', '--detach');
    expect(await refused(ensureKeelWorktree(git, ws))).toMatch(/detached HEAD/);
  });

  it('does not take a HEAD file that names the branch only as a prefix or with other text', async () => {
    const { git, ws } = await scene();
    const head = join(worktreeGitDir(ws), 'HEAD');
    expect(readFileSync(head, 'utf8')).toBe('ref: refs/heads/keel/r1\n');
    sh(ws.worktree, 'checkout', '--quiet', '-b', 'keel/r1x');
    expect(await refused(ensureKeelWorktree(git, ws))).toMatch(/keel\/r1x, not keel\/r1/);
  });
});

describe('movedBranchHead', () => {
  it('reads the loose ref git just wrote, and asks git when the ref is packed or refs are not files', async () => {
    const { git, ws, calls } = await scene();
    writeFileSync(join(ws.worktree, 'a.txt'), 'a\n');
    const first = await commitStep(git, ws, { runId: 'r1', stepId: 'code:a', message: 'a' });
    expect(first.sha).toBe(sh(ws.repoRoot, 'rev-parse', 'refs/heads/keel/r1'));
    const probe = await ensureKeelWorktree(git, ws);

    calls.length = 0;
    expect(await movedBranchHead(git, ws, probe)).toBe(first.sha);
    expect(calls).toHaveLength(0); // from the file

    sh(ws.repoRoot, 'pack-refs', '--all', '--prune'); // no loose file any more
    expect(await movedBranchHead(git, ws, probe)).toBe(first.sha);
    expect(calls).toHaveLength(1);

    writeFileSync(join(ws.worktree, 'b.txt'), 'b\n');
    const second = await commitStep(git, ws, { runId: 'r1', stepId: 'code:b', message: 'b' });
    expect(second.sha).toBe(sh(ws.repoRoot, 'rev-parse', 'refs/heads/keel/r1')); // loose again, newer than packed

    mkdirSync(join(ws.repoRoot, '.git', 'reftable'));
    calls.length = 0;
    expect(await movedBranchHead(git, ws, probe)).toBe(second.sha);
    expect(calls).toHaveLength(1);
  });

  it('asks git for a branch whose ref file is not one sha (a symbolic ref)', async () => {
    const { git, ws } = await scene();
    const probe = await ensureKeelWorktree(git, ws);
    sh(ws.repoRoot, 'branch', 'keel/target', 'main');
    sh(ws.repoRoot, 'symbolic-ref', 'refs/heads/keel/alias', 'refs/heads/keel/target');
    expect(await movedBranchHead(git, { ...ws, branch: 'keel/alias' }, probe)).toBe(
      sh(ws.repoRoot, 'rev-parse', 'main'),
    );
  });
});
