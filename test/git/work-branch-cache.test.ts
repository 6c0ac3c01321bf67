/**
 * `WorkBranchCache` (`prepareWorkspace({ cache: true })`, what a run uses): after every change keel makes to
 * its work branch — a step's commit, a reset, a push with a rebase or a fallback branch, a resumed prepare —
 * whatever the cache holds is what git says, and a change that fails half-way (git did the work, then the
 * command "failed") leaves nothing stale: the next reader asks git.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Git } from '../../src/git/git-runner.ts';
import {
  commitStep,
  headSha,
  prepareWorkspace,
  pushWorkBranch,
  resetWorkBranch,
  stepCommits,
  WorkBranchCache,
  type WorkBranch,
} from '../../src/git/workspace.ts';
import { commitFile, initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

const RUN = 'r1';
/** Reads git for the checks, apart from the calls the tests count. */
const oracle = testGit().git;

async function scene(setUp?: (repo: string) => void) {
  const repo = initRepo();
  setUp?.(repo);
  const t = testGit();
  const worktree = join(tempDir(), 'wt');
  const ws = await prepareWorkspace(t.git, { repoRoot: repo, runId: RUN, worktree, cache: true });
  return { ...t, repo, ws };
}

async function step(git: Git, ws: WorkBranch, id: string, path = `${id}.txt`, message = id): Promise<string> {
  writeFileSync(join(ws.worktree, path), `${id}\n`);
  const result = await commitStep(git, ws, { runId: RUN, stepId: `code:${id}`, message });
  expect(result.created).toBe(true);
  return result.sha!;
}

/** Every fact the cache holds equals git's answer now; returns how many it held (0: all forgotten). */
async function expectTrue(ws: WorkBranch): Promise<number> {
  const cache = ws.cache!;
  let held = 0;
  if (cache.head !== undefined) {
    expect(cache.head, 'cached head').toBe(sh(ws.repoRoot, 'rev-parse', `refs/heads/${ws.branch}`));
    held++;
  }
  if (cache.commits !== undefined) {
    // git's answer: the same `log` read afresh, with nothing remembered.
    const fresh: WorkBranch = { ...ws, cache: new WorkBranchCache() };
    await stepCommits(oracle, fresh, RUN);
    expect(cache.commits, 'cached commits').toEqual(fresh.cache!.commits);
    const shas = sh(ws.repoRoot, 'rev-list', '--reverse', `${ws.baseSha}..refs/heads/${ws.branch}`);
    expect(cache.commits.map((c) => c.sha)).toEqual(shas === '' ? [] : shas.split('\n'));
    held++;
  }
  if (cache.repoCommonDir !== undefined) {
    expect(cache.repoCommonDir).toBe(join(ws.repoRoot, '.git'));
    held++;
  }
  return held;
}

/** `git` with the commands `matches` picks failing: run for real first (`after`: a timeout after git wrote it), or not at all. */
function failing(git: Git, matches: (args: string[]) => boolean, mode: 'after' | 'before'): Git {
  return {
    run: async (args, opts) => {
      if (!matches(args)) return git.run(args, opts);
      if (mode === 'after') await git.run(args, opts);
      throw new Error(`git ${args[0]} timed out (simulated)`);
    },
  };
}

const isCommit = (args: string[]): boolean => args.includes('commit') && !args.includes('--abort');

describe('WorkBranchCache', () => {
  it('starts with the base as head and no commits, and follows every commit', async () => {
    const { git, ws, calls } = await scene();
    expect(ws.cache).toMatchObject({ head: ws.baseSha, commits: [] });
    expect(await expectTrue(ws)).toBe(3);
    for (const id of ['a', 'b', 'c']) {
      const sha = await step(git, ws, id);
      expect(ws.cache!.head).toBe(sha);
      expect(ws.cache!.commits?.at(-1)).toEqual({ sha, runs: [RUN], steps: [`code:${id}`] });
      expect(await expectTrue(ws)).toBe(3);
    }
    // Known: no `log` and no head lookup after the first prepare.
    expect(calls.filter((c) => c.includes('log'))).toHaveLength(0);
    expect(await headSha(git, ws)).toBe(ws.cache!.head);
    expect([...(await stepCommits(git, ws, RUN)).keys()]).toEqual(['code:a', 'code:b', 'code:c']);
  });

  it('learns what git log says even when the message carries look-alike trailers under other separators', async () => {
    const { git, ws } = await scene((repo) => sh(repo, 'config', 'trailer.separators', ':=#'));
    const message =
      'subject\n\nKeel-Run= someone-else\nKeel-Step #code:other\nkeel-step: code:x\nSigned-off-by: A <a@b>';
    await step(git, ws, 'a', 'a.txt', message);
    await step(git, ws, 'b', 'b.txt', 'Keel-Run=r1\nKeel-Step=code:zzz');
    expect(await expectTrue(ws)).toBe(3);
    expect([...(await stepCommits(git, { ...ws, cache: new WorkBranchCache() }, RUN)).keys()]).toEqual([
      'code:a',
      'code:b',
    ]);
  });

  it('reports nothing to commit without moving or forgetting wrongly, and asks diff only then', async () => {
    const { git, ws, calls } = await scene();
    await step(git, ws, 'a');
    expect(calls.some((c) => c.includes('diff'))).toBe(false);
    const none = await commitStep(git, ws, { runId: RUN, stepId: 'code:none', message: 'none' });
    expect(none).toEqual({ sha: undefined, created: false, reason: 'nothing to commit' });
    expect(calls.filter((c) => c.includes('diff'))).toHaveLength(1);
    await expectTrue(ws);
    expect(await headSha(git, ws)).toBe(sh(ws.repoRoot, 'rev-parse', 'keel/r1'));
  });

  it('leaves nothing stale when a commit fails after git made it, and finds that commit again', async () => {
    const { git, ws } = await scene();
    await step(git, ws, 'a');
    writeFileSync(join(ws.worktree, 'b.txt'), 'b\n');
    const broken = failing(git, isCommit, 'after');
    await expect(commitStep(broken, ws, { runId: RUN, stepId: 'code:b', message: 'b' })).rejects.toThrow(
      /simulated/,
    );
    const made = sh(ws.repoRoot, 'rev-parse', 'keel/r1');
    expect(ws.cache).toMatchObject({ head: undefined, commits: undefined });
    await expectTrue(ws);
    // The resumed step finds its commit by trailer rather than committing twice.
    expect(await commitStep(git, ws, { runId: RUN, stepId: 'code:b', message: 'b' })).toEqual({
      sha: made,
      created: false,
    });
    expect(await headSha(git, ws)).toBe(made);
    expect(await expectTrue(ws)).toBe(3);
  });

  it('leaves nothing stale when a commit fails before git made it', async () => {
    const { git, ws } = await scene();
    const a = await step(git, ws, 'a');
    writeFileSync(join(ws.worktree, 'b.txt'), 'b\n');
    await expect(
      commitStep(failing(git, isCommit, 'before'), ws, { runId: RUN, stepId: 'code:b', message: 'b' }),
    ).rejects.toThrow(/simulated/);
    await expectTrue(ws);
    expect(await headSha(git, ws)).toBe(a);
    const b = await step(git, ws, 'b');
    expect(await expectTrue(ws)).toBe(3);
    expect((await stepCommits(git, ws, RUN)).get('code:b')).toBe(b);
  });

  it('follows a reset, and forgets when the reset fails half-way', async () => {
    const { git, ws } = await scene();
    const a = await step(git, ws, 'a');
    await step(git, ws, 'b');
    await resetWorkBranch(git, ws, a);
    expect(ws.cache!.head).toBe(a);
    await expectTrue(ws);
    expect([...(await stepCommits(git, ws, RUN)).keys()]).toEqual(['code:a']);
    expect(await expectTrue(ws)).toBe(3);

    await step(git, ws, 'c');
    const broken = failing(git, (args) => args.includes('reset'), 'after');
    await expect(resetWorkBranch(broken, ws, ws.baseSha)).rejects.toThrow(/simulated/);
    expect(sh(ws.repoRoot, 'rev-parse', 'keel/r1')).toBe(ws.baseSha); // git did move it
    await expectTrue(ws);
    expect(await headSha(git, ws)).toBe(ws.baseSha);
    expect(await stepCommits(git, ws, RUN)).toEqual(new Map());
    expect(await expectTrue(ws)).toBe(3);
  });

  describe('pushWorkBranch', () => {
    async function remoteScene() {
      const remote = join(tempDir(), 'remote.git');
      sh(tempDir(), 'init', '--quiet', '--bare', '-b', 'main', remote);
      const s = await scene((repo) => {
        sh(repo, 'remote', 'add', 'origin', remote);
        sh(repo, 'push', '--quiet', 'origin', 'main');
      });
      const other = join(tempDir(), 'other');
      sh(tempDir(), 'clone', '--quiet', remote, other);
      /** Someone else pushes a commit to the work branch. */
      const theyPush = (path: string, content: string): string => {
        sh(other, 'fetch', '--quiet', 'origin');
        sh(other, 'checkout', '--quiet', '-B', 'keel/r1', 'origin/keel/r1');
        const sha = commitFile(other, path, content, 'a human helps');
        sh(other, 'push', '--quiet', 'origin', 'keel/r1');
        return sha;
      };
      return { ...s, remote, theyPush };
    }

    it('follows a push, a rebase onto their commit, and the commits after it', async () => {
      const { git, ws, theyPush } = await remoteScene();
      await step(git, ws, 'a');
      const pushed = await pushWorkBranch(git, ws, { remote: 'origin' });
      expect(pushed.sha).toBe(sh(ws.repoRoot, 'rev-parse', 'keel/r1'));
      expect(await expectTrue(ws)).toBe(3);

      theyPush('human.txt', 'human\n');
      const before = await step(git, ws, 'b');
      const rebased = await pushWorkBranch(git, ws, { remote: 'origin' });
      expect(rebased).toMatchObject({ rebased: true, newBranch: false });
      expect(rebased.sha).not.toBe(before); // new shas: what the cache held no longer holds
      expect(rebased.sha).toBe(sh(ws.repoRoot, 'rev-parse', 'keel/r1'));
      await expectTrue(ws);
      expect(await headSha(git, ws)).toBe(rebased.sha);
      const map = await stepCommits(git, ws, RUN);
      expect([...map.keys()]).toEqual(['code:a', 'code:b']);
      expect(map.get('code:b')).toBe(rebased.sha);
      expect(await expectTrue(ws)).toBe(3);

      const c = await step(git, ws, 'c');
      expect(ws.cache!.commits?.map((x) => x.sha)).toContain(c);
      expect(await expectTrue(ws)).toBe(3);
    });

    it('stays true when the rebase conflicts and the work goes to a new branch', async () => {
      const { git, ws, theyPush } = await remoteScene();
      await step(git, ws, 'a', 'src/app.txt');
      await pushWorkBranch(git, ws, { remote: 'origin' });
      theyPush('src/app.txt', 'human line\n');
      const mine = await step(git, ws, 'b', 'src/app.txt', 'b');
      const result = await pushWorkBranch(git, ws, { remote: 'origin' });
      expect(result).toMatchObject({ remoteBranch: 'keel/r1-2', sha: mine, newBranch: true });
      await expectTrue(ws);
      expect(await headSha(git, ws)).toBe(mine);
      expect((await stepCommits(git, ws, RUN)).get('code:b')).toBe(mine);
      expect(await expectTrue(ws)).toBe(3);
    });

    it('forgets when the rebase fails half-way', async () => {
      const { git, ws, theyPush } = await remoteScene();
      await step(git, ws, 'a');
      await pushWorkBranch(git, ws, { remote: 'origin' });
      theyPush('human.txt', 'human\n');
      await step(git, ws, 'b');
      const broken = failing(git, (args) => args.includes('rebase') && !args.includes('--abort'), 'after');
      await expect(pushWorkBranch(broken, ws, { remote: 'origin' })).rejects.toThrow(/simulated/);
      await expectTrue(ws);
      const head = sh(ws.repoRoot, 'rev-parse', 'keel/r1');
      expect(await headSha(git, ws)).toBe(head);
      expect((await stepCommits(git, ws, RUN)).get('code:b')).toBe(head);
      expect(await expectTrue(ws)).toBe(3);
    });
  });

  describe('prepareWorkspace', () => {
    it('knows the tip of a resumed branch, and reads its commits once when asked', async () => {
      const { git, ws, repo, calls } = await scene();
      await step(git, ws, 'a');
      const b = await step(git, ws, 'b');
      const again = await prepareWorkspace(git, {
        repoRoot: repo,
        runId: RUN,
        worktree: ws.worktree,
        baseRef: ws.baseSha,
        baseBranch: 'main',
        cache: true,
      });
      expect(again.cache).toMatchObject({ head: b, commits: undefined });
      calls.length = 0;
      expect([...(await stepCommits(git, again, RUN)).keys()]).toEqual(['code:a', 'code:b']);
      await stepCommits(git, again, RUN);
      expect(calls.filter((c) => c.includes('log'))).toHaveLength(1);
      expect(await expectTrue(again)).toBe(3);
    });

    it('does not claim a head after aborting a half-done operation', async () => {
      const { git, ws, repo } = await scene();
      const mine = await step(git, ws, 'a', 'src/app.txt');
      sh(repo, 'checkout', '--quiet', '-b', 'other', ws.baseSha);
      const theirs = commitFile(repo, 'src/app.txt', 'other version\n');
      sh(repo, 'checkout', '--quiet', 'main');
      expect(() => sh(ws.worktree, 'cherry-pick', theirs)).toThrow(); // conflict: stops half-way
      const again = await prepareWorkspace(git, {
        repoRoot: repo,
        runId: RUN,
        worktree: ws.worktree,
        baseRef: ws.baseSha,
        cache: true,
      });
      expect(again.cache?.head).toBeUndefined();
      expect(await headSha(git, again)).toBe(mine);
      expect(await expectTrue(again)).toBe(2);
    });
  });
});
