/**
 * Pushing the work branch to a local bare remote that someone else also pushes to: rebase when it applies
 * cleanly, a new branch when it does not, and never a force push — the remote's commits always survive.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  commitStep,
  prepareWorkspace,
  pushWorkBranch,
  stepCommits,
  type WorkBranch,
} from '../../src/git/workspace.ts';
import { commitFile, initRepo, removeTempDirs, sh, tempDir, testGit, type TestGit } from './helpers.ts';

afterAll(removeTempDirs);

async function scene(): Promise<TestGit & { ws: WorkBranch; remote: string; other: string }> {
  const remote = join(tempDir(), 'remote.git');
  sh(tempDir(), 'init', '--quiet', '--bare', '-b', 'main', remote);
  const repo = initRepo();
  sh(repo, 'remote', 'add', 'origin', remote);
  sh(repo, 'push', '--quiet', 'origin', 'main');
  const t = testGit();
  const ws = await prepareWorkspace(t.git, { repoRoot: repo, runId: 'r1', worktree: join(tempDir(), 'wt') });
  const other = join(tempDir(), 'other');
  sh(tempDir(), 'clone', '--quiet', remote, other);
  return { ...t, ws, remote, other };
}

async function step(
  t: TestGit & { ws: WorkBranch },
  id: string,
  path: string,
  content: string,
): Promise<string> {
  writeFileSync(join(t.ws.worktree, path), content);
  return (await commitStep(t.git, t.ws, { runId: 'r1', stepId: id, message: id })).sha!;
}

/** Someone else pushes a commit to the work branch from their own clone. */
function otherPushes(other: string, path: string, content: string): string {
  sh(other, 'fetch', '--quiet', 'origin');
  sh(other, 'checkout', '--quiet', '-B', 'keel/r1', 'origin/keel/r1');
  const sha = commitFile(other, path, content, 'a human helps');
  sh(other, 'push', '--quiet', 'origin', 'keel/r1');
  return sha;
}

const remoteSha = (remote: string, ref: string): string => sh(remote, 'rev-parse', ref);
const isAncestor = (remote: string, a: string, b: string): boolean => {
  try {
    sh(remote, 'merge-base', '--is-ancestor', a, b);
    return true;
  } catch {
    return false;
  }
};

function neverForced(calls: string[][]): void {
  for (const args of calls.filter((a) => a.includes('push'))) {
    expect(
      args.some((a) => a === '-f' || a.startsWith('--force') || a.startsWith('+') || a === '--mirror'),
    ).toBe(false);
  }
}

describe('pushWorkBranch', () => {
  it('pushes the work branch', async () => {
    const t = await scene();
    const sha = await step(t, 'code:a', 'a.txt', 'a\n');
    expect(await pushWorkBranch(t.git, t.ws, { remote: 'origin' })).toEqual({
      remoteBranch: 'keel/r1',
      sha,
      rebased: false,
      newBranch: false,
    });
    expect(remoteSha(t.remote, 'keel/r1')).toBe(sha);
  });

  it('rebases onto commits someone else pushed when that applies cleanly, and keeps them', async () => {
    const t = await scene();
    await step(t, 'code:a', 'a.txt', 'a\n');
    await pushWorkBranch(t.git, t.ws, { remote: 'origin' });
    const theirs = otherPushes(t.other, 'human.txt', 'human\n');
    await step(t, 'code:b', 'b.txt', 'b\n');

    const result = await pushWorkBranch(t.git, t.ws, { remote: 'origin' });
    expect(result).toMatchObject({ remoteBranch: 'keel/r1', rebased: true, newBranch: false });
    expect(remoteSha(t.remote, 'keel/r1')).toBe(result.sha);
    expect(isAncestor(t.remote, theirs, 'keel/r1')).toBe(true); // their commit survived
    expect([...(await stepCommits(t.git, t.ws, 'r1')).keys()]).toEqual(['code:a', 'code:b']); // trailers too
    neverForced(t.calls);
  });

  it('pushes to a new branch when the rebase would conflict, leaving the remote branch as it was', async () => {
    const t = await scene();
    await step(t, 'code:a', 'src/app.txt', 'keel line\n');
    await pushWorkBranch(t.git, t.ws, { remote: 'origin' });
    const theirs = otherPushes(t.other, 'src/app.txt', 'human line\n');
    const mine = await step(t, 'code:b', 'src/app.txt', 'keel line, improved\n');

    const result = await pushWorkBranch(t.git, t.ws, { remote: 'origin' });
    expect(result).toMatchObject({ remoteBranch: 'keel/r1-2', sha: mine, rebased: false, newBranch: true });
    expect(remoteSha(t.remote, 'keel/r1')).toBe(theirs);
    expect(remoteSha(t.remote, 'keel/r1-2')).toBe(mine);
    // keel's worktree is back on its branch, clean, its commits intact.
    expect(sh(t.ws.worktree, 'symbolic-ref', 'HEAD')).toBe('refs/heads/keel/r1');
    expect(sh(t.ws.worktree, 'status', '--porcelain')).toBe('');
    expect(sh(t.ws.worktree, 'rev-parse', 'HEAD')).toBe(mine);

    // The next push goes to the same fallback branch as a fast-forward.
    const next = await step(t, 'code:c', 'c.txt', 'c\n');
    expect(await pushWorkBranch(t.git, t.ws, { remote: 'origin' })).toMatchObject({
      remoteBranch: 'keel/r1-2',
      sha: next,
    });
    expect(remoteSha(t.remote, 'keel/r1')).toBe(theirs);
    neverForced(t.calls);
  });

  it('skips a fallback branch that is taken by someone else', async () => {
    const t = await scene();
    await step(t, 'code:a', 'src/app.txt', 'keel line\n');
    await pushWorkBranch(t.git, t.ws, { remote: 'origin' });
    const theirs = otherPushes(t.other, 'src/app.txt', 'human line\n');
    sh(t.other, 'push', '--quiet', 'origin', 'keel/r1:keel/r1-2'); // -2 holds their commit, not ours
    const mine = await step(t, 'code:b', 'src/app.txt', 'keel line, improved\n');
    expect(await pushWorkBranch(t.git, t.ws, { remote: 'origin' })).toMatchObject({
      remoteBranch: 'keel/r1-3',
      newBranch: true,
    });
    expect(remoteSha(t.remote, 'keel/r1-2')).toBe(theirs);
    expect(remoteSha(t.remote, 'keel/r1-3')).toBe(mine);
    neverForced(t.calls);
  });

  it('refuses an option-like remote', async () => {
    const t = await scene();
    await expect(pushWorkBranch(t.git, t.ws, { remote: '--mirror' })).rejects.toMatchObject({
      reason: 'invalid',
    });
  });
});
