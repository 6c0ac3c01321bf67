/**
 * How `prepareWorkspace` finds the base and the work branch's tip: one `rev-parse --revs-only` for a plain
 * base (a sha, HEAD, a branch or tag name), one `rev-parse --verify` each for anything else (`HEAD~1`,
 * `main^`, a range, a reflog entry). Either way the answer must be git's own — checked against `git
 * rev-parse` — with the branch missing (a new run) or there (a resumed one), and a base that names no
 * commit refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitStep, prepareWorkspace, WorkspaceError } from '../../src/git/workspace.ts';
import { commitFile, initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

/** A repository with three commits on main, an annotated tag on the middle one and a light one on the first. */
function scene() {
  const repo = initRepo();
  const first = sh(repo, 'rev-parse', 'HEAD');
  const second = commitFile(repo, 'second.txt', '2\n');
  sh(repo, 'tag', '-a', '-m', 'release', 'v1', second);
  sh(repo, 'tag', 'light', first);
  const third = commitFile(repo, 'third.txt', '3\n');
  return { repo, first, second, third, ...testGit() };
}

/** The git commands `prepareWorkspace` ran before listing the worktrees: how it read the base and the tip. */
function readsBeforeList(calls: string[][]): string[][] {
  const end = calls.findIndex((c) => c.includes('worktree'));
  return calls.slice(0, end).map((c) => c.slice(2)); // without `-c core.hooksPath=/dev/null`
}

describe('the base of a new run', () => {
  it.each([
    ['HEAD', 'third', 'main'],
    ['main', 'third', 'main'],
    ['v1', 'second', undefined], // an annotated tag: peeled to its commit; not a branch
    ['light', 'first', undefined],
    ['HEAD~1', 'second', undefined],
    ['main^^', 'first', undefined],
    ['HEAD@{0}', 'third', undefined],
  ] as const)('%s', async (baseRef, expected, branchName) => {
    const s = scene();
    const worktree = join(tempDir(), 'wt');
    const ws = await prepareWorkspace(s.git, {
      repoRoot: s.repo,
      runId: 'r1',
      worktree,
      baseRef,
      cache: true,
    });
    const sha = s[expected];
    expect(ws.baseSha).toBe(sha);
    expect(ws.baseSha).toBe(sh(s.repo, 'rev-parse', `${baseRef}^{commit}`));
    expect(ws.baseBranch).toBe(branchName ?? sha);
    expect(sh(worktree, 'rev-parse', 'HEAD')).toBe(sha);
    expect(sh(worktree, 'symbolic-ref', 'HEAD')).toBe('refs/heads/keel/r1');
    expect(ws.cache?.head).toBe(sha);
    expect(ws.cache?.commits).toEqual([]);
  });

  it('reads a plain base and the missing tip in one rev-parse, a non-plain one with one per revision', async () => {
    const plain = scene();
    await prepareWorkspace(plain.git, {
      repoRoot: plain.repo,
      runId: 'r1',
      worktree: join(tempDir(), 'wt'),
      baseRef: plain.second,
      baseBranch: 'main',
    });
    expect(readsBeforeList(plain.calls)).toHaveLength(1);

    const other = scene();
    await prepareWorkspace(other.git, {
      repoRoot: other.repo,
      runId: 'r1',
      worktree: join(tempDir(), 'wt'),
      baseRef: 'HEAD~1',
      baseBranch: 'main',
    });
    const reads = readsBeforeList(other.calls);
    expect(reads).toHaveLength(3);
    expect(reads.slice(1).map((c) => c.at(-1))).toEqual(['HEAD~1^{commit}', 'refs/heads/keel/r1^{commit}']);
  });

  it('takes a short sha as a plain base', async () => {
    const s = scene();
    const ws = await prepareWorkspace(s.git, {
      repoRoot: s.repo,
      runId: 'r1',
      worktree: join(tempDir(), 'wt'),
      baseRef: s.second.slice(0, 10),
    });
    expect(ws.baseSha).toBe(s.second);
    expect(readsBeforeList(s.calls)).toHaveLength(2); // and the branch name (`--symbolic-full-name`)
  });

  it.each(['nope', 'HEAD~99', 'HEAD..main', '-x', 'main:README.md'])(
    'refuses %s, which names no commit',
    async (baseRef) => {
      const s = scene();
      const error = await prepareWorkspace(s.git, {
        repoRoot: s.repo,
        runId: 'r1',
        worktree: join(tempDir(), 'wt'),
        baseRef,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkspaceError);
      expect((error as WorkspaceError).reason).toBe('invalid');
      expect(sh(s.repo, 'branch', '--list', 'keel/*')).toBe('');
    },
  );
});

describe('the tip of an existing work branch', () => {
  it.each(['HEAD~1', 'v1', 'plain'])(
    'is found with a %s base, and the branch is reused as it is',
    async (kind) => {
      const s = scene();
      const worktree = join(tempDir(), 'wt');
      const first = await prepareWorkspace(s.git, { repoRoot: s.repo, runId: 'r1', worktree, baseRef: 'v1' });
      writeFileSync(join(worktree, 'work.txt'), 'work\n');
      const work = (await commitStep(s.git, first, { runId: 'r1', stepId: 'code:a', message: 'work' })).sha!;
      sh(s.repo, 'worktree', 'remove', '--force', worktree); // the resumed run finds the branch only
      const baseRef = kind === 'plain' ? s.second : kind;
      const again = await prepareWorkspace(s.git, {
        repoRoot: s.repo,
        runId: 'r1',
        worktree,
        baseRef,
        baseBranch: 'main',
        cache: true,
      });
      expect(again.baseSha).toBe(s.second);
      expect(sh(worktree, 'rev-parse', 'HEAD')).toBe(work);
      expect(sh(s.repo, 'rev-parse', 'keel/r1')).toBe(work);
      expect(again.cache?.head).toBe(work);
      expect(again.cache?.commits).toBeUndefined(); // base..tip is not known without a `log`
    },
  );

  it('is refused when it does not contain the base, whichever way the base was read', async () => {
    for (const baseRef of ['HEAD', 'HEAD~0']) {
      const s = scene();
      sh(s.repo, 'branch', 'keel/r1', s.first); // behind the base: not this run's work branch
      const error = await prepareWorkspace(s.git, {
        repoRoot: s.repo,
        runId: 'r1',
        worktree: join(tempDir(), 'wt'),
        baseRef,
      }).catch((e: unknown) => e);
      expect((error as WorkspaceError).message).toMatch(/does not contain the base/);
    }
  });
});
