/**
 * `isBranchName` replaces a `git check-ref-format --branch` process: wherever it says yes, git must say yes
 * too (it may refuse more — never less). Checked on hand-picked names and on a seeded fuzz of names built
 * from the characters and pieces git's rules are about, each asked of the real git.
 *
 * Replay a failure with KEEL_BRANCH_FUZZ_SEED=<seed> (KEEL_BRANCH_FUZZ_RUNS to change the count).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { isBranchName } from '../../src/git/workspace-guards.ts';
import { mulberry32 } from '../config/helpers.ts';
import { initRepo, ISOLATED_ENV, removeTempDirs } from './helpers.ts';

afterAll(removeTempDirs);

const SEED = Number(process.env.KEEL_BRANCH_FUZZ_SEED ?? 0x62726e63);
const RUNS = Number(process.env.KEEL_BRANCH_FUZZ_RUNS ?? 400);

const repo = initRepo();

/** git's own answer, in a repository (`@{-1}` and the like are resolved against one). */
function gitAccepts(name: string): boolean {
  const result = spawnSync('git', ['check-ref-format', '--branch', name], {
    cwd: repo,
    env: { ...process.env, ...ISOLATED_ENV },
    stdio: 'ignore',
  });
  return result.status === 0;
}

describe('isBranchName', () => {
  it("refuses what git would read as something else, and every name git's rules forbid", () => {
    const refused = [
      '',
      '@',
      'HEAD',
      '-',
      '-x',
      '--force',
      'a.lock',
      'keel/r1.lock',
      'a.lock/b',
      'a..b',
      '..',
      'a@{b',
      '@{-1}',
      'a@{u}',
      '.a',
      'a/.b',
      'a.',
      'a/',
      '/a',
      'a//b',
      'a b',
      'a\tb',
      'a\nb',
      'a\x00b',
      'a\x01b',
      'a\x1fb',
      'a\x7fb',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      'a\ud800b', // a lone surrogate: not a string git could be handed
    ];
    for (const name of refused) expect(isBranchName(name), JSON.stringify(name)).toBe(false);
    // Every one git refuses too, except those it would expand (`@` is the current branch, `HEAD` a ref).
    const expanded = new Set(['@']);
    for (const name of refused.filter((n) => n.isWellFormed() && !n.includes('\0') && !expanded.has(n)))
      expect(gitAccepts(name), JSON.stringify(name)).toBe(false);
  });

  it('accepts ordinary branch names, as git does', () => {
    for (const name of [
      'keel/r1',
      'keel/run-2025-01-01T00:00:00Z'.replace(/:/g, '-'),
      'feature/x_1',
      'a@b',
    ]) {
      expect(isBranchName(name), name).toBe(true);
      expect(gitAccepts(name), name).toBe(true);
    }
    for (const name of ['HEAD/x', 'x/HEAD', 'é/ü', 'v1.2.3', 'a-b.c_d']) {
      expect(isBranchName(name), name).toBe(true);
      expect(gitAccepts(name), name).toBe(true);
    }
  });

  it('never accepts a name git refuses (seeded fuzz)', () => {
    const pieces = [
      ...'abZ09-_./@{}~^:?*[\\ \t'.split(''),
      '\x01',
      '\x7f',
      '..',
      '@{',
      '.lock',
      'lock',
      'HEAD',
      'keel/',
      '/',
      '/',
      'é',
      '-',
      'a',
      'b',
      'r1',
    ];
    const random = mulberry32(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let accepted = 0;
    let gitOnly = 0;
    for (let i = 0; i < RUNS; i++) {
      const length = 1 + Math.floor(random() * 6);
      const name = Array.from({ length }, () => pick(pieces)).join('');
      const ours = isBranchName(name);
      const git = gitAccepts(name);
      if (ours) expect(git, `seed ${SEED}, run ${i}: ${JSON.stringify(name)} passed isBranchName`).toBe(true);
      if (ours) accepted++;
      else if (git) gitOnly++;
    }
    // Not vacuous: plenty of names get through, and the stricter rules refuse only a few git would take.
    expect(accepted).toBeGreaterThan(RUNS / 10);
    expect(gitOnly).toBeLessThan(accepted);
  });
});
