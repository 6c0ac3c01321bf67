/** `keel gc` on the command line: its ages, its refusals, and one pass over a repository (issue 11 §9). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stateLayout } from '../../src/base/state-layout.ts';
import { runCli } from '../../src/cli/index.ts';
import { parseAge } from '../../src/cli/gc-command.ts';
import type { RunState } from '../../src/run/state.ts';
import { initRepo, removeTempDirs, sh } from '../git/helpers.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { makeState } from '../run/fixtures/states.ts';

afterAll(removeTempDirs);

describe('keel gc', () => {
  it('reads ages as people write them, and refuses anything else in one line', () => {
    expect(parseAge('14d')).toBe(14 * 86_400_000);
    expect(parseAge('36h')).toBe(36 * 3_600_000);
    expect(parseAge('90m')).toBe(90 * 60_000);
    expect(parseAge('0')).toBe(0);
    for (const bad of ['14', '2w', '-1d', '1.5d', ''])
      expect(() => parseAge(bad), bad).toThrow(/--older-than: ".*" is not an age like 14d/);
  });

  it('from a subdirectory, prunes the repository’s old finished runs and says what it did', async () => {
    const repo = initRepo();
    const baseSha = sh(repo, 'rev-parse', 'HEAD');
    const stateDir = join(repo, '.keel');
    const put = (runId: string, status: RunState['status'], at: number): void => {
      const run = stateLayout(stateDir).run(runId);
      mkdirSync(run.dir, { recursive: true });
      const state: RunState = {
        ...makeState(runId, { runId, at }),
        status,
        repo: {
          root: repo,
          baseBranch: 'main',
          baseSha,
          workBranch: `keel/${runId}`,
          worktree: stateLayout(stateDir).worktree(runId),
        },
      };
      writeFileSync(run.state, JSON.stringify(state));
    };
    put('old', 'completed', Date.now() - 30 * 86_400_000);
    put('recent', 'completed', Date.now());
    sh(repo, 'branch', 'keel/old'); // at the base: nothing of it is unmerged
    mkdirSync(join(repo, 'src', 'deep'), { recursive: true });

    const { io, stdout, stderr } = captureIO({}, join(repo, 'src', 'deep'));
    expect(await runCli(['gc'], io)).toBe(0);
    expect(stderr()).toBe('');
    expect(stdout()).toBe(
      'old: pruned merged branch, run directory\n' +
        'keel gc: pruned 1 run(s) older than 14 d; 1 run(s) unfinished or newer left alone\n',
    );
    expect(existsSync(stateLayout(stateDir).run('old').dir)).toBe(false);
    expect(existsSync(stateLayout(stateDir).run('recent').dir)).toBe(true);
    expect(sh(repo, 'branch', '--list', 'keel/*')).toBe('');
  });

  it('a bad --older-than is a usage error (exit 2), nothing pruned', async () => {
    const { io, stderr } = captureIO({}, initRepo());
    expect(await runCli(['gc', '--older-than', 'soon'], io)).toBe(2);
    expect(stderr()).toMatch(/^keel gc: --older-than: "soon" is not an age like 14d/);
  });
});
