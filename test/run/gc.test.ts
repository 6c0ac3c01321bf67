/**
 * `keel gc` (issue 11 §9), against a real repository: old finished runs lose their worktree (and its
 * `.git/info/exclude` line), their merged work branch and their directory; unfinished and recent runs, an
 * unmerged branch, a branch someone checked out and a worktree with changes stay.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stateLayout } from '../../src/base/state-layout.ts';
import { addToExclude } from '../../src/git/exclude.ts';
import { finishWorkspace } from '../../src/git/finish-workspace.ts';
import { collectGarbage } from '../../src/run/gc.ts';
import type { RunState } from '../../src/run/state.ts';
import { commitFile, initRepo, removeTempDirs, sh, testGit } from '../git/helpers.ts';
import { makeState } from './fixtures/states.ts';

afterAll(removeTempDirs);

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);
const OLD = NOW - 20 * DAY;

interface Scene {
  repo: string;
  stateDir: string;
  baseSha: string;
}

function scene(): Scene {
  const repo = initRepo();
  return { repo, stateDir: join(repo, '.keel'), baseSha: sh(repo, 'rev-parse', 'HEAD') };
}

/** A run's directory with its state; `branch: 'merged' | 'unmerged'` makes keel/<id> with one commit. */
function addRun(
  s: Scene,
  runId: string,
  status: RunState['status'],
  updatedAt: number,
  o: { branch?: 'merged' | 'unmerged'; worktree?: boolean } = {},
): RunState {
  const worktree = stateLayout(s.stateDir).worktree(runId);
  const state: RunState = {
    ...makeState(runId, { runId, at: updatedAt }),
    status,
    repo: { root: s.repo, baseBranch: 'main', baseSha: s.baseSha, workBranch: `keel/${runId}`, worktree },
  };
  if (o.branch) {
    sh(s.repo, 'branch', `keel/${runId}`, s.baseSha);
    sh(s.repo, 'worktree', 'add', '--quiet', worktree, `keel/${runId}`);
    commitFile(worktree, `${runId}.txt`, `${runId}\n`);
    if (o.branch === 'merged') sh(s.repo, 'merge', '--quiet', '--no-edit', `keel/${runId}`);
    if (!o.worktree) sh(s.repo, 'worktree', 'remove', worktree);
  }
  const run = stateLayout(s.stateDir).run(runId);
  mkdirSync(run.dir, { recursive: true });
  writeFileSync(run.state, JSON.stringify(state));
  return state;
}

const branches = (repo: string): string[] =>
  sh(repo, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/keel/').split('\n').filter(Boolean);
const runExists = (s: Scene, runId: string): boolean => existsSync(stateLayout(s.stateDir).run(runId).dir);

describe('keel gc', () => {
  it('prunes old finished runs: worktree and exclude line, merged branch, run directory', async () => {
    const s = scene();
    const done = addRun(s, 'done', 'completed', OLD, { branch: 'merged', worktree: true });
    await addToExclude(join(s.repo, '.git'), '.keel/worktrees/done');
    addRun(s, 'open-pr', 'partial', OLD, { branch: 'unmerged' });
    addRun(s, 'stopped', 'interrupted', OLD, { branch: 'unmerged', worktree: true });
    addRun(s, 'fresh', 'completed', NOW - DAY, { branch: 'merged' });

    const { git } = testGit();
    const report = await collectGarbage({ git, stateDir: s.stateDir, olderThanMs: 14 * DAY, now: NOW });

    expect(report.skipped).toBe(2); // interrupted, and newer than 14 days
    expect(report.outcomes).toEqual([
      { runId: 'done', kind: 'pruned', worktree: true, branch: 'deleted' },
      {
        runId: 'open-pr',
        kind: 'pruned',
        worktree: false,
        branch: 'kept',
        why: 'not merged into main',
      },
    ]);
    expect(existsSync(done.repo.worktree)).toBe(false);
    expect(sh(s.repo, 'worktree', 'list', '--porcelain')).not.toContain('/done');
    expect(readFileSync(join(s.repo, '.git', 'info', 'exclude'), 'utf8')).not.toContain('done');
    expect(branches(s.repo).sort()).toEqual(['keel/fresh', 'keel/open-pr', 'keel/stopped']);
    expect(['done', 'open-pr'].filter((id) => runExists(s, id))).toEqual([]);
    expect(['stopped', 'fresh'].filter((id) => runExists(s, id))).toEqual(['stopped', 'fresh']);
    expect(existsSync(stateLayout(s.stateDir).worktree('stopped'))).toBe(true);
  });

  it('keeps a run whose worktree has changes, and a merged branch someone has checked out', async () => {
    const s = scene();
    const dirty = addRun(s, 'dirty', 'failed', OLD, { branch: 'unmerged', worktree: true });
    writeFileSync(join(dirty.repo.worktree, 'half.txt'), 'not committed\n');
    addRun(s, 'looked-at', 'completed', OLD, { branch: 'merged' });
    sh(s.repo, 'checkout', '--quiet', 'keel/looked-at');

    const { git } = testGit();
    const report = await collectGarbage({ git, stateDir: s.stateDir, olderThanMs: 14 * DAY, now: NOW });

    const byId = Object.fromEntries(report.outcomes.map((o) => [o.runId, o]));
    expect(byId.dirty).toMatchObject({ kind: 'kept' });
    expect((byId.dirty as { why: string }).why).toMatch(/its worktree stays: .*(modified|untracked)/);
    expect(existsSync(join(dirty.repo.worktree, 'half.txt'))).toBe(true);
    expect(runExists(s, 'dirty')).toBe(true);
    expect(byId['looked-at']).toMatchObject({ kind: 'pruned', branch: 'kept' });
    expect(branches(s.repo)).toContain('keel/looked-at');
  });

  it('--dry-run changes nothing', async () => {
    const s = scene();
    const done = addRun(s, 'done', 'completed', OLD, { branch: 'merged', worktree: true });
    const { git } = testGit();
    const report = await collectGarbage({
      git,
      stateDir: s.stateDir,
      olderThanMs: 14 * DAY,
      now: NOW,
      dryRun: true,
    });
    expect(report.outcomes).toEqual([{ runId: 'done', kind: 'pruned', worktree: true, branch: 'deleted' }]);
    expect(existsSync(done.repo.worktree)).toBe(true);
    expect(branches(s.repo)).toEqual(['keel/done']);
    expect(runExists(s, 'done')).toBe(true);
  });
});

describe('finishWorkspace', () => {
  it('removes the worktree and its exclude line, keeps the branch and every other exclude line', async () => {
    const s = scene();
    const state = addRun(s, 'r1', 'completed', NOW, { branch: 'unmerged', worktree: true });
    const exclude = join(s.repo, '.git', 'info', 'exclude');
    writeFileSync(exclude, '# the user’s own\n*.log\n');
    await addToExclude(join(s.repo, '.git'), '.keel/worktrees/r1');
    await addToExclude(join(s.repo, '.git'), '.keel/worktrees/r2');
    const { git } = testGit();
    const ws = {
      repoRoot: s.repo,
      worktree: state.repo.worktree,
      branch: 'keel/r1',
      baseBranch: 'main',
      baseSha: s.baseSha,
    };
    expect(await finishWorkspace(git, ws)).toEqual({ removed: true });
    expect(readFileSync(exclude, 'utf8')).toBe(
      '# the user’s own\n*.log\n# keel worktree\n/.keel/worktrees/r2/\n',
    );
    // The branch is the work: it stays, and the user's checkout can check it out now.
    sh(s.repo, 'checkout', '--quiet', 'keel/r1');
    expect(sh(s.repo, 'symbolic-ref', 'HEAD')).toBe('refs/heads/keel/r1');
  });
});
