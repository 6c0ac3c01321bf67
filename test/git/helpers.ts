/**
 * Real repositories for the git tests: temporary directories, git isolated from the machine's config, a
 * clock whose sleeps return at once (backoff is counted, not waited for).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/base/clock.ts';
import { createCommandRunner } from '../../src/exec/command-runner.ts';
import { createGit, type Git, type GitEvent, type GitOptions } from '../../src/git/git-runner.ts';

/** No global or system config (hooks, signing, identity, default branch) leaks in from the machine. */
export const ISOLATED_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

const dirs: string[] = [];

export function tempDir(prefix = 'keel-git-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Plain git for setting scenes (not under test), as a human with an identity. */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...ISOLATED_ENV,
      GIT_AUTHOR_NAME: 'Human',
      GIT_AUTHOR_EMAIL: 'human@example.com',
      GIT_COMMITTER_NAME: 'Human',
      GIT_COMMITTER_EMAIL: 'human@example.com',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** A repository on `main` with one commit (README.md, src/app.txt). */
export function initRepo(dir = tempDir()): string {
  sh(dir, 'init', '--quiet', '-b', 'main');
  writeFileSync(join(dir, 'README.md'), '# demo\n');
  execFileSync('mkdir', ['-p', join(dir, 'src')]);
  writeFileSync(join(dir, 'src', 'app.txt'), 'line 1\nline 2\nline 3\n');
  sh(dir, 'add', '-A');
  sh(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}

export function commitFile(dir: string, path: string, content: string, message = `edit ${path}`): string {
  writeFileSync(join(dir, path), content);
  sh(dir, 'add', '--', path);
  sh(dir, 'commit', '--quiet', '-m', message);
  return sh(dir, 'rev-parse', 'HEAD');
}

export interface FastClock extends Clock {
  sleeps: number[];
}

export function fastClock(): FastClock {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

export interface TestGit {
  git: Git;
  events: GitEvent[];
  clock: FastClock;
  /** Every argument list git was run with. */
  calls: string[][];
}

export function testGit(options: Partial<GitOptions> = {}): TestGit {
  const events: GitEvent[] = [];
  const calls: string[][] = [];
  const clock = fastClock();
  const runner = createCommandRunner();
  const git = createGit({
    runner: {
      run: (spec, opts) => {
        calls.push(spec.args);
        return runner.run(spec, opts);
      },
    },
    clock,
    log: (event) => events.push(event),
    ...options,
    env: { ...ISOLATED_ENV, ...options.env },
  });
  return { git, events, clock, calls };
}
