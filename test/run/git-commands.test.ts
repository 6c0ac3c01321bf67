/**
 * Every git command one `keel run` starts, logged by a `git` on PATH that records its directory and
 * arguments and then runs the real one. What must hold:
 * - in the user's checkout, only reads (and `worktree add`/`prune`/`list`): nothing there is committed,
 *   reset, cleaned, checked out or rebased;
 * - every `add`/`commit` in keel's worktree comes right after the guard's probe of that worktree;
 * - nothing is ever forced;
 * - the run's git work stays within its budget — a few commands to start, then three per step commit
 *   (probe, add, commit) — which is what the run's remembered branch facts (`WorkBranchCache`) buy;
 * - and what the run remembered was right: each step's recorded commit is the one git finds by trailer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  createRunFixture,
  fixtureArgs,
  gitSync,
  readState,
  runKeel,
  startFleet,
  type RunFixture,
} from './helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';
/**
 * Commands outside the per-commit three: start (1), worktree (1: a new run adds it straight away), plan (1),
 * review (1), publish (1: the step commits), the finished run's worktree removed (2: the guard's probe of it,
 * `worktree remove`); and validation's 9 — the copy it runs in (clone, remote remove;
 * diff and ls-files to report what validation changed), and the repository's fingerprint before and after
 * (for-each-ref, config, status). The fixture's repository names a committer, so no identity is asked for.
 */
const FIXED_BUDGET = 7 + 9;
const PER_COMMIT = 3;

let sim: FleetSimulator;
let fx: RunFixture;

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 5 });
  fx = await createRunFixture(sim);
});
afterAll(async () => {
  await fx?.cleanup();
  await sim?.close();
});

interface GitCall {
  cwd: string;
  /** Without the runner's fixed `-c core.hooksPath=/dev/null`. */
  args: string[];
}

/** A `git` that appends `cwd␟arg␟arg…␞` to $KEEL_GIT_LOG in one write, then runs the real git. */
async function loggingGit(dir: string): Promise<string> {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const script = [
    '#!/bin/sh',
    `printf '%s\\036' "$(printf '%s\\037' "$PWD" "$@")" >> "$KEEL_GIT_LOG"`,
    `exec '${real}' "$@"`,
    '',
  ].join('\n');
  await writeFile(join(dir, 'git'), script);
  await chmod(join(dir, 'git'), 0o755);
  return dir;
}

async function readCalls(path: string): Promise<GitCall[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\x1e')
    .filter((record) => record !== '')
    .map((record) => {
      const [cwd = '', ...args] = record.split('\x1f');
      args.pop(); // after the last separator
      const fixed = args[0] === '-c' && args[1] === 'core.hooksPath=/dev/null' ? 2 : 0;
      return { cwd, args: args.slice(fixed) };
    });
}

/** The subcommand, past `-c key=value` pairs. */
function sub(call: GitCall): string {
  for (let i = 0; i < call.args.length; i++) {
    if (call.args[i] === '-c') i++;
    else return call.args[i]!;
  }
  return '';
}

const isProbe = (call: GitCall): boolean => sub(call) === 'rev-parse' && call.args.includes('--git-path');

describe('the git commands of one run', () => {
  it("stay out of the user's checkout, guard every change, never force, and stay within the budget", async () => {
    const bin = await loggingGit(fx.dir);
    const log = join(fx.dir, 'git.log');
    const exit = await runKeel(['--task', TASK, '--run-id', 'count', ...fixtureArgs(fx)], {
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, KEEL_GIT_LOG: log },
    });
    expect(exit.code, exit.stdout + exit.stderr).toBe(0);
    const state = (await readState(fx, 'count'))!;
    expect(state.status).toBe('completed');
    const calls = await readCalls(log);
    const described = calls.map((c) => `${c.cwd === fx.repo ? 'checkout' : c.cwd}: ${c.args.join(' ')}`);

    // The user's checkout: reads, and the worktree bookkeeping.
    const readOnly = new Set([
      'rev-parse',
      'ls-tree',
      'log',
      'diff',
      'ls-files',
      'merge-base',
      'symbolic-ref',
      'worktree',
    ]);
    for (const call of calls.filter((c) => c.cwd === fx.repo)) {
      expect(readOnly.has(sub(call)), `in the checkout: ${call.args.join(' ')}`).toBe(true);
      if (sub(call) === 'worktree')
        expect(['list', 'add', 'prune', 'remove'], call.args.join(' ')).toContain(call.args[1]);
      if (sub(call) === 'diff') expect(call.args).not.toContain('--output');
    }

    // Changes happen in keel's worktree, each right after the guard's probe there.
    const worktree = state.repo.worktree;
    calls.forEach((call, i) => {
      if (sub(call) === 'add') {
        expect(call.cwd).toBe(worktree);
        expect(isProbe(calls[i - 1]!) && calls[i - 1]!.cwd === worktree, described.join('\n')).toBe(true);
      }
      if (sub(call) === 'commit') {
        expect(call.cwd).toBe(worktree);
        const before = calls.slice(0, i).filter((c) => sub(c) !== 'config');
        expect(sub(before.at(-1)!), described.join('\n')).toBe('add');
      }
      const forced = call.args.some((a) => a === '-f' || a.startsWith('--force') || a.startsWith('+'));
      if (sub(call) !== 'clean') expect(forced, call.args.join(' ')).toBe(false);
    });

    // What the run remembered is what git says: each step's commit, found by its trailer.
    const commits = calls.filter((c) => sub(c) === 'commit').length;
    const steps = Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
    expect(steps.map((s) => s.status)).toEqual(['done', 'done']);
    for (const s of steps) {
      const byTrailer = gitSync(
        fx.repo,
        'log',
        '--format=%H',
        `--grep=^Keel-Step: ${s.id}$`,
        `${state.repo.baseSha}..refs/heads/${state.repo.workBranch}`,
      );
      expect(s.commit).toBe(byTrailer);
    }
    expect(commits).toBe(2);
    // Finished: its worktree is gone (the branch stays, with the work), so the branch can be checked out.
    expect(existsSync(state.repo.worktree)).toBe(false);
    expect(gitSync(fx.repo, 'worktree', 'list', '--porcelain')).not.toContain(state.repo.worktree);
    expect(calls.length, described.join('\n')).toBeLessThanOrEqual(FIXED_BUDGET + PER_COMMIT * commits);
  });
});
